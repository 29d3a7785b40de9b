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

  void drawHulls(Drawing drawing, org.pidnslab.graph.Theme theme) {
    hullLayer.getChildren().clear();
    List<NamespaceHull> hulls = new ArrayList<>(drawing.hulls());
    hulls.sort(Comparator.comparingInt(NamespaceHull::level));
    for (NamespaceHull h : hulls) {
      Polygon p = new Polygon();
      for (Point pt : h.outline()) {
        p.getPoints().addAll(pt.x() + margin, pt.y() + margin);
      }
      Color c = Color.web(Palette.hex(h.colorIndex()));
      double fade = h.faded() ? theme.fadedOpacity() : 1;
      p.setFill(c.deriveColor(0, 1, 1, theme.hullFillOpacity() * h.fillWeight() * fade));
      p.setStroke(c.deriveColor(0, 1, 1, theme.hullStrokeOpacity() * fade));
      p.setStrokeWidth(1.5);
      p.getStyleClass().add("hull");
      p.setId("hull-" + h.namespace() + "-" + h.part());
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
    t.setId("hull-name-" + h.namespace());
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
        List<Double> pts = new ArrayList<>(e.points().size() * 2);
        for (Point pt : e.points()) {
          pts.add(pt.x() + margin);
          pts.add(pt.y() + margin);
        }
        line.getPoints().setAll(pts);
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
