package org.pidnslab.app.graphview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.NamespaceHull;
import org.pidnslab.graph.Palette;
import org.pidnslab.graph.Point;
import org.pidnslab.graph.TreeEdge;

/**
 * The layers behind the task figures: each namespace's hull with its name, and the edges, kept by
 * (parent, child) so that a redraw moves the lines that changed instead of rebuilding thousands.
 */
final class HullAndEdgeLayers {
  final Group hullLayer = new Group();
  final Group edgeLayer = new Group();
  private final Map<Long, Polyline> edgeLines = new HashMap<>();
  private final double margin;
  private java.util.function.IntConsumer onNameClicked = serial -> {};
  // what the last redraw took away: a fold puts back what it still shows folding into the card
  private List<javafx.scene.Node> replacedHulls = List.of();
  private List<Polyline> removedEdges = List.of();

  /** Layers drawing the picture moved by {@code margin} right and down, as the figures are. */
  HullAndEdgeLayers(double margin) {
    this.margin = margin;
  }

  /** A click on a namespace's name gives its serial to {@code handler} (it collapses it). */
  void setOnNameClicked(java.util.function.IntConsumer handler) {
    onNameClicked = handler;
  }

  /** The line of the edge from task {@code fromSerial} to {@code toSerial}, or null. */
  Polyline edge(int fromSerial, int toSerial) {
    return edgeLines.get(((long) fromSerial << 32) | (toSerial & 0xffffffffL));
  }

  /** Forgets every edge line (a new theme draws them anew). */
  void clearEdges() {
    edgeLines.clear();
    edgeLayer.getChildren().clear();
  }

  /** The hulls and names the last {@link #drawHulls} replaced. */
  List<javafx.scene.Node> replacedHulls() {
    return replacedHulls;
  }

  /** The edge lines the last {@link #drawEdges} took out (their user data is their edge). */
  List<Polyline> removedEdges() {
    return removedEdges;
  }

  /** The id of a hull part's polygon. */
  static String hullId(NamespaceHull h) {
    return "hull-" + h.namespace() + "-" + h.part();
  }

  /** The id of a namespace's name above its hull. */
  static String nameId(NamespaceHull h) {
    return "hull-name-" + h.namespace();
  }

  /** {@code points} moved by {@code margin} right and down, as x, y, x, y... for a shape. */
  static List<Double> coordinates(List<Point> points, double margin) {
    List<Double> out = new ArrayList<>(points.size() * 2);
    for (Point pt : points) {
      out.add(pt.x() + margin);
      out.add(pt.y() + margin);
    }
    return out;
  }

  void drawHulls(Drawing drawing, org.pidnslab.graph.Theme theme) {
    replacedHulls = List.copyOf(hullLayer.getChildren());
    hullLayer.getChildren().clear();
    List<NamespaceHull> hulls = new ArrayList<>(drawing.hulls());
    hulls.sort(Comparator.comparingInt(NamespaceHull::level));
    for (NamespaceHull h : hulls) {
      Polygon p = new Polygon();
      p.getPoints().setAll(coordinates(h.outline(), margin));
      Color c = Color.web(Palette.hex(h.colorIndex()));
      double fade = h.faded() ? theme.fadedOpacity() : 1;
      p.setFill(c.deriveColor(0, 1, 1, theme.hullFillOpacity() * h.fillWeight() * fade));
      p.setStroke(c.deriveColor(0, 1, 1, theme.hullStrokeOpacity() * fade));
      p.setStrokeWidth(1.5);
      p.getStyleClass().add("hull");
      p.setId(hullId(h));
      p.setMouseTransparent(true);
      hullLayer.getChildren().add(p);
      if (h.part() == 0 && !h.outline().isEmpty()) {
        javafx.scene.text.Text name =
            hullName(h, Color.web(theme.hullName(h.colorIndex()), fade), theme);
        name.setOnMouseClicked(
            e -> {
              if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                onNameClicked.accept(h.namespaceSerial());
                e.consume();
              }
            });
        hullLayer.getChildren().add(name);
      }
    }
  }

  /** The namespace's name just above the left end of its hull's top edge. */
  private javafx.scene.text.Text hullName(
      NamespaceHull h, Color colour, org.pidnslab.graph.Theme theme) {
    Point corner = h.topLeft();
    javafx.scene.text.Text t = new javafx.scene.text.Text(h.namespace());
    org.pidnslab.graph.Typography ty = theme.typography();
    t.setFont(
        javafx.scene.text.Font.font(
            ty.family(), javafx.scene.text.FontWeight.BOLD, ty.detailSize()));
    t.setFill(colour);
    t.setX(corner.x() + margin + 2);
    t.setY(corner.y() + margin - 3);
    t.getStyleClass().add("hull-name");
    t.setId(nameId(h));
    t.setCursor(javafx.scene.Cursor.HAND);
    javafx.scene.control.Tooltip.install(
        t, new javafx.scene.control.Tooltip("Click to collapse " + h.namespace() + " into a card"));
    return t;
  }

  void drawEdges(Drawing drawing, org.pidnslab.graph.Theme theme, org.pidnslab.graph.Box window) {
    // edges are kept by (parent, child) and only their points change: thousands of edges are
    // not rebuilt on every click
    Map<Long, Polyline> next = new HashMap<>(drawing.edges().size() * 2);
    List<javafx.scene.Node> order = new ArrayList<>(drawing.edges().size());
    for (TreeEdge e : drawing.edges()) {
      if (window != null && !window.intersects(e.bounds())) {
        continue;
      }
      long key = ((long) e.fromSerial() << 32) | (e.toSerial() & 0xffffffffL);
      Polyline line = edgeLines.remove(key);
      if (line == null) {
        line = new Polyline();
        line.setId("edge-" + e.fromSerial() + "-" + e.toSerial());
        line.setMouseTransparent(true);
      }
      if (!e.equals(line.getUserData())) {
        line.getPoints().setAll(coordinates(e.points(), margin));
        line.setStroke(Color.web(e.crossesNamespace() ? theme.crossEdge() : theme.edge()));
        line.setStrokeWidth(theme.edgeWidth());
        if (e.crossesNamespace()) {
          line.getStrokeDashArray().setAll(5.0, 4.0);
        } else {
          line.getStrokeDashArray().clear();
        }
        line.setOpacity(e.faded() ? theme.fadedOpacity() : 1);
        line.setUserData(e);
      }
      next.put(key, line);
      order.add(line);
    }
    // touch the scene graph only for edges that came or went: re-adding thousands of children
    // costs more than everything else in a redraw
    List<Polyline> stale = new ArrayList<>(edgeLines.values());
    removedEdges = stale;
    if (!stale.isEmpty()) {
      edgeLayer.getChildren().removeAll(new java.util.HashSet<>(stale));
    }
    for (javafx.scene.Node n : order) {
      if (n.getParent() == null) {
        edgeLayer.getChildren().add(n);
      }
    }
    edgeLines.clear();
    edgeLines.putAll(next);
  }
}
