package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;

/**
 * The fast {@link DrawingBuilder} (arrays by task index, each node made once where it ends up)
 * gives exactly the drawings of the builder it replaced ({@link LegacyDrawingBuilder}): the records
 * are compared with {@code equals}, so every coordinate must match to the last bit.
 */
class DrawingEquivalenceTest {

  /** Made-up metrics that differ per character, so that no width is a multiple of another. */
  private static final TextMetrics ODD_METRICS =
      new TextMetrics() {
        private final Typography typography = Typography.DEFAULT.scaled(1.1);

        @Override
        public Typography typography() {
          return typography;
        }

        @Override
        public double width(String text, TextRole role) {
          double w = 0;
          for (int i = 0; i < text.length(); i++) {
            w += 5.3 + (text.charAt(i) % 7) * 0.731 + role.ordinal() * 0.17;
          }
          return w;
        }

        @Override
        public double lineHeight(TextRole role) {
          return 13.7 + role.ordinal() * 1.3;
        }
      };

  private static void assertSame(TextMetrics metrics, Kernel k, List<LayoutChoice> layouts) {
    DrawingBuilder fast = new DrawingBuilder(metrics);
    LegacyDrawingBuilder old = new LegacyDrawingBuilder(metrics);
    List<PidNamespace> views = new ArrayList<>();
    views.add(null);
    views.addAll(NamespaceGraph.of(k).vertexSet());
    for (LayoutChoice layout : layouts) {
      for (PidNamespace view : views) {
        DrawingOptions o = new DrawingOptions(view, layout);
        assertEquals(old.build(k, o), fast.build(k, o), layout + " seen from " + view);
      }
    }
    for (PidNamespace view : views) {
      assertEquals(old.buildNamespaces(k, view), fast.buildNamespaces(k, view));
    }
  }

  @Test
  void randomHistoriesAreDrawnAsBefore() {
    for (long seed = 1; seed <= 30; seed++) {
      Kernel k = Scenes.random(seed, 20 + (int) seed * 9);
      assertSame(new AwtTextMetrics(), k, List.of(LayoutChoice.TREE, LayoutChoice.CIRCULAR));
    }
  }

  @Test
  void otherMetricsAndScalesAreDrawnAsBefore() {
    for (long seed = 100; seed <= 110; seed++) {
      Kernel k = Scenes.random(seed, 200);
      assertSame(ODD_METRICS, k, List.of(LayoutChoice.TREE, LayoutChoice.CIRCULAR));
      assertSame(new AwtTextMetrics(Typography.DEFAULT.scaled(1.5)), k, List.of(LayoutChoice.TREE));
    }
  }

  @Test
  void forceDirectedLayoutsAreDrawnAsBefore() {
    assertSame(new AwtTextMetrics(), Scenes.machine().k, List.of(LayoutChoice.values()));
    assertSame(new AwtTextMetrics(), Scenes.random(7, 60), List.of(LayoutChoice.FR));
  }

  @Test
  void theExampleScenesAreDrawnAsBefore() {
    assertSame(new AwtTextMetrics(), Scenes.machine().k, List.of(LayoutChoice.TREE));
    assertSame(new AwtTextMetrics(), Scenes.deepNesting().k, List.of(LayoutChoice.values()));
    assertSame(new AwtTextMetrics(), new Kernel(), List.of(LayoutChoice.values()));
  }

  @Test
  void chainsInsideNamespacesAreDrawnAsBefore() {
    Kernel k = new Kernel();
    Task outer = k.cloneNewPid(k.init(), "outer").child();
    Task t = outer;
    for (int i = 0; i < 600; i++) {
      t = k.fork(t, i % 3 == 0 ? "w" : "worker").child();
      if (i == 300) {
        t = k.cloneNewPid(t, "inner").child();
      }
    }
    k.fork(outer, "side");
    assertSame(new AwtTextMetrics(), k, List.of(LayoutChoice.TREE, LayoutChoice.CIRCULAR));
  }

  @Test
  void outlinesAreSimplifiedAsBefore() {
    Random rnd = new Random(5);
    for (int round = 0; round < 3_000; round++) {
      List<Point> pts = new ArrayList<>();
      int n = rnd.nextInt(40);
      double x = 0;
      double y = 0;
      for (int i = 0; i < n; i++) {
        switch (rnd.nextInt(5)) { // mostly axis-parallel steps, some repeats and diagonals
          case 0 -> x += rnd.nextInt(3);
          case 1 -> y += rnd.nextInt(3);
          case 2 -> x -= rnd.nextInt(3);
          case 3 -> y -= rnd.nextInt(3);
          default -> {
            x += rnd.nextInt(3) - 1;
            y += rnd.nextInt(3) - 1;
          }
        }
        pts.add(new Point(x, y));
      }
      assertEquals(
          LegacyDrawingBuilder.simplify(pts), DrawingBuilder.simplify(pts), pts.toString());
    }
  }

  @Test
  void aBigMachineIsDrawnAsBefore() {
    Kernel k = DrawingBuilderTest.bigMachine(3_000);
    DrawingBuilder fast = new DrawingBuilder();
    LegacyDrawingBuilder old = new LegacyDrawingBuilder(fast.metrics());
    assertEquals(old.build(k), fast.build(k));
    PidNamespace some = k.tasks().get(k.taskCount() - 1).activeNs();
    DrawingOptions o = DrawingOptions.DEFAULT.withPerspective(some);
    assertEquals(old.build(k, o), fast.build(k, o));
  }
}
