package org.pidnslab.app.graphview;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.MouseButton;
import org.pidnslab.kernel.Task;

/**
 * The mouse and the context-menu key on task figures: a click selects (through the graph's click
 * handler), the secondary button or the menu key opens the task's context menu, one at a time.
 */
final class FigureInput {
  private final Node focusOwner;
  private final IntFunction<Task> tasks;
  private Consumer<Task> onClick = t -> {};
  private Function<Task, ContextMenu> contextMenus = t -> null;
  private ContextMenu showing;

  /**
   * @param focusOwner takes the keyboard focus on a click, so arrow keys reach the graph
   * @param tasks the task behind a figure's serial, or null
   */
  FigureInput(Node focusOwner, IntFunction<Task> tasks) {
    this.focusOwner = focusOwner;
    this.tasks = tasks;
  }

  void setOnClick(Consumer<Task> handler) {
    onClick = handler;
  }

  void setContextMenus(Function<Task, ContextMenu> factory) {
    contextMenus = factory;
  }

  /** Gives {@code fig} its click and menu handlers. */
  void attach(TaskFigure fig) {
    fig.setOnMouseClicked(
        e -> {
          focusOwner.requestFocus(); // arrow keys and one-letter shortcuts now reach the graph
          if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
            Task t = tasks.apply(fig.serial());
            if (t != null) {
              onClick.accept(t);
            }
            e.consume();
          }
        });
    // the secondary press opens the menu (not every glass platform sends a menu event);
    // the context-menu key does too
    fig.setOnMousePressed(
        e -> {
          if (e.isSecondaryButtonDown()) {
            showMenu(fig, e.getScreenX(), e.getScreenY());
            e.consume();
          }
        });
    fig.setOnContextMenuRequested(
        e -> {
          if (!e.isKeyboardTrigger()) {
            return;
          }
          showMenu(fig, e.getScreenX(), e.getScreenY());
          e.consume();
        });
  }

  private void showMenu(TaskFigure fig, double x, double y) {
    Task t = tasks.apply(fig.serial());
    if (t == null) {
      return;
    }
    if (showing != null) {
      showing.hide();
    }
    showing = contextMenus.apply(t);
    if (showing != null) {
      showing.show(fig, x, y);
    }
  }
}
