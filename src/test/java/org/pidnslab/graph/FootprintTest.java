package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pidnslab.kernel.Kernel;

/**
 * What the automatic collapse measures instead of building a force-directed picture: a picture's
 * {@link DrawingBuilder.Footprint} counts what the picture shows, its area is a floor under the
 * picture's (strictly for the other layouts, as calibrated for force-directed), and the best zoom
 * an area allows is never beaten by a picture that big.
 */
class FootprintTest {
  private static final DrawingBuilder BUILDER = new DrawingBuilder();

  /** Scenes with collapsed namespaces and subtrees among them: the host's plans at three sizes. */
  private static List<Object[]> scenes() throws Exception {
    Kernel host = AutoCollapseTest.containerHost();
    List<Object[]> out = new ArrayList<>();
    out.add(new Object[] {"machine", Scenes.machine().k, DrawingOptions.DEFAULT});
    out.add(new Object[] {"deep nesting", Scenes.deepNesting().k, DrawingOptions.DEFAULT});
    DrawingOptions compact = DrawingOptions.DEFAULT.withLayout(LayoutChoice.COMPACT);
    for (int w : new int[] {800, 1600, 3200}) {
      DrawingOptions plan = AutoCollapse.plan(host, compact, w, w * 0.6, 10, Set.of());
      out.add(new Object[] {"host planned for " + w, host, plan});
    }
    for (long seed = 1; seed <= 6; seed++) {
      Machines.Shape shape = Machines.Shape.values()[(int) seed % 3];
      out.add(new Object[] {shape + " " + seed, Machines.random(seed, 40, shape), compact});
    }
    return out;
  }

  @Test
  void aFootprintCountsWhatThePictureShowsAndNoPictureIsSmaller() throws Exception {
    int folded = 0;
    for (Object[] s : scenes()) {
      Kernel k = (Kernel) s[1];
      for (LayoutChoice layout : LayoutChoice.values()) {
        DrawingOptions o = ((DrawingOptions) s[2]).withLayout(layout);
        Drawing d = BUILDER.build(k, o);
        DrawingBuilder.Footprint f = BUILDER.footprint(k, o);
        String where = s[0] + " in " + layout + ": " + d.width() + "x" + d.height();
        assertEquals(d.tasks().size() + d.cards().size(), f.shown(), where);
        if (layout != LayoutChoice.FR) {
          assertTrue(f.area() > 0 && f.area() <= d.width() * d.height(), where + " vs " + f.area());
        }
        folded += d.cards().isEmpty() ? 0 : 1;
      }
    }
    assertTrue(folded > 0, "some scenes have cards");
  }

  @Test
  void aForceDirectedPictureOfTenBoxesOrMoreCoversItsFrame() throws Exception {
    // the calibration the planner relies on to skip builds (measured: 5 times the grown boxes' area
    // or more from 10 boxes on, the frame being 4 times)
    int checked = 0;
    for (Object[] s : scenes()) {
      Kernel k = (Kernel) s[1];
      DrawingOptions o = ((DrawingOptions) s[2]).withLayout(LayoutChoice.FR);
      DrawingBuilder.Footprint f = BUILDER.footprint(k, o);
      if (f.shown() >= 10) {
        Drawing d = BUILDER.build(k, o);
        assertTrue(
            d.width() * d.height() >= f.area(),
            s[0] + ": " + d.width() + "x" + d.height() + " under the frame's " + f.area());
        checked++;
      }
    }
    assertTrue(checked >= 8, "scenes checked: " + checked);
  }

  @Test
  void noPictureOfAnAreaFitsLargerThanTheBestScaleOfThatArea() {
    Random rnd = new Random(5);
    for (int i = 0; i < 10_000; i++) {
      double w = 1 + rnd.nextDouble() * 20_000;
      double h = 1 + rnd.nextDouble() * 20_000;
      double viewW = 50 + rnd.nextDouble() * 4000;
      double viewH = 50 + rnd.nextDouble() * 4000;
      double best = ViewFit.bestScale(w * h, viewW, viewH);
      assertTrue(ViewFit.scale(w, h, viewW, viewH) <= best * (1 + 1e-12), w + "x" + h);
    }
    // reached by a picture of the view's shape
    assertEquals(0.9, ViewFit.bestScale(1600 * 1000, 1600, 1000), 1e-12);
    assertEquals(
        ViewFit.scale(800, 500, 1600, 1000), ViewFit.bestScale(800 * 500, 1600, 1000), 1e-12);
  }
}
