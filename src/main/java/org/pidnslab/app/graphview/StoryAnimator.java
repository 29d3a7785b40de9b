package org.pidnslab.app.graphview;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.ParallelTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.animation.Timeline;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.pidnslab.kernel.KernelEvent;
import org.pidnslab.kernel.Task;

/**
 * Tells what the kernel did, in the kernel's order, from the events of one call: a fork grows the
 * child out of its parent and fills its PID chips innermost level first (as alloc_pid() takes
 * them); an exit fades the task into a zombie ghost; an orphan's edge swings to its new parent with
 * a label saying why; reaping fades the task out; an init's death sends a visible SIGKILL wave
 * through its namespace. Every animation uses {@link Motion#EASING}, and {@link #finish()} jumps to
 * the final frame at once, so a new action never waits.
 */
final class StoryAnimator {
  /** Above this many figures, a relayout jumps instead of gliding: frames must stay short. */
  static final int MOVE_LIMIT = 800;

  /** At most this many events of one call are animated one by one. */
  static final int EFFECT_LIMIT = 120;

  private final TaskGraphView view;
  private final List<Runnable> finalFrame = new ArrayList<>();
  private ParallelTransition running;
  private Runnable onEnd = () -> {};

  StoryAnimator(TaskGraphView view) {
    this.view = view;
  }

  /** Runs when a story has been told to its end (not when a new call cuts it short). */
  void setOnEnd(Runnable r) {
    onEnd = r;
  }

  boolean running() {
    return running != null && running.getStatus() == Animation.Status.RUNNING;
  }

  /** Ends the running story now, leaving every node exactly as the final frame shows it. */
  void finish() {
    if (running != null) {
      running.stop();
      running = null;
    }
    for (Runnable r : finalFrame) {
      r.run();
    }
    finalFrame.clear();
    view.overlay().getChildren().clear();
  }

  /**
   * Animates one call.
   *
   * @param before figure positions before the call, by task serial
   * @param born figures of tasks the call created
   * @param gone figures of tasks the call reaped (already out of the node layer)
   */
  void play(
      List<KernelEvent> events,
      Map<Integer, double[]> before,
      List<TaskFigure> born,
      List<TaskFigure> gone,
      Motion m,
      List<Integer> offView) {
    ParallelTransition all = new ParallelTransition();
    for (int serial : offView) {
      halo(all, serial, m); // the camera moved to these: say which ones
    }
    if (before.size() <= MOVE_LIMIT) {
      moveSurvivors(all, before, born, m);
    }
    double step = 0;
    int effects = 0;
    for (int i = 0; i < events.size(); i++) {
      KernelEvent e = events.get(i);
      if (++effects > EFFECT_LIMIT) {
        break; // a kill -1 over thousands of tasks: tell the first part, show the end at once
      }
      if (e instanceof KernelEvent.TaskForked f) {
        grow(all, f, before, m, step);
        step += 1;
      } else if (e instanceof KernelEvent.TaskZombie z && !releasedAtOnce(z, events, i)) {
        ghost(all, z.task(), m, step);
        step += 0.5;
      } else if (e instanceof KernelEvent.Reparented r) {
        swing(all, r, before, m, step);
      } else if (e instanceof KernelEvent.NamespaceZapped z) {
        wave(all, z, before, gone, m, step);
        step += 0.25 * z.victims().size();
      } else if (e instanceof KernelEvent.SignalSent s
          && s.outcome() == KernelEvent.SignalOutcome.DELIVERED
          && s.sender() != null) {
        ring(all, s.target(), before, gone, m, step, Color.web("#CF222E"), s.signal().name());
        step += 0.5;
      } else if (e instanceof KernelEvent.TaskReaped r) {
        fadeOut(all, r, gone, m, step);
      }
    }
    if (all.getChildren().isEmpty()) {
      finish();
      return;
    }
    all.setOnFinished(
        ev -> {
          finish();
          onEnd.run();
        });
    running = all;
    all.play();
  }

