package org.pidnslab.app.graphview;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pidnslab.kernel.KernelEvent;
import org.pidnslab.kernel.Task;

/**
 * What one call changed, as the camera needs it: the tasks to keep in view and, when there are too
 * many to show one by one, a one-line summary ("120 tasks killed in ns3") for the room to read
 * instead.
 */
final class ActionFocus {
  /** More changed tasks than this are summarised in words rather than followed one by one. */
  static final int ONE_BY_ONE = 24;

  private ActionFocus() {}

  /** The tasks the events created, ended, signalled or moved, and the tasks that did it. */
  static Set<Task> changed(List<KernelEvent> events) {
    Set<Task> tasks = new LinkedHashSet<>();
    for (KernelEvent e : events) {
      if (e instanceof KernelEvent.TaskForked f) {
        tasks.add(f.parent());
        tasks.add(f.child());
      } else if (e instanceof KernelEvent.Reparented r) {
        tasks.add(r.child());
        tasks.add(r.to());
      } else if (e instanceof KernelEvent.TaskExiting x) {
        tasks.add(x.task());
      } else if (e instanceof KernelEvent.TaskZombie z) {
        tasks.add(z.task());
      } else if (e instanceof KernelEvent.TaskReaped r) {
        tasks.add(r.task());
      } else if (e instanceof KernelEvent.NamespaceZapped z) {
        tasks.add(z.init());
        tasks.addAll(z.victims());
      } else if (e instanceof KernelEvent.SignalSent s
          && s.outcome() == KernelEvent.SignalOutcome.DELIVERED) {
        tasks.add(s.target());
      }
    }
    tasks.remove(null);
    return tasks;
  }

  /**
   * A sentence for a call that changed more than {@link #ONE_BY_ONE} tasks, or null: the kills of
   * an init's death by namespace, else how many were killed, ended or reparented.
   */
  static String summary(List<KernelEvent> events) {
    if (changed(events).size() <= ONE_BY_ONE) {
      return null;
    }
    StringBuilder zaps = new StringBuilder();
    int killed = 0;
    int exited = 0;
    int reparented = 0;
    for (KernelEvent e : events) {
      if (e instanceof KernelEvent.NamespaceZapped z && !z.victims().isEmpty()) {
        zaps.append(zaps.isEmpty() ? "" : ", ")
            .append(count(z.victims().size(), "task"))
            .append(" killed in ")
            .append(z.ns().name());
      } else if (e instanceof KernelEvent.TaskExiting x) {
        if (x.signal() != null) {
          killed++;
        } else {
          exited++;
        }
      } else if (e instanceof KernelEvent.Reparented) {
        reparented++;
      }
    }
    if (!zaps.isEmpty()) {
      return zaps.toString();
    }
    if (killed > 0) {
      return count(killed, "task") + " killed";
    }
    if (reparented > 0) {
      return count(reparented, "task") + " reparented";
    }
    return count(Math.max(exited, changed(events).size()), "task") + " changed";
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
