package org.pidnslab.app.present;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.pidnslab.app.experiment.Workbench;
import org.pidnslab.app.graphview.GraphCamera;
import org.pidnslab.app.graphview.TaskGraphView;

/**
 * Presentation mode: the window's own graph, caption and player, moved into a full-screen layout of
 * their own (the graph and the caption only; the player shows on a mouse move and fades), driven by
 * a presenter's remote ({@link RemoteKeys}). Leaving puts every moved part back where it was, the
 * window's own content back on the stage, and the camera back where the user left it.
 */
public final class Presenter {
  /** The player stays this long after the mouse stops, then fades. */
  static final Duration CONTROLS_LINGER = Duration.seconds(2.5);

  /** The caption's font follows the screen: this many text lines fill its height. */
  static final double LINES_PER_SCREEN = 45;

  /** Beside a tall picture the caption takes this fraction of the screen's width. */
  static final double SIDE_SHARE = 0.28;

  /** The caption moves beside the picture only when that makes it this much larger. */
  static final double SIDE_GAIN = 1.04;

  private final Workbench workbench;
  private final TaskGraphView graph;
  private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper blanked = new ReadOnlyBooleanWrapper();
  private final StackPane graphHolder = new StackPane();
  private final StackPane controls = new StackPane();
  private final Region blank = new Region();
  private final javafx.scene.layout.BorderPane picture = new javafx.scene.layout.BorderPane();
  private final StackPane captionHolder = new StackPane();
  private boolean placing;
  private final StackPane root = new StackPane(picture, controls, blank);
  private final SequentialTransition fadeControls;
  private final EventHandler<KeyEvent> keys;
  private final List<Slot> slots = new ArrayList<>();
  private Scene scene;
  private Node windowContent;
  private boolean wasFullScreen;
  private javafx.geometry.Rectangle2D windowBounds;
  private boolean wasMaximized;
  private WindowState windowBefore;
  private javafx.geometry.Rectangle2D area;
  private GraphCamera.Shot cameraBefore;

  /** Where a part of the window lives when it is not presenting. */
  private record Slot(Node node, Pane parent, int index) {}

  public Presenter(Workbench workbench, TaskGraphView graph) {
    this.workbench = workbench;
    this.graph = graph;
    root.setId("presentation");
    root.getStyleClass().add("presentation");
    picture.setTop(captionHolder);
    picture.setCenter(graphHolder);
    captionHolder.setAlignment(Pos.TOP_LEFT);
    // a tall picture (lesson 8's five levels) is as high as the screen once the caption is beside
    // it: re-placed after every beat, once the new picture is drawn
    workbench.experiment().positionProperty().addListener((o, a, b) -> placeLater());
    workbench.experiment().beatProperty().addListener((o, a, b) -> placeLater());
    root.widthProperty().addListener((o, a, b) -> placeLater());
    root.heightProperty().addListener((o, a, b) -> placeLater());
    controls.setId("presentationControls");
    controls.setMaxHeight(Region.USE_PREF_SIZE);
    StackPane.setAlignment(controls, Pos.BOTTOM_CENTER);
    controls.setOpacity(0);
    blank.setId("blankScreen");
    blank.setStyle("-fx-background-color: black;");
    blank.setVisible(false);
    blank.visibleProperty().bind(blanked);
    FadeTransition fade = new FadeTransition(Duration.millis(600), controls);
    fade.setToValue(0);
    fadeControls = new SequentialTransition(new PauseTransition(CONTROLS_LINGER), fade);
    fadeControls.setOnFinished(e -> root.setCursor(Cursor.NONE));
    root.addEventFilter(MouseEvent.MOUSE_MOVED, e -> showControls());
    keys = new RemoteKeys(this, workbench);
  }

  /**
   * Presents on {@code area} (screen coordinates) instead of the whole screen the window is on: a
   * projector's part of a desktop, or a test's fixed 1920x1080. Null: the window's screen.
   */
  public void setArea(javafx.geometry.Rectangle2D area) {
    this.area = area;
  }

  /** Whether the window is presenting. */
  public ReadOnlyBooleanProperty presentingProperty() {
    return presenting.getReadOnlyProperty();
  }

  /** Whether the screen is blanked (B). */
  public ReadOnlyBooleanProperty blankedProperty() {
    return blanked.getReadOnlyProperty();
  }

  /**
   * The window's size and state before presenting, or null when not presenting: what a window
   * closed while presenting remembers for the next start.
   */
  public WindowState windowBefore() {
    return presenting.get() ? windowBefore : null;
  }

  /** A window's scene size and whether it was maximised. */
  public record WindowState(double width, double height, boolean maximized) {}

  /** Enters presentation mode if not presenting, else leaves it (View → Present, F5). */
  public void toggle(Scene on) {
    if (presenting.get()) {
      leave();
    } else {
      enter(on);
    }
  }

