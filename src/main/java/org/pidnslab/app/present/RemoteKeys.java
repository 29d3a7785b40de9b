package org.pidnslab.app.present;

import javafx.event.EventHandler;
import javafx.scene.input.KeyEvent;
import org.pidnslab.app.experiment.Workbench;

/**
 * The keys of a presentation remote (they send Page Down/Up, arrows, B and Esc) and of a keyboard
 * at the lectern, while presenting: next and back are the player's own step actions. Every other
 * plain key is swallowed, so a stray letter never makes a system call in front of the room.
 */
final class RemoteKeys implements EventHandler<KeyEvent> {
  private final Presenter presenter;
  private final Workbench workbench;

  RemoteKeys(Presenter presenter, Workbench workbench) {
    this.presenter = presenter;
    this.workbench = workbench;
  }

  @Override
  public void handle(KeyEvent e) {
    if (e.isShortcutDown() || e.isAltDown()) {
      return; // Ctrl+Q and friends still work
    }
    e.consume();
    if (presenter.blanked()) {
      presenter.setBlanked(false); // any key, B too, brings the picture back
      return;
    }
    switch (e.getCode()) {
      case PAGE_DOWN, RIGHT, SPACE -> workbench.stepForward();
      case PAGE_UP, LEFT -> workbench.stepBack();
      case HOME -> workbench.experiment().jumpTo(0);
      case END -> workbench.experiment().jumpTo(workbench.experiment().stepCount());
      case B -> presenter.setBlanked(true);
      case ESCAPE, F5 -> presenter.leave();
      default -> {
        // nothing: see the class comment
      }
    }
  }
}
