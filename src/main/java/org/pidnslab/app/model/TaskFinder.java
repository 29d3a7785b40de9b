package org.pidnslab.app.model;

import java.util.function.Function;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.Pid;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/** Finds a task by label, or by a pid as seen from a namespace: {@code ns1:3}, {@code root:7}. */
public final class TaskFinder {
  private TaskFinder() {}

  /** The task {@code query} names, or null. Reaped tasks are not found. */
  public static Task find(Kernel kernel, Function<String, Task> byLabel, String query) {
    if (query == null) {
      return null;
    }
    String q = query.strip();
    int colon = q.indexOf(':');
    if (colon > 0) {
      String nsName = q.substring(0, colon);
      int nr;
      try {
        nr = Integer.parseInt(q.substring(colon + 1).strip());
      } catch (NumberFormatException e) {
        return null;
      }
      for (PidNamespace ns : kernel.namespaces()) {
        if (ns.name().equals(nsName)) {
          Pid pid = ns.findPidNs(nr);
          return pid == null ? null : pid.task();
        }
      }
      return null;
    }
    Task t = byLabel.apply(q);
    return t == null || t.state() == TaskState.DEAD ? null : t;
  }
}
