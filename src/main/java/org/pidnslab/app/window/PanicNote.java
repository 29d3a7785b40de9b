package org.pidnslab.app.window;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.TaskState;

/**
 * A note over the graph while root's init is not running: on a real machine its exit is a kernel
 * panic (do_exit(): is_global_init(), "Attempted to kill init!"), while the Lab goes on as the init
 * of a container would. It follows the state on show, so stepping back before the exit hides it.
 */
final class PanicNote extends Label {
  /** The note's text: what would have happened, and what the Lab shows instead. */
  static final String TEXT =
      "Kernel panic on a real machine: root's init has exited (do_exit: \"Attempted to kill"
          + " init!\"). The Lab goes on as the init of a container would.";

  PanicNote() {
    super(TEXT);
    setId("panicNote");
    getStyleClass().add("panic-note");
    setWrapText(true);
    setMaxWidth(560);
    setMouseTransparent(true);
    StackPane.setAlignment(this, Pos.TOP_CENTER);
    setVisible(false);
  }

  /** Shows the note exactly when root's init in {@code kernel} is no longer running. */
  void update(Kernel kernel) {
    setVisible(kernel.init().state() != TaskState.RUNNING);
  }
}
