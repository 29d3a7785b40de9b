package org.pidnslab.graph;

import java.util.Objects;
import org.pidnslab.kernel.PidNamespace;

/**
 * What to draw: the namespace the picture is seen from, and the layout. Fonts and their scale come
 * with the {@link TextMetrics} given to the {@link DrawingBuilder}.
 *
 * @param perspective the namespace to view from (like running {@code ps} inside it), or null to
 *     show every task's whole PID stack
 * @param layout how to place the tasks
 */
public record DrawingOptions(PidNamespace perspective, LayoutChoice layout) {

  /** No perspective, tidy tree. */
  public static final DrawingOptions DEFAULT = new DrawingOptions(null, LayoutChoice.TREE);

  /** Checks the arguments. */
  public DrawingOptions {
    Objects.requireNonNull(layout);
  }

  /** These options seen from {@code ns} (null for none). */
  public DrawingOptions withPerspective(PidNamespace ns) {
    return new DrawingOptions(ns, layout);
  }

  /** These options with another layout. */
  public DrawingOptions withLayout(LayoutChoice choice) {
    return new DrawingOptions(perspective, choice);
  }
}
