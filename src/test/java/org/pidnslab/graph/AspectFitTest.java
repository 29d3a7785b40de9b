package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pidnslab.kernel.Kernel;

/**
 * The whole compact picture takes the shape asked for, not only each block ({@link AspectFit}): for
 * wide and tall targets, on seeded random machines and on the example container host, whole and
 * collapsed as its first view is.
 */
class AspectFitTest {
  private static final DrawingBuilder BUILDER = new DrawingBuilder();

  /** The drawing's shape is within {@code tolerance} of {@code aspect} (as a ratio). */
  private static void assertShape(Drawing d, double aspect, double tolerance, String what) {
    double shape = d.width() / d.height();
    assertTrue(
        shape <= aspect * tolerance && shape >= aspect / tolerance,
        what + " aiming at " + aspect + ": " + d.width() + "x" + d.height() + " = " + shape);
  }

  private static DrawingOptions compact(double aspect) {
    return DrawingOptions.DEFAULT.withLayout(LayoutChoice.COMPACT).withAspect(aspect);
  }

  @ParameterizedTest(name = "{2} machine of {1} tasks, seed {0}")
  @CsvSource({
    "21, 300, BUSHY",
    "22, 300, UNIFORM",
    "23, 2000, BUSHY",
    "24, 2000, UNIFORM",
    "25, 2000, DEEP",
    "26, 10000, BUSHY"
  })
  void randomMachinesTakeTheShapeAskedFor(long seed, int tasks, Machines.Shape shape) {
    Kernel k = Machines.random(seed, tasks, shape);
    for (double aspect : new double[] {0.7, 1.49, 2.2}) {
      assertShape(BUILDER.build(k, compact(aspect)), aspect, 1.2, shape + " " + tasks);
    }
  }

  @ParameterizedTest(name = "aspect {0}")
  @ValueSource(doubles = {0.75, 1.0, 1.49, 1.78, 2.4})
  void theContainerHostTakesTheShapeWholeAndCollapsed(double aspect) throws Exception {
    Kernel k = AutoCollapseTest.containerHost();
    assertShape(BUILDER.build(k, compact(aspect)), aspect, 1.2, "the whole host");
    // the first view's plan for a view of that shape (666 px wide: the 1280x800 window's graph)
    DrawingOptions plan = AutoCollapse.plan(k, compact(aspect), 666, 666 / aspect, 10, Set.of());
    assertTrue(!plan.collapsedNamespaces().isEmpty(), "collapsed");
    assertShape(BUILDER.build(k, plan), aspect, 1.2, "the collapsed host");
  }
}
