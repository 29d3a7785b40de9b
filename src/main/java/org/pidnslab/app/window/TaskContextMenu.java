package org.pidnslab.app.window;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.pidnslab.app.model.Availability;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.app.model.Syscall;
import org.pidnslab.kernel.Signal;
import org.pidnslab.kernel.Task;

/** A task's context menu: every system call on it, kill's targets, wait's children, its view. */
final class TaskContextMenu {
  private TaskContextMenu() {}

  static ContextMenu of(Task t, Actions actions, LabModel model) {
    ContextMenu menu = new ContextMenu();
    for (Syscall s : Syscall.values()) {
      MenuItem item = new MenuItem(s.text() + "   [" + s.key() + "]");
      Availability a = s.availability(t);
      item.setDisable(!a.enabled());
      item.setOnAction(e -> actions.invoke(s));
      menu.getItems().add(item);
      if (s == Syscall.WAIT) {
        Menu waitFor = new Menu("Wait for child");
        waitFor.setId("waitForMenu");
        waitFor.setDisable(!a.enabled() || t.children().isEmpty());
        for (Task c : t.children()) {
          MenuItem ci = new MenuItem(c.comm() + " (" + c.state().letter() + ")");
          ci.setId("waitFor-" + c.comm());
          ci.setOnAction(e -> actions.waitFor(t, c));
          waitFor.getItems().add(ci);
        }
        menu.getItems().add(waitFor);
      }
      if (s == Syscall.KILL) {
        for (Signal sig : Signal.values()) {
          Menu k = new Menu("Kill with " + sig);
          k.setId("killMenu-" + sig);
          k.setDisable(!a.enabled());
          MenuItem pickOne = new MenuItem("a task (click it)…");
          pickOne.setId("killPick-" + sig);
          pickOne.setOnAction(e -> actions.killPick(t, sig));
          MenuItem group0 = new MenuItem("my own process group (0)");
          group0.setId("killGroup0-" + sig);
          group0.setOnAction(e -> actions.killNumber(t, 0, sig));
          MenuItem all = new MenuItem("every task I can see (-1)");
          all.setId("killAll-" + sig);
          all.setOnAction(e -> actions.killNumber(t, -1, sig));
          MenuItem group = new MenuItem("a process group (-PGID)…");
          group.setId("killGroup-" + sig);
          group.setOnAction(e -> actions.killGroupDialog(t, sig));
          k.getItems().addAll(pickOne, group0, all, group);
          menu.getItems().add(k);
        }
      }
      if (s == Syscall.SETPGID) {
        MenuItem join = new MenuItem("Join a process group…");
        join.setDisable(!a.enabled());
        join.setOnAction(e -> actions.setpgidDialog(t));
        menu.getItems().add(join);
      }
    }
    menu.getItems().add(new SeparatorMenuItem());
    MenuItem view = new MenuItem("View from " + t.activeNs().name());
    view.setOnAction(
        e -> model.perspectiveProperty().set(t.activeNs().level() == 0 ? null : t.activeNs()));
    menu.getItems().add(view);
    return menu;
  }
}
