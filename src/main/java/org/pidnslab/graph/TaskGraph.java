package org.pidnslab.graph;

import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.Task;

/**
 * The process tree of a kernel state as a JGraphT graph: one vertex per task not yet reaped, in the
 * kernel's task order (creation order), and an edge from each real parent to each child. The
 * outgoing edges of a task are in the kernel's child-list order (by fork, then by adoption), which
 * {@link TidyTreeLayout} keeps from left to right.
 */
public final class TaskGraph {
  private TaskGraph() {}

  /** A read-only snapshot of {@code kernel}'s process tree; later system calls do not change it. */
  public static Graph<Task, DefaultEdge> of(Kernel kernel) {
    return of(kernel.tasks());
  }

  /**
   * The same snapshot from {@code tasks}, the kernel's task list as {@link Kernel#tasks()} gives.
   */
  static Graph<Task, DefaultEdge> of(List<Task> tasks) {
    Graph<Task, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (Task t : tasks) {
      g.addVertex(t);
    }
    for (Task t : tasks) {
      for (Task c : t.children()) {
        if (g.containsVertex(c)) {
          g.addEdge(t, c);
        }
      }
    }
    return new AsUnmodifiableGraph<>(g);
  }
}
