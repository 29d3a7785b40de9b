package org.pidnslab.script;

import java.util.List;
import org.pidnslab.kernel.Signal;

/**
 * One parsed line of a {@code .pidns} script: a system call made by a named task, or an {@code
 * expect}. Every statement remembers its line number and its words as written, which the output
 * repeats.
 */
public sealed interface Statement {

  /** The 1-based line number in the file. */
  int line();

  /** The words as written, without the comment. */
  List<String> words();

  /** The label of the task making the call (for {@code expect}, the task checked). */
  String actor();

  /** The statement as the output repeats it: its words joined by single spaces. */
  default String text() {
    return String.join(" ", words());
  }

  /** {@code fork PARENT CHILD}. */
  record Fork(int line, List<String> words, String actor, String child) implements Statement {}

  /** {@code clone PARENT CHILD newpid}. */
  record Clone(int line, List<String> words, String actor, String child) implements Statement {}

  /** {@code unshare TASK newpid}. */
  record Unshare(int line, List<String> words, String actor) implements Statement {}

  /** {@code setns TASK TARGET}. */
  record Setns(int line, List<String> words, String actor, String target) implements Statement {}

  /** {@code exit TASK [CODE]}. */
  record Exit(int line, List<String> words, String actor, long code) implements Statement {}

  /** {@code wait TASK [CHILD]}; {@code child} is null for any child. */
  record Wait(int line, List<String> words, String actor, String child) implements Statement {}

  /**
   * {@code kill SENDER TARGET [SIGNAL]}: TARGET is a label ({@code targetLabel}) or a number as the
   * sender sees pids ({@code targetNumber}).
   */
  record Kill(
      int line,
      List<String> words,
      String actor,
      String targetLabel,
      long targetNumber,
      Signal signal)
      implements Statement {}

  /** {@code setsid TASK}. */
  record Setsid(int line, List<String> words, String actor) implements Statement {}

  /** {@code setpgid TASK [PGID]}; PGID defaults to 0. */
  record Setpgid(int line, List<String> words, String actor, long pgid) implements Statement {}

  /** {@code subreaper TASK}. */
  record Subreaper(int line, List<String> words, String actor) implements Statement {}

  /** {@code sysctl TASK ns_last_pid|pid_max N}. */
  record Sysctl(int line, List<String> words, String actor, String name, long value)
      implements Statement {}

  /** {@code expect LABEL FIELD=VALUE ...}. */
  record Expect(int line, List<String> words, String actor, List<Check> checks)
      implements Statement {}

  /** One FIELD=VALUE of an expect. */
  record Check(String field, String value) {}
}
