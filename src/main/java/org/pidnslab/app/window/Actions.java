package org.pidnslab.app.window;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.pidnslab.app.common.Toast;
import org.pidnslab.app.model.Availability;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.app.model.Syscall;
import org.pidnslab.kernel.Signal;
import org.pidnslab.kernel.Task;
import org.pidnslab.script.ScriptError;

/**
 * Turns clicks into statements: runs and records them in the experiment, shows a failed call's
 * errno and reason as a toast, and handles "pick a target" for setns and kill. Never throws at the
 * user.
 */
final class Actions {
  private final LabModel model;
  private final Experiment experiment;
  private final Toast toast;
  private final TextField childLabel;
  private final ReadOnlyObjectWrapper<String> pickPrompt = new ReadOnlyObjectWrapper<>();
  private Consumer<Task> pending;
  private Runnable beforeCall;
  private Window owner;

  Actions(Experiment experiment, Toast toast, TextField childLabel) {
    this.experiment = experiment;
    this.model = experiment.model();
    this.toast = toast;
    this.childLabel = childLabel;
  }

  /** Runs before every call (the editor hands over a pending edit). */
  void setBeforeCall(Runnable r) {
    beforeCall = r;
  }

  void setOwner(Window owner) {
    this.owner = owner;
  }

  /** The sentence asking the user to click a target, or null when not picking. */
  ReadOnlyObjectProperty<String> pickPromptProperty() {
    return pickPrompt.getReadOnlyProperty();
  }

  /** Whether a click on a task completes a pick instead of selecting it. */
  boolean picking() {
    return pending != null;
  }

  /** A task was clicked while picking. */
  void picked(Task target) {
    Consumer<Task> p = pending;
    cancelPick();
    if (p != null) {
      p.accept(target);
    }
  }

  void cancelPick() {
    pending = null;
    pickPrompt.set(null);
  }

  /** Runs the action's default form with the selected task as the caller. */
  void invoke(Syscall s) {
    Task t = model.selectedProperty().get();
    Availability a = s.availability(t);
    if (!a.enabled()) {
      toast.show(a.reason(), false);
      return;
    }
    String me = t.comm();
    switch (s) {
      case FORK -> run("fork " + me + " " + nextLabel(t));
      case CLONE -> run("clone " + me + " " + nextLabel(t) + " newpid");
      case UNSHARE -> run("unshare " + me + " newpid");
      case SETNS ->
          pick(
              "Click the task whose namespace "
                  + me
                  + "'s next children will be born in (Esc cancels)",
              target -> run("setns " + me + " " + target.comm()));
      case EXIT -> run("exit " + me);
      case WAIT -> run("wait " + me);
      case KILL -> killPick(t, Signal.SIGKILL);
      case SETSID -> run("setsid " + me);
      case SETPGID -> run("setpgid " + me);
      case SUBREAPER -> run("subreaper " + me);
      case SYSCTL -> sysctlDialog(t);
      default -> throw new IllegalStateException(s.name());
    }
  }

  /** kill: the next clicked task gets {@code sig}. */
  void killPick(Task sender, Signal sig) {
    pick(
        "Click the task " + sender.comm() + " sends " + sig + " to (Esc cancels)",
        target -> run("kill " + sender.comm() + " " + target.comm() + " " + sig));
  }

  /** kill with a numeric target as the sender sees pids: 0, -1 or -PGID. */
  void killNumber(Task sender, int target, Signal sig) {
    run("kill " + sender.comm() + " " + target + " " + sig);
  }

  /** kill -PGID after asking for the group number. */
  void killGroupDialog(Task sender, Signal sig) {
    askNumber("Kill a process group", "Group id as " + sender.comm() + " sees it:", "")
        .ifPresent(n -> run("kill " + sender.comm() + " -" + n + " " + sig));
  }

  /** setpgid into a group given by number. */
  void setpgidDialog(Task t) {
    askNumber("Join a process group", "Group id as " + t.comm() + " sees it (0 = its own):", "0")
        .ifPresent(n -> run("setpgid " + t.comm() + " " + n));
  }

  /** wait for one child. */
  void waitFor(Task parent, Task child) {
    run("wait " + parent.comm() + " " + child.comm());
  }

  /**
   * Runs a statement typed or built by the window and records it in the experiment's script;
   * reports instead of throwing.
   */
  LabModel.CallOutcome run(String statement) {
    if (beforeCall != null) {
      beforeCall.run();
    }
    try {
      LabModel.CallOutcome o = experiment.perform(statement);
      if (o.failed()) {
        toast.show(o.result().errno() + " — " + o.reason(), true);
      } else {
        toast.setVisible(false);
      }
      if (o.result() != null && o.result().child() != null) {
        childLabel.setText(model.proposeLabel(model.selectedProperty().get()));
      }
      return o;
    } catch (ScriptError e) {
      toast.show(withNextStep(e.getMessage()), true);
      return null;
    }
  }

  /** A script error as the window shows it: what went wrong, then what to do about it. */
  static String withNextStep(String message) {
    String next;
    if (message.startsWith("unknown task")) {
      next = "use a label the graph shows (find one with the find field)";
    } else if (message.contains("is not running")) {
      next = "only running (R) tasks make system calls: use another task";
    } else if (message.contains("already taken")) {
      next = "type another label in the child: field";
    } else if (message.contains("try again")) {
      return message;
    } else {
      next = "see Help → Scenario language reference for the statement's form";
    }
    return message + " — " + next;
  }

  private String nextLabel(Task parent) {
    String typed = childLabel.getText() == null ? "" : childLabel.getText().strip();
    return typed.isEmpty() ? model.proposeLabel(parent) : typed;
  }

  private void pick(String prompt, Consumer<Task> then) {
    pending = then;
    pickPrompt.set(prompt);
  }

  private void sysctlDialog(Task t) {
    Dialog<String> d = new Dialog<>();
    d.setTitle("Write a sysctl");
    d.setHeaderText(
        "Writes /proc/sys/kernel/… of "
            + t.activeNs().name()
            + ", the namespace "
            + t.comm()
            + " lives in");
    ChoiceBox<String> name = new ChoiceBox<>();
    name.getItems().addAll("ns_last_pid", "pid_max");
    name.setValue("ns_last_pid");
    name.setId("sysctlName");
    TextField value = new TextField(Integer.toString(t.activeNs().nsLastPid()));
    value.setId("sysctlValue");
    name.valueProperty()
        .addListener(
            (o, a, b) ->
                value.setText(
                    Integer.toString(
                        b.equals("pid_max") ? t.activeNs().pidMax() : t.activeNs().nsLastPid())));
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.addRow(0, new Label("sysctl"), name);
    grid.addRow(1, new Label("value"), value);
    d.getDialogPane().setContent(grid);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    d.setResultConverter(
        b -> b == ButtonType.OK ? name.getValue() + " " + value.getText().strip() : null);
    if (owner != null) {
      d.initOwner(owner);
    }
    d.showAndWait().ifPresent(r -> run("sysctl " + t.comm() + " " + r));
  }

  private Optional<String> askNumber(String title, String prompt, String initial) {
    TextInputDialog d = new TextInputDialog(initial);
    d.setTitle(title);
    d.setHeaderText(null);
    d.setContentText(prompt);
    d.getEditor().setId("numberInput");
    if (owner != null) {
      d.initOwner(owner);
    }
    return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
  }
}
