package org.pidnslab.app.graphview;

import javafx.scene.Group;
import javafx.scene.transform.Scale;
import org.pidnslab.graph.Box;

/**
 * A task figure's way during an unfold or fold: from one box to another (a speck in the card, its
 * place before, its place after), in the drawing's coordinates. The figure is scaled about its
 * top-left corner (a {@link Scale} with pivot 0, 0) and translated to the box's corner: the pivot
 * of {@code scaleX} would be the centre of whatever the figure has drawn so far, and a big expand
 * draws its figures over several frames.
 */
final class FigureGlide implements UnfoldTrack {
  private final TaskFigure figure;
  private final Box from;
  private final Box to;
  private final Box natural;
  private final Group layer;
  private final boolean remove;
  private final double margin;
  private final Scale scale;

  /**
   * @param natural the figure's own box (what it is drawn at, unscaled)
   * @param layer the node layer, which loses the figure at the end when {@code remove}
   */
  FigureGlide(
      TaskFigure figure,
      Box from,
      Box to,
      Box natural,
      Group layer,
      boolean remove,
      double margin) {
    this.figure = figure;
    this.from = from;
    this.to = to;
    this.natural = natural;
    this.layer = layer;
    this.remove = remove;
    this.margin = margin;
    boolean resized = from.w() != natural.w() || to.w() != natural.w();
    this.scale = resized ? new Scale(1, 1, 0, 0) : null;
    if (scale != null) {
      figure.getTransforms().add(scale);
    }
  }

  Box from() {
    return from;
  }

  Box to() {
    return to;
  }

  /** Where the figure is drawn at progress {@code t}. */
  Box now(double t) {
    return UnfoldTrack.between(from, to, t);
  }

  @Override
  public void at(double t) {
    Box b = now(t);
    figure.setTranslateX(b.x() + margin);
    figure.setTranslateY(b.y() + margin);
    if (scale != null) {
      scale.setX(natural.w() > 0 ? b.w() / natural.w() : 1);
      scale.setY(natural.h() > 0 ? b.h() / natural.h() : 1);
    }
  }

  @Override
  public void end() {
    if (scale != null) {
      figure.getTransforms().remove(scale);
    }
    if (remove) {
      layer.getChildren().remove(figure);
    } else {
      figure.setTranslateX(natural.x() + margin);
      figure.setTranslateY(natural.y() + margin);
    }
  }
}
