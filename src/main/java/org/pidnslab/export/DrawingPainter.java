package org.pidnslab.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.FontSpec;
import org.pidnslab.graph.NamespaceHull;
import org.pidnslab.graph.Palette;
import org.pidnslab.graph.PidChip;
import org.pidnslab.graph.Point;
import org.pidnslab.graph.SummaryCard;
import org.pidnslab.graph.TaskNode;
import org.pidnslab.graph.TextItem;
import org.pidnslab.graph.TextRole;
import org.pidnslab.graph.Theme;
import org.pidnslab.graph.TreeEdge;
import org.pidnslab.graph.Typography;

/**
 * Paints a {@link Picture} onto any {@link Graphics2D} (a PNG's {@code BufferedImage}, JFreeSVG,
 * JFree PDF) exactly as the window's {@code TaskGraphView} and {@code TaskFigure} paint it with
 * JavaFX nodes: the same margin, hulls (by level, with their names), edges (dashed across
 * namespaces), task boxes (rounded, dashed for zombies, thicker for namespace inits), PID chips
 * (the own namespace's chip full colour and outlined, the others pale) and the perspective's
 * fading. Where JavaFX fades a whole figure (group opacity) this painter fades each of its parts,
 * which differs only where a figure's parts overlap, by a few percent of one channel.
 *
 * <p>Page coordinates: the drawing's (0, 0) is at ({@link #MARGIN}, {@link #MARGIN}); the page is
 * {@link Picture#width()} by {@link Picture#height()} units.
 */
public final class DrawingPainter {
  /** The blank border around the drawing, as in the window. */
  public static final double MARGIN = 24;

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private final Picture picture;
  private final Theme theme;
  private final Map<FontSpec, Font> fonts = new HashMap<>();
  private final String family;

  private DrawingPainter(Picture picture, String family) {
    this.picture = picture;
    this.theme = picture.theme();
    this.family = family;
  }

  /**
   * Paints {@code picture} at page coordinates onto {@code g}, with the theme's canvas unless
   * {@code background} is false. Leaves {@code g}'s state changed (colour, stroke, font, hints).
   */
  public static void paint(Graphics2D g, Picture picture, boolean background) {
    new DrawingPainter(picture, null).paint(g, background);
  }

  /**
   * Paints as {@link #paint} but names every font {@code family} instead of the typography's: JFree
   * PDF maps only a few family names to PDF's standard fonts ({@code Dialog} to Helvetica) and
   * everything else to Courier.
   */
  static void paint(Graphics2D g, Picture picture, boolean background, String family) {
    new DrawingPainter(picture, family).paint(g, background);
  }

