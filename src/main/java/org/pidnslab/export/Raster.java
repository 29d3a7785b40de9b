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
    int w = (int) Math.ceil(p.width() * scale);
    int h = (int) Math.ceil(p.height() * scale);
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
  static void check(long w, long h, int scale) throws ExportException {
    if (w * h > MAX_PIXELS || w > Integer.MAX_VALUE / 4 || h > Integer.MAX_VALUE / 4) {
      throw new ExportException(
          String.format(
              "the image would be %,d x %,d pixels at %dx, over the limit of %d megapixels;"
                  + " export SVG or PDF, a smaller --scale, or a --view of one namespace",
              w, h, scale, MAX_PIXELS / (1024 * 1024)));
    }
  }
}
