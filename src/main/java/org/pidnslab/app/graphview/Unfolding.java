package org.pidnslab.app.graphview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.animation.Transition;
import javafx.scene.Group;
import javafx.scene.Node;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.TaskNode;

/**
 * Expanding a summary card unfolds it: the tasks it stood for grow out of the card's centre to
 * their places while the card fades, and collapsing folds them back into the new card as it fades
 * in. The whole picture moves together, driven by one eased progress: the edges stay on their
 * figures ({@link EdgeFollow}), the hulls grow out of the card or shrink into it ({@link
 * HullMorph}), and the tasks and cards around glide aside ({@link FigureGlide}, {@link CardFade}).
 * The eye can follow where the tasks went, which a fade cannot show.
 *
 * <p>Only what is drawn moves: a big picture makes the figures and edges in view only, and none
 * while namespace cards stand in for them (then the unfold is instant, as nothing of it is seen).
 */
final class Unfolding {
  /** The unfold's length at normal speed, in ms (the speed control scales it). */
  static final double MILLIS = 300;

  /** How small a task is inside the card: a speck, not nothing. */
  static final double START_SCALE = 0.15;

  private final Group nodeLayer;
  private final HullAndEdgeLayers lines;
  private final SummaryCardLayer cards;
  private final double margin;

  /**
   * The unfold starts after this many frames: the first drawing of the new figures is the costly
   * part of a big expand (the container host's 503 tasks of ns3 are drawn in two frames of 250, a
   * third of a second each on a loaded machine), and an unfold started before them would be over by
   * the time the second frame is on screen.
   */
  static final int FRAMES_BEFORE = 2;

  private Transition running;
  private AnimationTimer starter;
  private final List<UnfoldTrack> tracks = new ArrayList<>();

  Unfolding(Group nodeLayer, HullAndEdgeLayers lines, SummaryCardLayer cards, double margin) {
    this.nodeLayer = nodeLayer;
    this.lines = lines;
    this.cards = cards;
    this.margin = margin;
  }

  boolean running() {
    return running != null;
  }

  /**
   * Plays an expand ({@code expand}: the tasks new in {@code now} come out of {@code card}) or a
   * collapse (the {@code gone} figures, still in the node layer, go into it and are then removed),
   * from the picture of {@code old} to that of {@code now}, which is already on show. Instant at an
   * instant speed.
   *
   * @param card the card's box in the drawing's coordinates
   */
  void play(
      Box card, boolean expand, Drawing old, Drawing now, List<TaskFigure> gone, Motion motion) {
    finish();
    if (motion.instant() || old == null || !nodeLayer.isVisible()) {
      nodeLayer.getChildren().removeAll(gone);
      return;
    }
    Map<Integer, FigureGlide> glides = glides(card, !expand, old, now, new HashSet<>(gone));
    tracks.addAll(glides.values());
    tracks.addAll(EdgeFollow.of(lines, now, glides, !expand, margin));
    tracks.addAll(HullMorph.of(lines, old, now, card, !expand, margin));
    tracks.addAll(CardFade.of(cards, old, now, margin));
    frame(0); // the first frame already shows the start, not the end
    javafx.util.Duration length = motion.steps(MILLIS / Motion.STEP_MS);
    Transition t =
        new Transition() {
          {
            setCycleDuration(length);
          }

          @Override
          protected void interpolate(double frac) {
            frame(frac);
          }
        };
    t.setInterpolator(Motion.EASING);
    t.setOnFinished(e -> finish());
    running = t;
    starter = after(FRAMES_BEFORE, t);
    starter.start();
  }

  /**
   * A timer that plays {@code t} once {@code frames} frames have been drawn, and holds the start.
   */
  private AnimationTimer after(int frames, Transition t) {
    return new AnimationTimer() {
      private int seen;

      @Override
      public void handle(long now) {
        if (++seen > frames) {
          stop();
          starter = null;
          t.play();
        } else {
          frame(0); // a scroll of a big picture puts the figures it makes at their places
        }
      }
    };
  }

  /**
   * The way of every figure that moves: out of the card (new in {@code now}), into it ({@code
   * gone}, on a fold) or aside (drawn elsewhere in {@code old}).
   */
  private Map<Integer, FigureGlide> glides(
      Box card, boolean fold, Drawing old, Drawing now, Set<TaskFigure> gone) {
    Map<Integer, TaskNode> was = old.tasksBySerial();
    Map<Integer, TaskNode> is = now.tasksBySerial();
    Map<Integer, FigureGlide> out = new HashMap<>();
    List<TaskFigure> dropped = new ArrayList<>();
    for (Node n : nodeLayer.getChildren()) {
      if (!(n instanceof TaskFigure f)) {
        continue;
      }
      TaskNode before = was.get(f.serial());
      TaskNode after = is.get(f.serial());
      if (gone.contains(f)) {
        if (fold && before != null) {
          Box b = before.box();
          out.put(f.serial(), new FigureGlide(f, b, speck(card, b), b, nodeLayer, true, margin));
        } else {
          dropped.add(f);
        }
      } else if (after != null) {
        Box b = after.box();
        Box from = before != null ? before.box() : fold ? b : speck(card, b);
        if (!from.equals(b)) {
          out.put(f.serial(), new FigureGlide(f, from, b, b, nodeLayer, false, margin));
        }
      }
    }
    nodeLayer.getChildren().removeAll(dropped);
    return out;
  }

  /** A task's box shrunk to a speck at the card's centre. */
  private static Box speck(Box card, Box task) {
    return Box.centredAt(
        card.centerX(), card.centerY(), START_SCALE * task.w(), START_SCALE * task.h());
  }

  private void frame(double t) {
    for (UnfoldTrack track : tracks) {
      track.at(t);
    }
  }

  /** Ends the unfold or fold now: the final frame, folded-away figures and lines removed. */
  void finish() {
    if (starter != null) {
      starter.stop();
      starter = null;
    }
    if (running != null) {
      running.stop();
      running = null;
    }
    List<UnfoldTrack> now = List.copyOf(tracks);
    tracks.clear();
    now.forEach(UnfoldTrack::end);
  }
}
