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
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
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
import org.pidnslab.kernel.Signal;
import org.pidnslab.kernel.Task;

/**
 * The Lab's window: the task graph in the middle, the namespace tree, inspector and {@code ps}
 * listing on the right, the kernel's event log and a statement field below, every system call in
 * the toolbar, the Syscalls menu, each task's context menu and a one-key shortcut.
 *
 * <p>Over 600 lines: it builds the whole window (toolbars, menus, the side tabs, the log, the
 * statement field, keyboard handling) in one place, so that the layout reads from top to bottom;
 * what each part does lives in its feature package. Splitting it further waits until the parallel
 * work on the window (About, window size) has been merged, to keep those merges cheap.
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
  private final Settings settings;
  private final BorderPane root = new BorderPane();
  private final Toast toast = new Toast();
  private final PanicNote panicNote = new PanicNote();
  private final TextField childLabel = new TextField();
  private final Actions actions;
  private final TaskGraphView graph;
  private final NamespaceTreeView nsTree;
  private final Map<Syscall, Button> buttons = new EnumMap<>(Syscall.class);
  private final Map<Syscall, StackPane> buttonHolders = new EnumMap<>(Syscall.class);
  private final Map<Syscall, MenuItem> menuItems = new EnumMap<>(Syscall.class);
  private final ComboBox<PidNamespace> perspective = new ComboBox<>();
  private final PropertySheet inspector = new PropertySheet();
  private final TableView<PsListing.Row> ps = new TableView<>();
  private final LogView log;
  private final Label pickPrompt = new Label();
  private final Label status = new Label();
  private final TabPane side = new TabPane();
  private Scene scene;
  private Theme theme;

  /** Builds the window's content for {@code model}. */
  public MainWindow(LabModel model, Settings settings) {
    this.model = model;
    this.settings = settings;
    this.experiment = new Experiment(model);
    experiment.useThreads(REPLAYS, javafx.application.Platform::runLater);
    this.actions = new Actions(experiment, toast, childLabel);
    this.graph = new TaskGraphView(model);
    this.log = new LogView(model.log());
    this.workbench = new Workbench(experiment, graph, settings, toast);
    this.exports =
        new ExportActions(experiment, graph::layoutChoice, () -> theme.graphTheme(), toast);
    actions.setBeforeCall(workbench.editor()::flush);
    this.nsTree = new NamespaceTreeView(model);
    this.help = new HelpMenu(workbench, model, settings, toast, this::showSideTab);
    this.theme = Theme.parse(settings.theme());
    build();
    model.revisionProperty().addListener((o, a, b) -> refresh());
    model.selectedProperty().addListener((o, a, b) -> selectionChanged());
    model.perspectiveProperty().addListener((o, a, b) -> refresh());
    refresh();
    selectionChanged();
  }

  /** A scene holding the window, themed and with the keyboard shortcuts installed. */
  public Scene createScene(double width, double height) {
    scene = new Scene(root, width, height);
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
              actions.setOwner(w);
              workbench.setOwner(w);
              exports.setOwner(w);
              help.setOwner(w);
            });
    return scene;
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
  }

  /** Switches the task graph's layout and remembers it. */
  public void setLayout(LayoutChoice choice) {
    settings.layout(choice.name());
    graph.setLayoutChoice(choice);
  }

  private void build() {
    root.setTop(new VBox(menuBar(), toolBar(), viewBar()));
    graph.setTheme(theme);
    nsTree.setTheme(theme);
    graph.setLayoutChoice(parseLayout(settings.layout()));
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
    // the caption and the quiz take their own room: they must never hide a task
    VBox centerBox =
        new VBox(pickPrompt, workbench.caption(), center, workbench.quiz(), workbench.player());
    VBox.setVgrow(center, Priority.ALWAYS);

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
    VBox bottom = new VBox(log, command);
    VBox.setVgrow(log, Priority.ALWAYS);

    Node scriptPane = workbench.scriptPane();
    SplitPane main = new SplitPane(scriptPane, centerBox, side);
    main.setDividerPositions(0.25, 0.78);
    SplitPane.setResizableWithParent(scriptPane, false);
    SplitPane.setResizableWithParent(side, false);
    // in quiz mode the script would give the answers away (its expect lines): it steps aside
    workbench
        .quiz()
        .visibleProperty()
        .addListener(
            (o, was, quizzing) -> {
              if (quizzing) {
                main.getItems().remove(scriptPane);
                main.setDividerPositions(0.75);
              } else if (!main.getItems().contains(scriptPane)) {
                main.getItems().add(0, scriptPane);
                main.setDividerPositions(0.25, 0.78);
              }
            });
    SplitPane vertical = new SplitPane(main, bottom);
    vertical.setOrientation(Orientation.VERTICAL);
    vertical.setDividerPositions(0.75);
    root.setCenter(vertical);
    status.setId("status");
    javafx.scene.control.ProgressIndicator exporting = new javafx.scene.control.ProgressIndicator();
    exporting.setId("exportProgress");
    exporting.setPrefSize(14, 14);
    exporting.visibleProperty().bind(exports.workingProperty());
    exporting.managedProperty().bind(exporting.visibleProperty());
    HBox statusBar = new HBox(8, exporting, status);
    statusBar.getStyleClass().add("status-bar");
    root.setBottom(statusBar);
    workbench.acceptDrops(root);
  }

  private MenuBar menuBar() {
    Menu file = new Menu("_File");
    file.setId("fileMenu");
    MenuItem quit = new MenuItem("_Quit");
    quit.setId("quitItem");
    quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
    quit.setOnAction(
        e -> {
          if (confirmClose()) {
            root.getScene().getWindow().hide();
          }
        });
    file.getItems().addAll(workbench.fileItems());
    file.getItems().addAll(exports.menu(), new SeparatorMenuItem(), quit);

    Menu calls = new Menu("_Syscalls");
    calls.setId("syscallsMenu");
    for (Syscall s : Syscall.values()) {
      // menu items show no tooltips: the text names the system call and the key
      MenuItem item = new MenuItem(s.text() + " — " + s.call() + "   [" + s.key() + "]");
      item.setMnemonicParsing(false);
      item.setId(s.name().toLowerCase() + "Item");
      item.setOnAction(e -> actions.invoke(s));
      menuItems.put(s, item);
      calls.getItems().add(item);
    }

    Menu view = new Menu("_View");
    view.setId("viewMenu");
    Menu themes = new Menu("Theme");
    themes.setId("themeMenu");
    ToggleGroup tg = new ToggleGroup();
    for (Theme t : Theme.values()) {
      RadioMenuItem item = new RadioMenuItem(t.title());
      item.setId("theme" + t.name());
      item.setToggleGroup(tg);
      item.setSelected(t == theme);
      item.setOnAction(e -> setTheme(t));
      themes.getItems().add(item);
    }
    Menu layouts = new Menu("Layout");
    layouts.setId("layoutMenu");
    ToggleGroup lg = new ToggleGroup();
    for (LayoutChoice c : LayoutChoice.values()) {
      RadioMenuItem item = new RadioMenuItem(layoutTitle(c));
      item.setId("layout" + c.name());
      item.setToggleGroup(lg);
      item.setSelected(c == parseLayout(settings.layout()));
      item.setOnAction(e -> setLayout(c));
      layouts.getItems().add(item);
    }
    MenuItem zoomIn = new MenuItem("Zoom in");
    zoomIn.setAccelerator(KeyCombination.keyCombination("Shortcut+EQUALS"));
    zoomIn.setOnAction(e -> graph.zoomIn());
    MenuItem zoomOut = new MenuItem("Zoom out");
    zoomOut.setAccelerator(KeyCombination.keyCombination("Shortcut+MINUS"));
    zoomOut.setOnAction(e -> graph.zoomOut());
    MenuItem fit = new MenuItem("Fit to window");
    fit.setId("fitItem");
    fit.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
    fit.setOnAction(e -> graph.fit());
    view.getItems().addAll(themes, layouts, new SeparatorMenuItem(), zoomIn, zoomOut, fit);

    MenuBar bar =
        new MenuBar(
            file,
            workbench.editMenu(),
            calls,
            workbench.playMenu(),
            LessonsPane.menu(workbench.lessons(), workbench::startLesson),
            view,
            help.menu());
    bar.setId("menuBar");
    return bar;
  }

  /** The system calls: a wrapping bar, so no call hides in an overflow menu at large type. */
  private javafx.scene.layout.FlowPane toolBar() {
    javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 4);
    bar.setId("toolBar");
    bar.getStyleClass().add("calls-bar");
    bar.disableProperty().bind(experiment.busyProperty()); // calls wait for a long replay
    childLabel.setId("childLabel");
    childLabel.setPrefColumnCount(6);
    childLabel.setTooltip(
        new Tooltip(
            "The label of the next child (fork or clone); proposed automatically, editable"));
    Label childCaption = new Label("child:");
    bar.getChildren().addAll(childCaption, childLabel);
    for (Syscall s : Syscall.values()) {
      Button b = new Button(s.text());
      b.setId(s.name().toLowerCase() + "Button");
      b.setOnAction(e -> actions.invoke(s));
      buttons.put(s, b);
      // a disabled control gets no mouse events, so its tooltip would never show: the holder
      // around it carries the "why disabled" tooltip instead
      StackPane holder = new StackPane(b);
      holder.setId(s.name().toLowerCase() + "Holder");
      buttonHolders.put(s, holder);
      bar.getChildren().add(holder);
      if (s == Syscall.SETNS || s == Syscall.KILL) {
        bar.getChildren().add(new Separator(Orientation.VERTICAL));
      }
    }
    return bar;
  }

  /** The second row: how the picture is seen (perspective, find, speed, zoom). */
  private ToolBar viewBar() {
    ToolBar bar = new ToolBar();
    bar.setId("viewBar");
    perspective.setId("perspective");
    perspective.setTooltip(
        new Tooltip(
            "View from namespace N: what ps inside N would show; invisible tasks fade out"));
    perspective.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(PidNamespace ns) {
            return ns == null ? "view: root (all)" : "view from " + ns.name();
          }

          @Override
          public PidNamespace fromString(String s) {
            return null;
          }
        });
    perspective.valueProperty().bindBidirectional(model.perspectiveProperty());
    TextField find = new TextField();
    find.setId("find");
    find.setPromptText("find: label or ns1:3");
    find.setPrefColumnCount(9);
    find.setTooltip(
        new Tooltip(
            "Find a task by label, or by a pid as seen from a namespace (ns1:3, root:7); Enter selects it"));
    find.setOnAction(e -> find(find.getText()));
    Button fit = new Button("Fit");
    fit.setId("fitButton");
    fit.setTooltip(new Tooltip("Fit the whole graph in the window  [Ctrl+0]"));
    fit.setOnAction(e -> graph.fit());
    Button zoomIn = new Button("+");
    zoomIn.setId("zoomInButton");
    zoomIn.setTooltip(new Tooltip("Zoom in  [Ctrl+=, or Ctrl+wheel]"));
    zoomIn.setOnAction(e -> graph.zoomIn());
    Button zoomOut = new Button("−");
    zoomOut.setId("zoomOutButton");
    zoomOut.setTooltip(new Tooltip("Zoom out  [Ctrl+-, or Ctrl+wheel]"));
    zoomOut.setOnAction(e -> graph.zoomOut());
    bar.getItems()
        .addAll(
            perspective,
            new Separator(Orientation.VERTICAL),
            find,
            new Separator(Orientation.VERTICAL),
            graph.speedControl(),
            new Separator(Orientation.VERTICAL),
            zoomOut,
            fit,
            zoomIn,
            new Separator(Orientation.VERTICAL),
            exports.button());
    return bar;
  }

  private void buildPsTable() {
    ps.setId("psTable");
    ps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    addColumn("PID", r -> r.pid());
    addColumn("PPID", r -> r.ppid());
    addColumn("PGID", r -> r.pgid());
    addColumn("SID", r -> r.sid());
    addColumn("STAT", r -> r.stat());
    addColumn("CMD", r -> r.label());
    ps.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, row) -> {
              if (row != null && row.task() != model.selectedProperty().get()) {
                model.selectedProperty().set(row.task());
              }
            });
  }

  private void addColumn(String title, java.util.function.Function<PsListing.Row, Object> value) {
    TableColumn<PsListing.Row, Object> col = new TableColumn<>(title);
    col.setCellValueFactory(
        c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    ps.getColumns().add(col);
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

  private void find(String query) {
    Task t = TaskFinder.find(model.kernel(), model::task, query);
    if (t == null) {
      toast.show(
          "No task matches '" + query + "': use a label, or NAMESPACE:PID such as ns1:3", false);
      return;
    }
    model.selectedProperty().set(t);
    graph.reveal(t);
  }

  private static LayoutChoice parseLayout(String name) {
    try {
      return LayoutChoice.valueOf(name);
    } catch (IllegalArgumentException e) {
      return LayoutChoice.TREE;
    }
  }

  private static String layoutTitle(LayoutChoice c) {
    return switch (c) {
      case TREE -> "Tidy tree (Buchheim–Walker)";
      case FR -> "Force-directed (Fruchterman–Reingold)";
      case COMPACT -> "Compact (blocks and grids)";
      case CIRCULAR -> "Circular";
    };
  }
}
