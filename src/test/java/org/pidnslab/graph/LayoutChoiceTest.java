package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayoutChoiceTest {

  private static Graph<Integer, DefaultEdge> randomTree(long seed, int n) {
    Random rnd = new Random(seed);
    Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (int i = 0; i < n; i++) {
      g.addVertex(i);
      if (i > 0) {
        g.addEdge(rnd.nextInt(i), i);
      }
    }
    return g;
  }

  @ParameterizedTest
  @EnumSource(LayoutChoice.class)
  void everyLayoutPlacesEveryVertexWithoutOverlapInsideTheReportedSize(LayoutChoice choice) {
    for (int n : new int[] {1, 2, 7, 60, 300}) {
      Graph<Integer, DefaultEdge> g = randomTree(n, n);
      LayoutChoice.Placement<Integer> p =
          choice.place(
              g, v -> 30.0 + v % 5 * 10, v -> 20.0 + v % 3 * 8, LayoutChoice.Spacing.DEFAULT);
      assertEquals(n, p.centres().size());
      List<Box> boxes = new ArrayList<>();
      for (Map.Entry<Integer, Point> e : p.centres().entrySet()) {
        int v = e.getKey();
        boxes.add(
            Box.centredAt(e.getValue().x(), e.getValue().y(), 30.0 + v % 5 * 10, 20.0 + v % 3 * 8));
      }
      Box all = new Box(0, 0, p.width(), p.height());
      for (int i = 0; i < boxes.size(); i++) {
        assertTrue(all.contains(boxes.get(i)), choice + " n=" + n);
        for (int j = i + 1; j < boxes.size(); j++) {
          assertFalse(
              boxes.get(i).intersects(boxes.get(j)), choice + " n=" + n + " " + i + "," + j);
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(LayoutChoice.class)
  void layoutsAreDeterministic(LayoutChoice choice) {
    Graph<Integer, DefaultEdge> g = randomTree(3, 200);
    var a = choice.place(g, v -> 40.0, v -> 20.0, LayoutChoice.Spacing.DEFAULT);
    var b = choice.place(randomTree(3, 200), v -> 40.0, v -> 20.0, LayoutChoice.Spacing.DEFAULT);
    assertEquals(a, b);
  }

  @Test
  void coincidentBoxesArePushedRightToTheFirstFreePlace() {
    // three 10-wide boxes on one spot and a fourth on another row: the row's boxes end side by side
    Integer[] byX = {0, 1, 2, 3};
    double[] x = {0, 0, 0, 0};
    double[] y = {0, 0, 0, 100};
    double[] w = {10, 10, 10, 10};
    double[] h = {10, 10, 10, 10};
    LayoutChoice.pushRight(byX, x, y, w, h, 2);
    assertArrayEquals(new double[] {0, 12, 24, 0}, x, 1e-9);
  }

  @Test
  void twoThousandCoincidentBoxesArePartedWithoutOverlap() {
    int n = 2000;
    Random rnd = new Random(7);
    Integer[] byX = new Integer[n];
    double[] x = new double[n];
    double[] y = new double[n];
    double[] w = new double[n];
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      byX[i] = i;
      y[i] = rnd.nextInt(3) * 15; // three rows of boxes 20 high: neighbouring rows overlap too
      w[i] = 30 + rnd.nextInt(20);
      h[i] = 20;
    }
    double[] before = x.clone();
    LayoutChoice.pushRight(byX, x, y, w, h, 4);
    Integer[] sorted = byX.clone();
    java.util.Arrays.sort(sorted, (a, b) -> Double.compare(x[a], x[b]));
    for (int ii = 0; ii < n; ii++) {
      int a = sorted[ii];
      assertTrue(x[a] >= before[a], "only moved right: " + a);
      for (int jj = ii + 1; jj < n && x[sorted[jj]] - x[a] < 50 + 4; jj++) {
        int b = sorted[jj];
        boolean apart =
            Math.abs(x[b] - x[a]) >= (w[a] + w[b]) / 2 + 4 - 1e-9
                || Math.abs(y[b] - y[a]) >= (h[a] + h[b]) / 2 + 4 - 1e-9;
        assertTrue(apart, a + " and " + b + " overlap");
      }
    }
  }
}
