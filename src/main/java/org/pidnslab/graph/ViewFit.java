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
    double fw = Math.max(MIN_VIEW, viewW * (1 - 2 * MARGIN_FRACTION));
    double fh = Math.max(MIN_VIEW, viewH * (1 - 2 * MARGIN_FRACTION));
    return Math.min(fw / Math.max(1, w), fh / Math.max(1, h));
  }
}
