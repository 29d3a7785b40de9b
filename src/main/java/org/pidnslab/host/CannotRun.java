package org.pidnslab.host;

/**
 * The real kernel cannot run a scenario here: {@code why} (one line) and {@code remedy}, what would
 * make it work.
 */
public final class CannotRun extends Exception {
  private static final long serialVersionUID = 1L;
  private final String remedy;

  CannotRun(String why, String remedy) {
    super(why);
    this.remedy = remedy;
  }

  /** What would make it work. */
  public String remedy() {
    return remedy;
  }

  /** {@code why; remedy} as one line. */
  public String line() {
    return getMessage() + "; " + remedy;
  }
}
