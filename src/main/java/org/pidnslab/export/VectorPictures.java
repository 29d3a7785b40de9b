package org.pidnslab.export;

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
    SVGGraphics2D g = new SVGGraphics2D(p.width(), p.height());
    // real <text> elements, not glyph outlines; shapes, not images
    g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
    // the family the window uses, then fallbacks; JFreeSVG quotes attributes with single quotes
    g.setFontFunction(family -> "\"" + family + "\", Verdana, sans-serif");
    DrawingPainter.paint(g, p, true);
    return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
  }

  /** The one-page PDF document. */
  static byte[] pdf(Picture p) {
    PDFDocument doc = new PDFDocument();
    doc.setTitle("PID Namespace Lab");
    Page page = doc.createPage(new Rectangle2D.Double(0, 0, p.width(), p.height()));
    PDFGraphics2D g = page.getGraphics2D();
    g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_STANDARD);
    DrawingPainter.paint(g, p, true);
    return doc.getPDFBytes();
  }
}
