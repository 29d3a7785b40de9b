package org.pidnslab.script;

/**
 * A script error: bad syntax, an unknown or taken label, a statement by a task that is not running,
 * or a wait for a task that is not a child. Reported as {@code FILE:LINE: message}.
 */
public final class ScriptError extends Exception {
  private static final long serialVersionUID = 1L;
  private final int line;

  /**
   * An error at {@code line} (1-based). The message is kept with its control characters escaped
   * ({@link SafeText#escapeControls}), since it may quote the script. No stack trace is taken: a
   * script error is an answer about the script, and a script of millions of bad lines makes as many
   * of them.
   */
  public ScriptError(int line, String message) {
    super(SafeText.escapeControls(message), null, false, false);
    this.line = line;
  }

  /** The 1-based line the error is on. */
  public int line() {
    return line;
  }

  /** The spec's one-line form, {@code FILE:LINE: message}. */
  public String format(String file) {
    return SafeText.escapeControls(file) + ":" + line + ": " + getMessage();
  }
}