  /** The hints that make Java2D draw like JavaFX: anti-aliased, fractional text, pure strokes. */
  static void setQualityHints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
  }

  private void paint(Graphics2D g, boolean background) {
    setQualityHints(g);
    Drawing d = picture.drawing();
    if (background) {
      g.setColor(Colors.web(theme.background()));
      g.fill(new Rectangle2D.Double(0, 0, picture.width(), picture.height()));
    }
    List<NamespaceHull> hulls = new ArrayList<>(d.hulls());
    hulls.sort(Comparator.comparingInt(NamespaceHull::level)); // stable, as the window sorts
    for (NamespaceHull h : hulls) {
      hull(g, h);
    }
    for (TreeEdge e : d.edges()) {
      edge(g, e);
    }
    for (TaskNode n : d.tasks()) {
      task(g, n);
    }
    for (SummaryCard c : d.cards()) {
      card(g, c);
    }
  }

  /**
   * A collapsed part: its link from the parent (dashed into a namespace, dotted to a badge), a
   * tinted box in the namespace's colour with a thick border (a pill for a subtree's badge), the
   * nested namespaces' smaller boxes, and the text.
   */
  private void card(Graphics2D g, SummaryCard c) {
    double opacity = c.faded() ? theme.fadedOpacity() : 1;
    boolean ns = c.kind() == SummaryCard.Kind.NAMESPACE;
    if (c.link().size() >= 2) {
      Path2D.Double p = new Path2D.Double();
      p.moveTo(c.link().get(0).x() + MARGIN, c.link().get(0).y() + MARGIN);
      for (int i = 1; i < c.link().size(); i++) {
        p.lineTo(c.link().get(i).x() + MARGIN, c.link().get(i).y() + MARGIN);
      }
      float w = (float) theme.edgeWidth();
      g.setColor(Colors.withOpacity(Colors.web(ns ? theme.crossEdge() : theme.edge()), opacity));
      g.setStroke(ns ? stroke(w, 5, 4) : stroke(w, 2, 3));
      g.draw(p);
    }
    Color base = Colors.web(Palette.hex(c.colorIndex()));
    Box b = c.box().translate(MARGIN, MARGIN);
    double arc = ns ? 12 : b.h();
    RoundRectangle2D r = new RoundRectangle2D.Double(b.x(), b.y(), b.w(), b.h(), arc, arc);
    g.setColor(
        Colors.withOpacity(
            ns ? Colors.derive(base, 0.55, 1.15, 0.55) : Colors.web(theme.nodeFill()), opacity));
    g.fill(r);
    g.setColor(Colors.withOpacity(base, opacity));
    g.setStroke(stroke(ns ? 2.6f : 1.6f));
    g.draw(r);
    Typography ty = theme.typography();
    for (SummaryCard n : c.nested()) {
      Box nb = n.box().translate(MARGIN, MARGIN);
      RoundRectangle2D nr = new RoundRectangle2D.Double(nb.x(), nb.y(), nb.w(), nb.h(), 8, 8);
      Color nc = Colors.web(Palette.hex(n.colorIndex()));
      g.setColor(Colors.withOpacity(Colors.derive(nc, 0.55, 1.15, 0.55), opacity));
      g.fill(nr);
      g.setColor(Colors.withOpacity(nc, opacity));
      g.setStroke(stroke(1.6f));
      g.draw(nr);
      for (TextItem t : n.text()) {
        text(g, t, ty, Colors.withOpacity(Colors.web(theme.foreground()), opacity));
      }
    }
    for (TextItem t : c.text()) {
      text(g, t, ty, Colors.withOpacity(Colors.web(theme.foreground()), opacity));
    }
  }

  private void hull(Graphics2D g, NamespaceHull h) {
    if (h.outline().isEmpty()) {
      return;
    }
    Path2D.Double p = new Path2D.Double();
    boolean first = true;
    for (Point pt : h.outline()) {
      if (first) {
        p.moveTo(pt.x() + MARGIN, pt.y() + MARGIN);
        first = false;
      } else {
        p.lineTo(pt.x() + MARGIN, pt.y() + MARGIN);
      }
    }
    p.closePath();
    Color c = Colors.web(Palette.hex(h.colorIndex()));
    double fade = h.faded() ? theme.fadedOpacity() : 1;
    g.setColor(Colors.withOpacity(c, theme.hullFillOpacity() * h.fillWeight() * fade));
    g.fill(p);
    g.setColor(Colors.withOpacity(c, theme.hullStrokeOpacity() * fade));
    g.setStroke(new BasicStroke(1.5f));
    g.draw(p);
    if (h.part() == 0) {
      hullName(g, h, Colors.derive(c, 1, 0.75, fade));
    }
  }

  /** The namespace's name just above the left end of its hull's top edge. */
  private void hullName(Graphics2D g, NamespaceHull h, Color colour) {
    Point corner = h.topLeft();
    Typography ty = theme.typography();
    g.setColor(colour);
    drawText(
        g,
        font(new FontSpec(ty.family(), ty.detailSize(), true)),
        h.namespace(),
        corner.x() + MARGIN + 2,
        corner.y() + MARGIN - 3);
  }

  private void edge(Graphics2D g, TreeEdge e) {
    Path2D.Double p = new Path2D.Double();
    Point a = e.points().get(0);
    p.moveTo(a.x() + MARGIN, a.y() + MARGIN);
    for (int i = 1; i < e.points().size(); i++) {
      Point b = e.points().get(i);
      p.lineTo(b.x() + MARGIN, b.y() + MARGIN);
    }
    Color c = Colors.web(e.crossesNamespace() ? theme.crossEdge() : theme.edge());
    g.setColor(Colors.withOpacity(c, e.faded() ? theme.fadedOpacity() : 1));
    float w = (float) theme.edgeWidth();
    g.setStroke(e.crossesNamespace() ? stroke(w, 5, 4) : stroke(w));
    g.draw(p);
  }

  private void task(Graphics2D g, TaskNode n) {
    double opacity = n.faded() ? theme.fadedOpacity() : n.ghost() ? 0.75 : 1;
    double x0 = n.box().x() + MARGIN;
    double y0 = n.box().y() + MARGIN;
    Box b = n.box();
    RoundRectangle2D frame = new RoundRectangle2D.Double(x0, y0, b.w(), b.h(), 10, 10);
    g.setColor(
        Colors.withOpacity(Colors.web(n.ghost() ? theme.ghostFill() : theme.nodeFill()), opacity));
    g.fill(frame);
    g.setColor(Colors.withOpacity(Colors.web(Palette.hex(n.colorIndex())), opacity));
    float w = n.namespaceInit() ? 2.6f : 1.4f;
    g.setStroke(n.ghost() ? stroke(w, 6, 4) : stroke(w));
    g.draw(frame);
    Typography ty = theme.typography();
    text(g, n.labelText(), ty, Colors.withOpacity(Colors.web(theme.foreground()), opacity));
    text(g, n.stateText(), ty, Colors.withOpacity(Colors.web(theme.mutedForeground()), opacity));
    for (PidChip c : n.chips()) {
      chip(g, c, ty, opacity);
    }
    String note = picture.notes().get(n.serial());
    if (note != null && !note.isEmpty()) {
      g.setColor(Colors.withOpacity(Colors.web(theme.crossEdge()), opacity));
      drawText(
          g,
          font(new FontSpec(ty.family(), ty.detailSize(), false)),
          note,
          x0,
          y0 + b.h() + ty.detailSize() + 2);
    }
  }

  private void chip(Graphics2D g, PidChip c, Typography ty, double opacity) {
    Box b = c.box().translate(MARGIN, MARGIN);
    RoundRectangle2D r = new RoundRectangle2D.Double(b.x(), b.y(), b.w(), b.h(), 8, 8);
    Color base = Colors.web(Palette.hex(c.colorIndex()));
    Color fill = c.emphasised() ? base : Colors.derive(base, 0.55, 1.15, 0.55);
    g.setColor(Colors.withOpacity(fill, opacity));
    g.fill(r);
    if (c.emphasised()) {
      g.setColor(Colors.withOpacity(Colors.web(theme.foreground()), opacity));
      g.setStroke(new BasicStroke(1.4f));
      g.draw(r);
    }
    FontSpec chipFont = ty.font(TextRole.CHIP);
    Font f = font(new FontSpec(chipFont.family(), chipFont.size(), c.emphasised()));
    String colour = c.emphasised() ? Palette.textHex(c.colorIndex()) : theme.foreground();
    g.setColor(Colors.withOpacity(Colors.web(colour), opacity));
    double tw = f.getStringBounds(c.text(), FRC).getWidth();
    drawText(g, f, c.text(), b.x() + (b.w() - tw) / 2, c.baseline() + MARGIN);
  }

  private void text(Graphics2D g, TextItem item, Typography ty, Color fill) {
    Font f = font(ty.font(item.role()));
    g.setColor(fill);
    double x = item.box().x() + MARGIN;
    if (item.anchor() == TextItem.Anchor.MIDDLE) {
      x += (item.box().w() - f.getStringBounds(item.text(), FRC).getWidth()) / 2;
    }
    drawText(g, f, item.text(), x, item.baseline() + MARGIN);
  }

  /**
   * Draws {@code s} in {@code f} with its baseline starting at {@code (x, y)}. JFreeSVG writes font
   * sizes as whole pixels (the projector theme's 16.5 px would become 17 px), so a fractional size
   * is drawn as a whole multiple of it, scaled down by the same factor: exact in every format.
   */
  static void drawText(Graphics2D g, Font f, String s, double x, double y) {
    float size = f.getSize2D();
    int k = 1;
    while (k < 8 && size * k != Math.rint(size * k)) {
      k++;
    }
    if (k == 1) {
      g.setFont(f);
      g.drawString(s, (float) x, (float) y);
      return;
    }
    AffineTransform saved = g.getTransform();
    g.translate(x, y);
    g.scale(1.0 / k, 1.0 / k);
    g.setFont(f.deriveFont((float) Math.rint(size * k)));
    g.drawString(s, 0f, 0f);
    g.setTransform(saved);
  }

  /**
   * A line of width {@code w}, dashed if {@code dash} is given; square caps and mitred joins, the
   * defaults of JavaFX shapes.
   */
  private static BasicStroke stroke(float w, float... dash) {
    return dash.length == 0
        ? new BasicStroke(w)
        : new BasicStroke(w, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER, 10, dash, 0);
  }

  /** The AWT font of {@code spec}, made as {@code AwtTextMetrics} makes it (same metrics). */
  private Font font(FontSpec spec) {
    return fonts.computeIfAbsent(
        spec,
        s ->
            new Font(family == null ? s.family() : family, s.bold() ? Font.BOLD : Font.PLAIN, 1)
                .deriveFont((float) s.size()));
  }
}
