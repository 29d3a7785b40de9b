package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pidnslab.app.graphview.GraphCamera;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.graphview.TaskGraphView;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.LayoutChoice;
import org.pidnslab.graph.TaskNode;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The camera: the picture fitted to the view in both directions (small scenes enlarged up to the
 * chip-size bound), changed tasks kept in view after a zap and a reparenting (in the window and
 * presenting), a user zoom respected until Fit, every layout fitted, and a call too large to follow
 * summarised.
 */
@ExtendWith(ApplicationExtension.class)
class CameraWindowTest {
  private static final String PREFS = "org/pidnslab/camera-test-" + ProcessHandle.current().pid();
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = WindowTests.show(stage, PREFS, () -> null);
    // the camera is tested on the tidy tree's wide rows; Automatic would draw them compact
    // (AutomaticLayoutWindowTest)
    window.setLayout(LayoutChoice.TREE);
  }

  @AfterEach
  void cleanUp(FxRobot robot) throws Exception {
    robot.interact(() -> window.presenter().leave());
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  private void run(FxRobot robot, String... statements) {
    WindowTests.perform(robot, window, statements);
    settle(robot);
  }

  private void settle(FxRobot robot) {
    robot.interact(() -> window.graph().finishAnimations());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private GraphCamera camera() {
    return window.graph().camera();
  }

  /** The labels of {@code labels} whose boxes (in {@code drawing}) are not wholly in view. */
  private List<String> outOfView(Drawing drawing, String... labels) {
    Box view = camera().viewportProperty().get();
    assertNotNull(view, "the camera knows what it shows");
    List<String> out = new ArrayList<>();
    for (String label : labels) {
      TaskNode n =
          drawing.tasks().stream().filter(t -> t.label().equals(label)).findFirst().orElse(null);
      assertNotNull(n, label + " is drawn");
      if (!view.grow(1).contains(n.box())) {
        out.add(label);
      }
    }
    return out;
  }

  private String[] allLabels(Drawing d) {
    return d.tasks().stream().map(TaskNode::label).toArray(String[]::new);
  }

  /** A row of {@code n} children of init: far wider than a 1280x800 window at a readable size. */
  private static String[] wideRow(int n) {
    String[] forks = new String[n];
    for (int i = 0; i < n; i++) {
      forks[i] = "fork init a" + i;
    }
    return forks;
  }

  @Test
  void aSmallSceneIsEnlargedToFillTheViewButNotBeyondTheChipBound(FxRobot robot) {
    run(robot, "fork init a");
    double z = window.graph().zoom();
    assertTrue(z > 1.2, "two tasks in a 1280x800 window are drawn larger than 100 %: " + z);
    assertTrue(camera().chipPixels() <= 60.0001, "pid digits stay at most 60 px");
    assertEquals(List.of(), outOfView(window.graph().drawing(), "init", "a"));
    // init alone would fill the whole screen many times over: the bound holds it back
    robot.interact(
        () -> {
          window.experiment().jumpTo(0);
          window.togglePresenting();
        });
    settle(robot);
    assertEquals(60, camera().chipPixels(), 0.001, "init alone: digits at the 60 px bound");
    assertEquals(List.of(), outOfView(window.graph().drawing(), "init"));
  }

  @Test
  void aBigSceneShrinksToAReadableMinimumThenScrolls(FxRobot robot) {
    run(robot, wideRow(60));
    double chips = camera().chipPixels();
    assertEquals(9, chips, 0.001, "60 tasks in a row: chips at the readable minimum, 9 px");
    assertFalse(
        outOfView(window.graph().drawing(), allLabels(window.graph().drawing())).isEmpty(),
        "the row is wider than the view: it scrolls");
  }

  @Test
  void aZapFarAwayBringsItsVictimsIntoView(FxRobot robot) {
    zapFarAway(robot);
  }

  @Test
  void aZapFarAwayBringsItsVictimsIntoViewWhilePresenting(FxRobot robot) {
    robot.interact(() -> window.togglePresenting());
    zapFarAway(robot);
  }

  private void zapFarAway(FxRobot robot) {
    run(robot, wideRow(40));
    run(robot, "clone init c newpid", "fork c d1", "fork c d2", "fork d1 e1");
    robot.interact(() -> camera().centerOn(0, 0));
    settle(robot);
    Drawing before = window.graph().drawing();
    assertFalse(outOfView(before, "c", "d1", "d2", "e1").isEmpty(), "the namespace is off view");
    // the victims are reaped by the kernel at once: while their story is told, where they were
    // must be on show
    List<String> during = new ArrayList<>();
    tellSlowly(robot, "exit c", () -> during.addAll(outOfView(before, "c", "d1", "d2", "e1")));
    assertEquals(List.of(), during);
    // told, the camera keeps what is still drawn of the call in view
    assertEquals(List.of(), outOfView(window.graph().drawing(), "c"));
  }

  /**
   * Runs {@code statement} at the classroom speed and, once the camera has moved but while the
   * story is still told, runs {@code during}; then finishes the story.
   */
  private void tellSlowly(FxRobot robot, String statement, Runnable during) {
    robot.interact(() -> window.graph().speedControl().setValue(Motion.SLOW));
    robot.interact(
        () -> {
          try {
            window.experiment().perform(statement);
          } catch (Exception e) {
            throw new AssertionError(statement, e);
          }
          camera().finishMove(); // where the camera glides to; the story goes on
          assertTrue(window.graph().animating(), "the story of " + statement + " is being told");
          during.run();
        });
    robot.interact(() -> window.graph().speedControl().setValue(Motion.INSTANT));
    settle(robot);
  }

  @Test
  void onceAZapIsToldTheCameraRefitsTheSurvivors(FxRobot robot) {
    // lesson 8's five levels: the zap reaps c1, d and d1, and the picture is half as high after
    run(robot, "fork init o", "clone init c newpid", "fork c c1", "clone c1 d newpid", "fork d d1");
    Drawing before = window.graph().drawing();
    double[] during = new double[1];
    List<String> gone = new ArrayList<>();
    tellSlowly(
        robot,
        "exit c",
        () -> {
          during[0] = camera().chipPixels();
          gone.addAll(outOfView(before, "c1", "d", "d1"));
          gone.addAll(offScreen(before, "c1", "d", "d1"));
        });
    assertEquals(List.of(), gone, "while the zap is told, where its victims died is in view");
    Drawing after = window.graph().drawing();
    assertTrue(after.height() < before.height() * 0.8, "a smaller picture after the zap");
    assertTrue(
        camera().chipPixels() > during[0] * 1.3,
        "the survivors' digits grow back: " + during[0] + " px -> " + camera().chipPixels());
    assertEquals(List.of(), outOfView(after, allLabels(after)));
    assertEquals(null, window.graph().actionSummary(), "everything the call changed was shown");
  }

  /**
   * The labels whose fading figures (the victims', in the animation layer) are not within the
   * graph's viewport on screen: what the room sees, not what the camera believes.
   */
  private List<String> offScreen(Drawing drawing, String... labels) {
    javafx.scene.Node port = window.graph().lookup("#graphScroller .viewport");
    javafx.geometry.Bounds seen = port.localToScene(port.getLayoutBounds());
    List<String> out = new ArrayList<>();
    for (String label : labels) {
      int serial =
          drawing.tasks().stream().filter(t -> t.label().equals(label)).findFirst().get().serial();
      javafx.scene.Node fig =
          window.graph().overlay().getChildrenUnmodifiable().stream()
              .filter(n -> ("task-" + serial).equals(n.getId()))
              .findFirst()
              .orElse(null);
      if (fig == null) {
        out.add(label + " (no fading figure)");
        continue;
      }
      javafx.geometry.Bounds b = fig.localToScene(fig.getBoundsInLocal());
      if (b.getMinX() < seen.getMinX() - 1
          || b.getMaxX() > seen.getMaxX() + 1
          || b.getMinY() < seen.getMinY() - 1
          || b.getMaxY() > seen.getMaxY() + 1) {
        out.add(label + " at " + b + " outside " + seen);
      }
    }
    return out;
  }

  @Test
  void aReparentingFarAwayKeepsTheOrphanAndItsNewParentInView(FxRobot robot) {
    reparentFarAway(robot);
  }

  @Test
  void aReparentingFarAwayKeepsTheOrphanAndItsNewParentInViewWhilePresenting(FxRobot robot) {
    robot.interact(() -> window.togglePresenting());
    reparentFarAway(robot);
  }

  private void reparentFarAway(FxRobot robot) {
    run(robot, "fork init s", "subreaper s", "fork s p");
    run(robot, wideRow(40));
    run(robot, "fork p q");
    robot.interact(() -> camera().centerOn(window.graph().drawing().width(), 0));
    settle(robot);
    assertFalse(outOfView(window.graph().drawing(), "s", "q").isEmpty(), "s and q start off view");
    run(robot, "exit p");
    assertEquals(List.of(), outOfView(window.graph().drawing(), "s", "q"));
  }

  @Test
  void aCameraMoveHighlightsTheTasksItBroughtIntoView(FxRobot robot) {
    run(robot, wideRow(40));
    run(robot, "clone init c newpid", "fork c d1");
    robot.interact(() -> camera().centerOn(0, 0));
    settle(robot);
    robot.interact(() -> window.graph().speedControl().setValue(Motion.NORMAL));
    WindowTests.perform(robot, window, "kill init d1 SIGTERM");
    int halos = robot.lookup(".changed-halo").queryAll().size();
    robot.interact(() -> window.graph().speedControl().setValue(Motion.INSTANT));
    settle(robot);
    assertEquals(1, halos, "d1 (off view before) is highlighted");
    assertEquals(0, robot.lookup(".changed-halo").queryAll().size(), "and the halo goes");
  }

  @Test
  void aUserZoomStopsTheAutomaticFitUntilFit(FxRobot robot) {
    run(robot, "fork init a");
    double fitted = window.graph().zoom();
    robot.clickOn("#zoomInButton");
    double zoomed = window.graph().zoom();
    run(robot, "fork init b", "fork init c");
    assertEquals(zoomed, window.graph().zoom(), 1e-9, "new tasks leave the user's zoom alone");
    assertFalse(camera().autoFitting());
    robot.clickOn("#fitButton");
    settle(robot);
    assertTrue(camera().autoFitting());
    assertTrue(window.graph().zoom() <= fitted, "Fit frames the larger picture again");
    assertTrue(window.graph().zoom() < zoomed);
    assertEquals(List.of(), outOfView(window.graph().drawing(), "init", "a", "b", "c"));
  }

  @Test
  void everyLayoutComesUpFitted(FxRobot robot) {
    run(robot, "fork init a", "clone a b newpid", "fork b c", "fork b d", "fork init e");
    for (LayoutChoice c : LayoutChoice.values()) {
      robot.interact(() -> window.setLayout(c));
      settle(robot);
      Drawing d = window.graph().drawing();
      assertEquals(c, d.layout());
      assertEquals(List.of(), outOfView(d, allLabels(d)), c + " shows every task");
      assertTrue(fillsOneDirection(d), c + " fills the view in one direction");
    }
  }

  /** The picture fills about 90 % of the view's width or height (5 % margins). */
  private boolean fillsOneDirection(Drawing d) {
    Box view = camera().viewportProperty().get();
    return d.width() / view.w() > 0.8 || d.height() / view.h() > 0.8;
  }

  @Test
  void aCallTooLargeToFollowIsSummarised(FxRobot robot) {
    // a chain of six under init: after the kill the picture is tall, its top row at the top
    List<String> script =
        new ArrayList<>(
            List.of(
                "fork init o1",
                "fork o1 o2",
                "fork o2 o3",
                "fork o3 o4",
                "fork o4 o5",
                "fork o5 o6",
                "clone init c newpid"));
    for (int i = 0; i < 30; i++) {
      script.add("fork c k" + i);
    }
    run(robot, script.toArray(String[]::new));
    assertEquals(null, window.graph().actionSummary());
    run(robot, "exit c");
    assertEquals("30 tasks killed in ns1", window.graph().actionSummary());
    // the note has a band of its own above the picture: it covers no task
    javafx.scene.Node note = robot.lookup("#actionSummary").query();
    javafx.geometry.Bounds noteOnScreen = note.localToScene(note.getBoundsInLocal());
    javafx.scene.Node port = window.graph().lookup("#graphScroller .viewport");
    double pictureTop = port.localToScene(port.getLayoutBounds()).getMinY();
    assertTrue(
        noteOnScreen.getMaxY() <= pictureTop,
        "the note " + noteOnScreen + " is above the picture, which begins at " + pictureTop);
    int figures = 0;
    for (TaskNode n : window.graph().drawing().tasks()) {
      javafx.scene.Node f = window.graph().figure(n.serial());
      assertNotNull(f, n.label() + " is drawn");
      figures++;
      assertFalse(
          f.localToScene(f.getBoundsInLocal()).intersects(noteOnScreen),
          "the note " + noteOnScreen + " covers " + n.label());
    }
    assertTrue(figures >= 2, "init and c are drawn");
  }

  @Test
  void theCameraReportsItsZoomAndViewport(FxRobot robot) {
    run(robot, wideRow(40));
    TaskGraphView g = window.graph();
    assertEquals(g.zoom(), camera().zoomProperty().get(), 1e-9, "after a glide, on screen");
    robot.interact(() -> camera().centerOn(0, 0));
    settle(robot);
    Box before = camera().viewportProperty().get();
    robot.interact(() -> camera().centerOn(g.drawing().width(), g.drawing().height() / 2));
    settle(robot);
    Box after = camera().viewportProperty().get();
    assertTrue(after.x() > before.x(), before + " -> " + after);
    assertEquals(before.w(), after.w(), 1e-6, "the same zoom shows the same width");
  }
}
