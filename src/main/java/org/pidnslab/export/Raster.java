package org.pidnslab.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Pictures as pixels: the same painting as the vector formats, into a {@link BufferedImage} at an
 * integer scale. Images are limited to {@link #MAX_PIXELS} pixels (a 10,000-task tidy tree is
 * hundreds of thousands of pixels wide; its image would not fit in memory), with a message that
 * says what to do instead.
 */
final class Raster {
  /** The largest image made: 64 megapixels, 256 MB as ARGB. */
  static final long MAX_PIXELS = 64L * 1024 * 1024;

  private Raster() {}

  /** The picture at {@code scale}, on the theme's canvas unless {@code transparent}. */
  static BufferedImage image(Picture p, int scale, boolean transparent) throws ExportException {
    return image(p, (double) scale, transparent);
  }

  /**
   * The picture at {@code scale}, fitted into {@code fitW x fitH} pixels if they are positive:
   * scaled down, never up, so a fitted image is at most that big and keeps the picture's shape.
   */
  static BufferedImage image(Picture p, int scale, int fitW, int fitH, boolean transparent)
      throws ExportException {
    double s = scale;
    if (fitW > 0 && fitH > 0) {
      s = Math.min(s, Math.min(fitW / p.width(), fitH / p.height()));
    }
    return image(p, s, transparent);
  }

  private static BufferedImage image(Picture p, double scale, boolean transparent)
      throws ExportException {
    // less a hair, so that a picture fitted to exactly N pixels is not rounded up to N + 1
    int w = Math.max(1, (int) Math.ceil(p.width() * scale - 1e-6));
    int h = Math.max(1, (int) Math.ceil(p.height() * scale - 1e-6));
    check(w, h, scale);
    BufferedImage img =
        new BufferedImage(
            w, h, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.scale(scale, scale);
      DrawingPainter.paint(g, p, !transparent);
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Throws unless a {@code w x h} image fits under {@link #MAX_PIXELS}. */
  static void check(long w, long h, double scale) throws ExportException {
    if (w * h > MAX_PIXELS || w > Integer.MAX_VALUE / 4 || h > Integer.MAX_VALUE / 4) {
      throw new ExportException(
          String.format(
              "the image would be %,d x %,d pixels at %sx, over the limit of %d megapixels;"
                  + " export SVG or PDF, a smaller --scale, --fit, or a --view of one namespace",
              w,
              h,
              scale == Math.rint(scale)
                  ? Long.toString((long) scale)
                  : String.format("%.3f", scale),
              MAX_PIXELS / (1024 * 1024)));
    }
  }
}
