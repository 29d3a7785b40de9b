package org.pidnslab.app.help;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.pidnslab.app.common.Icons;
import org.pidnslab.app.common.Settings;

/**
 * The first start's welcome: what the Lab is, and three ways in — a lesson, a blank experiment, a
 * script file — with "Don't show this again" (kept in {@link Settings}; Help → Welcome brings it
 * back). It does not block the window: a newcomer can also just close it and click around.
 */
public final class WelcomeDialog extends Dialog<Void> {
  /** What the three buttons do; each runs after the welcome has closed. */
  interface Choices {
    void startLesson();

    void blankExperiment();

    void openScript();
  }

  private final CheckBox dontShow = new CheckBox("Don't show this again");

  WelcomeDialog(Window owner, Settings settings, Choices choices, String firstLesson) {
    setTitle("Welcome to PID Namespace Lab");
    initModality(Modality.NONE);
    if (owner != null) {
      initOwner(owner);
      getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    getDialogPane().setId("welcomeDialog");
    getDialogPane().getStyleClass().add("welcome");

    ImageView icon = new ImageView();
    if (!Icons.all().isEmpty()) {
      icon.setImage(Icons.all().get(Math.min(4, Icons.all().size() - 1)));
      icon.setFitWidth(64);
      icon.setFitHeight(64);
    }
    Label title = new Label("PID Namespace Lab");
    title.getStyleClass().add("welcome-title");
    Label what =
        new Label(
            "A simulator of Linux PID namespaces, faithful to the 6.18 kernel. It draws every"
                + " task with its pid in each namespace and the namespace tree, and animates what"
                + " the kernel does for fork, clone(CLONE_NEWPID), unshare, setns, exit, wait and"
                + " kill. Every click is a line of a script you can save, replay step by step, or"
                + " take as a quiz.");
    what.setWrapText(true);
    what.setPrefWidth(520);
    VBox head = new VBox(4, title, what);
    HBox top = new HBox(16, icon, head);
    top.setAlignment(Pos.TOP_LEFT);

    Button lesson = choice("Start a lesson", "welcomeLesson");
    lesson.setDefaultButton(true);
    lesson.setTooltip(
        new Tooltip(
            "Opens "
                + firstLesson
                + " at its first step; the Lessons tab lists all of them, the Lessons menu too"));
    Button blank = choice("Start a blank experiment", "welcomeBlank");
    blank.setTooltip(
        new Tooltip("init alone in the root namespace: select a task, then click a system call"));
    Button open = choice("Open a script…", "welcomeOpen");
    open.setTooltip(new Tooltip("Open a .pidns scenario script (examples in assets/scenarios)"));
    GridPane ways = new GridPane();
    ways.setHgap(14);
    ways.setVgap(10);
    ways.addRow(
        0,
        lesson,
        hint(
            firstLesson
                + ". Read each caption, predict, then Page Down to see the kernel's answer."));
    ways.addRow(
        1,
        blank,
        hint(
            "init alone in root. Select a task, then Fork, Clone NEWPID, Exit… (or press F, C, X)."));
    ways.addRow(2, open, hint("A .pidns scenario: narrated ones open at their first step."));

    dontShow.setId("welcomeDontShow");
    dontShow.setSelected(!settings.showWelcome());
    dontShow.setTooltip(new Tooltip("Help → Welcome shows this window again at any time"));
    dontShow
        .selectedProperty()
        .addListener(
            (o, a, on) -> {
              settings.showWelcome(!on);
              settings.flush();
            });

    VBox content = new VBox(18, top, ways, dontShow);
    content.setPadding(new Insets(8, 4, 0, 4));
    getDialogPane().setContent(content);
    getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    Button close = (Button) getDialogPane().lookupButton(ButtonType.CLOSE);
    close.setTooltip(new Tooltip("Close the welcome and look around first"));
    Icons.apply(this);

    lesson.setOnAction(e -> then(choices::startLesson));
    blank.setOnAction(e -> then(choices::blankExperiment));
    open.setOnAction(e -> then(choices::openScript));
  }

  /** Whether "Don't show this again" is ticked. */
  boolean dontShowAgain() {
    return dontShow.isSelected();
  }

  private void then(Runnable r) {
    close();
    r.run();
  }

  private static Button choice(String text, String id) {
    Button b = new Button(text);
    b.setId(id);
    b.getStyleClass().add("welcome-choice");
    b.setMaxWidth(Double.MAX_VALUE);
    return b;
  }

  private static Label hint(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setPrefWidth(340);
    l.getStyleClass().add("welcome-hint");
    return l;
  }
}
