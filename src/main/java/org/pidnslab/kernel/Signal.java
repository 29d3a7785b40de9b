package org.pidnslab.kernel;

/** The signals the scenario language can send. No simulated task installs a handler. */
public enum Signal {
  SIGKILL(9),
  SIGTERM(15);

  private final int number;

  Signal(int number) {
    this.number = number;
  }

  /** The signal number on x86-64. */
  public int number() {
    return number;
  }
}
