package org.pidnslab.app.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
import org.pidnslab.app.common.BackgroundThreads;
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
      BackgroundThreads.oneAtATime("autosave");

  static {
    // while the first window opens, so that the first click's autosave is a plain write
    AUTOSAVES.execute(Autosave::warmUp);
  }

  /**
   * What the next autosave writes: the newest state wins, older ones not yet written are skipped.
   */
  private record Pending(long seq, Autosave target, String text, int position, Path from) {}

  /** Numbers the states handed to the autosave; the newest one on disk. */
  private final java.util.concurrent.atomic.AtomicLong autosaveSeq =
      new java.util.concurrent.atomic.AtomicLong();

  private volatile long durableSeq;

  private final java.util.concurrent.atomic.AtomicReference<Pending> pending =
      new java.util.concurrent.atomic.AtomicReference<>();

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
    player.setSteppers(this::stepForward, this::stepBack);
    player.disablePlayWhen(quiz.visibleProperty());
    recent.setId("recentMenu");
    fillRecent();
    quizItem.setId("quizItem");
    quizItem.selectedProperty().addListener((o, a, on) -> setQuiz(on));
    // no pause and no wait for the FX thread: a click is on disk within milliseconds, even while
    // the window is busy drawing it (a click changes the text, then the position: the write
    // thread usually takes both at once, else the second write follows the first at once)
    experiment.textProperty().addListener((o, a, b) -> autosaveNow());
    experiment.positionProperty().addListener((o, a, b) -> autosaveNow());
    experiment.fileProperty().addListener((o, a, b) -> autosaveNow());
    // the caption speaks of the step just run and asks about the next: keep their tasks in view
    experiment.positionProperty().addListener((o, a, b) -> graph.setSubject(captionSubject()));
    experiment.beatProperty().addListener((o, a, b) -> graph.setSubject(captionSubject()));
  }

  /**
   * The tasks named by the statement just run and by the next one: their targets (the task a kill
   * or a wait names) or, for a call on itself (exit, setsid...), the caller; not the caller of a
   * call on another, which may be far away (init, killing a task deep in a namespace).
   */
  private List<org.pidnslab.kernel.Task> captionSubject() {
    List<org.pidnslab.kernel.Task> tasks = new java.util.ArrayList<>();
    int p = experiment.positionProperty().get();
    List<org.pidnslab.script.ScriptTrace.Step> steps = experiment.traceProperty().get().steps();
    for (int i = Math.max(0, p - 1); i <= p && i < steps.size(); i++) {
      List<String> words = steps.get(i).statement().words();
      List<org.pidnslab.kernel.Task> named = new java.util.ArrayList<>();
      for (String word : words) {
        org.pidnslab.kernel.Task t = experiment.model().task(word);
        if (t != null && !named.contains(t)) {
          named.add(t);
        }
      }
      if (named.size() > 1) {
        named.remove(experiment.model().task(words.get(1))); // the caller of a call on another
      }
      named.stream().filter(t -> !tasks.contains(t)).forEach(tasks::add);
    }
    return tasks;
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
    javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
    javafx.scene.layout.HBox.setHgrow(gap, Priority.ALWAYS);
    javafx.scene.layout.HBox header =
        new javafx.scene.layout.HBox(title, gap, editor.reveal().link());
    header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    VBox pane = new VBox(header, editor);
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

  /**
   * View → Show Whole Script: while a narrated script is stepped through, the editor shows only
   * what the caption has told; this shows all of it (until another script is opened).
   */
  public CheckMenuItem wholeScriptItem() {
    return editor.reveal().menuItem();
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
    MenuItem forward = item("_Next beat   [Page Down]", "stepForwardItem", null);
    forward.setOnAction(e -> stepForward());
    MenuItem back = item("_Back a beat   [Page Up]", "stepBackItem", null);
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

  /**
   * The player's "next": in quiz mode the quiz panel asks and reveals; otherwise the next beat (a
   * narrated step's question, then its run and answer). Presentation mode's remote calls it too.
   */
  public void stepForward() {
    editor.flush();
    if (quiz.active()) {
      quiz.step();
    } else {
      experiment.nextBeat();
    }
  }

  /** The player's "back": a whole step in quiz mode (its panel asks again), else a beat. */
  public void stepBack() {
    editor.flush();
    if (quiz.active()) {
      experiment.stepBack();
    } else {
      experiment.previousBeat();
    }
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
   * @return whether a file is being opened (it is read in the background)
   */
  public boolean dropped(List<java.io.File> dropped) {
    java.io.File pick = null;
    for (java.io.File f : dropped) {
      if (pick == null || (!pick.getName().endsWith(".pidns") && f.getName().endsWith(".pidns"))) {
        pick = f;
      }
    }
    if (pick == null) {
      return false;
    }
    var opening = files.openAsking(pick.toPath());
    return !opening.isDone() || opening.getNow(false); // false only if the user cancelled
  }

  /** Keeps the experiment in {@code a} after every change; offers what a crash left behind. */
  public void setAutosave(Autosave a) {
    autosave = a;
  }

  /**
   * Writes the autosave now. The write and its fsync run on a background thread, in order, so a
   * long script never stalls the window; changes made while a write runs go into the next one
   * together. A failure comes back as a toast.
   *
   * @return completes with whether this state (or a newer one) is durably in the file
   */
  java.util.concurrent.CompletableFuture<Boolean> autosaveNow() {
    if (autosave == null) {
      return java.util.concurrent.CompletableFuture.completedFuture(false);
    }
    long seq = autosaveSeq.incrementAndGet();
    pending.set(
        new Pending(
            seq,
            autosave,
            experiment.textProperty().get(),
            experiment.positionProperty().get(),
            experiment.fileProperty().get()));
    return java.util.concurrent.CompletableFuture.supplyAsync(() -> writePending(seq), AUTOSAVES);
  }

  /**
   * On the autosave thread: writes the newest pending state, unless an earlier job took it.
   *
   * @return whether state {@code seq}, or a newer one, is on disk
   */
  private boolean writePending(long seq) {
    Pending p = pending.getAndSet(null);
    if (p != null) {
      try {
        p.target().save(p.text(), p.position(), p.from());
        durableSeq = Math.max(durableSeq, p.seq());
      } catch (IOException e) {
        javafx.application.Platform.runLater(
            () ->
                toast.show(
                    "Autosave failed (" + e.getMessage() + "): save the experiment yourself",
                    true));
      }
    }
    return durableSeq >= seq;
  }

  /** A clean exit: the autosave is no longer needed. */
  public void closed() {
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
   * If Labs crashed or were killed with an experiment open, offers them back one after the other.
   * Shown without blocking, so the window is usable behind it.
   *
   * @return whether an offer is on show
   */
  public boolean offerRecovery() {
    if (autosave == null) {
      return false;
    }
    List<Autosave.Recovery> left = autosave.leftBehind();
    if (left.isEmpty()) {
      return false;
    }
    offer(left, 0);
    return true;
  }

  /** Offers {@code left.get(i)}; the answer leads to the next. */
  private void offer(List<Autosave.Recovery> left, int i) {
    Autosave.Recovery r = left.get(i);
    int more = left.size() - i - 1;
    ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
    // Discard deletes: it must not be what Esc or closing the dialog means
    ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.OTHER);
    ButtonType later = new ButtonType("Decide later", ButtonBar.ButtonData.CANCEL_CLOSE);
    String after = more > 0 ? " (" + more + " more will be offered after it.)" : "";
    String when =
        DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault()).format(r.time());
    Alert a;
    if (r.restorable()) {
      a =
          new Alert(
              Alert.AlertType.CONFIRMATION,
              "An experiment of "
                  + r.script().lines().count()
                  + " lines"
                  + (r.file() == null ? "" : " (" + r.file().getFileName() + ")")
                  + ", autosaved at "
                  + when
                  + ", was not closed properly. Restore it?"
                  + after,
              restore,
              discard,
              later);
      a.setHeaderText("Restore the last experiment?");
    } else {
      a =
          new Alert(
              Alert.AlertType.WARNING,
              "The autosave "
                  + r.path()
                  + " (from "
                  + when
                  + ") cannot be restored: "
                  + r.problem()
                  + ". Discard it?"
                  + after,
              discard,
              later);
      a.setHeaderText("An autosave cannot be restored");
    }
    // the file names in it may hold control characters
    a.setContentText(org.pidnslab.script.SafeText.escapeControls(a.getContentText()));
    a.initOwner(owner);
    a.initModality(javafx.stage.Modality.NONE);
    a.getDialogPane().setId("recoveryDialog");
    a.setOnHidden(
        e -> {
          ButtonType answer = a.getResult();
          if (answer == restore) {
            // after the dialog is gone: the "save the current experiment?" question may come
            javafx.application.Platform.runLater(() -> restore(left, i));
          } else if (answer == discard) {
            Autosave.forget(r);
            next(left, i);
          } else {
            left.subList(i, left.size()).forEach(Autosave.Recovery::release); // a later start
          }
        });
    a.show();
  }

  /**
   * Restores {@code left.get(i)}, asking first if an unsaved experiment would be replaced (a
   * restored one is unsaved too). Its file is deleted only once this Lab's own autosave holds it.
   */
  private void restore(List<Autosave.Recovery> left, int i) {
    Autosave.Recovery r = left.get(i);
    if (!files.confirmDiscard()) {
      left.subList(i, left.size()).forEach(Autosave.Recovery::release);
      return;
    }
    experiment.load(r.script(), r.file(), r.position());
    experiment.markUnsaved();
    autosaveNow()
        .thenAcceptAsync(
            safe -> {
              if (safe) {
                Autosave.forget(r);
              } else {
                r.release(); // kept for the next start
              }
              next(left, i);
            },
            javafx.application.Platform::runLater);
  }

  private void next(List<Autosave.Recovery> left, int i) {
    if (i + 1 < left.size()) {
      if (owner != null && owner.isShowing()) {
        offer(left, i + 1);
      } else {
        left.subList(i + 1, left.size()).forEach(Autosave.Recovery::release);
      }
    }
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
