package org.pidnslab.kernel;

/** The life cycle of a simulated task, with the letter the state output uses. */
public enum TaskState {
  /** Running (TASK_RUNNING): the only state in which a task makes system calls. */
  RUNNING("R"),
  /** An init inside do_exit() waiting in zap_pid_ns_processes() for its namespace's pids to go. */
  EXITING("E"),
  /** EXIT_ZOMBIE: exited, keeps every pid until its parent reaps it. */
  ZOMBIE("Z"),
  /** EXIT_DEAD: reaped by release_task(); its numbers are freed. */
  DEAD("X");

  private final String letter;

  TaskState(String letter) {
    this.letter = letter;
  }

  /** The one-letter code, as ps(1) and the scenario output print it. */
  public String letter() {
    return letter;
  }
}
