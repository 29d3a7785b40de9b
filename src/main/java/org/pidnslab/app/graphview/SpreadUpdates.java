package org.pidnslab.app.graphview;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import org.pidnslab.graph.TaskNode;
import org.pidnslab.graph.Theme;

/**
 * Redraws figures whose content changed, at most {@link #PER_FRAME} in one frame: a call that
 * restyles thousands of tasks (kill -1) is drawn over several frames, newest tasks first, so no
 * frame blocks the window for long.
 */
final class SpreadUpdates {
  /** At most this many figures are rebuilt in one frame. */
  static final int PER_FRAME = 250;

  /** A figure whose content must be redrawn. */
  record Pending(TaskFigure figure, TaskNode node, String waiting) {}

  private final ArrayDeque<Pending> deferred = new ArrayDeque<>();
  private final Supplier<Theme> theme;

  private final AnimationTimer settler =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          for (int i = 0; i < PER_FRAME && !deferred.isEmpty(); i++) {
            Pending p = deferred.poll();
            p.figure().update(p.node(), theme.get(), p.waiting());
          }
          if (deferred.isEmpty()) {
            stop();
          }
        }
      };

  SpreadUpdates(Supplier<Theme> theme) {
    this.theme = theme;
  }

  /** Whether figures are still waiting for their frame. */
  boolean busy() {
    return !deferred.isEmpty();
  }

  /** Forgets what waits (a new picture lists its own). */
  void clear() {
    deferred.clear();
  }

  /** Redraws the first {@code limit} of {@code changed} now and the rest over the next frames. */
  void update(List<Pending> changed, int limit) {
    for (int i = 0; i < changed.size(); i++) {
      Pending p = changed.get(i);
      if (i < limit) {
        p.figure().update(p.node(), theme.get(), p.waiting());
      } else {
        deferred.add(p);
      }
    }
    if (!deferred.isEmpty()) {
      settler.start();
    }
  }
}
