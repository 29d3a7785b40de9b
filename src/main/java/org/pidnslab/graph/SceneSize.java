package org.pidnslab.graph;

import java.util.HashMap;
import java.util.Map;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.Task;

/**
 * How big a scene is for the automatic layout ({@code export --layout auto}, View → Layout →
 * Automatic): its tasks, and its widest generation (the most tasks at one depth of the process
 * tree). The tidy tree is at least as wide as its widest generation, so a parent with a few dozen
 * children fitted into a 1280x800 window is a strip of unreadable specks long before the scene has
 * many tasks (16 siblings: labels of 7.5 px; 12: 10 px); the compact layout packs them in a grid.
 * Every lesson stays a tree: the biggest has 34 tasks, the widest 5 siblings.
 *
 * @param tasks how many tasks the scene has
 * @param widest the most tasks at one depth of the process tree
 */
public record SceneSize(int tasks, int widest) {
  /** Above this many tasks the compact layout is chosen, however narrow the tree. */
  public static final int COMPACT_ABOVE_TASKS = 150;

  /** Above this many tasks at one depth the compact layout is chosen. */
  public static final int COMPACT_ABOVE_WIDEST = 12;

  /**
   * How far past {@link #COMPACT_ABOVE_TASKS} a scene that grows call by call must go (or shrink
   * below it) before {@link #automatic(LayoutChoice)} changes its mind: a picture that flips from
   * one layout to the other on every fork at 150 tasks could not be followed.
   */
  public static final int TASKS_HYSTERESIS = 30;

  /** The same margin around {@link #COMPACT_ABOVE_WIDEST}. */
  public static final int WIDEST_HYSTERESIS = 3;

  /** The size of {@code kernel}'s scene (every task, whatever the perspective). */
  public static SceneSize of(Kernel kernel) {
    Map<Integer, Integer> depth = new HashMap<>();
    Map<Integer, Integer> perDepth = new HashMap<>();
    int widest = 0;
    for (Task t : kernel.tasks()) {
      int d = depth(t, depth);
      widest = Math.max(widest, perDepth.merge(d, 1, Integer::sum));
    }
    return new SceneSize(kernel.taskCount(), widest);
  }

  /** {@code t}'s depth below its root, memoised by serial so the whole scene costs linear time. */
  private static int depth(Task t, Map<Integer, Integer> known) {
    java.util.ArrayDeque<Task> up = new java.util.ArrayDeque<>();
    Task at = t;
    while (at != null && !known.containsKey(at.serial())) {
      up.push(at);
      at = at.realParent();
    }
    int d = at == null ? -1 : known.get(at.serial());
    while (!up.isEmpty()) {
      known.put(up.pop().serial(), ++d);
    }
    return known.get(t.serial());
  }

  /** The choice for a new scene: {@link LayoutChoice#COMPACT} for a big or wide one, else TREE. */
  public LayoutChoice automatic() {
    return tasks > COMPACT_ABOVE_TASKS || widest > COMPACT_ABOVE_WIDEST
        ? LayoutChoice.COMPACT
        : LayoutChoice.TREE;
  }

  /**
   * The choice for a scene that grows or shrinks call by call: {@code current} while the scene
   * stays within the hysteresis of the thresholds, else {@link #automatic()}.
   */
  public LayoutChoice automatic(LayoutChoice current) {
    if (current == LayoutChoice.COMPACT
        && (tasks > COMPACT_ABOVE_TASKS - TASKS_HYSTERESIS
            || widest > COMPACT_ABOVE_WIDEST - WIDEST_HYSTERESIS)) {
      return LayoutChoice.COMPACT;
    }
    if (current == LayoutChoice.TREE
        && tasks <= COMPACT_ABOVE_TASKS + TASKS_HYSTERESIS
        && widest <= COMPACT_ABOVE_WIDEST + WIDEST_HYSTERESIS) {
      return LayoutChoice.TREE;
    }
    return automatic();
  }
}
