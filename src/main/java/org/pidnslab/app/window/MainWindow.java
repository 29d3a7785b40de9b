package org.pidnslab.app.window;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.pidnslab.app.common.BackgroundThreads;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.common.Theme;
import org.pidnslab.app.common.Toast;
import org.pidnslab.app.experiment.Autosave;
import org.pidnslab.app.experiment.Workbench;
import org.pidnslab.app.export.ExportActions;
import org.pidnslab.app.graphview.NamespaceTreeView;
import org.pidnslab.app.graphview.TaskGraphView;
import org.pidnslab.app.help.HelpMenu;
import org.pidnslab.app.lessons.LessonsPane;
import org.pidnslab.app.model.Availability;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.app.model.PsListing;
import org.pidnslab.app.model.Syscall;
import org.pidnslab.app.model.TaskFinder;
import org.pidnslab.graph.LayoutChoice;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;

/**
 * The Lab's window: the task graph in the middle, the namespace tree, inspector and {@code ps}
 * listing on the right, the kernel's event log and a statement field below, every system call in
 * the toolbar, the Syscalls menu, each task's context menu and a one-key shortcut.
 *
 * <p>The menus are built by {@link WindowMenus}, the two toolbars by {@link WindowBars}, a task's
 * context menu by {@link TaskContextMenu}; they reach the window's controls through its
 * package-private fields.
 */
public final class MainWindow {
  /** Long replays (jumps in a script of thousands of lines) run here, one at a time. */
  private static final java.util.concurrent.Executor REPLAYS =
      BackgroundThreads.oneAtATime("replay");

  private final LabModel model;
  private final Experiment experiment;
  private final Workbench workbench;
  private final ExportActions exports;
  private final HelpMenu help;
  final Settings settings;
  final BorderPane root = new BorderPane();
  private final Toast toast = new Toast();
  private final PanicNote panicNote = new PanicNote();
  final TextField childLabel = new TextField();
  final Actions actions;
  final HostWindows hostWindows = new HostWindows(this);
  private final TaskGraphView graph;
  private final NamespaceTreeView nsTree;
  final Map<Syscall, Button> buttons = new EnumMap<>(Syscall.class);
  final Map<Syscall, StackPane> buttonHolders = new EnumMap<>(Syscall.class);
  final Map<Syscall, MenuItem> menuItems = new EnumMap<>(Syscall.class);
  final ComboBox<PidNamespace> perspective = new ComboBox<>();
  private final PropertySheet inspector = new PropertySheet();
  private final PsTable psTable = new PsTable();
  private final TableView<PsListing.Row> ps = psTable.table();
  private final LogView log;
  private final Label pickPrompt = new Label();
  private final Label status = new Label();
  private final SideTabs side = new SideTabs(psTable::wholeWidth);
  private final org.pidnslab.app.present.Presenter presenter;
  private Scene scene;
  private PaneRoom panes;
  Theme theme;

  /** Where the side panel starts, as a share of the window's width. */
  static final double SIDE_DIVIDER = 0.78;

  /**
   * Where the log starts, as a share of the height above the statement field (the picture keeps the
   * share it had when the field was part of the log's pane: 400 px at 1280x800, projector too).
   */
  static final double LOG_DIVIDER = 0.8;

  /** Builds the window's content for {@code model}. */
  public MainWindow(LabModel model, Settings settings) {
    this.model = model;
    this.settings = settings;
    this.experiment = new Experiment(model);
    experiment.useThreads(REPLAYS, javafx.application.Platform::runLater);
    this.actions = new Actions(experiment, toast, childLabel);
    this.graph = new TaskGraphView(model);
    experiment.loadsProperty().addListener((o, a, b) -> graph.frameNextPicture());
    this.log = new LogView(model.log());
    this.workbench = new Workbench(experiment, graph, settings, toast);
    this.exports =
        new ExportActions(experiment, graph::shownOptions, () -> theme.graphTheme(), toast);
    actions.setBeforeCall(workbench.editor()::flush);
    this.nsTree = new NamespaceTreeView(model);
    this.help = new HelpMenu(workbench, model, settings, toast, this::showSideTab);
    this.theme = Theme.parse(settings.theme());
    this.presenter = new org.pidnslab.app.present.Presenter(workbench, graph);
    build();
    model.revisionProperty().addListener((o, a, b) -> refresh());
    model.selectedProperty().addListener((o, a, b) -> selectionChanged());
    model.perspectiveProperty().addListener((o, a, b) -> refresh());
    // after Open, a lesson or a restore the keys belong to the picture (Page Down, arrows), not
    // to the child: field; later, once the dialog or chooser that led here has let go
    experiment
        .loadsProperty()
        .addListener((o, a, b) -> javafx.application.Platform.runLater(graph::requestFocus));
    refresh();
    selectionChanged();
  }

