package org.pidnslab.export;

import java.awt.Color;

/**
 * JavaFX's colour arithmetic in java.awt terms, so that the exports mix the window's colours
 * exactly: {@code Color.web} and {@code Color.web(hex, opacity)}. Derived colours (pale chips,
 * readable names) are computed once, by {@link org.pidnslab.graph.Theme}.
 */
final class Colors {
  private Colors() {}

  /** A {@code #RRGGBB} colour, opaque. */
  static Color web(String hex) {
    return new Color(Integer.parseInt(hex.substring(1, 7), 16));
  }

  /** {@code c} with its opacity multiplied by {@code opacity} (0..1). */
  static Color withOpacity(Color c, double opacity) {
    int a = (int) Math.round(clamp(c.getAlpha() / 255.0 * opacity) * 255);
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
