package org.pidnslab.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pidnslab.kernel.Task;
import org.pidnslab.script.StatePrinter;

/**
 * The data attributes of a task that the graph formats (DOT, GraphML) carry, named and written the
 * same way in both: ids per level are space-separated, outermost namespace first, like {@code
 * NSpid} in /proc/PID/status.
 */
final class TaskAttributes {
  /** The attribute names, in output order. */
  static final List<String> NAMES =
      List.of(
          "comm", "state", "ns", "level", "nspid", "parent", "pgid", "sid", "ns_init", "subreaper");

  private TaskAttributes() {}

  /** The vertex id of {@code t} in every graph format: {@code t} and its creation serial. */
  static String id(Task t) {
    return "t" + t.serial();
  }

  /** The attributes of {@code t}, in {@link #NAMES} order. */
  static Map<String, String> of(Task t) {
    Map<String, String> fields = StatePrinter.fields(t);
    Map<String, String> out = new LinkedHashMap<>();
    out.put("comm", t.comm());
    out.put("state", fields.get("state"));
    out.put("ns", fields.get("ns"));
    out.put("level", String.valueOf(t.activeNs().level()));
    out.put("nspid", fields.get("nspid").replace('/', ' '));
    out.put("parent", t.realParent() == null ? "-" : id(t.realParent())); // "-" as in the state
    out.put("pgid", fields.get("pgid").replace('/', ' '));
    out.put("sid", fields.get("sid").replace('/', ' '));
    out.put("ns_init", String.valueOf(t.isNamespaceInit()));
    out.put("subreaper", String.valueOf(t.isChildSubreaper()));
    return out;
  }

  /** Whether the edge from {@code parent} to {@code child} crosses into another namespace. */
  static boolean crossesNamespace(Task parent, Task child) {
    return parent.activeNs() != child.activeNs();
  }
}
