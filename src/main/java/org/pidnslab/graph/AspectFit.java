package org.pidnslab.graph;

/**
 * Makes the whole compact picture take the target shape, not only each block: {@link CompactLayout}
 * shapes every subtree's block after the aspect on its own, and blocks stacked on one another (a
 * host's daemons above its container runtime's block) make the whole taller than the target. When
 * the result misses the target by more than {@link #TOLERANCE}, this lays out again aiming at a
 * target corrected by the miss, a few times at most, and keeps the closest.
 */
final class AspectFit {
  /** A result this close to the target (as a ratio of aspects) is kept as it is. */
  static final double TOLERANCE = 1.15;

  /** The most layouts one picture costs: the first and this many corrections. */
  static final int MAX_CORRECTIONS = 5;

  private AspectFit() {}

  /** The compact layout of {@code f} whose overall shape is closest to {@code aspect}. */
  static CompactLayout.Result layout(
      DrawingBuilder builder,
      LayoutChoice.Spacing spacing,
      double aspect,
      TaskForest f,
      double[] w,
      double[] h,
      org.pidnslab.kernel.PidNamespace[] ns) {
    CompactLayout.Result best = new CompactLayout(builder, spacing, aspect).layout(f, w, h, ns);
    double bestMiss = miss(shape(best, w, h), aspect);
    double aim = aspect;
    double got = shape(best, w, h);
    // the aims known to give too narrow (low) and too wide (high) a picture: the shape jumps as
    // rows wrap, so once the target is between two aims the next one halves the gap (in log terms)
    double low = 0;
    double high = Double.POSITIVE_INFINITY;
    for (int i = 0; i < MAX_CORRECTIONS && bestMiss > Math.log(TOLERANCE); i++) {
      if (got < aspect) {
        low = Math.max(low, aim);
      } else {
        high = Math.min(high, aim);
      }
      // aim past the target by as much as the last picture missed it, or between the two aims
      aim = low > 0 && high < Double.POSITIVE_INFINITY ? Math.sqrt(low * high) : aim * aspect / got;
      CompactLayout.Result next = new CompactLayout(builder, spacing, aim).layout(f, w, h, ns);
      got = shape(next, w, h);
      double m = miss(got, aspect);
      if (m < bestMiss) {
        best = next;
        bestMiss = m;
      }
    }
    return best;
  }

  /** How far {@code shape} is from {@code aspect}: the absolute log of their ratio. */
  static double miss(double shape, double aspect) {
    return Math.abs(Math.log(shape / aspect));
  }

  /** Width over height of the boxes' bounding box. */
  static double shape(CompactLayout.Result r, double[] w, double[] h) {
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < w.length; i++) {
      x0 = Math.min(x0, r.x[i]);
      y0 = Math.min(y0, r.y[i]);
      x1 = Math.max(x1, r.x[i] + w[i]);
      y1 = Math.max(y1, r.y[i] + h[i]);
    }
    return w.length == 0 ? 1 : Math.max(1, x1 - x0) / Math.max(1, y1 - y0);
  }
}
