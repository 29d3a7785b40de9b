package org.pidnslab.graph;

/**
 * A point of the drawing model, in drawing units (CSS pixels at 100 % zoom), with y growing
 * downwards as on a screen.
 *
 * @param x the horizontal coordinate
 * @param y the vertical coordinate, growing downwards
 */
public record Point(double x, double y) {

  /** This point moved by {@code dx, dy}. */
  public Point translate(double dx, double dy) {
    return new Point(x + dx, y + dy);
  }
}
