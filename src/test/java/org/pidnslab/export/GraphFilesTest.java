package org.pidnslab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.jgrapht.alg.isomorphism.VF2GraphIsomorphismInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.graph.TaskGraph;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.Task;

/** DOT that Graphviz accepts, and GraphML that re-imports into the same graph. */
class GraphFilesTest {
  @TempDir Path dir;

  static boolean hasDot() {
    try {
      Process p = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void graphvizDrawsTheDotExportWithOneNodePerTaskAndTheNamespacesAsClusters() throws Exception {
    assumeTrue(
        hasDot(),
        "Graphviz 'dot' is not installed (apt-get install graphviz; .ci/run installs it)");
    Kernel k = ExportFixtures.state(ExportFixtures.NESTED);
    Path dot = dir.resolve("tree.dot");
    Files.writeString(dot, GraphFiles.dot(k));
    Path svg = dir.resolve("tree.svg");
    Process p =
        new ProcessBuilder("dot", "-Tsvg", dot.toString(), "-o", svg.toString())
            .redirectErrorStream(true)
            .start();
    String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), messages);
    assertEquals("", messages.strip(), "Graphviz warnings");
    String out = Files.readString(svg);
    int nodes = out.split("class=\"node\"", -1).length - 1;
    int clusters = out.split("class=\"cluster\"", -1).length - 1;
    assertEquals(k.taskCount(), nodes, "one node per task, no stray nodes");
    assertEquals(2, clusters, "ns1 and ns2");
    assertTrue(out.contains(">ns2<") && out.contains(">outsider R<"), "labels");
  }

  @Test
  void dotCarriesThePerLevelPidsOfEveryTask() throws Exception {
    Kernel k = ExportFixtures.state(ExportFixtures.NESTED);
    String dot = GraphFiles.dot(k);
    for (Task t : k.tasks()) {
      String nspid = TaskAttributes.of(t).get("nspid");
      assertTrue(dot.contains(TaskAttributes.id(t) + " [ "), t.comm());
      assertTrue(dot.contains("nspid=\"" + nspid + "\""), t.comm() + " " + nspid);
    }
    Task d = k.tasks().stream().filter(t -> t.comm().equals("d")).findFirst().orElseThrow();
    assertEquals("4 3 1", TaskAttributes.of(d).get("nspid"), "d: root 4, ns1 3, ns2 1");
  }

  @Test
  void graphmlReimportsIntoAnIsomorphicGraphWithTheSameAttributes() throws Exception {
    Kernel k = ExportFixtures.state(9); // with a zombie and an exiting init
    String xml = GraphFiles.graphml(k);
    Graph<String, DefaultEdge> back = new DefaultDirectedGraph<>(DefaultEdge.class);
    Map<String, Map<String, String>> attrs = new HashMap<>();
    Set<String> crossing = new HashSet<>();
    GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
    importer.setVertexFactory(id -> id);
    importer.addVertexAttributeConsumer(
        (p, a) ->
            attrs
                .computeIfAbsent(p.getFirst(), v -> new HashMap<>())
                .put(p.getSecond(), a.getValue()));
    importer.addEdgeAttributeConsumer(
        (p, a) -> {
          if (p.getSecond().equals("cross_ns") && a.getValue().equals("true")) {
            crossing.add(back.getEdgeSource(p.getFirst()) + ">" + back.getEdgeTarget(p.getFirst()));
          }
        });
    importer.importGraph(back, new StringReader(xml));

    Graph<Task, DefaultEdge> original = TaskGraph.of(k);
    Graph<String, DefaultEdge> ids = new DefaultDirectedGraph<>(DefaultEdge.class);
    original.vertexSet().forEach(t -> ids.addVertex(TaskAttributes.id(t)));
    Set<String> expectedCrossing = new HashSet<>();
    for (DefaultEdge e : original.edgeSet()) {
      Task from = original.getEdgeSource(e);
      Task to = original.getEdgeTarget(e);
      ids.addEdge(TaskAttributes.id(from), TaskAttributes.id(to));
      if (TaskAttributes.crossesNamespace(from, to)) {
        expectedCrossing.add(TaskAttributes.id(from) + ">" + TaskAttributes.id(to));
      }
    }
    assertTrue(new VF2GraphIsomorphismInspector<>(ids, back).isomorphismExists(), "isomorphic");
    assertEquals(ids.vertexSet(), back.vertexSet(), "same ids");
    for (DefaultEdge e : ids.edgeSet()) {
      assertTrue(back.containsEdge(ids.getEdgeSource(e), ids.getEdgeTarget(e)), "edge " + e);
    }
    for (Task t : original.vertexSet()) {
      Map<String, String> expected = new HashMap<>(TaskAttributes.of(t));
      expected.put("label", t.comm());
      expected.put("ID", TaskAttributes.id(t)); // the importer reports the node id as an attribute
      assertEquals(expected, attrs.get(TaskAttributes.id(t)), t.comm());
    }
    assertEquals(expectedCrossing, crossing, "cross-namespace edges");
    assertTrue(!crossing.isEmpty(), "the fixture has a cross-namespace edge");
  }
}
