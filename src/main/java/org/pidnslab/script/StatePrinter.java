package org.pidnslab.script;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * The final state in the exact form of scenario-language.md: {@code ns} lines, then {@code task}
 * lines.
 */
public final class StatePrinter {
  private StatePrinter() {}

  /** Every state line, in order. */
  public static List<String> lines(Kernel kernel) {
    List<String> out = new ArrayList<>();
    List<Task> tasks = kernel.tasks();
    Set<PidNamespace> active = new HashSet<>();
    for (Task t : tasks) {
      active.add(t.activeNs());
    }
    for (PidNamespace ns : kernel.namespaces()) {
      if (!active.contains(ns)) {
        continue;
      }
      out.add(
          "ns "
              + ns.name()
              + " level="
              + ns.level()
              + " parent="
              + (ns.parent() == null ? "-" : ns.parent().name()));
    }
    for (Task t : tasks) {
      StringBuilder sb = new StringBuilder("task ").append(t.comm());
      fields(t).forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
      out.add(sb.toString());
    }
    return out;
  }

  /**
   * The fields of a task's state line, in output order: ns, state, parent, nspid, pgid, sid. A
   * reaped task reads {@code (reaped)} everywhere.
   */
  public static Map<String, String> fields(Task t) {
    Map<String, String> f = new LinkedHashMap<>();
    if (t.state() == TaskState.DEAD) {
      for (String name : ScriptParser.FIELDS) {
        f.put(name, "(reaped)");
      }
      return f;
    }
    f.put("ns", t.activeNs().name());
    f.put("state", t.state().letter());
    f.put("parent", t.realParent() == null ? "-" : t.realParent().comm());
    f.put("nspid", perLevel(t, t::pidNr));
    f.put("pgid", perLevel(t, t::pgidNr));
    f.put("sid", perLevel(t, t::sidNr));
    return f;
  }

  /** An id as seen from each namespace from root down to the task's own, joined by '/'. */
  private static String perLevel(Task t, ToIntFunction<PidNamespace> idIn) {
    StringBuilder sb = new StringBuilder();
    PidNamespace own = t.activeNs();
    for (int level = 0; level <= own.level(); level++) {
      if (level > 0) {
        sb.append('/');
      }
      sb.append(idIn.applyAsInt(own.ancestorAt(level)));
    }
    return sb.toString();
  }
}
