package org.pidnslab.graph;

/** What a piece of text is, which decides its font ({@link Typography#font(TextRole)}). */
public enum TextRole {
  /** A task's name (comm), the first line of its box. */
  TASK_LABEL,
  /** A task's state letter (R, E, Z) in its badge. */
  TASK_STATE,
  /** A number on a PID chip. */
  CHIP,
  /** A namespace's name, the first line of its box in the namespace tree. */
  NS_TITLE,
  /** The detail lines of a namespace box. */
  NS_DETAIL
}
