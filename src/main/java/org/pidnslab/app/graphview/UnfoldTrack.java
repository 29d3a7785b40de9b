package org.pidnslab.app.graphview;

import org.pidnslab.graph.Box;

/**
 * One part of the picture that moves during an unfold or a fold (a figure, an edge, a hull, a
 * card), driven by the one eased progress of the {@link Unfolding}, so that the whole picture moves
 * together.
 */
interface UnfoldTrack {
  /** Shows the frame at progress {@code t}: 0 is the picture before the click, 1 the one after. */
  void at(double t);

  /** Puts the part exactly where the new drawing says and removes what it no longer draws. */
  void end();

  /** {@code a} at {@code t == 0}, {@code b} at {@code t == 1}, exactly at both ends. */
  static double between(double a, double b, double t) {
    return a * (1 - t) + b * t;
  }

  /** The box on the way from {@code a} to {@code b}: corner and size move together. */
  static Box between(Box a, Box b, double t) {
    return new Box(
        between(a.x(), b.x(), t),
        between(a.y(), b.y(), t),
        between(a.w(), b.w(), t),
        between(a.h(), b.h(), t));
  }

  /** Where {@code x}, a point drawn against box {@code ref}, is when that box is at {@code now}. */
  static double mapX(double x, Box ref, Box now) {
    return now.x() + (ref.w() > 0 ? (x - ref.x()) * now.w() / ref.w() : x - ref.x());
  }

  /** {@link #mapX} for y. */
  static double mapY(double y, Box ref, Box now) {
    return now.y() + (ref.h() > 0 ? (y - ref.y()) * now.h() / ref.h() : y - ref.y());
  }
}
