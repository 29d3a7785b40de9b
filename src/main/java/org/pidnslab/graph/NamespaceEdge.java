package org.pidnslab.graph;

import java.util.List;

/**
 * A parent-to-child line of the namespace tree, as an orthogonal polyline from the parent's bottom
 * centre to the child's top centre.
 *
 * @param fromSerial the parent namespace's serial
 * @param toSerial the child namespace's serial
 * @param points the polyline, at least two points
 * @param faded whether the perspective cannot see the child namespace
 */
public record NamespaceEdge(int fromSerial, int toSerial, List<Point> points, boolean faded) {

  /** Checks and freezes the polyline. */
  public NamespaceEdge {
    points = List.copyOf(points);
    if (points.size() < 2) {
      throw new IllegalArgumentException("an edge needs two points");
    }
  }
}
