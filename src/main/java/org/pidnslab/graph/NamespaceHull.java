package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The coloured region drawn behind the tasks that have a number in a namespace: its own tasks and
 * those of every namespace nested in it. Fill it with the namespace colour at {@link
 * Theme#hullFillOpacity()} and stroke its outline; draw hulls in list order (outer namespaces
 * first, deeper ones on top), before edges and tasks.
 *
 * <p>The tasks of a namespace form one or more whole subtrees of the task tree (a child is always
 * in its parent's namespace or deeper), one hull part each. In the tree layout a part is the stack
 * of its levels' bands: each band spans the part's tasks on one level, padded, and the bands of two
 * levels meet just above the line where the edges between them run horizontally. So the outline is
 * an orthogonal polygon that hugs the subtree, contains the edges inside the part, never covers a
 * task of another namespace, and is never crossed by an edge between two tasks outside it. Paddings
 * grow with the number of namespaces nested inside (up to six levels), so a nested namespace's hull
 * lies inside its parent's. In the other layouts a part is the convex hull of its padded task boxes
 * and {@code bands} is empty.
 *
 * @param namespaceSerial the namespace's creation serial
 * @param namespace the namespace's name
 * @param colorIndex its {@link Palette} index
 * @param level its level (root's hull is not drawn: root holds everything)
 * @param part which of the namespace's subtrees this is, from 0, left to right
 * @param outline the closed polygon to draw (the last point joins the first), clockwise on screen
 * @param bands in the tree layout, the rectangles whose union the outline bounds, top to bottom
 * @param faded whether the perspective cannot see this namespace
 */
public record NamespaceHull(
    int namespaceSerial,
    String namespace,
    int colorIndex,
    int level,
    int part,
    List<Point> outline,
    List<Box> bands,
    boolean faded) {

  /** Checks and freezes the lists. */
  public NamespaceHull {
    Objects.requireNonNull(namespace);
    outline = List.copyOf(outline);
    bands = List.copyOf(bands);
  }

  /** The bounding box of the outline. */
  public Box bounds() {
    return Box.enclosing(outline);
  }

  /**
   * The left end of the outline's top edge: renderers write the namespace's name just above it (the
   * window and the exports alike). The origin for an empty outline.
   */
  public Point topLeft() {
    double top = Double.POSITIVE_INFINITY;
    for (Point pt : outline) {
      top = Math.min(top, pt.y());
    }
    double left = Double.POSITIVE_INFINITY;
    for (Point pt : outline) {
      if (pt.y() == top) {
        left = Math.min(left, pt.x());
      }
    }
    return outline.isEmpty() ? new Point(0, 0) : new Point(left, top);
  }

  /** Whether {@code p} lies inside the outline or on it (even-odd rule with the border). */
  public boolean contains(Point p) {
    boolean inside = false;
    int n = outline.size();
    for (int i = 0, j = n - 1; i < n; j = i++) {
      Point a = outline.get(i);
      Point b = outline.get(j);
      if (onSegment(p, a, b)) {
        return true;
      }
      if ((a.y() > p.y()) != (b.y() > p.y())) {
        double x = a.x() + (p.y() - a.y()) * (b.x() - a.x()) / (b.y() - a.y());
        if (p.x() < x) {
          inside = !inside;
        }
      }
    }
    return inside;
  }

  /**
   * Whether the whole box lies inside the hull: inside one band in the tree layout, else with its
   * four corners inside the (convex) outline.
   */
  public boolean contains(Box b) {
    if (!bands.isEmpty()) {
      for (Box band : bands) {
        if (band.contains(b)) {
          return true;
        }
      }
      return false;
    }
    return contains(new Point(b.x(), b.y()))
        && contains(new Point(b.maxX(), b.y()))
        && contains(new Point(b.x(), b.maxY()))
        && contains(new Point(b.maxX(), b.maxY()));
  }

  /**
   * Whether the interiors of the hull and the box overlap: band by band in the tree layout, by
   * separating axes for a convex outline.
   */
  public boolean overlaps(Box b) {
    if (!bands.isEmpty()) {
      for (Box band : bands) {
        if (band.intersects(b)) {
          return true;
        }
      }
      return false;
    }
    // separating axis test of the convex outline against the box: the box's two axes and
    // every edge normal of the outline
    Point[] corners = {
      new Point(b.x(), b.y()), new Point(b.maxX(), b.y()),
      new Point(b.maxX(), b.maxY()), new Point(b.x(), b.maxY())
    };
    if (separated(1, 0, corners) || separated(0, 1, corners)) {
      return false;
    }
    int n = outline.size();
    for (int i = 0; i < n; i++) {
      Point a = outline.get(i);
      Point c = outline.get((i + 1) % n);
      if (separated(c.y() - a.y(), a.x() - c.x(), corners)) {
        return false;
      }
    }
    return !outline.isEmpty();
  }

  private boolean separated(double ax, double ay, Point[] corners) {
    double min1 = Double.POSITIVE_INFINITY;
    double max1 = Double.NEGATIVE_INFINITY;
    for (Point p : outline) {
      double d = p.x() * ax + p.y() * ay;
      min1 = Math.min(min1, d);
      max1 = Math.max(max1, d);
    }
    double min2 = Double.POSITIVE_INFINITY;
    double max2 = Double.NEGATIVE_INFINITY;
    for (Point p : corners) {
      double d = p.x() * ax + p.y() * ay;
      min2 = Math.min(min2, d);
      max2 = Math.max(max2, d);
    }
    double eps = 1e-9 * Math.max(1, Math.hypot(ax, ay));
    return max1 <= min2 + eps || max2 <= min1 + eps;
  }

  private static boolean onSegment(Point p, Point a, Point b) {
    double eps = 1e-7;
    double cross = (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
    if (Math.abs(cross) > eps * Math.max(1, Math.hypot(b.x() - a.x(), b.y() - a.y()))) {
      return false;
    }
    return p.x() >= Math.min(a.x(), b.x()) - eps
        && p.x() <= Math.max(a.x(), b.x()) + eps
        && p.y() >= Math.min(a.y(), b.y()) - eps
        && p.y() <= Math.max(a.y(), b.y()) + eps;
  }

  /**
   * A factor for {@link Theme#hullFillOpacity()}: 1 for the first three levels, then {@code 3 /
   * level}. A task at level L lies under L translucent fills; without this, 32 nested namespaces
   * would pile up to an opaque mud, with it the stack stays below about half opacity.
   */
  public double fillWeight() {
    return level <= 3 ? 1.0 : 3.0 / level;
  }

  /** Style classes: {@code hull}, {@code ns-color-N}, and {@code faded} if it applies. */
  public List<String> styleClasses() {
    List<String> out = new ArrayList<>(3);
    out.add("hull");
    out.add("ns-color-" + colorIndex);
    if (faded) {
      out.add("faded");
    }
    return out;
  }

  /** This hull moved by {@code dx, dy}. */
  public NamespaceHull translate(double dx, double dy) {
    List<Box> moved = new ArrayList<>(bands.size());
    for (Box b : bands) {
      moved.add(b.translate(dx, dy));
    }
    return new NamespaceHull(
        namespaceSerial,
        namespace,
        colorIndex,
        level,
        part,
        TreeEdge.translate(outline, dx, dy),
        moved,
        faded);
  }
}
