package org.pidnslab.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.script.AtomicFile;

/**
 * The one entry point of every export, for the window and the command line.
 *
 * <p>The window wires it like this (File → Export, the toolbar button, Copy Image):
 *
 * <pre>{@code
 * ExportRequest req = ExportRequest.of(model.kernel(), currentDrawingOptions, graphTheme)
 *     .withScale(2)                       // PNG/GIF only: 1..8
 *     .withTransparentBackground(false)   // PNG only
 *     .withScenario(Scenario.of("lesson.pidns", scriptText)); // GIF only
 * Exporter.export(ExportFormat.SVG, req, chosenFile);          // atomic: temp file + move
 * BufferedImage forClipboard = Exporter.image(req);            // Copy Image
 * }</pre>
 *
 * <p>A picture export builds the drawing exactly as the window does (same builder, same text
 * metrics, same theme and perspective) and paints it with {@link DrawingPainter}, so the file shows
 * what the screen shows. Nothing here touches JavaFX; every method works headless. The methods are
 * not thread-confined, but the request's kernel must not change while they read it (see {@link
 * ExportRequest}). A 10,000-task SVG takes well under a second (docs/benchmarks.md); run exports
 * off the FX thread with a copy of the state if the window must stay responsive for large states.
 */
public final class Exporter {
  private Exporter() {}

  /**
   * Writes {@code request} as {@code format} to {@code out} atomically: a reader sees the old file
   * or the whole new one, and on any error the old file is untouched.
   *
   * @throws IOException the file cannot be written (message names the path and the reason)
   * @throws ExportException the export cannot be made (too many pixels, a script error, ...)
   */
  public static void export(ExportFormat format, ExportRequest request, Path out)
      throws IOException, ExportException {
    byte[] bytes =
        format == ExportFormat.GIF || format == ExportFormat.PNG ? null : bytes(format, request);
    AtomicFile.<ExportException>write(
        out,
        stream -> {
          if (bytes != null) {
            stream.write(bytes);
          } else {
            write(format, request, stream);
          }
        });
  }

  /** Writes {@code request} as {@code format} to {@code out} (not closed). */
  public static void write(ExportFormat format, ExportRequest request, OutputStream out)
      throws IOException, ExportException {
    switch (format) {
      case PNG -> {
        if (!ImageIO.write(image(request), "png", out)) {
          throw new IOException("no PNG writer in this Java runtime");
        }
      }
      case GIF -> AnimatedGif.write(request, out);
      default -> out.write(bytes(format, request));
    }
  }

  /**
   * The picture of {@code request} as an image, at its scale (fitted into its box, if it has one)
   * and background: for the clipboard (Copy Image) and for PNG.
   */
  public static BufferedImage image(ExportRequest request) throws ExportException {
    return Raster.image(
        picture(request),
        request.scale(),
        request.fitWidth(),
        request.fitHeight(),
        request.transparent());
  }

  /** The picture of {@code request}: the drawing the window would show, with its theme. */
  public static Picture picture(ExportRequest request) throws ExportException {
    return Picture.of(request.state(), request.options(), request.theme());
  }

  private static byte[] bytes(ExportFormat format, ExportRequest request) throws ExportException {
    Kernel kernel = request.state();
    return switch (format) {
      case SVG -> VectorPictures.svg(Picture.of(kernel, request.options(), request.theme()));
      case PDF -> VectorPictures.pdf(Picture.of(kernel, request.options(), request.theme()));
      case DOT -> utf8(GraphFiles.dot(kernel));
      case GRAPHML -> utf8(GraphFiles.graphml(kernel));
      case JSON -> utf8(StateJson.of(kernel, request.options().perspective()));
      case PNG, GIF -> throw new IllegalStateException(format + " is streamed");
    };
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
