package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.Task;

/**
 * Shapes that once made the builder slow; drawn here so a quadratic step would show as a slow test
 * (the times are printed, not asserted: LayoutBenchmark measures them).
 */
class DrawingScaleTest {

  @Test
  void aChainOf10000TasksInsideANamespaceHasASmallHull() {
    Kernel k = new Kernel();
    Task t = k.cloneNewPid(k.init(), "c").child();
    for (int i = 0; i < 10_000; i++) {
      t = k.fork(t, "t" + (i % 10)).child();
    }
    DrawingBuilder builder = new DrawingBuilder();
    builder.build(k); // warm up
    long start = System.nanoTime();
    Drawing d = builder.build(k);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.println("DrawingBuilder chain of 10001 tasks in a namespace: " + ms + " ms");
    assertEquals(10_002, d.tasks().size());
    assertEquals(1, d.hulls().size());
    NamespaceHull hull = d.hulls().get(0);
    assertEquals(10_001, hull.bands().size()); // one band per level
    assertTrue(hull.outline().size() < 100, "outline of " + hull.outline().size() + " points");
    for (int i = 0; i < d.tasks().size(); i += 97) {
      TaskNode n = d.tasks().get(i);
      assertEquals(n.namespace().equals(hull.namespace()), hull.contains(n.box()), n.label());
    }
  }
}