  private void moveSurvivors(
      ParallelTransition all, Map<Integer, double[]> before, List<TaskFigure> born, Motion m) {
    Timeline move = new Timeline();
    for (int serial : before.keySet()) {
      TaskFigure f = view.figure(serial);
      if (f == null || born.contains(f)) {
        continue;
      }
      double[] from = before.get(serial);
      double tx = f.getTranslateX();
      double ty = f.getTranslateY();
      if (from[0] == tx && from[1] == ty) {
        continue;
      }
      f.setTranslateX(from[0]);
      f.setTranslateY(from[1]);
      move.getKeyFrames()
          .add(
              new KeyFrame(
                  m.steps(1),
                  new KeyValue(f.translateXProperty(), tx, Motion.EASING),
                  new KeyValue(f.translateYProperty(), ty, Motion.EASING)));
      finalFrame.add(
          () -> {
            f.setTranslateX(tx);
            f.setTranslateY(ty);
          });
    }
    if (!move.getKeyFrames().isEmpty()) {
      all.getChildren().add(move);
    }
  }

  /** The child grows out of its parent, then its chips fill innermost level first. */
  private void grow(
      ParallelTransition all,
      KernelEvent.TaskForked f,
      Map<Integer, double[]> before,
      Motion m,
      double step) {
    TaskFigure fig = view.figure(f.child());
    if (fig == null) {
      return;
    }
    double tx = fig.getTranslateX();
    double ty = fig.getTranslateY();
    double[] from = before.get(f.parent().serial());
    double finalOpacity = fig.getOpacity();
    fig.setTranslateX(from == null ? tx : from[0]);
    fig.setTranslateY(from == null ? ty : from[1]);
    fig.setScaleX(0.3);
    fig.setScaleY(0.3);
    fig.setOpacity(0);
    Timeline grow =
        new Timeline(
            new KeyFrame(
                m.steps(1),
                new KeyValue(fig.translateXProperty(), tx, Motion.EASING),
                new KeyValue(fig.translateYProperty(), ty, Motion.EASING),
                new KeyValue(fig.scaleXProperty(), 1, Motion.EASING),
                new KeyValue(fig.scaleYProperty(), 1, Motion.EASING),
                new KeyValue(fig.opacityProperty(), finalOpacity, Motion.EASING)));
    grow.setDelay(m.steps(step));
    all.getChildren().add(grow);
    List<Group> chips = fig.chips();
    for (int i = chips.size() - 1, k = 0; i >= 0; i--, k++) {
      Group chip = chips.get(i);
      chip.setOpacity(0);
      FadeTransition in = new FadeTransition(m.steps(0.4), chip);
      in.setToValue(1);
      in.setInterpolator(Motion.EASING);
      in.setDelay(m.steps(step + 0.8 + 0.45 * k));
      all.getChildren().add(in);
      finalFrame.add(() -> chip.setOpacity(1));
    }
    finalFrame.add(
        () -> {
          fig.setTranslateX(tx);
          fig.setTranslateY(ty);
          fig.setScaleX(1);
          fig.setScaleY(1);
          fig.setOpacity(finalOpacity);
        });
  }

  /** An exit: the task fades into its zombie ghost. */
  private void ghost(ParallelTransition all, Task t, Motion m, double step) {
    TaskFigure fig = view.figure(t);
    if (fig == null) {
      return;
    }
    double target = fig.getOpacity();
    fig.setOpacity(1);
    FadeTransition fade = new FadeTransition(m.steps(1), fig);
    fade.setToValue(target);
    fade.setInterpolator(Motion.EASING);
    fade.setDelay(m.steps(step));
    all.getChildren().add(fade);
    finalFrame.add(() -> fig.setOpacity(target));
  }

