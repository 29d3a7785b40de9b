package org.pidnslab.app.model;

/**
 * The two beats of a narrated step (predict, then reveal): first the caption's question over the
 * picture before the statement, then the statement runs and the caption adds its answer. A step
 * whose caption asks nothing runs in one beat, {@link #ANSWER}.
 */
public enum Beat {
  /** The next statement is marked but has not run: the picture is the one before it. */
  QUESTION,
  /** The statement has run: its result and the kernel's explanation are on show. */
  ANSWER;

  /**
   * Whether a step is told in two beats: a system call (it has a result to predict) whose caption
   * asks a question.
   */
  public static boolean asks(org.pidnslab.script.ScriptTrace.Step step, String caption) {
    return step != null && step.isCall() && caption != null && caption.contains("?");
  }
}
