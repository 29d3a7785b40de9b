package org.pidnslab.app.graphview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.shape.Polyline;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.Point;
import org.pidnslab.graph.TreeEdge;

/**
 * An edge during an unfold or fold: its ends stay on its two figures wherever they are drawn, so no
 * line points into empty space while its task is still in the card. The line's first point moves
 * with the parent's box and its last with the child's (each as scaled as the figure); the points
 * between keep their place between the two ends on each axis, so a tree's orthogonal route stays
 * orthogonal.
 */
final class EdgeFollow implements UnfoldTrack {
  private final Polyline line;
  private final List<Point> rest;
  private final FigureGlide parent;
  private final FigureGlide child;
  private final boolean gone;
  private final HullAndEdgeLayers lines;
  private final double margin;

  private EdgeFollow(
      Polyline line,
      TreeEdge edge,
      FigureGlide parent,
      FigureGlide child,
      boolean gone,
      HullAndEdgeLayers lines,
      double margin) {
    this.line = line;
    this.rest = edge.points();
    this.parent = parent;
    this.child = child;
    this.gone = gone;
    this.lines = lines;
    this.margin = margin;
  }

  /**
   * The edges whose ends move: those of the new drawing, and on a fold those the old drawing had to
   * the folding tasks (put back into the edge layer until the fold ends).
   */
  static List<UnfoldTrack> of(
      HullAndEdgeLayers lines,
      Drawing now,
      Map<Integer, FigureGlide> glides,
      boolean fold,
      double margin) {
    List<UnfoldTrack> out = new ArrayList<>();
    for (TreeEdge e : now.edges()) {
      FigureGlide p = glides.get(e.fromSerial());
      FigureGlide c = glides.get(e.toSerial());
      Polyline line = p == null && c == null ? null : lines.edge(e.fromSerial(), e.toSerial());
      if (line != null) {
        out.add(new EdgeFollow(line, e, p, c, false, lines, margin));
      }
    }
    for (Polyline line : fold ? lines.removedEdges() : List.<Polyline>of()) {
      if (line.getUserData() instanceof TreeEdge e) {
        FigureGlide p = glides.get(e.fromSerial());
        FigureGlide c = glides.get(e.toSerial());
        if (p != null || c != null) {
          lines.edgeLayer.getChildren().add(line);
          out.add(new EdgeFollow(line, e, p, c, true, lines, margin));
        }
      }
    }
    return out;
  }

  @Override
  public void at(double t) {
    int n = rest.size();
    Point a = rest.get(0);
    Point b = rest.get(n - 1);
    double ax = end(a.x(), parent, t, true);
    double ay = end(a.y(), parent, t, false);
    double bx = end(b.x(), child, t, true);
    double by = end(b.y(), child, t, false);
    Double[] pts = new Double[2 * n];
    for (int i = 0; i < n; i++) {
      Point p = rest.get(i);
      pts[2 * i] = between(p.x(), a.x(), b.x(), ax, bx) + margin;
      pts[2 * i + 1] = between(p.y(), a.y(), b.y(), ay, by) + margin;
    }
    line.getPoints().setAll(pts);
  }

  /**
   * Where coordinate {@code v} of an end is at {@code t}: moved with its figure's box, or where it
   * is when the figure does not move. An edge of the new drawing is drawn against the figure's box
   * after the click, a folded-away edge against the box before.
   */
  private double end(double v, FigureGlide f, double t, boolean x) {
    if (f == null) {
      return v;
    }
    Box ref = gone ? f.from() : f.to();
    Box now = f.now(t);
    return x ? UnfoldTrack.mapX(v, ref, now) : UnfoldTrack.mapY(v, ref, now);
  }

  /**
   * {@code v}, which lay between {@code a} and {@code b}, kept in its place between {@code a2} and
   * {@code b2}.
   */
  private static double between(double v, double a, double b, double a2, double b2) {
    if (Math.abs(b - a) < 1e-9) {
      return a2 + (v - a); // both ends level: the point keeps its offset from the first
    }
    return UnfoldTrack.between(a2, b2, (v - a) / (b - a));
  }

  @Override
  public void end() {
    if (gone) {
      lines.edgeLayer.getChildren().remove(line);
      return;
    }
    line.getPoints().setAll(HullAndEdgeLayers.coordinates(rest, margin));
  }
}
