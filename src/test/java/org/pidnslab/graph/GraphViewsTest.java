package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;

class GraphViewsTest {

  private static List<String> childrenOf(Graph<Task, DefaultEdge> g, Task t) {
    return g.outgoingEdgesOf(t).stream().map(e -> g.getEdgeTarget(e).comm()).toList();
  }

  @Test
  void taskGraphHasOneVertexPerUnreapedTaskAndParentToChildEdgesInKernelOrder() {
    Scenes s = Scenes.machine();
    Graph<Task, DefaultEdge> g = TaskGraph.of(s.k);
    assertEquals(s.k.tasks(), List.copyOf(g.vertexSet()));
    assertEquals(s.k.taskCount() - 1, g.edgeSet().size());
    assertEquals(
        List.of("sshd", "cron", "zombie", "systemd-user", "q"), childrenOf(g, s.t("init")));
    assertEquals(List.of("bash", "nginx"), childrenOf(g, s.t("container")));
    for (DefaultEdge e : g.edgeSet()) {
      assertEquals(g.getEdgeSource(e), g.getEdgeTarget(e).realParent());
    }
  }

  @Test
  void adoptedOrphansComeAfterTheReapersOwnChildrenAndReapedTasksAreGone() {
    Scenes s = new Scenes().fork("init", "a").fork("a", "b").fork("init", "c").exit("a");
    Graph<Task, DefaultEdge> g = TaskGraph.of(s.k);
    assertEquals(List.of("a", "c", "b"), childrenOf(g, s.t("init"))); // b adopted at the tail
    s.waitFor("init", "a");
    g = TaskGraph.of(s.k);
    assertFalse(g.containsVertex(s.t("a")));
    assertEquals(List.of("c", "b"), childrenOf(g, s.t("init")));
  }

  @Test
  void taskGraphIsASnapshotThatCannotBeChanged() {
    Scenes s = Scenes.machine();
    Graph<Task, DefaultEdge> g = TaskGraph.of(s.k);
    int before = g.vertexSet().size();
    s.fork("init", "later");
    assertEquals(before, g.vertexSet().size());
    assertThrows(UnsupportedOperationException.class, () -> g.removeVertex(s.t("q")));
  }

  @Test
  void namespaceGraphHoldsActiveAndForChildrenNamespacesWithTheirAncestors() {
    Scenes s = Scenes.machine();
    Graph<PidNamespace, DefaultEdge> g = NamespaceGraph.of(s.k);
    assertEquals(
        List.of("root", "ns1", "ns2", "ns3"),
        g.vertexSet().stream().map(PidNamespace::name).toList());
    assertTrue(g.containsEdge(s.ns("container"), s.ns("inner")));
    assertTrue(g.containsEdge(s.k.root(), s.ns("job")));
    assertEquals(3, g.edgeSet().size());
  }

  @Test
  void anUnsharedNamespaceNoTaskEnteredYetIsShown() {
    Scenes s = new Scenes().fork("init", "a").unshare("a");
    Graph<PidNamespace, DefaultEdge> g = NamespaceGraph.of(s.k);
    assertTrue(g.containsVertex(s.t("a").pidNsForChildren()));
    assertEquals(2, g.vertexSet().size());
    s.exit("a"); // a zombie has no pid_ns_for_children any more that matters
    assertEquals(1, NamespaceGraph.of(s.k).vertexSet().size());
  }

  @Test
  void aZombieKeepsItsNamespaceInTheGraph() {
    Scenes s = new Scenes().clone("init", "c").exit("c");
    assertTrue(NamespaceGraph.of(s.k).containsVertex(s.ns("c")));
    s.waitFor("init", "c");
    assertFalse(NamespaceGraph.of(s.k).containsVertex(s.ns("c")));
  }
}
