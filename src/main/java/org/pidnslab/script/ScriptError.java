package org.pidnslab.script;

/**
 * A script error: bad syntax, an unknown or taken label, a statement by a task that is not running,
 * or a wait for a task that is not a child. Reported as {@code FILE:LINE: message}.
 */
public final class ScriptError extends Exception {
  private static final long serialVersionUID = 1L;
  private final int line;

  /** An error at {@code line} (1-based). */
  public ScriptError(int line, String message) {
    super(message);
    this.line = line;
  }

  /** The 1-based line the error is on. */
  public int line() {
    return line;
  }

  /** The spec's one-line form, {@code FILE:LINE: message}. */
  public String format(String file) {
    return file + ":" + line + ": " + getMessage();
  }
}
