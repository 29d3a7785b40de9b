package org.pidnslab.app.graphview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.transform.Scale;
import javafx.util.Duration;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.TaskNode;

/**
 * Expanding a summary card unfolds it: the tasks it stood for grow out of the card's centre to
 * their places, and the tasks around move to theirs; collapsing folds them back, the tasks
 * shrinking into the new card. The eye can follow where the tasks went, which a fade cannot show.
 *
 * <p>A figure is scaled about its top-left corner (a {@link Scale} with pivot 0, 0) and translated
 * so that its centre stays on the straight line from the card's centre to its own: the pivot of
 * {@code scaleX} would be the centre of whatever the figure has drawn so far, and a big expand
 * draws its figures over several frames.
 */
final class Unfolding {
  /** The unfold's length at normal speed, in ms (the speed control scales it). */
  static final double MILLIS = 300;

  /** How small a task is inside the card: a speck, not nothing. */
  static final double START_SCALE = 0.15;

  private final Group nodeLayer;
  private final double margin;
  private Timeline running;
  private final List<Runnable> ends = new ArrayList<>();

  Unfolding(Group nodeLayer, double margin) {
    this.nodeLayer = nodeLayer;
    this.margin = margin;
  }

  boolean running() {
    return running != null;
  }

  /**
   * Plays an expand ({@code expand}: the {@code born} figures come out of {@code card}) or a
   * collapse (the {@code gone} figures, still in the node layer, go into it and are then removed).
   * Figures in {@code before} that moved glide from where they were. Instant at an instant speed.
   *
   * @param card the card's box in the drawing's coordinates
   * @param before figure translations before the change, by serial
   * @param nodes the new drawing's tasks by serial
   */
  void play(
      Box card,
      boolean expand,
      List<TaskFigure> born,
      List<TaskFigure> gone,
      Map<Integer, double[]> before,
      Map<Integer, TaskNode> nodes,
      Motion motion) {
    finish();
    if (!expand) {
      ends.add(() -> nodeLayer.getChildren().removeAll(gone));
    }
    if (motion.instant()) {
      finish();
      return;
    }
    double cx = card.centerX() + margin;
    double cy = card.centerY() + margin;
    List<KeyValue> from = new ArrayList<>();
    List<KeyValue> to = new ArrayList<>();
    java.util.Set<TaskFigure> folding = new java.util.HashSet<>(expand ? born : gone);
    for (TaskFigure f : folding) {
      TaskNode drawn = expand ? nodes.get(f.serial()) : f.node();
      double[] at = expand ? null : before.get(f.serial());
      if (drawn == null || !expand && at == null) {
        continue; // not drawn yet (a big picture draws its figures over several frames)
      }
      Box b = drawn.box();
      double x = expand ? b.x() + margin : at[0];
      double y = expand ? b.y() + margin : at[1];
      Scale s = new Scale(1, 1, 0, 0);
      f.getTransforms().add(s);
      double sx = cx - START_SCALE * b.w() / 2;
      double sy = cy - START_SCALE * b.h() / 2;
      List<KeyValue> inCard = expand ? from : to;
      List<KeyValue> placed = expand ? to : from;
      inCard.add(new KeyValue(f.translateXProperty(), sx, Motion.EASING));
      inCard.add(new KeyValue(f.translateYProperty(), sy, Motion.EASING));
      inCard.add(new KeyValue(s.xProperty(), START_SCALE, Motion.EASING));
      inCard.add(new KeyValue(s.yProperty(), START_SCALE, Motion.EASING));
      placed.add(new KeyValue(f.translateXProperty(), x, Motion.EASING));
      placed.add(new KeyValue(f.translateYProperty(), y, Motion.EASING));
      placed.add(new KeyValue(s.xProperty(), 1.0, Motion.EASING));
      placed.add(new KeyValue(s.yProperty(), 1.0, Motion.EASING));
      ends.add(
          () -> {
            f.getTransforms().remove(s);
            f.setTranslateX(x);
            f.setTranslateY(y);
          });
    }
    for (Node n : nodeLayer.getChildren()) {
      if (n instanceof TaskFigure f && !folding.contains(f) && before.containsKey(f.serial())) {
        double[] was = before.get(f.serial());
        double x = f.getTranslateX();
        double y = f.getTranslateY();
        if (was[0] != x || was[1] != y) {
          from.add(new KeyValue(f.translateXProperty(), was[0], Motion.EASING));
          from.add(new KeyValue(f.translateYProperty(), was[1], Motion.EASING));
          to.add(new KeyValue(f.translateXProperty(), x, Motion.EASING));
          to.add(new KeyValue(f.translateYProperty(), y, Motion.EASING));
          ends.add(
              () -> {
                f.setTranslateX(x);
                f.setTranslateY(y);
              });
        }
      }
    }
    for (KeyValue v : from) { // the first frame already shows the start, not the end
      @SuppressWarnings("unchecked")
      javafx.beans.value.WritableValue<Object> target =
          (javafx.beans.value.WritableValue<Object>) v.getTarget();
      target.setValue(v.getEndValue());
    }
    Duration length = motion.steps(MILLIS / Motion.STEP_MS);
    running =
        new Timeline(
            new KeyFrame(Duration.ZERO, from.toArray(KeyValue[]::new)),
            new KeyFrame(length, to.toArray(KeyValue[]::new)));
    running.setOnFinished(e -> finish());
    running.play();
  }

  /** Ends the unfold or fold now: every figure at its place, folded-away figures removed. */
  void finish() {
    if (running != null) {
      running.stop();
      running = null;
    }
    List<Runnable> now = List.copyOf(ends);
    ends.clear();
    now.forEach(Runnable::run);
  }
}
