package org.pidnslab.export;

/**
 * An export that cannot be made as asked (a picture too large for memory, an animation without a
 * script, a script error in the scenario). The message is one line, fit to show a user as is.
 */
public final class ExportException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An export error with a one-line {@code message}. */
  public ExportException(String message) {
    super(message);
  }

  /** An export error with a one-line {@code message}, caused by {@code cause}. */
  public ExportException(String message, Throwable cause) {
    super(message, cause);
  }
}
