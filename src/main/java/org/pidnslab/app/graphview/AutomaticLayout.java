package org.pidnslab.app.graphview;

import org.pidnslab.graph.LayoutChoice;
import org.pidnslab.graph.SceneSize;

/**
 * View → Layout → Automatic: the tidy tree for a lesson-sized scene, the compact layout for a big
 * or wide one ({@link SceneSize#automatic()}). The choice is made afresh for a new scene (a script
 * opened, Automatic chosen) and a jump along the timeline, which are framed whole anyway; a scene
 * that grows or shrinks call by call, or one step at a time, keeps its layout until it is well past
 * the thresholds ({@link SceneSize#automatic(LayoutChoice)}), so forks around 150 tasks do not flip
 * the picture back and forth.
 */
final class AutomaticLayout {
  private boolean on;
  private int lastHistory = -1;

  boolean on() {
    return on;
  }

  void on(boolean on) {
    this.on = on;
  }

  /**
   * The layout to draw the next picture with.
   *
   * @param current the layout on show
   * @param size how big the scene is
   * @param history how many statements made the state
   * @param newScene whether the picture is a new scene (a script opened, a new layout)
   * @param noEvents whether no call's story comes with it (a replay or a jump)
   */
  LayoutChoice choose(
      LayoutChoice current, SceneSize size, int history, boolean newScene, boolean noEvents) {
    boolean jumped = noEvents && lastHistory >= 0 && Math.abs(history - lastHistory) > 1;
    lastHistory = history;
    if (!on || size == null) {
      return current;
    }
    return newScene || jumped ? size.automatic() : size.automatic(current);
  }
}
