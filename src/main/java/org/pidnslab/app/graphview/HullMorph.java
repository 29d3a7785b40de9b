package org.pidnslab.app.graphview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.shape.Polygon;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.NamespaceHull;
import org.pidnslab.graph.Point;

/**
 * A namespace's hull during an unfold or fold: the hull of an expanded namespace grows from the
 * card's box to its bounds, a hull that folds shrinks into the card, and the hulls around grow or
 * glide to their new bounds. The outline is stretched from one box to the other (its stroke keeps
 * its width, which a scale transform would not), and the namespace's name rides on its corner.
 */
final class HullMorph implements UnfoldTrack {
  private final Polygon polygon;
  private final Node name;
  private final List<Point> outline;
  private final Box ref;
  private final Box from;
  private final Box to;
  private final Point corner;
  private final HullAndEdgeLayers layers;
  private final boolean remove;
  private final double margin;

  private HullMorph(
      Polygon polygon,
      Node name,
      NamespaceHull hull,
      Box from,
      Box to,
      HullAndEdgeLayers layers,
      boolean remove,
      double margin) {
    this.polygon = polygon;
    this.name = name;
    this.outline = hull.outline();
    this.ref = hull.bounds();
    this.corner = hull.topLeft();
    this.from = from;
    this.to = to;
    this.layers = layers;
    this.remove = remove;
    this.margin = margin;
  }

  /**
   * The hulls that change: those of the new drawing whose bounds moved or that are new (out of
   * {@code card}), and on a fold the old drawing's hulls that are gone (put back until the fold
   * ends, shrinking into the card).
   */
  static List<UnfoldTrack> of(
      HullAndEdgeLayers layers, Drawing old, Drawing now, Box card, boolean fold, double margin) {
    Map<String, NamespaceHull> before = new HashMap<>();
    for (NamespaceHull h : old.hulls()) {
      before.put(HullAndEdgeLayers.hullId(h), h);
    }
    Map<String, Node> shown = byId(layers.hullLayer.getChildren());
    List<UnfoldTrack> out = new ArrayList<>();
    for (NamespaceHull h : now.hulls()) {
      NamespaceHull was = before.remove(HullAndEdgeLayers.hullId(h));
      Box from = was != null ? was.bounds() : card;
      Node p = shown.get(HullAndEdgeLayers.hullId(h));
      if (!h.outline().isEmpty() && !from.equals(h.bounds()) && p instanceof Polygon polygon) {
        Node name = h.part() == 0 ? shown.get(HullAndEdgeLayers.nameId(h)) : null;
        out.add(new HullMorph(polygon, name, h, from, h.bounds(), layers, false, margin));
      }
    }
    Map<String, Node> replaced = byId(fold ? layers.replacedHulls() : List.of());
    for (NamespaceHull h : before.values()) {
      Node p = replaced.get(HullAndEdgeLayers.hullId(h));
      if (!h.outline().isEmpty() && p instanceof Polygon polygon) {
        Node name = h.part() == 0 ? replaced.get(HullAndEdgeLayers.nameId(h)) : null;
        layers.hullLayer.getChildren().add(polygon);
        if (name != null) {
          name.setMouseTransparent(true); // on its way out: a click must not collapse it again
          layers.hullLayer.getChildren().add(name);
        }
        out.add(new HullMorph(polygon, name, h, h.bounds(), card, layers, true, margin));
      }
    }
    return out;
  }

  private static Map<String, Node> byId(List<Node> nodes) {
    Map<String, Node> out = new HashMap<>();
    for (Node n : nodes) {
      out.put(n.getId(), n);
    }
    return out;
  }

  @Override
  public void at(double t) {
    Box b = UnfoldTrack.between(from, to, t);
    Double[] pts = new Double[2 * outline.size()];
    for (int i = 0; i < outline.size(); i++) {
      pts[2 * i] = UnfoldTrack.mapX(outline.get(i).x(), ref, b) + margin;
      pts[2 * i + 1] = UnfoldTrack.mapY(outline.get(i).y(), ref, b) + margin;
    }
    polygon.getPoints().setAll(pts);
    if (name != null) {
      name.setTranslateX(UnfoldTrack.mapX(corner.x(), ref, b) - corner.x());
      name.setTranslateY(UnfoldTrack.mapY(corner.y(), ref, b) - corner.y());
    }
  }

  @Override
  public void end() {
    if (remove) {
      layers.hullLayer.getChildren().remove(polygon);
      if (name != null) {
        layers.hullLayer.getChildren().remove(name);
      }
      return;
    }
    polygon.getPoints().setAll(HullAndEdgeLayers.coordinates(outline, margin));
    if (name != null) {
      name.setTranslateX(0);
      name.setTranslateY(0);
    }
  }
}
