package org.pidnslab.export;

import java.awt.Color;

/**
 * JavaFX's colour arithmetic in java.awt terms, so that the exports mix the window's colours
 * exactly: {@code Color.web} and {@code Color.deriveColor} (HSB factors, clamped to 0..1).
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

  /** JavaFX {@code c.deriveColor(0, saturation, brightness, opacity)}. */
  static Color derive(Color c, double saturation, double brightness, double opacity) {
    float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
    double b = hsb[2];
    if (b == 0 && brightness > 1) {
      b = 0.05; // as JavaFX does: black can be brightened
    }
    double s = clamp(hsb[1] * saturation);
    b = clamp(b * brightness);
    Color rgb = new Color(Color.HSBtoRGB(hsb[0], (float) s, (float) b));
    return withOpacity(rgb, c.getAlpha() / 255.0 * opacity);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
