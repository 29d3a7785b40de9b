package org.pidnslab.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole picture of one kernel state, independent of any toolkit: the JavaFX window and the SVG,
 * PNG and PDF exporters all render this, so they all show the same picture.
 *
 * <p>Coordinates are drawing units (pixels at 100 %), y downwards, with the task tree in the
 * rectangle (0, 0, width, height). Paint order: {@link #hulls} in list order, then {@link #edges},
 * then {@link #tasks}, then {@link #cards}. The namespace tree side panel has its own coordinates
 * ({@link NamespaceDrawing}).
 *
 * @param width the task picture's width, margins included
 * @param height the task picture's height, margins included
 * @param tasks one node per task not yet reaped, in the kernel's task order
 * @param edges one line per parent-child pair
 * @param hulls namespace regions, outer namespaces first
 * @param namespaces the namespace tree panel
 * @param perspective the name of the namespace the picture is seen from, or null for none
 * @param layout the layout the tasks were placed with
 * @param typography the fonts the text was measured with
 * @param cards the collapsed parts ({@link DrawingOptions}), each in place of the tasks it hides
 */
public record Drawing(
    double width,
    double height,
    List<TaskNode> tasks,
    List<TreeEdge> edges,
    List<NamespaceHull> hulls,
    NamespaceDrawing namespaces,
    String perspective,
    LayoutChoice layout,
    Typography typography,
    List<SummaryCard> cards) {

  /** Checks the arguments and freezes the lists. */
  public Drawing {
    tasks = List.copyOf(tasks);
    cards = List.copyOf(cards);
    edges = List.copyOf(edges);
    hulls = List.copyOf(hulls);
    Objects.requireNonNull(namespaces);
    Objects.requireNonNull(layout);
    Objects.requireNonNull(typography);
  }

  /** A drawing without collapsed parts. */
  public Drawing(
      double width,
      double height,
      List<TaskNode> tasks,
      List<TreeEdge> edges,
      List<NamespaceHull> hulls,
      NamespaceDrawing namespaces,
      String perspective,
      LayoutChoice layout,
      Typography typography) {
    this(
        width, height, tasks, edges, hulls, namespaces, perspective, layout, typography, List.of());
  }

  /** The card of {@code kind} for {@code serial} (a namespace's or a task's), part 0, if drawn. */
  public Optional<SummaryCard> card(SummaryCard.Kind kind, int serial) {
    for (SummaryCard c : cards) {
      if (c.kind() == kind && c.serial() == serial) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The node of the task with creation serial {@code serial}, if it is not reaped. */
  public Optional<TaskNode> task(int serial) {
    for (TaskNode t : tasks) {
      if (t.serial() == serial) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The task nodes by serial, for renderers that update nodes in place. */
  public Map<Integer, TaskNode> tasksBySerial() {
    Map<Integer, TaskNode> out = new HashMap<>(tasks.size() * 2);
    for (TaskNode t : tasks) {
      out.put(t.serial(), t);
    }
    return out;
  }

  /** The hull parts of the namespace called {@code name}. */
  public List<NamespaceHull> hulls(String name) {
    return hulls.stream().filter(h -> h.namespace().equals(name)).toList();
  }
}