  /** Reparenting: the child's edge swings from the old parent to the new one, with the reason. */
  private void swing(
      ParallelTransition all,
      KernelEvent.Reparented r,
      Map<Integer, double[]> before,
      Motion m,
      double step) {
    TaskFigure child = view.figure(r.child());
    String why =
        r.reason() == KernelEvent.ReparentReason.SUBREAPER
            ? "adopted by " + r.to().comm() + " (child subreaper)"
            : "adopted by " + r.to().comm() + " (init of " + r.from().activeNs().name() + ")";
    Polyline edge = view.edge(r.to().serial(), r.child().serial());
    double[] oldParent = before.get(r.from().serial());
    TaskFigure oldFig = view.figure(r.from());
    if (edge != null && oldParent != null && !edge.getPoints().isEmpty()) {
      double ox = oldParent[0] + (oldFig == null ? 40 : oldFig.getBoundsInLocal().getWidth() / 2);
      double oy = oldParent[1] + (oldFig == null ? 30 : oldFig.getBoundsInLocal().getHeight());
      double nx = edge.getPoints().get(0);
      double ny = edge.getPoints().get(1);
      javafx.beans.property.DoubleProperty sx = edgeStart(edge, 0);
      javafx.beans.property.DoubleProperty sy = edgeStart(edge, 1);
      Timeline t =
          new Timeline(
              new KeyFrame(Duration.ZERO, new KeyValue(sx, ox), new KeyValue(sy, oy)),
              new KeyFrame(
                  m.steps(1.2),
                  new KeyValue(sx, nx, Motion.EASING),
                  new KeyValue(sy, ny, Motion.EASING)));
      t.setDelay(m.steps(step));
      all.getChildren().add(t);
      finalFrame.add(
          () -> {
            edge.getPoints().set(0, nx);
            edge.getPoints().set(1, ny);
          });
    }
    if (child != null) {
      Text label = badge(why, Color.web(view.graphTheme().noteColour()));
      label.setId("reparent-label-" + r.child().serial());
      label.setX(child.getTranslateX());
      label.setY(child.getTranslateY() - 6);
      label.setOpacity(0);
      view.overlay().getChildren().add(label);
      all.getChildren().add(showThenHide(label, m, step, 5));
    }
  }

  /**
   * Whether the task of {@code z} is released by the very next event: its parent ignores SIGCHLD,
   * so exit_notify() never makes it a zombie (no ghost to draw; it simply fades out).
   */
  private static boolean releasedAtOnce(KernelEvent.TaskZombie z, List<KernelEvent> events, int i) {
    return i + 1 < events.size()
        && events.get(i + 1) instanceof KernelEvent.TaskReaped r
        && r.autoreap()
        && r.task() == z.task();
  }

  /** The SIGKILL wave of zap_pid_ns_processes(): each victim flashes in turn. */
  private void wave(
      ParallelTransition all,
      KernelEvent.NamespaceZapped z,
      Map<Integer, double[]> before,
      List<TaskFigure> gone,
      Motion m,
      double step) {
    int i = 0;
    for (Task victim : z.victims()) {
      ring(all, victim, before, gone, m, step + 0.25 * i++, Color.web("#CF222E"), "SIGKILL");
    }
    TaskFigure init = view.figure(z.init());
    if (init != null) {
      Text t = badge("zap_pid_ns_processes(" + z.ns().name() + ")", Color.web("#CF222E"));
      t.setX(init.getTranslateX());
      t.setY(init.getTranslateY() - 6);
      t.setOpacity(0);
      view.overlay().getChildren().add(t);
      all.getChildren().add(showThenHide(t, m, step, 4 + 0.25 * z.victims().size()));
    }
  }

  /** A red ring and a word over a task: a signal hits it. */
  private void ring(
      ParallelTransition all,
      Task target,
      Map<Integer, double[]> before,
      List<TaskFigure> gone,
      Motion m,
      double step,
      Color colour,
      String word) {
    double[] at = before.get(target.serial());
    TaskFigure fig = view.figure(target);
    if (fig == null) {
      fig = gone.stream().filter(g -> g.serial() == target.serial()).findFirst().orElse(null);
    }
    if (at == null && fig != null) {
      at = new double[] {fig.getTranslateX(), fig.getTranslateY()};
    }
    if (at == null || fig == null) {
      return;
    }
    double w = fig.getBoundsInLocal().getWidth();
    double h = fig.getBoundsInLocal().getHeight();
    Rectangle r = new Rectangle(at[0] - 4, at[1] - 4, w + 8, h + 8);
    r.setArcWidth(14);
    r.setArcHeight(14);
    r.setFill(Color.TRANSPARENT);
    r.setStroke(colour);
    r.setStrokeWidth(3);
    r.setOpacity(0);
    r.getStyleClass().add("signal-ring");
    Text t = badge(word, colour);
    t.setX(at[0] + w + 6);
    t.setY(at[1] + 12);
    t.setOpacity(0);
    view.overlay().getChildren().addAll(r, t);
    all.getChildren().addAll(showThenHide(r, m, step, 1.5), showThenHide(t, m, step, 1.5));
  }

