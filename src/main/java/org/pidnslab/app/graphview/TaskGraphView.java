package org.pidnslab.app.graphview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import org.pidnslab.app.common.Theme;
import org.pidnslab.app.graphview.SpreadUpdates.Pending;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.DrawingBuilder;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.LayoutChoice;
import org.pidnslab.graph.TaskNode;
import org.pidnslab.kernel.KernelEvent;
import org.pidnslab.kernel.Task;

/**
 * The task graph: renders the drawing model of the current state (hulls, edges, task figures),
 * keeps figures by task so a change only moves and restyles what changed, and hands the kernel
 * events of each call to the {@link StoryAnimator}. Zoom and fitting are the {@link GraphCamera}'s;
 * pan by dragging.
 *
 * <p>The figure bookkeeping and the virtualisation of large pictures work on the same state
 * (figures by serial, the drawing on show); the layers, the background layout, collapsing, the
 * overview map and semantic zoom are classes of their own.
 */
public final class TaskGraphView extends StackPane {
  private static final double MARGIN = 24;

  /** Above this many tasks the tidy tree is laid out on a background thread. */
  public static final int ASYNC_ABOVE = LayoutWorker.ASYNC_ABOVE;

  private final LayoutWorker worker = new LayoutWorker();
  private final LayoutProgress progress = new LayoutProgress();
  private boolean rematerializing;

  /** Above this many tasks only the figures in view (and a margin) are in the scene graph. */
  static final int VIRTUAL_ABOVE = 1000;

  private final LabModel model;
  private final HullAndEdgeLayers lines = new HullAndEdgeLayers(MARGIN);
  private final Group nodeLayer = new Group();
  private final Group overlayLayer = new Group();
  private final NamespaceCards cards = new NamespaceCards(MARGIN);
  private final SummaryCardLayer summaries = new SummaryCardLayer(MARGIN);
  private final Collapsing collapsing = new Collapsing();
  private final SceneRoom room = new SceneRoom();
  private final Group content =
      new Group(
          lines.hullLayer, lines.edgeLayer, nodeLayer, summaries.layer, cards.layer, overlayLayer);
  private final Rectangle backdrop = new Rectangle();
  private final ScrollPane scroller;
  private final Map<Integer, TaskFigure> figures = new HashMap<>();
  private final Map<Integer, Task> tasksBySerial = new HashMap<>();
  private final StoryAnimator animator;
  private final GraphCamera camera;
  private final FirstView firstView;
  private final OverviewMap map;
  private final ComboBox<Motion> speed = Motion.chooser();
  private final List<KernelEvent> pending = new ArrayList<>();
  private DrawingBuilder builder = new DrawingBuilder();
  private org.pidnslab.graph.Theme theme = org.pidnslab.graph.Theme.LIGHT;
  private LayoutChoice layout = LayoutChoice.TREE;
  private final javafx.beans.property.ReadOnlyObjectWrapper<LayoutChoice> layoutShown =
      new javafx.beans.property.ReadOnlyObjectWrapper<>(LayoutChoice.TREE);
  private final AutomaticLayout automatic = new AutomaticLayout();
  private Drawing drawing;
  private int sceneTasks; // how many tasks the picture on show stands for, collapsed ones too
  private CardToggle toggled; // the picture comes from a collapse or expand click: it unfolds
  private final Unfolding unfolding = new Unfolding(nodeLayer, lines, summaries, MARGIN);
  private final SpreadUpdates spread = new SpreadUpdates(() -> theme);
  private final FigureInput input = new FigureInput(this, tasksBySerial::get);
  private final List<Integer> subject = new ArrayList<>();
  private final List<org.pidnslab.graph.Box> lastChanged = new ArrayList<>();
  private final List<Integer> lastChangedSerials = new ArrayList<>();
  private boolean refitAfterStory; // the camera shows where reaped tasks died until the story ends
  private boolean noteBand; // the picture leaves the summary note a band above it
  private final org.pidnslab.app.common.Toast summaryNote = new org.pidnslab.app.common.Toast();

