package org.pidnslab.graph;

/** Every task's box, by task index, before the final move to the margin. */
final class TaskBoxes {
  final double[] x;
  final double[] y;
  final double[] w;
  final double[] h;
  final double[] labelW;
  final double[] badgeW;
  final double[] chipW;
  final boolean[] faded;

  TaskBoxes(int n) {
    x = new double[n];
    y = new double[n];
    w = new double[n];
    h = new double[n];
    labelW = new double[n];
    badgeW = new double[n];
    chipW = new double[n];
    faded = new boolean[n];
  }

  /** Puts box {@code i} centred on (cx, cy), as {@link Box#centredAt} would. */
  void centre(int i, double cx, double cy) {
    x[i] = cx - w[i] / 2;
    y[i] = cy - h[i] / 2;
  }

  double maxX(int i) {
    return x[i] + w[i];
  }

  double maxY(int i) {
    return y[i] + h[i];
  }

  double centerX(int i) {
    return x[i] + w[i] / 2;
  }

  Box box(int i) {
    return new Box(x[i], y[i], w[i], h[i]);
  }
}