  /** A soft glow around a task the camera just brought into view, so the eye finds it. */
  private void halo(ParallelTransition all, int serial, Motion m) {
    TaskFigure fig = view.figure(serial);
    if (fig == null) {
      return;
    }
    Rectangle r =
        new Rectangle(
            fig.getTranslateX() - 8,
            fig.getTranslateY() - 8,
            fig.getBoundsInLocal().getWidth() + 16,
            fig.getBoundsInLocal().getHeight() + 16);
    r.setArcWidth(22);
    r.setArcHeight(22);
    r.setFill(Color.web("#F0B429", 0.25));
    r.setStroke(Color.web("#F0B429"));
    r.setStrokeWidth(3);
    r.setOpacity(0);
    r.setMouseTransparent(true);
    r.getStyleClass().add("changed-halo");
    view.overlay().getChildren().add(r);
    all.getChildren().add(showThenHide(r, m, 0, 2.5));
  }

  /** A reaped task stays where it was and fades away, with its numbers. */
  private void fadeOut(
      ParallelTransition all,
      KernelEvent.TaskReaped r,
      List<TaskFigure> gone,
      Motion m,
      double step) {
    TaskFigure fig =
        gone.stream().filter(g -> g.serial() == r.task().serial()).findFirst().orElse(null);
    if (fig == null) {
      return;
    }
    view.overlay().getChildren().add(fig);
    Text t =
        badge(
            r.autoreap() ? "released" : "reaped by " + r.reaper().comm(),
            Color.web(view.graphTheme().mutedForeground()));
    t.setX(fig.getTranslateX());
    t.setY(fig.getTranslateY() - 6);
    view.overlay().getChildren().add(t);
    FadeTransition fade = new FadeTransition(m.steps(1.5), fig);
    fade.setFromValue(fig.getOpacity());
    fade.setToValue(0);
    fade.setDelay(m.steps(step + 0.5));
    fade.setInterpolator(Motion.EASING);
    FadeTransition fadeText = new FadeTransition(m.steps(1.5), t);
    fadeText.setFromValue(1);
    fadeText.setToValue(0);
    fadeText.setDelay(m.steps(step + 1));
    all.getChildren().addAll(fade, fadeText);
  }

  private static SequentialTransition showThenHide(
      javafx.scene.Node n, Motion m, double delay, double hold) {
    FadeTransition in = new FadeTransition(m.steps(0.3), n);
    in.setFromValue(0);
    in.setToValue(1);
    in.setInterpolator(Motion.EASING);
    FadeTransition out = new FadeTransition(m.steps(0.5), n);
    out.setFromValue(1);
    out.setToValue(0);
    out.setInterpolator(Motion.EASING);
    SequentialTransition s =
        new SequentialTransition(
            new PauseTransition(m.steps(delay)), in, new PauseTransition(m.steps(hold)), out);
    return s;
  }

  private Text badge(String text, Color colour) {
    Text t = new Text(text);
    t.getStyleClass().add("story-badge");
    org.pidnslab.graph.Typography ty = view.graphTheme().typography();
    t.setFont(Font.font(ty.family(), FontWeight.BOLD, ty.detailSize()));
    t.setFill(colour);
    t.setMouseTransparent(true);
    return t;
  }

  /** A property view of one coordinate of a polyline's first point, for KeyValues. */
  private static javafx.beans.property.DoubleProperty edgeStart(Polyline line, int index) {
    javafx.beans.property.SimpleDoubleProperty p =
        new javafx.beans.property.SimpleDoubleProperty(line.getPoints().get(index));
    p.addListener((o, a, b) -> line.getPoints().set(index, b.doubleValue()));
    return p;
  }
}
