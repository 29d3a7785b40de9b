package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.graphview.TaskFigure;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.LayoutChoice;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Expanding a summary card unfolds it (issue 14): the tasks grow out of the card to their places,
 * and a collapse folds them back into the card; at the instant speed they are there at once.
 */
@ExtendWith(ApplicationExtension.class)
class UnfoldWindowTest {
  private static final String PREFS = "org/pidnslab/unfold-test-" + ProcessHandle.current().pid();
  private static final String SCRIPT =
      "fork init a\nclone a c newpid\nfork c c1\nfork c c2\nfork c1 c3\nfork init b";
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

  /** Opens the script at its end, collapses ns1 at the instant speed, returns the card's box. */
  private Box collapsed(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          window.setLayout(LayoutChoice.TREE);
          window.experiment().load(SCRIPT, null, Integer.MAX_VALUE);
        });
    WindowTests.settle(robot, window);
    robot.clickOn("#hull-name-ns1");
    WindowTests.settle(robot, window);
    assertEquals(1, window.graph().drawing().cards().size());
    return window.graph().drawing().cards().get(0).box();
  }

  private int serial(String label) {
    return window.model().task(label).serial();
  }

  /** Where the drawing's (0, 0) is in the node layer: init's figure never moves here. */
  private double[] origin() {
    TaskFigure init = window.graph().figure(serial("init"));
    Box b = window.graph().drawing().task(serial("init")).orElseThrow().box();
    return new double[] {init.getTranslateX() - b.x(), init.getTranslateY() - b.y()};
  }

  private static double[] centre(Bounds b) {
    return new double[] {b.getCenterX(), b.getCenterY()};
  }

  private static double distance(double[] a, double[] b) {
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  }

  /** One look at a figure during an animation: its centre and how large it is drawn. */
  private record Sample(double[] centre, double scale, double opacity, boolean running) {}

  /** Samples the figure of {@code serial} every pulse until the animation is over. */
  private List<Sample> watch(FxRobot robot, int serial, double fullWidth) {
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Sample[] s = new Sample[1];
      robot.interact(
          () -> {
            Node f = robot.lookup("#task-" + serial).tryQuery().orElse(null);
            boolean running = window.graph().animating();
            if (f != null) {
              Bounds b = f.getBoundsInParent();
              s[0] = new Sample(centre(b), b.getWidth() / fullWidth, f.getOpacity(), running);
            } else {
              s[0] = new Sample(null, 0, 0, running);
            }
          });
      out.add(s[0]);
      if (!s[0].running()) {
        break;
      }
    }
    return out;
  }

  /**
   * The first sample taken while animating that is more than 2 px from both {@code a} and {@code
   * b}.
   */
  private static Sample awayFromBoth(List<Sample> samples, double[] a, double[] b) {
    for (Sample s : samples) {
      if (s.running()
          && s.centre() != null
          && distance(s.centre(), a) > 2
          && distance(s.centre(), b) > 2) {
        return s;
      }
    }
    return null;
  }

  @Test
  void expandingACardUnfoldsItsTasksFromTheCardToTheirPlaces(FxRobot robot) throws Exception {
    Box card = collapsed(robot);
    double[] o = origin();
    double[] cardCentre = {card.centerX() + o[0], card.centerY() + o[1]};
    robot.interact(() -> window.graph().speedControl().setValue(Motion.SLOW));
    robot.clickOn((Node) robot.lookup(".summary-card").query());
    int c1 = serial("c1");
    Box end = window.graph().drawing().task(c1).orElseThrow().box();
    double[] endCentre = {end.centerX() + o[0], end.centerY() + o[1]};
    double full = window.graph().figure(c1).getBoundsInLocal().getWidth();
    List<Sample> samples = watch(robot, c1, full);
    double far = distance(cardCentre, endCentre);
    assertTrue(far > 20, "the card and c1's place are apart: " + far);
    Sample mid = awayFromBoth(samples, cardCentre, endCentre);
    assertTrue(mid != null, "seen between the card and its place in " + samples.size());
    assertTrue(
        distance(mid.centre(), cardCentre) + distance(mid.centre(), endCentre) < far + 4,
        "on the way from the card to its place");
    assertTrue(mid.scale() > 0.1 && mid.scale() < 0.99, "growing: " + mid.scale());
    assertEquals(1.0, mid.opacity(), "moving, not fading");

    assertFalse(window.graph().animating());
    TaskFigure f = window.graph().figure(c1);
    assertEquals(end.x() + o[0], f.getTranslateX(), "exactly at its place");
    assertEquals(end.y() + o[1], f.getTranslateY());
    assertTrue(f.getTransforms().isEmpty(), "no scale left over");
  }

  @Test
  void collapsingFoldsTheTasksIntoTheCardAndThenRemovesThem(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          window.setLayout(LayoutChoice.TREE);
          window.experiment().load(SCRIPT, null, Integer.MAX_VALUE);
        });
    WindowTests.settle(robot, window);
    int c3 = serial("c3");
    double[] o = origin();
    Box start = window.graph().drawing().task(c3).orElseThrow().box();
    double[] startCentre = {start.centerX() + o[0], start.centerY() + o[1]};
    double full = window.graph().figure(c3).getBoundsInLocal().getWidth();
    robot.interact(() -> window.graph().speedControl().setValue(Motion.SLOW));
    robot.clickOn("#hull-name-ns1");
    Box card = window.graph().drawing().cards().get(0).box();
    double[] cardCentre = {card.centerX() + o[0], card.centerY() + o[1]};
    List<Sample> samples = watch(robot, c3, full);
    Sample mid = awayFromBoth(samples, startCentre, cardCentre);
    assertTrue(mid != null, "seen on its way into the card in " + samples.size());
    assertTrue(
        distance(mid.centre(), startCentre) + distance(mid.centre(), cardCentre)
            < distance(startCentre, cardCentre) + 4,
        "between its place and the card");
    assertTrue(mid.scale() > 0.1 && mid.scale() < 0.99, "shrinking: " + mid.scale());
    assertFalse(window.graph().animating());
    assertTrue(robot.lookup("#task-" + c3).tryQuery().isEmpty(), "gone into the card");
  }

  @Test
  void withAnimationsOffTheTasksAreInPlaceAtOnce(FxRobot robot) throws Exception {
    collapsed(robot); // the speed is instant, as WindowTests sets it
    robot.clickOn((Node) robot.lookup(".summary-card").query());
    WaitForAsyncUtils.waitForFxEvents();
    double[] o = origin();
    robot.interact(
        () -> {
          assertFalse(window.graph().animating(), "nothing to wait for");
          for (String label : List.of("c", "c1", "c2", "c3")) {
            Box b = window.graph().drawing().task(serial(label)).orElseThrow().box();
            TaskFigure f = window.graph().figure(serial(label));
            assertEquals(b.x() + o[0], f.getTranslateX(), label);
            assertEquals(b.y() + o[1], f.getTranslateY(), label);
            assertTrue(f.getTransforms().isEmpty(), label);
            assertEquals(1.0, f.getOpacity(), label);
          }
        });
  }
}