  /** A scene holding the window, themed and with the keyboard shortcuts installed. */
  public Scene createScene(double width, double height) {
    // presentation mode lays its own layer over the window's content (a new scene root would
    // make every node of both leave and re-enter the scene: half a second with 500 tasks)
    scene = new Scene(new StackPane(root), width, height);
    theme.apply(scene);
    scene.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    // a filter: wherever the keyboard is (the editor too), Esc stops a long replay
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE && experiment.busyProperty().get()) {
            experiment.cancelReplay();
            e.consume();
          }
        });
    scene
        .windowProperty()
        .addListener(
            (o, a, w) -> {
              if (w != null) {
                w.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> graph.requestFocus());
              }
              actions.setOwner(w);
              workbench.setOwner(w);
              exports.setOwner(w);
              help.setOwner(w);
            });
    return scene;
  }

  /** Presentation mode: the graph and the caption, full screen (View → Present, F5). */
  public org.pidnslab.app.present.Presenter presenter() {
    return presenter;
  }

  /** Enters presentation mode, or leaves it. */
  public void togglePresenting() {
    presenter.toggle(scene);
  }

  /** The view-model behind the window. */
  public LabModel model() {
    return model;
  }

  /** The task graph. */
  TaskGraphView graph() {
    return graph;
  }

  /** The experiment as a script, with its player. */
  public Experiment experiment() {
    return experiment;
  }

  /** File → Export and Copy Image. */
  ExportActions exports() {
    return exports;
  }

  /** Scripts, player, quiz and autosave. */
  Workbench workbench() {
    return workbench;
  }

  /** The window title: the script's name, a star when unsaved. */
  public javafx.beans.binding.StringBinding title() {
    return workbench.title();
  }

  /** Brings the side panel's tab titled {@code title} to the front (no-op for null). */
  public void showSideTab(String title) {
    for (Tab t : side.getTabs()) {
      if (t.getText().equals(title)) {
        side.getSelectionModel().select(t);
      }
    }
  }

  /** Switches the theme and remembers it. */
  public void setTheme(Theme t) {
    theme = t;
    settings.theme(t.name());
    if (scene != null) {
      t.apply(scene);
    }
    graph.setTheme(t);
    nsTree.setTheme(t);
    hostWindows.setTheme(t);
    ps.applyCss(); // the new font, before the columns are measured in it
    psTable.fit();
  }

  /** Switches the task graph's layout and remembers it. */
  public void setLayout(LayoutChoice choice) {
    settings.layout(choice.name());
    graph.setLayoutChoice(choice);
  }

  /** Lets the scene's size choose the layout (tidy tree or compact), and remembers that. */
  public void setAutomaticLayout() {
    settings.layout(WindowMenus.AUTOMATIC);
    graph.setAutomaticLayout();
  }

  private void build() {
    graph.setTheme(theme);
    nsTree.setTheme(theme);
    LayoutChoice chosen = WindowMenus.parseLayout(settings.layout());
    if (chosen == null) {
      graph.setAutomaticLayout();
    } else {
      graph.setLayoutChoice(chosen);
    }
    graph.setOnTaskClicked(this::taskClicked);
    graph.setContextMenuFactory(this::contextMenu);
    nsTree.setOnNamespaceClicked(ns -> inspector.getItems().setAll(Inspector.of(ns)));
    pickPrompt.setId("pickPrompt");
    pickPrompt.getStyleClass().add("pick-prompt");
    pickPrompt.textProperty().bind(actions.pickPromptProperty());
    pickPrompt.visibleProperty().bind(actions.pickPromptProperty().isNotNull());
    pickPrompt.managedProperty().bind(pickPrompt.visibleProperty());
    StackPane center = new StackPane(graph, panicNote, toast);
    StackPane.setMargin(toast, new Insets(0, 0, 24, 0));
    StackPane.setMargin(panicNote, new Insets(8, 0, 0, 0));
    // the caption takes its own room: it must never hide a task
    VBox centerBox = new VBox(pickPrompt, workbench.caption(), center, workbench.player());
    VBox.setVgrow(center, Priority.ALWAYS);
    // the player bar's controls would claim ~670 px and squeeze the side panel's tab titles at
    // 1280x800: the timeline gives way instead
    centerBox.setMinWidth(320);

    inspector.setId("inspector");
    inspector.setPropertyEditorFactory(Inspector::readOnlyEditor);
    inspector.setModeSwitcherVisible(false);
    inspector.setSearchBoxVisible(false);
    inspector.setMode(PropertySheet.Mode.CATEGORY);
    buildPsTable();
    side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    Tab nsTab = new Tab("Namespaces", nsTree);
    nsTab.setTooltip(
        new Tooltip(
            "The namespace tree: level, init, tasks, pid_max, ns_last_pid, alive/dying/dead"));
    Tab inspTab = new Tab("Inspector", inspector);
    inspTab.setTooltip(
        new Tooltip("The selected task's struct pid and task fields, or a namespace's fields"));
    Tab psTab = new Tab("ps", ps);
    psTab.setTooltip(
        new Tooltip("ps -eo pid,ppid,pgid,sid,stat as seen from the perspective namespace"));
    Tab lessonsTab =
        new Tab("Lessons", new LessonsPane(workbench.lessons(), workbench::startLesson));
    lessonsTab.setTooltip(
        new Tooltip("Built-in narrated lessons: step through one, or take a quiz"));
    side.getTabs().addAll(nsTab, inspTab, psTab, lessonsTab);
    side.setId("sideTabs");

    TextField command = new TextField();
    command.setId("command");
    command.setPromptText("Type a statement, e.g. fork init a, and press Enter");
    command.setTooltip(
        new Tooltip("Any statement of the scenario language runs here, as in a .pidns script"));
    command.setOnAction(
        e -> {
          if (actions.run(command.getText()) != null) {
            command.clear();
          }
        });
    Node scriptPane = workbench.scriptPane();
    SplitPane main = new SplitPane(scriptPane, centerBox, side);
    main.setDividerPositions(0.25, SIDE_DIVIDER);
    SplitPane.setResizableWithParent(scriptPane, false);
    SplitPane.setResizableWithParent(side, false);
    side.keepWholeIn(main);
    // in quiz mode the script would give the answers away (its expect lines): the quiz takes its
    // column, so the picture keeps the centre's whole height (below it, a 5-level tree was cropped)
    Node quiz = workbench.quiz();
    quiz.visibleProperty()
        .addListener(
            (o, was, quizzing) -> {
              double[] dividers = main.getDividerPositions();
              int column = main.getItems().indexOf(quizzing ? scriptPane : quiz);
              if (column >= 0) {
                main.getItems().set(column, quizzing ? quiz : scriptPane);
                main.setDividerPositions(dividers);
              }
            });
    SplitPane vertical = new SplitPane(main, log);
    vertical.setOrientation(Orientation.VERTICAL);
    vertical.setDividerPositions(LOG_DIVIDER);
    // the statement field stays when the log yields its room to a big picture
    VBox rows = new VBox(vertical, command);
    VBox.setVgrow(vertical, Priority.ALWAYS);
    root.setCenter(rows);
    panes = new PaneRoom(main, vertical, side, log, () -> presenter.presentingProperty().get());
    graph.setPictureRoom(panes);
    root.setTop(new WindowBars(this).top(new WindowMenus(this).menuBar()));
    status.setId("status");
    javafx.scene.control.ProgressIndicator exporting = new javafx.scene.control.ProgressIndicator();
    exporting.setId("exportProgress");
    exporting.setPrefSize(14, 14);
    exporting.visibleProperty().bind(exports.workingProperty());
    exporting.managedProperty().bind(exporting.visibleProperty());
    HBox statusBar = new HBox(8, exporting, status, panesBack());
    statusBar.getStyleClass().add("status-bar");
    root.setBottom(statusBar);
    workbench.acceptDrops(root);
  }

  /**
   * The status bar's link that brings back the panes that yielded to a big picture, shown while
   * they are away.
   */
  private javafx.scene.control.Hyperlink panesBack() {
    javafx.scene.control.Hyperlink back = new javafx.scene.control.Hyperlink();
    back.setId("panesBack");
    back.getStyleClass().add("panes-back");
    back.textProperty().bind(panes.yieldedProperty());
    back.visibleProperty().bind(panes.yieldedProperty().isNotEmpty());
    back.managedProperty().bind(back.visibleProperty());
    back.setPadding(Insets.EMPTY);
    back.setOnAction(e -> panes.giveBack());
    return back;
  }

  /** The log and the side panel: shown or not, and the room they give a big picture. */
  PaneRoom panes() {
    return panes;
  }

  private void buildPsTable() {
    ps.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, row) -> {
              if (row != null && row.task() != model.selectedProperty().get()) {
                model.selectedProperty().set(row.task());
              }
            });
  }

  private void refresh() {
    List<PidNamespace> inUse = model.namespacesInUse();
    PidNamespace view = model.perspectiveProperty().get();
    java.util.ArrayList<PidNamespace> choices = new java.util.ArrayList<>();
    choices.add(null);
    for (PidNamespace ns : inUse) {
      if (ns.level() > 0) {
        choices.add(ns);
      }
    }
    if (!perspective.getItems().equals(choices)) {
      perspective.setItems(FXCollections.observableArrayList(choices));
      perspective.setValue(view);
    }
    PidNamespace psNs = view == null ? model.kernel().root() : view;
    ps.getItems().setAll(PsListing.of(model.kernel(), psNs));
    graph.redraw();
    panicNote.update(model.kernel());
    nsTree.redraw();
    selectionChanged();
    status.setText(
        model.kernel().taskCount()
            + " tasks, "
            + inUse.size()
            + " namespaces in use"
            + (view == null ? "" : " — seen from " + view.name()));
  }

  private void selectionChanged() {
    Task t = model.selectedProperty().get();
    for (Syscall s : Syscall.values()) {
      Availability a = s.availability(t);
      Button b = buttons.get(s);
      b.setDisable(!a.enabled());
      menuItems.get(s).setDisable(!a.enabled());
      Tooltip tip =
          new Tooltip(a.enabled() ? s.tooltip() : s.text() + " is disabled: " + a.reason());
      b.setTooltip(tip);
      Tooltip.install(buttonHolders.get(s), tip);
    }
    if (t != null) {
      inspector.getItems().setAll(Inspector.of(t));
      if (!actions.picking()) {
        childLabel.setText(model.proposeLabel(t));
      }
    } else {
      inspector.getItems().clear();
    }
    graph.showSelection(t);
  }

  private void taskClicked(Task t) {
    if (actions.picking()) {
      actions.picked(t);
    } else {
      model.selectedProperty().set(t);
    }
  }

  private ContextMenu contextMenu(Task t) {
    model.selectedProperty().set(t);
    return TaskContextMenu.of(t, actions, model);
  }

  private void onKey(KeyEvent e) {
    if (e.isShortcutDown() || e.isAltDown()) {
      return;
    }
    Node focus = scene.getFocusOwner();
    if (focus instanceof TextInputControl
        || focus instanceof org.fxmisc.richtext.GenericStyledArea<?, ?, ?>) {
      return; // letters typed into a field or the script are text, not commands
    }
    if (e.getCode() == KeyCode.ESCAPE) {
      actions.cancelPick();
      e.consume();
      return;
    }
    if (workbench.handleKey(e)) {
      e.consume();
      return;
    }
    if (graph.navigate(e.getCode())) {
      e.consume();
      return;
    }
    if (e.getCode().isArrowKey() && focus == graph) {
      e.consume(); // an arrow never wanders off the picture to a toolbar control (and its menu)
      return;
    }
    for (Syscall s : Syscall.values()) {
      if (e.getCode().getName().equals(s.key()) && !e.isShiftDown()) {
        actions.invoke(s);
        e.consume();
        return;
      }
    }
  }

  /**
   * Before the window closes: offers to save unsaved changes.
   *
   * @return false if the user chose to stay
   */
  public boolean confirmClose() {
    return workbench.files().confirmDiscard();
  }

  /** The window closed for good: a clean exit leaves no autosave behind. */
  public void closed() {
    workbench.closed();
  }

  /**
   * Autosaves into {@code a} and offers to restore what a crashed Lab left there.
   *
   * @return whether the offer is on show (the welcome then waits for another start)
   */
  public boolean useAutosave(Autosave a) {
    workbench.setAutosave(a);
    return workbench.offerRecovery();
  }

  /** The Help menu's dialogs: the welcome, shortcuts, language reference, kernel functions. */
  HelpMenu help() {
    return help;
  }

  /** Shows the welcome (first start, Help → Welcome). */
  public void showWelcome() {
    help.showWelcome();
  }

  /** How Help's links open: the desktop's browser ({@code HostServices::showDocument}). */
  public void setLinkOpener(java.util.function.Consumer<String> opener) {
    help.setLinkOpener(opener);
  }

  /**
   * Opens a script as File → Open would (a file from the command line or the desktop).
   *
   * @return completes on the FX thread with whether it opened
   */
  public java.util.concurrent.CompletableFuture<Boolean> open(java.nio.file.Path file) {
    return workbench.files().openFile(file);
  }

  void find(String query) {
    Task t = TaskFinder.find(model.kernel(), model::task, query);
    if (t == null) {
      toast.show(
          "No task matches '" + query + "': use a label, or NAMESPACE:PID such as ns1:3", false);
      return;
    }
    model.selectedProperty().set(t);
    graph.reveal(t);
  }
}