  /**
   * Fills the screen with the graph and the caption of the window shown in {@code on}, whose root
   * is a stack with the window's content at the bottom.
   */
  public void enter(Scene on) {
    if (presenting.get()) {
      return;
    }
    scene = on;
    cameraBefore = graph.camera().shot();
    Node caption = workbench.caption();
    Node player = workbench.player();
    slots.clear();
    for (Node n : List.of(caption, graph, player)) {
      Pane parent = (Pane) n.getParent();
      slots.add(new Slot(n, parent, parent.getChildren().indexOf(n)));
      parent.getChildren().remove(n);
    }
    captionHolder.getChildren().setAll(caption);
    graphHolder.getChildren().setAll(graph);
    controls.getChildren().setAll(player);
    StackPane layers = (StackPane) scene.getRoot();
    windowContent = layers.getChildren().get(0);
    windowBefore =
        new WindowState(
            scene.getWidth(),
            scene.getHeight(),
            scene.getWindow() instanceof Stage st && st.isMaximized());
    // the window's content stays in the scene, hidden and left at its size, under this layer
    windowContent.setVisible(false);
    windowContent.setManaged(false);
    layers.getChildren().add(root);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
    presenting.set(true);
    workbench.caption().setPresenting(true);
    graph.camera().setPresenting(true);
    graph.camera().fit();
    if (scene.getWindow() instanceof Stage stage) {
      wasFullScreen = stage.isFullScreen();
      wasMaximized = stage.isMaximized();
      windowBounds =
          new javafx.geometry.Rectangle2D(
              stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
      stage.setFullScreenExitHint("");
      stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is the remote's
      stage.setFullScreen(true);
      // without a window manager (a bare X server, a kiosk) full screen may not happen: cover the
      // screen the window is on anyway
      setBounds(stage, area != null ? area : screenOf(windowBounds).getBounds());
    }
    fitText();
    placeCaption();
    graph.requestFocus();
  }

  private void placeLater() {
    if (presenting.get() && !placing) {
      placing = true;
      javafx.application.Platform.runLater(
          () -> {
            placing = false;
            placeCaption();
          });
    }
  }

  /**
   * Puts the caption above the picture, or beside it when the picture is tall and narrow and would
   * be larger there: a wide screen has room to the side, not above.
   */
  private void placeCaption() {
    double w = root.getWidth();
    double h = root.getHeight();
    org.pidnslab.graph.Drawing d = graph.drawing();
    Node caption = workbench.caption();
    if (!presenting.get() || w <= 0 || h <= 0) {
      return;
    }
    boolean side = false;
    if (d != null && caption.isVisible()) {
      double above = captionHolder.prefHeight(w);
      double sideWidth = Math.round(w * SIDE_SHARE);
      side =
          graph.camera().fitZoom(d, w - sideWidth, h)
              > graph.camera().fitZoom(d, w, h - above) * SIDE_GAIN;
      captionHolder.setPrefWidth(side ? sideWidth : Region.USE_COMPUTED_SIZE);
      captionHolder.setMaxWidth(side ? sideWidth : Double.MAX_VALUE);
    }
    if (side && picture.getLeft() != captionHolder) {
      picture.setTop(null);
      picture.setLeft(captionHolder);
    } else if (!side && picture.getTop() != captionHolder) {
      picture.setLeft(null);
      picture.setTop(captionHolder);
    }
  }

  /** Whether the caption is beside the picture rather than above it (tests). */
  public boolean captionBeside() {
    return picture.getLeft() == captionHolder;
  }

  /** Back to the window exactly as it was: its parts in their places, its size, its camera. */
  public void leave() {
    if (!presenting.get()) {
      return;
    }
    presenting.set(false);
    blanked.set(false);
    fadeControls.stop();
    root.setCursor(Cursor.DEFAULT);
    scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
    captionHolder.getChildren().clear();
    graphHolder.getChildren().clear();
    picture.setLeft(null);
    picture.setTop(captionHolder);
    controls.getChildren().clear();
    for (Slot s : slots) {
      s.parent().getChildren().add(Math.min(s.index(), s.parent().getChildren().size()), s.node());
    }
    ((StackPane) scene.getRoot()).getChildren().remove(root);
    windowContent.setManaged(true);
    windowContent.setVisible(true);
    if (scene.getWindow() instanceof Stage stage && stage.isShowing() && !wasFullScreen) {
      stage.setFullScreen(false);
      setBounds(stage, windowBounds);
      stage.setMaximized(wasMaximized);
    }
    workbench.caption().setPresenting(false);
    graph.camera().setPresenting(false);
    graph.camera().restore(cameraBefore);
    graph.requestFocus();
  }

  private static javafx.stage.Screen screenOf(javafx.geometry.Rectangle2D r) {
    List<javafx.stage.Screen> on =
        javafx.stage.Screen.getScreensForRectangle(
            r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    return on.isEmpty() ? javafx.stage.Screen.getPrimary() : on.get(0);
  }

  private static void setBounds(Stage stage, javafx.geometry.Rectangle2D r) {
    stage.setX(r.getMinX());
    stage.setY(r.getMinY());
    stage.setWidth(r.getWidth());
    stage.setHeight(r.getHeight());
  }

  /** Blanks the screen black (B); any key brings the picture back. */
  void setBlanked(boolean on) {
    blanked.set(on);
  }

  boolean blanked() {
    return blanked.get();
  }

  /** The player appears on a mouse move and fades when the mouse rests. */
  private void showControls() {
    root.setCursor(Cursor.DEFAULT);
    controls.setOpacity(1);
    fadeControls.playFromStart();
  }

  /** Text as large as the room needs: a fraction of the screen's height. */
  private void fitText() {
    double h = scene.getWindow() == null ? scene.getHeight() : scene.getWindow().getHeight();
    // on the caption only: a font size on the whole layer would restyle every task figure too
    captionHolder.setStyle(
        "-fx-font-size: " + Math.max(14, Math.round(h / LINES_PER_SCREEN)) + "px;");
  }
}
