package org.pidnslab.graph;

/**
 * An axis-parallel rectangle of the drawing model: top-left corner, width and height, in drawing
 * units with y growing downwards.
 *
 * @param x the left edge
 * @param y the top edge
 * @param w the width, never negative
 * @param h the height, never negative
 */
public record Box(double x, double y, double w, double h) {

  /** Checks that the size is not negative. */
  public Box {
    if (w < 0 || h < 0 || Double.isNaN(w) || Double.isNaN(h)) {
      throw new IllegalArgumentException("negative or NaN size: " + w + " x " + h);
    }
  }

  /** The smallest box around {@code points} (an empty box at the origin for none). */
  public static Box enclosing(java.util.List<Point> points) {
    if (points.isEmpty()) {
      return new Box(0, 0, 0, 0);
    }
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (Point p : points) {
      x0 = Math.min(x0, p.x());
      y0 = Math.min(y0, p.y());
      x1 = Math.max(x1, p.x());
      y1 = Math.max(y1, p.y());
    }
    return new Box(x0, y0, x1 - x0, y1 - y0);
  }

  /** A box of size {@code w x h} centred on {@code (cx, cy)}. */
  public static Box centredAt(double cx, double cy, double w, double h) {
    return new Box(cx - w / 2, cy - h / 2, w, h);
  }

  /** The right edge. */
  public double maxX() {
    return x + w;
  }

  /** The bottom edge. */
  public double maxY() {
    return y + h;
  }

  /** The horizontal centre. */
  public double centerX() {
    return x + w / 2;
  }

  /** The vertical centre. */
  public double centerY() {
    return y + h / 2;
  }

  /** Whether the interiors of the two boxes overlap (touching edges do not count). */
  public boolean intersects(Box o) {
    return x < o.maxX() && o.x < maxX() && y < o.maxY() && o.y < maxY();
  }

  /** Whether {@code o} lies inside this box, edges included, up to {@code 1e-9}. */
  public boolean contains(Box o) {
    double eps = 1e-9;
    return o.x >= x - eps && o.y >= y - eps && o.maxX() <= maxX() + eps && o.maxY() <= maxY() + eps;
  }

  /** Whether the point lies inside this box, edges included. */
  public boolean contains(Point p) {
    return p.x() >= x && p.x() <= maxX() && p.y() >= y && p.y() <= maxY();
  }

  /** This box grown by {@code d} on every side (shrunk for negative {@code d}, never below 0). */
  public Box grow(double d) {
    return new Box(x - d, y - d, Math.max(0, w + 2 * d), Math.max(0, h + 2 * d));
  }

  /** This box moved by {@code dx, dy}. */
  public Box translate(double dx, double dy) {
    return new Box(x + dx, y + dy, w, h);
  }
}
