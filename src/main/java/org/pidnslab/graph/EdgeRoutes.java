package org.pidnslab.graph;

import java.util.List;
import org.pidnslab.kernel.Task;

/**
 * The routes of the edges between boxes: orthogonal in the tree layouts (down from the parent,
 * along the bus below its level, down to the child), straight between the box borders otherwise.
 */
final class EdgeRoutes {
  private EdgeRoutes() {}

  /** The y of the horizontal run of the edges below level {@code d}. */
  static double busY(TidyTreeLayout.Result<Task> tree, int d, LayoutChoice.Spacing spacing) {
    return tree.levelStart(d) + tree.levelSize(d) + spacing.levelGap() * 0.4;
  }

  /**
   * {@link #orthogonal(Box, Box, double)} from box {@code p} to box {@code c}, moved by (dx, dy).
   */
  static List<Point> orthogonal(TaskBoxes boxes, int p, int c, double busY, double dx, double dy) {
    double px = boxes.centerX(p);
    double cx = boxes.centerX(c);
    double top = boxes.maxY(p) + dy;
    double bottom = boxes.y[c] + dy;
    if (Math.abs(px - cx) < 1e-9) {
      return List.of(new Point(px + dx, top), new Point(cx + dx, bottom));
    }
    return List.of(
        new Point(px + dx, top),
        new Point(px + dx, busY + dy),
        new Point(cx + dx, busY + dy),
        new Point(cx + dx, bottom));
  }

  static List<Point> orthogonal(Box parent, Box child, double busY) {
    double px = parent.centerX();
    double cx = child.centerX();
    if (Math.abs(px - cx) < 1e-9) {
      return List.of(new Point(px, parent.maxY()), new Point(cx, child.y()));
    }
    return List.of(
        new Point(px, parent.maxY()),
        new Point(px, busY),
        new Point(cx, busY),
        new Point(cx, child.y()));
  }

  static List<Point> straight(Box parent, Box child) {
    Point a = new Point(parent.centerX(), parent.centerY());
    Point b = new Point(child.centerX(), child.centerY());
    return List.of(border(parent, a, b), border(child, b, a));
  }

  /** Where the segment from the centre {@code from} of {@code box} towards {@code to} leaves it. */
  private static Point border(Box box, Point from, Point to) {
    double dx = to.x() - from.x();
    double dy = to.y() - from.y();
    if (dx == 0 && dy == 0) {
      return from;
    }
    double tx = dx == 0 ? Double.POSITIVE_INFINITY : (box.w() / 2) / Math.abs(dx);
    double ty = dy == 0 ? Double.POSITIVE_INFINITY : (box.h() / 2) / Math.abs(dy);
    double t = Math.min(1, Math.min(tx, ty));
    return new Point(from.x() + dx * t, from.y() + dy * t);
  }
}
