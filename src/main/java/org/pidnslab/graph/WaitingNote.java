package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.Pid;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * The note under a namespace init stuck in exit (state E): which ids of its namespace it still
 * waits for. The window and the exporters draw the same words below the task's box, in the cross
 * colour, at {@link Typography#detailSize()}.
 */
public final class WaitingNote {
  private WaitingNote() {}

  /** The note of {@code t}, or null if it is not exiting. */
  public static String of(Task t) {
    if (t == null || t.state() != TaskState.EXITING) {
      return null;
    }
    List<String> holders = new ArrayList<>();
    for (Pid p : t.activeNs().pids()) {
      if (p == t.pid()) {
        continue;
      }
      holders.add(
          p.task() == null
              ? p + " (a group id)"
              : p.task().comm() + " (" + p.task().state().letter() + ")");
    }
    return "E: waits for " + String.join(", ", holders);
  }

  /** The notes of every exiting task of {@code kernel}, by task serial. */
  public static Map<Integer, String> all(Kernel kernel) {
    Map<Integer, String> out = new HashMap<>();
    for (Task t : kernel.tasks()) {
      String note = of(t);
      if (note != null) {
        out.put(t.serial(), note);
      }
    }
    return out;
  }
}
