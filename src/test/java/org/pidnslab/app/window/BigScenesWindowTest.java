package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pidnslab.graph.LayoutChoice;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Big scenes in the window (issue 14): every layout comes up fitted, the overview map, semantic
 * zoom, collapsing namespaces. The scripts are in {@code src/test/resources/bigscenes}.
 */
@ExtendWith(ApplicationExtension.class)
class BigScenesWindowTest {
  private static final String PREFS =
      "org/pidnslab/bigscenes-test-" + ProcessHandle.current().pid();
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = WindowTests.show(stage, PREFS, () -> null);
  }

  @AfterEach
  void cleanUp(FxRobot robot) throws Exception {
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  static String script(String name) throws Exception {
    try (var in = BigScenesWindowTest.class.getResourceAsStream("/bigscenes/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Opens {@code text} at its end in {@code layout} and waits until its picture is on show. */
  void open(FxRobot robot, String text, LayoutChoice layout) throws Exception {
    robot.interact(
        () -> {
          window.setLayout(layout);
          window.experiment().load(text, null, Integer.MAX_VALUE);
        });
    settle(robot);
  }

  void settle(FxRobot robot) throws Exception {
    WindowTests.settle(robot, window);
  }

  /** The graph's visible area, in scene coordinates. */
  Bounds viewport(FxRobot robot) {
    Node v = robot.lookup("#graphScroller").query().lookup(".viewport");
    return v.localToScene(v.getLayoutBounds());
  }

  /** Where the hulls and task figures are on screen, all together, in scene coordinates. */
  Bounds picture(FxRobot robot) {
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (Node n : robot.lookup(".hull").queryAll()) {
      if (!n.isVisible()) {
        continue;
      }
      Bounds b = n.localToScene(n.getBoundsInLocal());
      x0 = Math.min(x0, b.getMinX());
      y0 = Math.min(y0, b.getMinY());
      x1 = Math.max(x1, b.getMaxX());
      y1 = Math.max(y1, b.getMaxY());
    }
    for (Node n : robot.lookup(".task-figure").queryAll()) {
      Bounds b = n.localToScene(n.getBoundsInLocal());
      x0 = Math.min(x0, b.getMinX());
      y0 = Math.min(y0, b.getMinY());
      x1 = Math.max(x1, b.getMaxX());
      y1 = Math.max(y1, b.getMaxY());
    }
    return new BoundingBox(x0, y0, x1 - x0, y1 - y0);
  }

  @Test
  void everyLayoutComesUpFittedInsideTheViewAndNotTiny(FxRobot robot) throws Exception {
    String text = script("nested-200.pidns");
    for (LayoutChoice layout : LayoutChoice.values()) {
      // from a close-up of something else: the new scene must be framed whatever came before
      open(robot, "fork init only", LayoutChoice.TREE);
      robot.interact(() -> window.graph().zoomIn());
      open(robot, text, layout);
      Bounds view = viewport(robot);
      Bounds pic = picture(robot);
      String where = layout + ": picture " + pic + " in view " + view;
      assertTrue(view.contains(pic), where);
      assertTrue(
          pic.getWidth() >= 0.6 * view.getWidth() || pic.getHeight() >= 0.6 * view.getHeight(),
          "not tiny: " + where);
    }
  }

  @Test
  void changingTheLayoutFramesTheNewPicture(FxRobot robot) throws Exception {
    open(robot, script("nested-200.pidns"), LayoutChoice.TREE);
    robot.interact(() -> window.graph().zoomIn());
    robot.interact(() -> window.graph().zoomIn());
    robot.interact(() -> window.setLayout(LayoutChoice.CIRCULAR));
    settle(robot);
    Bounds view = viewport(robot);
    Bounds pic = picture(robot);
    assertTrue(view.contains(pic), "picture " + pic + " in view " + view);
    assertTrue(pic.getHeight() >= 0.6 * view.getHeight(), "circle fills the height: " + pic);
  }

  @Test
  void zoomedOutPastReadableLabelsNamespaceCardsStandInAndZoomingInBringsTasksBack(FxRobot robot)
      throws Exception {
    open(robot, script("nested-200.pidns"), LayoutChoice.TREE);
    // the fitted tidy tree of 200 tasks is a strip: labels far below 6 px
    assertTrue(window.graph().showingNamespaceCards(), "cards at zoom " + window.graph().zoom());
    assertTrue(robot.lookup("#card-ns4").tryQuery().isPresent(), "ns4's card is drawn");
    assertTrue(!taskLayerVisible(robot), "the tasks are hidden behind the cards");
    robot.interact(() -> window.graph().camera().centerOn(100, 100));
    for (int i = 0; i < 30 && window.graph().showingNamespaceCards(); i++) {
      robot.interact(() -> window.graph().zoomIn());
      settle(robot);
    }
    assertTrue(!window.graph().showingNamespaceCards(), "tasks back at " + window.graph().zoom());
    assertTrue(taskLayerVisible(robot));
  }

  /** Whether a task figure is on show (while the cards stand in no figure is even made). */
  private boolean taskLayerVisible(FxRobot robot) {
    return robot.lookup(".task-figure").queryAll().stream()
        .anyMatch(f -> f.getParent().isVisible());
  }

  @Test
  void theThousandTaskHostIsFramedAtOnceAndMakesNoFigureTheCardsHide(FxRobot robot)
      throws Exception {
    String host = script("container-host-1000.pidns");
    // from a close-up of something else, as in the window harness's first-picture measurement
    open(robot, "fork init only", LayoutChoice.COMPACT);
    robot.interact(() -> window.graph().zoomIn());
    boolean[] gliding = new boolean[1];
    double[] zoom = new double[1];
    robot.interact(
        () -> {
          window.experiment().load(host, null, Integer.MAX_VALUE);
          gliding[0] = window.graph().camera().moving();
          zoom[0] = window.graph().zoom();
        });
    // a new scene is cut to, not glided to from the old one's zoom (nothing to travel from)
    assertTrue(!gliding[0], "no glide from the previous picture's zoom");
    settle(robot);
    // and the caption's subject did not pull the camera away from the whole scene: it is fitted
    // to the view (larger than at the load: the log and the side panel made room for it)
    Bounds view = viewport(robot);
    double fitted =
        window
            .graph()
            .camera()
            .fitZoom(window.graph().drawing(), view.getWidth(), view.getHeight());
    assertEquals(fitted, window.graph().zoom(), 1e-9, "first " + zoom[0]);
    Bounds pic = picture(robot);
    assertTrue(view.contains(pic), "picture " + pic + " in view " + view);
    // fitted, 1,000 tasks are far below readable size: the namespace cards stand in, and the
    // hundreds of task figures they would hide are not made at all
    assertTrue(window.graph().showingNamespaceCards(), "cards at zoom " + window.graph().zoom());
    assertTrue(window.graph().drawing().tasks().size() > 500, "hundreds of tasks drawn");
    assertTrue(robot.lookup(".task-figure").queryAll().isEmpty(), "no hidden figure made");
    robot.interact(() -> window.graph().camera().centerOn(100, 100));
    for (int i = 0; i < 30 && window.graph().showingNamespaceCards(); i++) {
      robot.interact(() -> window.graph().zoomIn());
      settle(robot);
    }
    assertTrue(taskLayerVisible(robot), "zoomed in, the tasks in view are made and shown");
  }

  @Test
  void theOverviewMapShowsOnlyWhenThePictureDoesNotFitAndAClickMovesTheView(FxRobot robot)
      throws Exception {
    open(robot, "fork init a\nfork a b", LayoutChoice.TREE);
    assertTrue(!robot.lookup("#overviewMap").query().isVisible(), "a small picture has no map");
    open(robot, script("nested-200.pidns"), LayoutChoice.TREE);
    robot.interact(() -> window.graph().camera().centerOn(0, 0));
    for (int i = 0; i < 12; i++) {
      robot.interact(() -> window.graph().zoomIn());
    }
    settle(robot);
    Node map = robot.lookup("#overviewMap").query();
    assertTrue(map.isVisible(), "the picture does not fit: the map is shown");
    org.pidnslab.graph.Box before = window.graph().camera().viewportProperty().get();
    Bounds m = map.localToScreen(map.getLayoutBounds());
    robot.clickOn(new javafx.geometry.Point2D(m.getMaxX() - 3, m.getMinY() + m.getHeight() / 2));
    settle(robot);
    org.pidnslab.graph.Box after = window.graph().camera().viewportProperty().get();
    double w = window.graph().drawing().width();
    assertTrue(
        after.centerX() > before.centerX() + w / 3,
        "moved right: " + before + " -> " + after + " of width " + w);
    Node frame = robot.lookup("#overviewViewport").query();
    Bounds f = frame.localToScreen(frame.getLayoutBounds());
    assertTrue(
        f.getMaxX() > m.getMinX() + m.getWidth() / 2, "the frame follows: " + f + " in " + m);
  }

  @Test
  void clickingANamespaceNameCollapsesItAndClickingTheCardExpandsIt(FxRobot robot)
      throws Exception {
    open(
        robot,
        "fork init a\nclone a c newpid\nfork c c1\nfork c c2\nfork c1 c3",
        LayoutChoice.TREE);
    int all = window.graph().drawing().tasks().size();
    robot.clickOn("#hull-name-ns1");
    settle(robot);
    assertTrue(window.graph().drawing().cards().size() == 1, "one card");
    assertTrue(window.graph().drawing().tasks().size() == all - 4, "ns1's four tasks folded");
    assertTrue(robot.lookup(".task-figure").queryAll().size() == all - 4);
    robot.clickOn((Node) robot.lookup(".summary-card").query());
    settle(robot);
    assertTrue(window.graph().drawing().cards().isEmpty(), "expanded");
    assertTrue(window.graph().drawing().tasks().size() == all);
    assertTrue(robot.lookup(".task-figure").queryAll().size() == all, "every figure back");
  }

  @Test
  void aCallOnACollapsedNamespaceExpandsIt(FxRobot robot) throws Exception {
    open(robot, "fork init a\nclone a c newpid\nfork c c1", LayoutChoice.TREE);
    robot.clickOn("#hull-name-ns1");
    settle(robot);
    assertTrue(window.graph().drawing().cards().size() == 1);
    WindowTests.perform(robot, window, "fork c1 c2");
    settle(robot);
    assertTrue(window.graph().drawing().cards().isEmpty(), "the changed namespace is expanded");
    assertTrue(window.graph().drawing().task(window.model().task("c2").serial()).isPresent());
  }

  @Test
  void theFirstViewOfABigSceneIsCollapsedButNeverHidesWhatTheStepChanged(FxRobot robot)
      throws Exception {
    String host = script("container-host-1000.pidns");
    String[] lines = host.split("\n");
    // at steps spread over the host script: the tasks its statement names stay drawn
    for (int step = 400; step < lines.length; step += 211) {
      int at = step;
      robot.interact(
          () -> {
            window.setLayout(LayoutChoice.COMPACT);
            window.experiment().load(host, null, at);
          });
      settle(robot);
      org.pidnslab.graph.Drawing d = window.graph().drawing();
      assertTrue(!d.cards().isEmpty(), "step " + at + ": something is collapsed");
      String last = window.model().history().get(window.model().history().size() - 1).toString();
      for (String word :
          window.model().history().get(window.model().history().size() - 1).words()) {
        org.pidnslab.kernel.Task t = window.model().task(word);
        if (t != null) {
          assertTrue(d.task(t.serial()).isPresent(), "step " + at + " (" + last + "): " + word);
        }
      }
    }
  }
}
