package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TidyTreeLayoutTest {
  private static final double EPS = 1e-6;

  /** A random tree on vertices 0..n-1 with parent(i) < i, plus random node sizes. */
  private static final class RandomTree {
    final Graph<Integer, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
    final Map<Integer, Double> width = new HashMap<>();
    final Map<Integer, Double> height = new HashMap<>();

    RandomTree(long seed, int n, int roots) {
      Random rnd = new Random(seed);
      for (int i = 0; i < n; i++) {
        graph.addVertex(i);
        width.put(i, 5.0 + rnd.nextInt(60));
        height.put(i, 5.0 + rnd.nextInt(30));
        if (i >= roots) {
          // bias towards recent vertices: deep and bushy trees both occur
          int p = rnd.nextBoolean() ? rnd.nextInt(i) : Math.max(0, i - 1 - rnd.nextInt(3));
          graph.addEdge(p, i);
        }
      }
    }

    TidyTreeLayout<Integer, DefaultEdge> layout() {
      return new TidyTreeLayout<Integer, DefaultEdge>()
          .width(width::get)
          .height(height::get)
          .siblingGap(7)
          .subtreeGap(13)
          .levelGap(20);
    }

    List<Integer> children(int v) {
      List<Integer> out = new ArrayList<>();
      for (DefaultEdge e : graph.outgoingEdgesOf(v)) {
        out.add(graph.getEdgeTarget(e));
      }
      return out;
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void parentsAreCentredOverTheirFirstAndLastChild(boolean symmetric) {
    for (long seed = 1; seed <= 40; seed++) {
      RandomTree t = new RandomTree(seed, 120, 1);
      TidyTreeLayout.Result<Integer> r = t.layout().symmetric(symmetric).compute(t.graph);
      for (int v : t.graph.vertexSet()) {
        List<Integer> cs = t.children(v);
        if (!cs.isEmpty()) {
          double mid = (r.centre(cs.get(0)).x() + r.centre(cs.get(cs.size() - 1)).x()) / 2;
          assertEquals(mid, r.centre(v).x(), EPS, "seed " + seed + " vertex " + v);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void noTwoNodesOfOneLevelOverlapAndOrderIsKept(boolean symmetric) {
    for (long seed = 1; seed <= 40; seed++) {
      RandomTree t = new RandomTree(seed, 150, 1 + (int) (seed % 3));
      TidyTreeLayout.Result<Integer> r = t.layout().symmetric(symmetric).compute(t.graph);
      for (List<Integer> level : levelsInOrder(t, r)) {
        for (int i = 1; i < level.size(); i++) {
          int a = level.get(i - 1);
          int b = level.get(i);
          boolean siblings = r.parent(a) != null && r.parent(a).equals(r.parent(b));
          double wanted = (t.width.get(a) + t.width.get(b)) / 2 + (siblings ? 7 : 13);
          double got = r.centre(b).x() - r.centre(a).x();
          assertTrue(got >= wanted - EPS, "seed " + seed + ": " + a + " and " + b + " " + got);
        }
      }
    }
  }

  /** Each level's vertices in tree order (a breadth-first walk keeps the left-to-right order). */
  private static List<List<Integer>> levelsInOrder(RandomTree t, TidyTreeLayout.Result<Integer> r) {
    List<List<Integer>> levels = new ArrayList<>();
    List<Integer> current = new ArrayList<>(r.roots());
    while (!current.isEmpty()) {
      levels.add(current);
      List<Integer> next = new ArrayList<>();
      for (int v : current) {
        next.addAll(r.children(v));
      }
      current = next;
    }
    return levels;
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void identicalSubtreesAreDrawnIdentically(boolean symmetric) {
    // one random shape, copied under three different contexts of a bigger tree
    Random rnd = new Random(7);
    Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    Map<Integer, Double> w = new HashMap<>();
    int[] shapeParent = new int[25];
    double[] shapeWidth = new double[25];
    for (int i = 0; i < 25; i++) {
      shapeParent[i] = i == 0 ? -1 : rnd.nextInt(i);
      shapeWidth[i] = 10 + rnd.nextInt(40);
    }
    int next = 0;
    g.addVertex(next);
    w.put(next++, 30.0);
    int[] hooks = new int[3];
    for (int k = 0; k < 3; k++) {
      int filler = next++;
      g.addVertex(filler);
      w.put(filler, 20.0 + 25 * k);
      g.addEdge(0, filler);
      for (int j = 0; j < k + 1; j++) { // different neighbours around each copy
        int leaf = next++;
        g.addVertex(leaf);
        w.put(leaf, 15.0);
        g.addEdge(filler, leaf);
      }
      int base = next;
      for (int i = 0; i < 25; i++) {
        g.addVertex(base + i);
        w.put(base + i, shapeWidth[i]);
        g.addEdge(i == 0 ? filler : base + shapeParent[i], base + i);
      }
      hooks[k] = base;
      next += 25;
    }
    TidyTreeLayout.Result<Integer> r =
        new TidyTreeLayout<Integer, DefaultEdge>()
            .width(w::get)
            .height(v -> 10.0)
            .symmetric(symmetric)
            .compute(g);
    for (int k = 1; k < 3; k++) {
      for (int i = 0; i < 25; i++) {
        double rel0 = r.centre(hooks[0] + i).x() - r.centre(hooks[0]).x();
        double relK = r.centre(hooks[k] + i).x() - r.centre(hooks[k]).x();
        assertEquals(rel0, relK, EPS, "copy " + k + " node " + i);
        assertEquals(
            r.centre(hooks[0] + i).y() - r.centre(hooks[0]).y(),
            r.centre(hooks[k] + i).y() - r.centre(hooks[k]).y(),
            EPS);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aTreeAndItsMirrorImageAreDrawnAsReflections(boolean symmetric) {
    for (long seed = 1; seed <= 40; seed++) {
      RandomTree t = new RandomTree(seed, 100, 1 + (int) (seed % 2));
      TidyTreeLayout.Result<Integer> r = t.layout().symmetric(symmetric).compute(t.graph);
      // the mirror image: every child list reversed (and the roots of a forest too)
      Graph<Integer, DefaultEdge> mirror = new DefaultDirectedGraph<>(DefaultEdge.class);
      List<Integer> vs = new ArrayList<>(t.graph.vertexSet());
      vs.sort(
          Comparator.comparing((Integer v) -> t.graph.inDegreeOf(v) == 0 ? 0 : 1)
              .thenComparing(Comparator.reverseOrder()));
      vs.forEach(mirror::addVertex);
      for (int v : t.graph.vertexSet()) {
        List<Integer> cs = t.children(v);
        for (int i = cs.size() - 1; i >= 0; i--) {
          mirror.addEdge(v, cs.get(i));
        }
      }
      TidyTreeLayout.Result<Integer> m = t.layout().symmetric(symmetric).compute(mirror);
      assertEquals(r.width(), m.width(), EPS);
      for (int v : t.graph.vertexSet()) {
        assertEquals(r.width() - r.centre(v).x(), m.centre(v).x(), EPS, "seed " + seed);
        assertEquals(r.centre(v).y(), m.centre(v).y(), EPS);
      }
    }
  }

  @Test
  void forestTreesSitSideBySideInVertexOrder() {
    Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (String v : List.of("a", "a1", "a2", "b", "b1", "c")) {
      g.addVertex(v);
    }
    g.addEdge("a", "a1");
    g.addEdge("a", "a2");
    g.addEdge("b", "b1");
    TidyTreeLayout.Result<String> r =
        new TidyTreeLayout<String, DefaultEdge>()
            .width(v -> 10.0)
            .height(v -> 10.0)
            .subtreeGap(20)
            .siblingGap(5)
            .compute(g);
    assertEquals(List.of("a", "b", "c"), r.roots());
    assertEquals(r.centre("a").y(), r.centre("b").y(), EPS);
    assertEquals(r.centre("a").y(), r.centre("c").y(), EPS);
    assertTrue(r.centre("a").x() < r.centre("b").x() && r.centre("b").x() < r.centre("c").x());
    assertTrue(r.centre("b1").x() - r.centre("a2").x() >= 30 - EPS);
    assertEquals(0, r.depth("c"));
    assertEquals(1, r.depth("b1"));
    assertEquals(null, r.parent("b"));
  }

  @Test
  void aChainOf10000NodesDoesNotOverflowTheStack() {
    Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    g.addVertex(0);
    for (int i = 1; i < 10_000; i++) {
      g.addVertex(i);
      g.addEdge(i - 1, i);
    }
    TidyTreeLayout.Result<Integer> r =
        assertDoesNotThrow(
            () ->
                new TidyTreeLayout<Integer, DefaultEdge>()
                    .width(v -> 10.0 + v % 7)
                    .height(v -> 10.0)
                    .compute(g));
    assertEquals(9_999, r.depth(9_999));
    assertEquals(10_000, r.levelCount());
    for (int i = 1; i < 10_000; i++) {
      assertEquals(r.centre(0).x(), r.centre(i).x(), EPS); // a chain is a vertical line
    }
  }

  @Test
  void aRandomTreeOf10000NodesIsLaidOutWithoutOverlap() {
    RandomTree t = new RandomTree(2024, 10_000, 1);
    TidyTreeLayout.Result<Integer> r = t.layout().compute(t.graph);
    assertEquals(10_000, r.centres().size());
    for (List<Integer> level : levelsInOrder(t, r)) {
      for (int i = 1; i < level.size(); i++) {
        int a = level.get(i - 1);
        int b = level.get(i);
        double wanted = (t.width.get(a) + t.width.get(b)) / 2 + 7;
        assertTrue(r.centre(b).x() - r.centre(a).x() >= wanted - EPS);
      }
    }
  }

  @Test
  void levelsAreAsTallAsTheirTallestNodeAndNodesHangFromTheLevelTop() {
    Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (String v : List.of("r", "x", "y", "z")) {
      g.addVertex(v);
    }
    g.addEdge("r", "x");
    g.addEdge("r", "y");
    g.addEdge("x", "z");
    Map<String, Double> h = Map.of("r", 10.0, "x", 40.0, "y", 20.0, "z", 5.0);
    TidyTreeLayout.Result<String> r =
        new TidyTreeLayout<String, DefaultEdge>()
            .width(v -> 10.0)
            .height(h::get)
            .levelGap(30)
            .compute(g);
    assertEquals(0, r.levelStart(0), EPS);
    assertEquals(40, r.levelStart(1), EPS);
    assertEquals(110, r.levelStart(2), EPS);
    assertEquals(40 + 20, r.centre("x").y(), EPS);
    assertEquals(40 + 10, r.centre("y").y(), EPS);
    assertEquals(115, r.height(), EPS);
  }

  @Test
  void anExplicitChildOrderDecidesLeftAndRight() {
    Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (String v : List.of("r", "a", "b", "c")) {
      g.addVertex(v);
    }
    g.addEdge("r", "a");
    g.addEdge("r", "b");
    g.addEdge("r", "c");
    TidyTreeLayout.Result<String> r =
        new TidyTreeLayout<String, DefaultEdge>()
            .childOrder(v -> v.equals("r") ? List.of("c", "a", "b") : List.of())
            .compute(g);
    assertTrue(r.centre("c").x() < r.centre("a").x());
    assertTrue(r.centre("a").x() < r.centre("b").x());
  }

  @Test
  void leftToRightTreesGrowAlongX() {
    RandomTree t = new RandomTree(5, 60, 1);
    TidyTreeLayout.Result<Integer> down = t.layout().compute(t.graph);
    TidyTreeLayout.Result<Integer> right =
        t.layout()
            .width(t.height::get)
            .height(t.width::get)
            .orientation(TidyTreeLayout.Orientation.LEFT_RIGHT)
            .compute(t.graph);
    for (int v : t.graph.vertexSet()) {
      assertEquals(down.centre(v).x(), right.centre(v).y(), EPS);
      assertEquals(down.centre(v).y(), right.centre(v).x(), EPS);
    }
  }

  @Test
  void layoutWritesCentresIntoTheModelAndGrowsTheDrawableArea() {
    RandomTree t = new RandomTree(11, 40, 1);
    MapLayoutModel2D<Integer> model = new MapLayoutModel2D<>(Box2D.of(100, 50, 10, 10));
    t.layout().layout(t.graph, model);
    TidyTreeLayout.Result<Integer> r = t.layout().compute(t.graph);
    double minLeft = Double.POSITIVE_INFINITY;
    double minTop = Double.POSITIVE_INFINITY;
    for (int v : t.graph.vertexSet()) {
      Point2D p = model.get(v);
      assertEquals(r.centre(v).x() + 100, p.getX(), EPS);
      assertEquals(r.centre(v).y() + 50, p.getY(), EPS);
      minLeft = Math.min(minLeft, p.getX() - t.width.get(v) / 2);
      minTop = Math.min(minTop, p.getY() - t.height.get(v) / 2);
    }
    assertEquals(100, minLeft, EPS);
    assertEquals(50, minTop, EPS);
    assertEquals(r.width(), model.getDrawableArea().getWidth(), EPS);
    assertEquals(r.height(), model.getDrawableArea().getHeight(), EPS);
    assertEquals(100, model.getDrawableArea().getMinX(), EPS);
  }

  @Test
  void aVertexWithTwoParentsIsDrawnOnceUnderTheFirstAndCyclesGetARoot() {
    Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (String v : List.of("r", "a", "b", "shared", "c1", "c2")) {
      g.addVertex(v);
    }
    g.addEdge("r", "a");
    g.addEdge("r", "b");
    g.addEdge("a", "shared");
    g.addEdge("b", "shared");
    g.addEdge("c1", "c2");
    g.addEdge("c2", "c1");
    TidyTreeLayout.Result<String> r = new TidyTreeLayout<String, DefaultEdge>().compute(g);
    assertEquals("a", r.parent("shared"));
    assertEquals(List.of("r", "c1"), r.roots());
    assertEquals(6, r.centres().size());
  }

  @Test
  void layoutTimeOfLargeTreesIsReported() {
    // not a benchmark: it only makes sure big inputs run; the numbers go to the report
    for (int n : new int[] {2_000, 10_000}) {
      RandomTree t = new RandomTree(n, n, 1);
      TidyTreeLayout<Integer, DefaultEdge> layout = t.layout();
      layout.compute(t.graph); // warm up
      long start = System.nanoTime();
      TidyTreeLayout.Result<Integer> r = layout.compute(t.graph);
      long micros = (System.nanoTime() - start) / 1000;
      assertEquals(n, r.centres().size());
      System.out.println("TidyTreeLayout " + n + " nodes: " + micros + " us");
    }
  }
}
