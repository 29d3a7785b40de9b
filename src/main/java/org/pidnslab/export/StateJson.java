package org.pidnslab.export;

import java.util.List;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * The whole kernel state as JSON, schema version {@value #SCHEMA_VERSION}, described field by field
 * in docs/diagrams.md ("JSON format"). Tasks are every task not yet reaped, in creation order;
 * namespaces are every namespace ever created, dead ones included, in creation order. Ids per level
 * are arrays, outermost namespace first.
 */
final class StateJson {
  /** Raised whenever a field changes meaning or disappears; new fields do not raise it. */
  static final int SCHEMA_VERSION = 1;

  /** The value of the {@code format} field. */
  static final String FORMAT = "pidns-lab/state";

  private StateJson() {}

  /** The JSON document of {@code kernel}, seen from {@code perspective} (may be null). */
  static String of(Kernel kernel, PidNamespace perspective) {
    StringBuilder sb = new StringBuilder(256 + kernel.taskCount() * 320);
    sb.append("{\n");
    sb.append("  \"format\": ").append(quote(FORMAT)).append(",\n");
    sb.append("  \"schemaVersion\": ").append(SCHEMA_VERSION).append(",\n");
    sb.append("  \"perspective\": ")
        .append(perspective == null ? "null" : quote(perspective.name()))
        .append(",\n");
    sb.append("  \"namespaces\": [");
    List<PidNamespace> namespaces = kernel.namespaces();
    for (int i = 0; i < namespaces.size(); i++) {
      sb.append(i == 0 ? "\n" : ",\n");
      namespace(sb, namespaces.get(i));
    }
    sb.append("\n  ],\n");
    sb.append("  \"tasks\": [");
    List<Task> tasks = kernel.tasks();
    for (int i = 0; i < tasks.size(); i++) {
      sb.append(i == 0 ? "\n" : ",\n");
      task(sb, tasks.get(i));
    }
    sb.append("\n  ]\n}\n");
    return sb.toString();
  }

  private static void namespace(StringBuilder sb, PidNamespace ns) {
    sb.append("    {\"name\": ").append(quote(ns.name()));
    sb.append(", \"serial\": ").append(ns.serial());
    sb.append(", \"level\": ").append(ns.level());
    sb.append(", \"parent\": ").append(ns.parent() == null ? "null" : quote(ns.parent().name()));
    sb.append(", \"life\": ").append(quote(ns.life().name().toLowerCase(java.util.Locale.ROOT)));
    sb.append(", \"childReaper\": ")
        .append(ns.childReaper() == null ? "null" : quote(TaskAttributes.id(ns.childReaper())));
    sb.append(", \"pidAllocated\": ").append(ns.pidAllocated());
    sb.append(", \"allocationEnabled\": ").append(ns.allocationEnabled());
    sb.append(", \"sysctl\": {\"pid_max\": ").append(ns.pidMax());
    sb.append(", \"ns_last_pid\": ").append(ns.nsLastPid()).append("}}");
  }

  private static void task(StringBuilder sb, Task t) {
    PidNamespace own = t.activeNs();
    sb.append("    {\"id\": ").append(quote(TaskAttributes.id(t)));
    sb.append(", \"serial\": ").append(t.serial());
    sb.append(", \"comm\": ").append(quote(t.comm()));
    sb.append(", \"state\": ").append(quote(t.state().letter()));
    sb.append(", \"ns\": ").append(quote(own.name()));
    sb.append(", \"level\": ").append(own.level());
    sb.append(", \"parent\": ")
        .append(t.realParent() == null ? "null" : quote(TaskAttributes.id(t.realParent())));
    sb.append(", \"pidNsForChildren\": ")
        .append(t.pidNsForChildren() == null ? "null" : quote(t.pidNsForChildren().name()));
    sb.append(", \"nspid\": [");
    perLevel(sb, t, Ids.PID);
    sb.append("], \"pgid\": [");
    perLevel(sb, t, Ids.PGID);
    sb.append("], \"sid\": [");
    perLevel(sb, t, Ids.SID);
    sb.append("], \"nsInit\": ").append(t.isNamespaceInit());
    sb.append(", \"subreaper\": ").append(t.isChildSubreaper());
    sb.append(", \"sessionLeader\": ").append(t.isSessionLeader());
    sb.append(", \"exitCode\": ")
        .append(t.state() == TaskState.RUNNING ? "null" : String.valueOf(t.exitCode()));
    sb.append(", \"children\": [");
    boolean first = true;
    for (Task c : t.children()) {
      sb.append(first ? "" : ", ").append(quote(TaskAttributes.id(c)));
      first = false;
    }
    sb.append("]}");
  }

  private enum Ids {
    PID,
    PGID,
    SID
  }

  private static void perLevel(StringBuilder sb, Task t, Ids which) {
    PidNamespace own = t.activeNs();
    for (int level = 0; level <= own.level(); level++) {
      PidNamespace ns = own.ancestorAt(level);
      int nr =
          switch (which) {
            case PID -> t.pidNr(ns);
            case PGID -> t.pgidNr(ns);
            case SID -> t.sidNr(ns);
          };
      sb.append(level == 0 ? "" : ", ").append(nr);
    }
  }

  /** {@code s} as a JSON string literal. */
  static String quote(String s) {
    return JsonText.quote(s);
  }
}
