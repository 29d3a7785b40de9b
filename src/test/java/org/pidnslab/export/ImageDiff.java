package org.pidnslab.export;

import java.awt.image.BufferedImage;

/**
 * How different two pictures of the same size are, in ways that survive anti-aliasing: each image
 * is first averaged over {@code radius}-pixel neighbourhoods (a box blur), so glyph edges that two
 * rasterisers place a fraction of a pixel apart mostly cancel, while a missing chip, a wrong colour
 * or a shifted box does not.
 *
 * @param meanAbs the mean absolute difference per channel, 0 to 255
 * @param fractionOver the fraction of pixels with some channel differing by more than the tolerance
 */
public record ImageDiff(double meanAbs, double fractionOver) {

  /** Compares {@code a} and {@code b} (same size) after a box blur of {@code radius}. */
  public static ImageDiff of(BufferedImage a, BufferedImage b, int radius, int tolerance) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      throw new AssertionError(
          "sizes differ: "
              + a.getWidth()
              + "x"
              + a.getHeight()
              + " vs "
              + b.getWidth()
              + "x"
              + b.getHeight());
    }
    int w = a.getWidth();
    int h = a.getHeight();
    double[][] ba = blur(a, radius);
    double[][] bb = blur(b, radius);
    double sum = 0;
    long over = 0;
    for (int i = 0; i < w * h; i++) {
      double worst = 0;
      for (int c = 0; c < 3; c++) {
        double d = Math.abs(ba[c][i] - bb[c][i]);
        sum += d;
        worst = Math.max(worst, d);
      }
      if (worst > tolerance) {
        over++;
      }
    }
    return new ImageDiff(sum / (3.0 * w * h), over / (double) (w * h));
  }

  /**
   * Compares {@code a} and {@code b} raw and after a 3x3 blur, with a tolerance of 48, prints both
   * measurements (the numbers docs/diagrams.md quotes) and returns the blurred one.
   */
  public static ImageDiff report(String what, BufferedImage a, BufferedImage b) {
    ImageDiff raw = of(a, b, 0, 48);
    ImageDiff blurred = of(a, b, 1, 48);
    System.out.printf(
        "%s, %dx%d: raw mean %.3f/255, %.3f%% pixels over 48;"
            + " 3x3-blurred mean %.3f/255, %.3f%% over 48%n",
        what,
        a.getWidth(),
        a.getHeight(),
        raw.meanAbs(),
        raw.fractionOver() * 100,
        blurred.meanAbs(),
        blurred.fractionOver() * 100);
    return blurred;
  }

  /** Per channel (r, g, b), the image composited on white and box-blurred. */
  private static double[][] blur(BufferedImage img, int radius) {
    int w = img.getWidth();
    int h = img.getHeight();
    double[][] ch = new double[3][w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int argb = img.getRGB(x, y);
        double alpha = (argb >>> 24) / 255.0;
        for (int c = 0; c < 3; c++) {
          int v = (argb >> (16 - 8 * c)) & 0xFF;
          ch[c][y * w + x] = v * alpha + 255 * (1 - alpha);
        }
      }
    }
    if (radius == 0) {
      return ch;
    }
    double[][] out = new double[3][w * h];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double s = 0;
          int n = 0;
          for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
              int xx = x + dx;
              int yy = y + dy;
              if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                s += ch[c][yy * w + xx];
                n++;
              }
            }
          }
          out[c][y * w + x] = s / n;
        }
      }
    }
    return out;
  }
}
