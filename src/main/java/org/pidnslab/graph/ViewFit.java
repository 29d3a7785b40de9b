package org.pidnslab.graph;

/**
 * How a picture is fitted to a view: the window's camera frames with it and the automatic collapse
 * plans with it, so a plan's promise ("the fitted text is 10 px") holds on screen. Pure Java.
 */
public final class ViewFit {
  /** The picture leaves this fraction of the view free on each side. */
  public static final double MARGIN_FRACTION = 0.05;

  /** A view is never treated as smaller than this, in px (a window still opening). */
  static final double MIN_VIEW = 100;

  private ViewFit() {}

  /**
   * The zoom at which a {@code w x h} picture (drawing coordinates) fills a {@code viewW x viewH}
   * view less its margins, whether that enlarges or shrinks it.
   */
  public static double scale(double w, double h, double viewW, double viewH) {
    return Math.min(room(viewW) / Math.max(1, w), room(viewH) / Math.max(1, h));
  }

  /**
   * The largest zoom at which any picture of at least {@code area} (width times height) can fill a
   * {@code viewW x viewH} view less its margins: {@link #scale}'s min(fw / w, fh / h) is at most
   * the geometric mean of the two, sqrt(fw * fh / area), reached when the picture has the view's
   * shape.
   */
  public static double bestScale(double area, double viewW, double viewH) {
    return Math.sqrt(room(viewW) * room(viewH) / Math.max(1, area));
  }

  /** A view's width or height less its margins. */
  private static double room(double view) {
    return Math.max(MIN_VIEW, view * (1 - 2 * MARGIN_FRACTION));
  }
}
