package org.pidnslab.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * The namespace tree of a kernel state as a JGraphT graph, parent to child: every namespace that is
 * the active namespace of a task not yet reaped (zombies keep their pids) or the
 * pid_ns_for_children of a running task, together with all their ancestors. Vertices and each
 * namespace's children are in creation order. A namespace nothing refers to any more (all its tasks
 * reaped) is left out, as the kernel frees it.
 */
public final class NamespaceGraph {
  private NamespaceGraph() {}

  /** A read-only snapshot of {@code kernel}'s namespace tree. */
  public static Graph<PidNamespace, DefaultEdge> of(Kernel kernel) {
    return of(kernel, kernel.tasks());
  }

  /** The same snapshot, with {@code tasks} the kernel's task list ({@link Kernel#tasks()}). */
  static Graph<PidNamespace, DefaultEdge> of(Kernel kernel, List<Task> tasks) {
    Set<PidNamespace> wanted = new HashSet<>();
    for (Task t : tasks) {
      addWithAncestors(wanted, t.activeNs());
      if (t.state() == TaskState.RUNNING && t.pidNsForChildren() != null) {
        addWithAncestors(wanted, t.pidNsForChildren());
      }
    }
    Graph<PidNamespace, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (PidNamespace ns : kernel.namespaces()) { // creation order: parents before children
      if (wanted.contains(ns)) {
        g.addVertex(ns);
        if (ns.parent() != null) {
          g.addEdge(ns.parent(), ns);
        }
      }
    }
    return new AsUnmodifiableGraph<>(g);
  }

  private static void addWithAncestors(Set<PidNamespace> set, PidNamespace ns) {
    PidNamespace n = ns;
    while (n != null && set.add(n)) { // up to the first namespace already known
      n = n.parent();
    }
  }
}
