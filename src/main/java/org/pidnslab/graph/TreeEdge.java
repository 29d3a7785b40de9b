package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * A parent-to-child line of the task tree, as a polyline: in the tree layout it leaves the parent's
 * bottom centre, runs horizontally in the middle of the gap between the two levels, and enters the
 * child's top centre; in the other layouts it is a straight segment between the two boxes' borders.
 *
 * @param fromSerial the parent task's serial
 * @param toSerial the child task's serial
 * @param points the polyline, from the parent to the child, at least two points
 * @param crossesNamespace whether parent and child are in different active namespaces (the child is
 *     a namespace init, or was forked after setns or unshare): drawn dashed, in the cross colour
 * @param faded whether the perspective cannot see the parent (the child's getppid() reads 0)
 */
public record TreeEdge(
    int fromSerial, int toSerial, List<Point> points, boolean crossesNamespace, boolean faded) {

  /** Checks and freezes the polyline. */
  public TreeEdge {
    points = List.copyOf(points);
    if (points.size() < 2) {
      throw new IllegalArgumentException("an edge needs two points");
    }
  }

  /** Style classes: {@code edge}, then {@code cross-ns} and {@code faded} as they apply. */
  public List<String> styleClasses() {
    List<String> out = new ArrayList<>(3);
    out.add("edge");
    if (crossesNamespace) {
      out.add("cross-ns");
    }
    if (faded) {
      out.add("faded");
    }
    return out;
  }

  /** The smallest box around the edge's polyline. */
  public Box bounds() {
    return Box.enclosing(points);
  }

  /** This edge moved by {@code dx, dy}. */
  public TreeEdge translate(double dx, double dy) {
    return new TreeEdge(fromSerial, toSerial, translate(points, dx, dy), crossesNamespace, faded);
  }

  static List<Point> translate(List<Point> points, double dx, double dy) {
    List<Point> out = new ArrayList<>(points.size());
    for (Point p : points) {
      out.add(p.translate(dx, dy));
    }
    return out;
  }
}
