package org.pidnslab.app.graphview;

import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.input.KeyCode;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.TaskNode;
import org.pidnslab.kernel.Task;

/**
 * Where an arrow key takes the selection in the task picture: up to the parent, down to the first
 * child, sideways to the nearest task on the same row of the drawing.
 */
final class KeyNavigation {
  private KeyNavigation() {}

  /**
   * Moves {@code model}'s selection for an arrow key (none selected: to init) and reveals it.
   *
   * @return whether the key was an arrow key
   */
  static boolean navigate(
      LabModel model,
      KeyCode code,
      Drawing drawing,
      Map<Integer, Task> tasksBySerial,
      Consumer<Task> reveal) {
    if (!code.isArrowKey()) {
      return false;
    }
    Task t = model.selectedProperty().get();
    Task next = t == null ? model.kernel().init() : next(t, code, drawing, tasksBySerial);
    if (next != null) {
      model.selectedProperty().set(next);
      if (t != null) {
        reveal.accept(next);
      }
    }
    return true;
  }

  /**
   * The task an arrow key {@code code} moves to from {@code t}, or null when there is nowhere to go
   * (a sideways move from a task not drawn, a collapsed one, goes nowhere).
   *
   * @param tasksBySerial the tasks drawn, by serial
   */
  static Task next(Task t, KeyCode code, Drawing drawing, Map<Integer, Task> tasksBySerial) {
    TaskNode me = drawing.tasksBySerial().get(t.serial());
    Task next = null;
    switch (code) {
      case UP -> next = t.realParent();
      case DOWN -> next = t.children().isEmpty() ? null : t.children().get(0);
      case LEFT, RIGHT -> {
        if (me == null) {
          return null;
        }
        double best = Double.POSITIVE_INFINITY;
        for (TaskNode n : drawing.tasks()) {
          double dx = n.box().centerX() - me.box().centerX();
          boolean sameRow = Math.abs(n.box().y() - me.box().y()) < 1;
          boolean rightSide = code == KeyCode.RIGHT ? dx > 0 : dx < 0;
          if (sameRow && rightSide && Math.abs(dx) < best) {
            best = Math.abs(dx);
            next = tasksBySerial.get(n.serial());
          }
        }
      }
      default -> {
        return null;
      }
    }
    return next;
  }
}
