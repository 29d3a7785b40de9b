package org.pidnslab.app.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.common.Toast;
import org.pidnslab.app.graphview.TaskGraphView;
import org.pidnslab.app.lessons.QuizPanel;
import org.pidnslab.app.model.Experiment;

/**
 * The classroom side of the window: the experiment's script (editor, files, recent files, drag and
 * drop), the player (steps, timeline, captions), undo/redo, quiz mode and autosave with crash
 * recovery. The main window places its parts; this class wires them to one {@link Experiment}.
 */
public final class Workbench {
  /** Autosaves are written here, one after the other. */
  private static final java.util.concurrent.ExecutorService AUTOSAVES =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "pidns-lab-autosave");
            t.setDaemon(true);
            return t;
          });

  /** An autosave waits this long after a change, so a burst of clicks is one write. */
  static final Duration AUTOSAVE_PAUSE = Duration.millis(300);

  private final Experiment experiment;
  private final ScriptEditor editor;
  private final PlayerBar player;
  private final CaptionBar caption;
  private final QuizPanel quiz;
  private final ScriptFiles files;
  private final Settings settings;
  private final Toast toast;
  private final Menu recent = new Menu("Open _Recent");
  private final CheckMenuItem quizItem = new CheckMenuItem("_Quiz mode: predict, then reveal");
  private final PauseTransition autosaveBeat = new PauseTransition(AUTOSAVE_PAUSE);
  private Autosave autosave;
  private List<org.pidnslab.script.Lesson> lessons;
  private Window owner;

  public Workbench(Experiment experiment, TaskGraphView graph, Settings settings, Toast toast) {
    this.experiment = experiment;
    this.settings = settings;
    this.toast = toast;
    this.editor = new ScriptEditor(experiment);
    this.player = new PlayerBar(experiment, graph::animating, graph::motion);
    this.caption = new CaptionBar(experiment);
    this.quiz = new QuizPanel(experiment);
    this.files = new ScriptFiles(experiment, settings, this::fillRecent);
    // keystrokes not yet sent to the experiment go first: a step, an undo or a save must not
    // lose them
    experiment.setBeforeMove(editor::flush);
    files.setBeforeSave(editor::flush);
    player.setStepper(this::stepForward);
    player.disablePlayWhen(quiz.visibleProperty());
    recent.setId("recentMenu");
    fillRecent();
    quizItem.setId("quizItem");
    quizItem.selectedProperty().addListener((o, a, on) -> setQuiz(on));
    autosaveBeat.setOnFinished(e -> autosaveNow());
    experiment.textProperty().addListener((o, a, b) -> autosaveBeat.playFromStart());
    experiment.positionProperty().addListener((o, a, b) -> autosaveBeat.playFromStart());
  }

  public Experiment experiment() {
    return experiment;
  }

  public ScriptEditor editor() {
    return editor;
  }

  public PlayerBar player() {
    return player;
  }

  public CaptionBar caption() {
    return caption;
  }

  public QuizPanel quiz() {
    return quiz;
  }

  public ScriptFiles files() {
    return files;
  }

  public void setOwner(Window w) {
    owner = w;
    files.setOwner(w);
  }

  /** The script pane: a title with the file's name, the editor. */
  public Node scriptPane() {
    Label title = new Label();
    title.setId("scriptTitle");
    title.getStyleClass().add("pane-title");
    title
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> "Script: " + fileName() + (experiment.dirtyProperty().get() ? " *" : ""),
                experiment.nameProperty(),
                experiment.dirtyProperty()));
    title.setPadding(new Insets(4, 8, 4, 8));
    title.setTooltip(
        new javafx.scene.control.Tooltip(
            "The experiment as a script: every click adds a line. Edit it freely; click a line"
                + " number to see the state after that line; Ctrl+S saves it"));
    VBox pane = new VBox(title, editor);
    VBox.setVgrow(editor, Priority.ALWAYS);
    pane.setId("scriptPane");
    return pane;
  }

  /** The window title: the script's name, a star when unsaved. */
  public StringBinding title() {
    return Bindings.createStringBinding(
        () -> (experiment.dirtyProperty().get() ? "*" : "") + fileName() + " — PID Namespace Lab",
        experiment.nameProperty(),
        experiment.dirtyProperty());
  }

  /** File menu entries for scripts, in order. */
  public List<MenuItem> fileItems() {
    MenuItem fresh = item("_New experiment", "newItem", "Shortcut+N");
    fresh.setOnAction(
        e -> {
          if (files.confirmDiscard()) {
            experiment.clear();
          }
        });
    MenuItem open = item("_Open script…", "openItem", "Shortcut+O");
    open.setOnAction(e -> files.open());
    MenuItem save = item("_Save", "saveItem", "Shortcut+S");
    save.setOnAction(e -> files.save());
    MenuItem saveAs = item("Save _As…", "saveAsItem", "Shortcut+Shift+S");
    saveAs.setOnAction(e -> files.saveAs());
    return List.of(fresh, open, recent, new SeparatorMenuItem(), save, saveAs);
  }

  /** The Edit menu: undo and redo of clicks and edits. */
  public Menu editMenu() {
    MenuItem undo = item("_Undo", "undoItem", "Shortcut+Z");
    undo.setOnAction(e -> undo());
    undo.disableProperty().bind(experiment.canUndoProperty().not());
    MenuItem redo = item("_Redo", "redoItem", "Shortcut+Shift+Z");
    redo.setOnAction(e -> redo());
    redo.disableProperty().bind(experiment.canRedoProperty().not());
    Menu edit = new Menu("_Edit", null, undo, redo);
    edit.setId("editMenu");
    return edit;
  }

  /** The Play menu: the player's commands and quiz mode. */
  public Menu playMenu() {
    // no accelerators: Page Down, Home... must keep working inside the editor; onKey handles them
    MenuItem forward = item("Step _forward   [Page Down]", "stepForwardItem", null);
    forward.setOnAction(e -> stepForward());
    MenuItem back = item("Step _back   [Page Up]", "stepBackItem", null);
    back.setOnAction(e -> stepBack());
    MenuItem start = item("To the _start   [Home]", "toStartItem", null);
    start.setOnAction(e -> experiment.jumpTo(0));
    MenuItem end = item("To the _end   [End]", "toEndItem", null);
    end.setOnAction(e -> experiment.jumpTo(experiment.stepCount()));
    Menu play =
        new Menu("_Play", null, forward, back, start, end, new SeparatorMenuItem(), quizItem);
    play.setId("playMenu");
    return play;
  }

  /** Page Down/Up, Home, End drive the player when no text field has the keyboard. */
  public boolean handleKey(KeyEvent e) {
    KeyCode c = e.getCode();
    if (c == KeyCode.PAGE_DOWN) {
      stepForward();
    } else if (c == KeyCode.PAGE_UP) {
      stepBack();
    } else if (c == KeyCode.HOME) {
      experiment.jumpTo(0);
    } else if (c == KeyCode.END) {
      experiment.jumpTo(experiment.stepCount());
    } else {
      return false;
    }
    return true;
  }

  /** Edit → Undo and Ctrl+Z outside the editor (the experiment hands pending typing over first). */
  void undo() {
    editor.flush();
    experiment.undo();
  }

  void redo() {
    editor.flush();
    experiment.redo();
  }

  /** The built-in lessons, or none if this build has lost them (the menu says so). */
  public List<org.pidnslab.script.Lesson> lessons() {
    if (lessons == null) {
      try {
        lessons = org.pidnslab.script.Lessons.all();
      } catch (RuntimeException e) {
        lessons = List.of();
      }
    }
    return lessons;
  }

  /** Opens a lesson at its first step (after offering to save changes); optionally as a quiz. */
  public void startLesson(org.pidnslab.script.Lesson l, boolean asQuiz) {
    if (!files.confirmDiscard()) {
      return;
    }
    quizItem.setSelected(false);
    experiment.load(l.text(), null, 0, "Lesson " + l.number() + ": " + l.title());
    if (asQuiz) {
      quizItem.setSelected(true);
    }
  }

  /** A step forward: in quiz mode, the question comes first. */
  void stepForward() {
    editor.flush();
    if (quiz.active()) {
      quiz.step();
    } else {
      experiment.stepForward();
    }
  }

  void stepBack() {
    editor.flush();
    experiment.stepBack();
  }

  /** Dropping a {@code .pidns} file on the window opens it. */
  public void acceptDrops(Node target) {
    target.addEventHandler(
        DragEvent.DRAG_OVER,
        e -> {
          if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
          }
        });
    target.addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          e.setDropCompleted(e.getDragboard().hasFiles() && dropped(e.getDragboard().getFiles()));
          e.consume();
        });
  }

  /**
   * Files dropped on the window: the first {@code .pidns} among them opens (any file if none is),
   * after offering to save changes.
   *
   * @return whether a script opened
   */
  public boolean dropped(List<java.io.File> dropped) {
    java.io.File pick = null;
    for (java.io.File f : dropped) {
      if (pick == null || (!pick.getName().endsWith(".pidns") && f.getName().endsWith(".pidns"))) {
        pick = f;
      }
    }
    return pick != null && files.openAsking(pick.toPath());
  }

  /** Keeps the experiment in {@code a} after every change; offers what a crash left behind. */
  public void setAutosave(Autosave a) {
    autosave = a;
  }

  /**
   * Writes the autosave (after the pause). The write and its fsync run on a background thread, in
   * order, so a long script never stalls the window; a failure comes back as a toast.
   */
  void autosaveNow() {
    if (autosave == null) {
      return;
    }
    Autosave target = autosave;
    String text = experiment.textProperty().get();
    int position = experiment.positionProperty().get();
    Path from = experiment.fileProperty().get();
    AUTOSAVES.execute(
        () -> {
          try {
            target.save(text, position, from);
          } catch (IOException e) {
            javafx.application.Platform.runLater(
                () ->
                    toast.show(
                        "Autosave failed (" + e.getMessage() + "): save the experiment yourself",
                        true));
          }
        });
  }

  /** A clean exit: the autosave is no longer needed. */
  public void closed() {
    autosaveBeat.stop();
    if (autosave != null) {
      Autosave a = autosave;
      autosave = null; // a late change must not write it again
      try {
        // after any write still queued, and before the JVM ends its daemon threads
        AUTOSAVES.submit(a::discard).get(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        a.discard();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * If a Lab crashed or was killed with an experiment open, asks whether to restore it. Shown
   * without blocking, so the window is usable behind it.
   *
   * @return whether the offer is on show
   */
  public boolean offerRecovery() {
    if (autosave == null) {
      return false;
    }
    List<Autosave.Recovery> left = autosave.leftBehind();
    if (left.isEmpty()) {
      return false;
    }
    Autosave.Recovery r = left.get(0);
    ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
    // Discard deletes: it must not be what Esc or closing the dialog means
    ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.OTHER);
    ButtonType later = new ButtonType("Decide later", ButtonBar.ButtonData.CANCEL_CLOSE);
    long lines = r.script().lines().count();
    Alert a =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "An experiment of "
                + lines
                + " lines"
                + (r.file() == null ? "" : " (" + r.file().getFileName() + ")")
                + ", autosaved at "
                + DateTimeFormatter.ofPattern("HH:mm:ss")
                    .withZone(ZoneId.systemDefault())
                    .format(r.time())
                + ", was not closed properly. Restore it?"
                + (left.size() > 1
                    ? " (" + (left.size() - 1) + " more will be offered after it.)"
                    : ""),
            restore,
            discard,
            later);
    a.setHeaderText("Restore the last experiment?");
    a.initOwner(owner);
    a.initModality(javafx.stage.Modality.NONE);
    a.getDialogPane().setId("recoveryDialog");
    a.setOnHidden(
        e -> {
          if (a.getResult() == restore) {
            experiment.load(r.script(), r.file(), r.position());
            experiment.markUnsaved();
          }
          if (a.getResult() == restore || a.getResult() == discard) {
            Autosave.forget(r); // only an explicit answer deletes; the file stays otherwise
            autosaveNow();
            if (left.size() > 1 && owner != null && owner.isShowing()) {
              offerRecovery(); // the next one a crash left behind
            }
          }
        });
    a.show();
    return true;
  }

  private void setQuiz(boolean on) {
    if (on) {
      player.pause();
    }
    quiz.setActive(on);
  }

  private void fillRecent() {
    recent.getItems().clear();
    for (Path p : settings.recentFiles()) {
      MenuItem i = new MenuItem(p.getFileName() + "  —  " + p.getParent());
      i.setMnemonicParsing(false);
      i.setOnAction(e -> files.openAsking(p));
      recent.getItems().add(i);
    }
    recent.setDisable(recent.getItems().isEmpty());
  }

  private String fileName() {
    return experiment.nameProperty().get();
  }

  private static MenuItem item(String text, String id, String accelerator) {
    MenuItem i = new MenuItem(text);
    i.setId(id);
    if (accelerator != null) {
      i.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    return i;
  }
}