  public TaskGraphView(LabModel model) {
    this.model = model;
    setId("graph");
    setFocusTraversable(true);
    getStyleClass().add("graph-surface");
    content.getChildren().add(0, backdrop);
    Group zoomGroup = new Group(content);
    // the canvas is at least as large as the viewport, so a small picture sits in the middle
    StackPane canvas = new StackPane(zoomGroup);
    scroller = new ScrollPane(canvas);
    camera =
        new GraphCamera(
            scroller,
            content,
            MARGIN,
            () -> drawing,
            () -> theme.typography().chipSize(),
            this::motion);
    canvas
        .minWidthProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> scroller.getViewportBounds().getWidth(), scroller.viewportBoundsProperty()));
    canvas
        .minHeightProperty()
        .bind(
            javafx.beans.binding.Bindings.createDoubleBinding(
                () -> scroller.getViewportBounds().getHeight(), scroller.viewportBoundsProperty()));
    canvas.setOnMouseClicked(
        e -> {
          requestFocus();
          if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
            model.selectedProperty().set(null);
          }
        });
    firstView = new FirstView(camera, scroller);
    map = new OverviewMap(() -> drawing, camera);
    lines.setOnNameClicked(
        serial -> {
          collapsing.collapseNamespace(serial);
          toggled = new CardToggle(org.pidnslab.graph.SummaryCard.Kind.NAMESPACE, serial, null);
          redraw();
        });
    summaries.setOnExpand(
        c -> {
          collapsing.expand(c);
          toggled = new CardToggle(c.kind(), c.serial(), c.box());
          redraw();
        });
    camera.zoomProperty().addListener((o, a, b) -> semanticZoom());
    scroller.hvalueProperty().addListener((o, a, b) -> scrolled());
    scroller.vvalueProperty().addListener((o, a, b) -> scrolled());
    content.scaleXProperty().addListener((o, a, b) -> scrolled());
    scroller.viewportBoundsProperty().addListener((o, a, b) -> scrolled());
    scroller
        .viewportBoundsProperty()
        .addListener(
            (o, a, b) -> {
              if (b.getWidth() > 0 && room.replanNow()) {
                // the first view was planned for a guessed size: plan it for the real one
                javafx.application.Platform.runLater(this::frameAgain);
              }
            });
    scroller.setPannable(true);
    scroller.setFitToWidth(false);
    scroller.setId("graphScroller");
    summaryNote.setId("actionSummary");
    StackPane.setAlignment(summaryNote, javafx.geometry.Pos.TOP_CENTER);
    StackPane.setMargin(summaryNote, new javafx.geometry.Insets(NOTE_GAP, 0, 0, 0));
    getChildren().addAll(scroller, map, progress, summaryNote);
    summaryNote.boundsInLocalProperty().addListener((o, a, b) -> reserveNoteBand());
    animator = new StoryAnimator(this);
    animator.setOnEnd(this::refitAfterStory);
    model.addOutcomeListener(o -> pending.addAll(o.events()));
    backdrop.setOnMouseClicked(
        e -> {
          requestFocus();
          if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
            model.selectedProperty().set(null);
          }
        });
  }

  /** The speed control for the toolbar. */
  public ComboBox<Motion> speedControl() {
    return speed;
  }

  public Motion motion() {
    return speed.getValue() == null ? Motion.NORMAL : speed.getValue();
  }

  public void setOnTaskClicked(Consumer<Task> handler) {
    input.setOnClick(handler);
  }

  public void setContextMenuFactory(Function<Task, ContextMenu> factory) {
    input.setContextMenus(factory);
  }

  public void setTheme(Theme t) {
    org.pidnslab.graph.Theme g = t.graphTheme();
    if (!g.equals(theme)) {
      theme = g;
      builder = new DrawingBuilder(new org.pidnslab.graph.AwtTextMetrics(g.typography()));
      figures.values().forEach(f -> nodeLayer.getChildren().remove(f));
      figures.clear();
      lines.clearEdges();
      redraw();
    }
  }

  /** Draws with {@code choice} from now on, whatever the scene's size. */
  public void setLayoutChoice(LayoutChoice choice) {
    automatic.on(false);
    if (choice != layout) {
      useLayout(choice);
      firstView.expect();
      redraw();
    }
  }

  /**
   * Chooses the layout by the scene's size from now on ({@link AutomaticLayout}): the tidy tree for
   * a small scene, the compact layout for a big one.
   */
  public void setAutomaticLayout() {
    if (!automatic.on()) {
      automatic.on(true);
      firstView.expect();
      redraw();
    }
  }

  /** Whether the layout is chosen by the scene's size (View → Layout → Automatic). */
  public boolean automaticLayout() {
    return automatic.on();
  }

  /** The layout of the picture on show (what Automatic picked, when it is on). */
  public javafx.beans.property.ReadOnlyObjectProperty<LayoutChoice> layoutProperty() {
    return layoutShown.getReadOnlyProperty();
  }

  private void useLayout(LayoutChoice choice) {
    layout = choice;
    layoutShown.set(choice);
  }

  /**
   * The next picture is a new scene (a script was opened): it is framed whole, and the first view
   * of a big one may take room from the window's panes.
   */
  public void frameNextPicture() {
    collapsing.clear();
    firstView.expect();
    room.newScript();
  }

  private void frameAgain() {
    collapsing.clear();
    firstView.expect();
    redraw();
  }

  /** The room the window's panes can give a big scene's first view. */
  public void setPictureRoom(PictureRoom room) {
    this.room.use(room);
  }

  /** Draws every collapsed namespace and subtree expanded again. */
  public void expandAll() {
    collapsing.clear();
    redraw();
  }

  /** The layout of the picture on show; an export from the window draws with it. */
  public LayoutChoice layoutChoice() {
    return layout;
  }

  /** The drawing on show. */
  public Drawing drawing() {
    return drawing;
  }

  /** The figure of a task, or null. */
  public TaskFigure figure(Task t) {
    return t == null ? null : figures.get(t.serial());
  }

  /** The overlay layer where animations put transient marks (labels, waves). */
  public Group overlay() {
    return overlayLayer;
  }

  public Group edges() {
    return lines.edgeLayer;
  }

  /** The line from a parent to a child, or null. */
  Polyline edge(int fromSerial, int toSerial) {
    return lines.edge(fromSerial, toSerial);
  }

  /** Jumps every running animation to its end: the final frame, now. */
  public void finishAnimations() {
    animator.finish();
    unfolding.finish();
    refitAfterStory();
    camera.finishMove();
  }

  public boolean animating() {
    return animator.running() || unfolding.running() || camera.moving();
  }

  /** Rebuilds the picture from the kernel and animates what the pending events say happened. */
  public void redraw() {
    java.util.Set<Task> changed = ActionFocus.changed(pending);
    if (changed.size() <= ActionFocus.ONE_BY_ONE) {
      collapsing.expandFor(changed); // more are summarised over the graph instead
    }
    int tasks = model.kernel().taskCount();
    LayoutChoice chosen =
        automatic.choose(
            layout,
            automatic.on() ? org.pidnslab.graph.SceneSize.of(model.kernel()) : null,
            model.history().size(),
            firstView.newScene(drawing),
            pending.isEmpty());
    if (chosen != layout) {
      useLayout(chosen);
      if (pending.isEmpty()) {
        firstView.expect(); // framed whole; after a call the camera follows its story instead
      }
    }
    // the first view of a big scene: a new script or layout, or a jump from a small picture
    boolean first =
        firstView.newScene(drawing) || pending.isEmpty() && sceneTasks <= Collapsing.AUTO_ABOVE;
    LayoutWorker.Planner planner =
        first
            ? Collapsing.planFirstView(model, changed, scroller.getViewportBounds(), room.offers())
            : null;
    if (planner != null) {
      room.planning(scroller.getViewportBounds().getWidth() > 0);
    }
    if (!LayoutWorker.inBackground(tasks, layout)) {
      worker.invalidate(); // a background build still running is stale now
      progress.hide();
      LayoutWorker.Plan plan =
          planner == null
              ? new LayoutWorker.Plan(options(), null)
              : planner.plan(model.kernel(), options(), builder);
      DrawingOptions o = plan.options();
      show(
          new LayoutWorker.Built(builder.build(model.kernel(), o), o, plan.room()),
          planner != null);
      return;
    }
    progress.show(tasks, layout);
    worker.request(
        () -> new LayoutWorker.Job(model.history(), options(), theme.typography(), planner),
        built -> {
          progress.hide();
          DrawingOptions o = options();
          show(
              built != null ? built : new LayoutWorker.Built(builder.build(model.kernel(), o), o),
              planner != null);
        });
  }

  private void show(LayoutWorker.Built built, boolean planned) {
    if (planned) {
      collapsing.adopt(built.options());
    }
    room.shown(planned, built.room());
    apply(built.drawing());
  }

  /** What to draw now: the perspective, the layout, its aspect and what is collapsed. */
  private DrawingOptions options() {
    DrawingOptions o = new DrawingOptions(model.perspectiveProperty().get(), layout);
    Bounds view = scroller.getViewportBounds();
    return collapsing.applyTo(
        view.getHeight() > 0 ? o.withAspect(view.getWidth() / view.getHeight()) : o);
  }

  /**
   * How the picture on show is drawn: its layout, the shape the compact layout aims at and what is
   * collapsed (an export from the window draws the same).
   */
  public DrawingOptions shownOptions() {
    return options();
  }

  /** Whether a background layout or a spread-out redraw is still running (tests wait for it). */
  public boolean layingOut() {
    return worker.building() || spread.busy();
  }

  private void apply(Drawing next) {
    refitAfterStory = false; // a new picture: the camera follows its own call, if any
    animator.finish();
    unfolding.finish();
    sceneTasks = model.kernel().taskCount();
    Drawing old = drawing;
    drawing = next;
    tasksBySerial.clear();
    for (Task t : model.kernel().tasks()) {
      tasksBySerial.put(t.serial(), t);
    }
    backdrop.setWidth(drawing.width() + 2 * MARGIN);
    backdrop.setHeight(drawing.height() + 2 * MARGIN);
    backdrop.setFill(Color.web(theme.background()));
    setBackground(new Background(new BackgroundFill(Color.web(theme.background()), null, null)));
    scroller.setStyle(
        "-fx-background: "
            + theme.background()
            + "; -fx-background-color: "
            + theme.background()
            + ";");
    content.setTranslateX(0);
    lines.drawHulls(drawing, theme);
    double fade = toggled != null && !motion().instant() ? motion().steps(1).toMillis() : 0;
    Box card = toggled == null ? null : toggled.card(drawing);
    summaries.draw(drawing, theme, card == null ? fade : 0); // an unfold fades its cards itself
    Map<Integer, double[]> before = new HashMap<>();
    List<TaskFigure> gone = new ArrayList<>();
    for (TaskFigure f : figures.values()) {
      before.put(f.serial(), new double[] {f.getTranslateX(), f.getTranslateY()});
    }
    List<Pending> changed = new ArrayList<>();
    spread.clear();
    Map<Integer, TaskNode> nodes = drawing.tasksBySerial();
    for (var it = figures.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (!nodes.containsKey(e.getKey())) {
        gone.add(e.getValue());
        it.remove();
      }
    }
    List<KernelEvent> events = List.copyOf(pending);
    pending.clear();
    // frame first, then make figures: only those the framed view shows, and none while namespace
    // cards stand in for them (a fitted 1,000-task host built 760 hidden figures)
    boolean framed = firstView.settle(old, events.isEmpty(), model.history().size());
    semanticZoom();
    List<TaskFigure> born = materialize(changed);
    if (card == null) {
      nodeLayer.getChildren().removeAll(gone); // a fold leaves them until they are in the card
    }
    spread.update(changed, SpreadUpdates.PER_FRAME);
    showSelection(model.selectedProperty().get());
    map.update();
    List<Integer> offView = framed ? List.of() : followAction(events, old);
    if (card != null && toggled.expand() && old != null) {
      // the expanded picture may no longer fit: bring what came out of the card into view,
      // gliding with the unfold; the scroll pane must have laid out the new picture at the new
      // zoom before the scroll values are set, or it puts them back to the old picture's top-left
      // corner (a glide sets them again on every frame)
      List<Box> out = appeared(old);
      boolean glide = !motion().instant();
      if (!glide) {
        camera.bringIntoView(out, false);
      }
      scroller.applyCss();
      scroller.layout();
      camera.bringIntoView(out, glide);
    }
    if (card != null) {
      unfolding.play(card, toggled.expand(), old, drawing, gone, motion());
    } else if (toggled != null) {
      SummaryCardLayer.fadeIn(born, fade);
    } else if (old != null && !motion().instant()) {
      animator.play(events, before, born, gone, motion(), offView);
    }
    toggled = null;
  }

  /**
   * The boxes of the tasks drawn now that {@code old} did not draw (what an expand brought out).
   */
  private List<Box> appeared(Drawing old) {
    List<Box> out = new ArrayList<>();
    Map<Integer, TaskNode> before = old.tasksBySerial();
    for (TaskNode n : drawing.tasks()) {
      if (!before.containsKey(n.serial())) {
        out.add(n.box());
      }
    }
    return out;
  }

  /** The summary note's distance from the graph's top edge and from the picture below it. */
  private static final double NOTE_GAP = 8;

  /**
   * Moves the camera so that the tasks the call changed and the caption's subject stay in view; a
   * call that changed too many to follow one by one is summarised in a note above the picture.
   * While the story of a kill or a reap is told the view includes where the victims were (the room
   * must see where they died); once it is told the camera refits what is still drawn.
   *
   * @return the changed tasks that were out of view before the move (the animator highlights them)
   */
  private List<Integer> followAction(List<KernelEvent> events, Drawing old) {
    org.pidnslab.graph.Box seenBefore = camera.viewportProperty().get();
    List<Integer> offView = new ArrayList<>();
    java.util.Set<Task> changed = ActionFocus.changed(events);
    boolean told = old != null && !motion().instant();
    lastChanged.clear();
    lastChangedSerials.clear();
    refitAfterStory = false;
    for (Task t : changed) {
      org.pidnslab.graph.Box b = boxOf(t.serial(), told ? old : null);
      if (b != null) {
        lastChanged.add(b);
        lastChangedSerials.add(t.serial());
        refitAfterStory |= !drawing.tasksBySerial().containsKey(t.serial());
        if (seenBefore != null && !seenBefore.contains(b)) {
          offView.add(t.serial());
        }
      }
    }
    String summary = ActionFocus.summary(events);
    showNote(summary);
    boolean shown = camera.follow(focus(), told);
    if (summary == null && !shown) {
      showNote(ActionFocus.count(changed.size(), "task") + " changed");
    }
    return offView.size() <= ActionFocus.ONE_BY_ONE ? offView : List.of();
  }

  /**
   * Shows {@code text} in a note above the picture, or none; the picture gives the note a band of
   * its own, so the note never covers a task. The band stays after the note fades, until the next
   * call: the picture does not move by itself.
   */
  private void showNote(String text) {
    noteBand = text != null;
    if (noteBand) {
      summaryNote.show(text, false);
    }
    reserveNoteBand();
  }

  /** Gives the picture's top edge the note's height (its own, once laid out), or none. */
  private void reserveNoteBand() {
    double band = 0;
    if (noteBand) {
      summaryNote.applyCss();
      // its shadow too: the bounds in local include the effect
      double h = Math.max(summaryNote.getHeight(), summaryNote.prefHeight(-1));
      band = NOTE_GAP + Math.max(h, summaryNote.getBoundsInLocal().getMaxY()) + NOTE_GAP;
    }
    javafx.geometry.Insets now = StackPane.getMargin(scroller);
    if ((now == null ? 0 : now.getTop()) != band) {
      StackPane.setMargin(scroller, new javafx.geometry.Insets(band, 0, 0, 0));
      layout(); // the camera frames the new view size now, not on the next pulse
    }
  }

  /** The story of a kill or reap is told: the camera leaves where the victims were. */
  private void refitAfterStory() {
    if (!refitAfterStory || drawing == null) {
      return;
    }
    refitAfterStory = false;
    lastChanged.clear();
    for (int serial : lastChangedSerials) {
      org.pidnslab.graph.Box b = boxOf(serial, null);
      if (b != null) {
        lastChanged.add(b);
      }
    }
    camera.follow(focus(), true);
  }

  /** What the camera keeps in view: the last call's changed tasks and the caption's subject. */
  private List<org.pidnslab.graph.Box> focus() {
    List<org.pidnslab.graph.Box> focus = new ArrayList<>(lastChanged);
    for (int serial : subject) {
      org.pidnslab.graph.Box b = boxOf(serial, null);
      if (b != null) {
        focus.add(b);
      }
    }
    return focus;
  }

  /** Where a task is drawn now, else where it was (a reaped task), or null. */
  private org.pidnslab.graph.Box boxOf(int serial, Drawing old) {
    TaskNode n = drawing.tasksBySerial().get(serial);
    if (n == null && old != null) {
      n = old.tasksBySerial().get(serial);
    }
    return n == null ? null : n.box();
  }

  /**
   * The tasks the caption is about (the statement just run and the one to come): kept in view with
   * whatever a call changes, so a question never points at a task off screen.
   */
  public void setSubject(java.util.Collection<Task> tasks) {
    subject.clear();
    for (Task t : tasks) {
      subject.add(t.serial());
    }
    if (drawing != null && !firstView.holdingWhole()) {
      camera.follow(focus(), true);
    }
  }

  /** The one-line summary above the picture of a call too large to follow, or null. */
  public String actionSummary() {
    return summaryNote.message();
  }

  /**
   * Puts into the scene graph the figures and edges that can be seen, and only those, once the
   * picture has more than {@link #VIRTUAL_ABOVE} tasks: thousands of off-screen nodes would cost
   * every frame. Small pictures keep every figure.
   *
   * @param changed collects figures whose content must be redrawn
   * @return the figures created now
   */
  private List<TaskFigure> materialize(List<Pending> changed) {
    List<TaskFigure> born = new ArrayList<>();
    org.pidnslab.graph.Box window = visibleWindow();
    for (TaskNode n : drawing.tasks()) {
      TaskFigure f = figures.get(n.serial());
      if (window != null && !window.intersects(n.box())) {
        if (f != null) {
          figures.remove(n.serial());
          nodeLayer.getChildren().remove(f);
        }
        continue;
      }
      if (f == null) {
        f = createFigure(n.serial());
        figures.put(n.serial(), f);
        nodeLayer.getChildren().add(f);
        born.add(f);
      }
      String waiting = waitingFor(tasksBySerial.get(n.serial()));
      if (f.needsUpdate(n, theme, waiting)) {
        changed.add(new Pending(f, n, waiting));
      }
      double x = n.box().x() + MARGIN;
      double y = n.box().y() + MARGIN;
      if (f.getTranslateX() != x) {
        f.setTranslateX(x);
      }
      if (f.getTranslateY() != y) {
        f.setTranslateY(y);
      }
    }
    lines.drawEdges(drawing, theme, window);
    return born;
  }

  /**
   * Zoomed out past readable labels, namespace cards stand in for the tasks, edges and hulls; they
   * come back when zoomed in.
   */
  private void semanticZoom() {
    boolean small = NamespaceCards.tooSmall(drawing, camera.zoomProperty().get());
    if (small || cards.showing()) {
      boolean wasShowing = cards.showing();
      cards.show(small, drawing, model.kernel(), camera.zoomProperty().get());
      if (wasShowing && !small) {
        rematerializeLater(); // no figures were made while the cards stood in
      }
    }
    nodeLayer.setVisible(!small);
    summaries.layer.setVisible(!small);
    lines.edgeLayer.setVisible(!small);
    lines.hullLayer.setVisible(!small);
  }

  /** Whether namespace cards stand in for the tasks (zoomed out too far to read them). */
  public boolean showingNamespaceCards() {
    return cards.showing();
  }

  /** The part of the drawing in view, with a margin, or null when everything is drawn. */
  private org.pidnslab.graph.Box visibleWindow() {
    if (drawing != null && cards.showing()) {
      return new org.pidnslab.graph.Box(0, 0, 0, 0); // cards stand in: no figure is seen
    }
    if (drawing == null || drawing.tasks().size() <= VIRTUAL_ABOVE) {
      return null;
    }
    javafx.scene.Node viewport = scroller.lookup(".viewport");
    double pad = 400;
    if (viewport == null || viewport.getScene() == null) {
      return new org.pidnslab.graph.Box(0, 0, 2400, 1600); // not shown yet: the top-left corner
    }
    Bounds inContent = content.sceneToLocal(viewport.localToScene(viewport.getLayoutBounds()));
    return new org.pidnslab.graph.Box(
        inContent.getMinX() - MARGIN - pad,
        inContent.getMinY() - MARGIN - pad,
        inContent.getWidth() + 2 * pad,
        inContent.getHeight() + 2 * pad);
  }

  /** After a scroll or zoom of a large picture: bring in what came into view. */
  private void scrolled() {
    if (drawing != null && drawing.tasks().size() > VIRTUAL_ABOVE) {
      rematerializeLater();
    }
  }

  /** Brings in, on the next turn, the figures that can be seen now and are not made yet. */
  private void rematerializeLater() {
    if (drawing == null || rematerializing) {
      return;
    }
    rematerializing = true;
    Platform.runLater(
        () -> {
          rematerializing = false;
          List<Pending> changed = new ArrayList<>();
          materialize(changed);
          spread.update(changed, Integer.MAX_VALUE);
          showSelection(model.selectedProperty().get());
        });
  }

  private TaskFigure createFigure(int serial) {
    TaskFigure fig = new TaskFigure(serial);
    input.attach(fig);
    return fig;
  }

  private String waitingFor(Task t) {
    return org.pidnslab.graph.WaitingNote.of(t);
  }

  /** Marks {@code t}'s figure as selected. */
  public void showSelection(Task t) {
    for (TaskFigure f : figures.values()) {
      f.setSelected(t != null && f.serial() == t.serial());
    }
  }

  /** Scrolls so that {@code t} is in view. */
  public void reveal(Task t) {
    TaskNode n = t == null || drawing == null ? null : drawing.tasksBySerial().get(t.serial());
    if (n != null) {
      camera.reveal(n.box());
    }
  }

  /** Arrow keys move the selection: up to the parent, down to a child, sideways along the row. */
  public boolean navigate(KeyCode code) {
    return drawing != null
        && KeyNavigation.navigate(model, code, drawing, tasksBySerial, this::reveal);
  }

  public void zoomIn() {
    camera.zoomIn();
  }

  public void zoomOut() {
    camera.zoomOut();
  }

  /** Scales the picture to fit the visible area, and keeps fitting it as it changes. */
  public void fit() {
    camera.fit();
  }

  public double zoom() {
    return camera.zoom();
  }

  /** The camera: zoom, fitting, scrolling into view. */
  public GraphCamera camera() {
    return camera;
  }

  /** The task behind a figure serial, for the animator. */
  Task task(int serial) {
    return tasksBySerial.get(serial);
  }

  public TaskFigure figure(int serial) {
    return figures.get(serial);
  }

  double margin() {
    return MARGIN;
  }

  org.pidnslab.graph.Theme graphTheme() {
    return theme;
  }
}
