package org.pidnslab.app.window;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves what the window shows as a PNG file, written atomically (no javafx-swing needed). */
public final class Snapshots {
  private Snapshots() {}

  /** Snapshots the whole scene into {@code file}. Call on the FX thread. */
  public static void save(Scene scene, Path file) throws IOException {
    write(scene.snapshot(null), file);
  }

  /** Snapshots one node into {@code file}. Call on the FX thread. */
  public static void save(Node node, Path file) throws IOException {
    write(node.snapshot(null, null), file);
  }

  /** The pixels of {@code image} as an ARGB {@link BufferedImage} (no javafx-swing needed). */
  public static BufferedImage toBufferedImage(WritableImage image) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] argb = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, argb, 0, w);
    return out;
  }

  /** Writes {@code image} as PNG through a temporary file and an atomic move. */
  public static void write(WritableImage image, Path file) throws IOException {
    BufferedImage out = toBufferedImage(image);
    org.pidnslab.script.AtomicFile.<IOException>write(
        file,
        o -> {
          if (!ImageIO.write(out, "png", o)) {
            throw new IOException("no PNG writer");
          }
        });
  }
}
