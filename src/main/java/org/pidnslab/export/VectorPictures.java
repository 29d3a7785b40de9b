package org.pidnslab.export;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * SVG and PDF documents of a picture, painted by {@link DrawingPainter} on JFreeSVG's and JFree
 * PDF's Graphics2D. Text stays text in both ({@code <text>} elements in SVG, text operators in
 * PDF): readers can select and search the pids.
 */
final class VectorPictures {
  private VectorPictures() {}

  /** The SVG document, UTF-8. */
  static byte[] svg(Picture p) {
    // about 2.5 KB of SVG per task: sized up front, the document is not copied as it grows
    int guess = 4096 + p.drawing().tasks().size() * 2600;
    SVGGraphics2D g = new SVGGraphics2D(p.width(), p.height(), null, new StringBuilder(guess));
    g.setGeomDoubleConverter(VectorPictures::coordinate);
    // real <text> elements, not glyph outlines; shapes, not images
    g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
    // the family the window uses, then fallbacks; JFreeSVG quotes attributes with single quotes
    g.setFontFunction(family -> "\"" + family + "\", Verdana, sans-serif");
    DrawingPainter.paint(g, p, true);
    return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A coordinate with at most two decimals (a hundredth of a pixel is below what any renderer
   * shows), written without {@code Double.toString}, which took most of a large export's time.
   */
  static String coordinate(double v) {
    long r = Math.round(v * 100);
    StringBuilder sb = new StringBuilder(12);
    if (r < 0) {
      sb.append('-');
      r = -r;
    }
    sb.append(r / 100);
    int frac = (int) (r % 100);
    if (frac != 0) {
      sb.append('.').append((char) ('0' + frac / 10));
      if (frac % 10 != 0) {
        sb.append((char) ('0' + frac % 10));
      }
    }
    return sb.toString();
  }

  /** The one-page PDF document. */
  static byte[] pdf(Picture p) {
    PDFDocument doc = new PDFDocument();
    doc.setTitle("PID Namespace Lab");
    Page page = doc.createPage(new Rectangle2D.Double(0, 0, p.width(), p.height()));
    PDFGraphics2D g = page.getGraphics2D();
    g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_STANDARD);
    // sans-serif Helvetica, not Courier; AWT's Dialog is DejaVu Sans on Linux, so the text is
    // still centred with the widths the drawing was measured with
    DrawingPainter.paint(g, p, true, Font.DIALOG);
    return doc.getPDFBytes();
  }
}
