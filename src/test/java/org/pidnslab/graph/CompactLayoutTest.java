package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.Task;

/**
 * The compact layout's invariants on seeded random machines up to 10,000 tasks: no two boxes
 * overlap, every task lies inside the hull of each of its namespaces and no hull covers a task of
 * another namespace, a child is below its parent or to its right on the same row, every edge starts
 * on its parent and ends on its child, and the picture's shape follows the aspect asked for.
 */
class CompactLayoutTest {
  private static final DrawingBuilder BUILDER = new DrawingBuilder();

  static Drawing compact(Kernel k, double aspect) {
    return BUILDER.build(
        k, DrawingOptions.DEFAULT.withLayout(LayoutChoice.COMPACT).withAspect(aspect));
  }

  @ParameterizedTest(name = "{2} machine of {1} tasks, seed {0}")
  @CsvSource({
    "1, 300, BUSHY",
    "2, 300, DEEP",
    "3, 300, UNIFORM",
    "4, 2000, BUSHY",
    "5, 2000, DEEP",
    "6, 2000, UNIFORM",
    "7, 10000, BUSHY",
    "8, 10000, DEEP",
    "9, 5000, UNIFORM"
  })
  void randomMachinesKeepEveryInvariant(long seed, int tasks, Machines.Shape shape) {
    Kernel k = Machines.random(seed, tasks, shape);
    Drawing d = compact(k, DrawingOptions.DEFAULT_ASPECT);
    assertEquals(k.taskCount(), d.tasks().size());
    assertNoOverlap(boxes(d));
    assertHullsHoldTheirTasksOnly(d, k, tasks <= 2000);
    assertChildrenBelowOrRight(d);
    assertEdgesJoinTheirBoxes(d);
    assertAspectWithin(d, 1.0 / 4, 4);
  }

  @Test
  void theScenesOfTheOtherTestsKeepTheInvariantsToo() {
    List<Kernel> scenes = new ArrayList<>();
    for (long seed = 1; seed <= 12; seed++) {
      scenes.add(Scenes.random(seed, 120));
    }
    scenes.add(Scenes.deepNesting().k);
    scenes.add(Scenes.machine().k);
    scenes.add(DrawingBuilderTest.bigMachine(1500));
    for (Kernel k : scenes) {
      for (double aspect : new double[] {0.5, 1.6, 3}) {
        Drawing d = compact(k, aspect);
        assertNoOverlap(boxes(d));
        assertHullsHoldTheirTasksOnly(d, k, true);
        assertChildrenBelowOrRight(d);
        assertEdgesJoinTheirBoxes(d);
      }
    }
  }

  @Test
  void aBushyTreeIsAGridShapedAfterTheAspect() {
    Kernel k = Machines.fan(10_000);
    for (double aspect : new double[] {1.0, 1.6, 2.4}) {
      Drawing d = compact(k, aspect);
      assertNoOverlap(boxes(d));
      double shape = d.width() / d.height();
      assertTrue(shape > aspect / 1.5 && shape < aspect * 1.5, aspect + " gave " + shape);
    }
    // the tidy tree of the same machine is one row: this is what the compact layout is for
    Drawing tree = BUILDER.build(k);
    assertTrue(tree.width() / tree.height() > 100, "tree " + tree.width() + "x" + tree.height());
  }

  @Test
  void aDeepChainFoldsIntoRowsShapedAfterTheAspect() {
    Drawing d = compact(Machines.chain(10_000), 1.6);
    assertNoOverlap(boxes(d));
    assertChildrenBelowOrRight(d);
    assertEdgesJoinTheirBoxes(d);
    assertAspectWithin(d, 1.6 / 2, 1.6 * 2);
  }

  @Test
  void thirtyTwoNestedNamespacesNestTheirHulls() {
    Kernel k = new Kernel();
    Task t = k.init();
    for (int i = 0; i < 32; i++) {
      t = k.cloneNewPid(t, "n" + i).child();
      k.fork(t, "w" + i);
    }
    Drawing d = compact(k, 1.6);
    assertNoOverlap(boxes(d));
    assertHullsHoldTheirTasksOnly(d, k, true);
    // each namespace's hull inside its parent's
    for (NamespaceHull h : d.hulls()) {
      for (NamespaceHull outer : d.hulls()) {
        if (outer.level() == h.level() - 1) {
          assertTrue(
              outer.bounds().contains(h.bounds()), h.namespace() + " in " + outer.namespace());
        }
      }
    }
  }

