package org.pidnslab.app.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;

/** What {@code ps -eo pid,ppid,pgid,sid,stat} prints inside a namespace. */
public final class PsListing {
  private PsListing() {}

  /**
   * One row of the listing; ids the namespace cannot see read 0.
   *
   * @param label the task's label (ps would show its command)
   */
  public record Row(int pid, int ppid, int pgid, int sid, String stat, String label, Task task) {}

  /** Every task visible from {@code ns}, by pid as seen there. */
  public static List<Row> of(Kernel kernel, PidNamespace ns) {
    List<Row> rows = new ArrayList<>();
    for (Task t : kernel.tasks()) {
      int pid = t.pidNr(ns);
      if (pid == 0) {
        continue;
      }
      rows.add(
          new Row(
              pid,
              t.ppidNr(ns),
              t.pgidNr(ns),
              t.sidNr(ns),
              t.state().letter() + (t.isSessionLeader() ? "s" : ""),
              t.comm(),
              t));
    }
    rows.sort(Comparator.comparingInt(Row::pid));
    return rows;
  }
}
