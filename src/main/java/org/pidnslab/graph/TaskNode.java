package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A task's box in the task tree: its name and state on the first line, its PID stack as chips
 * below, outermost namespace first (like {@code NSpid} in /proc/PID/status).
 *
 * @param serial the task's creation serial: a stable identity across states (0 for init)
 * @param label the task's name (comm)
 * @param state the state letter: {@code R}, {@code E} or {@code Z}
 * @param box the node's box
 * @param ghost whether the task is a zombie: drawn as a ghost (dashed outline, pale fill)
 * @param exiting whether the task is a namespace init stuck in exit (state E)
 * @param faded whether the chosen perspective cannot see the task (drawn with low opacity)
 * @param namespaceInit whether the task is pid 1 (child reaper) of its namespace
 * @param subreaper whether the task called PR_SET_CHILD_SUBREAPER
 * @param namespace the name of the task's own (active) namespace
 * @param namespaceSerial the creation serial of that namespace
 * @param colorIndex that namespace's {@link Palette} index: the node's accent colour
 * @param depth the task's depth in the tree: 0 for a root
 * @param labelText the name, placed
 * @param stateText the state letter, placed; its box is the badge to draw around it
 * @param chips the PID stack, outermost first; in a perspective, a single chip
 * @param tooltip several lines with the full story: NSpid, PPid, PGid, SID, flags
 */
public record TaskNode(
    int serial,
    String label,
    String state,
    Box box,
    boolean ghost,
    boolean exiting,
    boolean faded,
    boolean namespaceInit,
    boolean subreaper,
    String namespace,
    int namespaceSerial,
    int colorIndex,
    int depth,
    TextItem labelText,
    TextItem stateText,
    List<PidChip> chips,
    String tooltip) {

  /** Checks the arguments and freezes the chip list. */
  public TaskNode {
    Objects.requireNonNull(label);
    Objects.requireNonNull(state);
    Objects.requireNonNull(box);
    Objects.requireNonNull(namespace);
    Objects.requireNonNull(labelText);
    Objects.requireNonNull(stateText);
    chips = List.copyOf(chips);
    Objects.requireNonNull(tooltip);
  }

  /**
   * Style classes for renderers (CSS classes in SVG, style classes in JavaFX): {@code task}, then
   * {@code ghost}, {@code exiting}, {@code faded}, {@code ns-init}, {@code subreaper} as they
   * apply, then {@code ns-color-N} with the colour index.
   */
  public List<String> styleClasses() {
    List<String> out = new ArrayList<>(7);
    out.add("task");
    if (ghost) {
      out.add("ghost");
    }
    if (exiting) {
      out.add("exiting");
    }
    if (faded) {
      out.add("faded");
    }
    if (namespaceInit) {
      out.add("ns-init");
    }
    if (subreaper) {
      out.add("subreaper");
    }
    out.add("ns-color-" + colorIndex);
    return out;
  }

  /** This node moved by {@code dx, dy}. */
  public TaskNode translate(double dx, double dy) {
    List<PidChip> moved = new ArrayList<>(chips.size());
    for (PidChip c : chips) {
      moved.add(c.translate(dx, dy));
    }
    return new TaskNode(
        serial,
        label,
        state,
        box.translate(dx, dy),
        ghost,
        exiting,
        faded,
        namespaceInit,
        subreaper,
        namespace,
        namespaceSerial,
        colorIndex,
        depth,
        labelText.translate(dx, dy),
        stateText.translate(dx, dy),
        moved,
        tooltip);
  }
}