  @Test
  void theLayoutIsTheSameForTheSameStateAndChangesWithTheAspect() {
    Kernel k = Machines.random(11, 800, Machines.Shape.UNIFORM);
    assertEquals(compact(k, 1.6), compact(Machines.random(11, 800, Machines.Shape.UNIFORM), 1.6));
    assertFalse(compact(k, 1.6).width() == compact(k, 0.6).width());
  }

  // ------------------------------------------------------------------ the invariants

  static List<Box> boxes(Drawing d) {
    List<Box> out = new ArrayList<>();
    d.tasks().forEach(t -> out.add(t.box()));
    d.cards().forEach(c -> out.add(c.box()));
    return out;
  }

  /** No two boxes intersect: a sweep along x, so 10,000 boxes take milliseconds. */
  static void assertNoOverlap(List<Box> boxes) {
    Box[] byX = boxes.toArray(new Box[0]);
    Arrays.sort(byX, (a, b) -> Double.compare(a.x(), b.x()));
    double widest = 0;
    for (Box b : byX) {
      widest = Math.max(widest, b.w());
    }
    for (int i = 0; i < byX.length; i++) {
      for (int j = i + 1; j < byX.length && byX[j].x() < byX[i].x() + widest; j++) {
        assertFalse(byX[i].intersects(byX[j]), byX[i] + " and " + byX[j]);
      }
    }
  }

  /**
   * Every task lies inside a hull part of each namespace it has a number in below root; and, if
   * {@code foreign} (quadratic, for the smaller machines), no hull overlaps a task outside it.
   */
  static void assertHullsHoldTheirTasksOnly(Drawing d, Kernel k, boolean foreign) {
    Map<String, List<NamespaceHull>> byName = new HashMap<>();
    for (NamespaceHull h : d.hulls()) {
      byName.computeIfAbsent(h.namespace(), x -> new ArrayList<>()).add(h);
    }
    for (Task t : k.tasks()) {
      var node = d.task(t.serial());
      if (node.isEmpty()) {
        continue; // collapsed
      }
      Box box = node.get().box();
      for (int level = 1; level <= t.activeNs().level(); level++) {
        String name = t.activeNs().ancestorAt(level).name();
        assertTrue(
            byName.getOrDefault(name, List.of()).stream().anyMatch(h -> h.contains(box)),
            t + " in " + name);
      }
      if (!foreign) {
        continue;
      }
      for (NamespaceHull h : d.hulls()) {
        boolean member =
            t.activeNs().level() >= h.level()
                && t.activeNs().ancestorAt(h.level()).serial() == h.namespaceSerial();
        if (!member) {
          assertFalse(h.overlaps(box), h.namespace() + " covers " + t);
        }
      }
    }
  }

  /** A child's box is below its parent's, or to its right on the same row (a folded chain). */
  static void assertChildrenBelowOrRight(Drawing d) {
    Map<Integer, TaskNode> nodes = d.tasksBySerial();
    for (TreeEdge e : d.edges()) {
      Box p = nodes.get(e.fromSerial()).box();
      Box c = nodes.get(e.toSerial()).box();
      boolean below = c.y() >= p.maxY();
      boolean right = c.y() == p.y() && c.x() >= p.maxX();
      assertTrue(below || right, "child " + c + " of " + p);
    }
  }

  /** Every edge starts on its parent's border and ends on its child's. */
  static void assertEdgesJoinTheirBoxes(Drawing d) {
    Map<Integer, TaskNode> nodes = d.tasksBySerial();
    for (TreeEdge e : d.edges()) {
      Point a = e.points().get(0);
      Point b = e.points().get(e.points().size() - 1);
      assertTrue(onBorder(nodes.get(e.fromSerial()).box(), a), e.toString());
      assertTrue(onBorder(nodes.get(e.toSerial()).box(), b), e.toString());
    }
  }

  private static boolean onBorder(Box box, Point p) {
    double eps = 1e-6;
    boolean inside = box.grow(eps).contains(p);
    boolean onEdge =
        Math.abs(p.x() - box.x()) < eps
            || Math.abs(p.x() - box.maxX()) < eps
            || Math.abs(p.y() - box.y()) < eps
            || Math.abs(p.y() - box.maxY()) < eps;
    return inside && onEdge;
  }

  static void assertAspectWithin(Drawing d, double low, double high) {
    double shape = d.width() / d.height();
    assertTrue(
        shape >= low && shape <= high, d.width() + " x " + d.height() + " is " + shape + " : 1");
  }
}
