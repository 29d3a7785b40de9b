package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.TaskNode;
import org.pidnslab.script.Lessons;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A big scene's first view in a 1280x800 window takes the room of the log and the side panel when
 * even its collapsed picture would show its text below 10 px (issue 14: the container host showed
 * 7.4 px in the 666x446 px the panes left it); the panes come back from the status bar's link, the
 * View menu, or the next script that does not need the room, and never come and go while its
 * timeline is stepped.
 */
@ExtendWith(ApplicationExtension.class)
class PaneRoomWindowTest {
  private static final String PREFS = "org/pidnslab/paneroom-test-" + ProcessHandle.current().pid();
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

  private static String host() throws Exception {
    return Files.readString(Path.of("assets/scenarios/container-host.pidns"));
  }

  private void open(FxRobot robot, String script, int step) throws Exception {
    robot.interact(() -> window.experiment().load(script, null, step));
    WindowTests.settle(robot, window);
  }

  private void jump(FxRobot robot, int step) throws Exception {
    robot.interact(() -> window.experiment().jumpTo(step));
    WindowTests.settle(robot, window);
  }

  /** Whether {@code id}'s node is part of the window and shown (not taken out of its split). */
  private boolean shown(FxRobot robot, String id) {
    Node n = robot.lookup(id).tryQuery().orElse(null);
    return n != null && n.getScene() != null && n.isVisible() && n.getParent() != null;
  }

  private boolean sidePanel(FxRobot robot) {
    return shown(robot, "#sideTabs");
  }

  private boolean log(FxRobot robot) {
    return shown(robot, "#log");
  }

  private Hyperlink link(FxRobot robot) {
    return robot.lookup("#panesBack").queryAs(Hyperlink.class);
  }

  /** The whole picture is in view, and every task it draws has its figure on show. */
  private void wholeAndDrawn(FxRobot robot) {
    Drawing d = window.graph().drawing();
    Box seen = window.graph().camera().viewportProperty().get();
    assertTrue(
        seen.grow(1).contains(new Box(0, 0, d.width(), d.height())),
        "the whole picture is in view " + seen + " of " + d.width() + "x" + d.height());
    for (TaskNode n : d.tasks()) {
      Node f = robot.lookup("#task-" + n.serial()).tryQuery().orElse(null);
      assertTrue(f != null && f.isVisible(), "the figure of task " + n.serial() + " is drawn");
    }
  }

  @Test
  void theHostsFirstViewTakesTheRoomOfTheLogAndTheSidePanelAndShowsTenPixelText(FxRobot robot)
      throws Exception {
    assertEquals(1280, stage.getScene().getWidth(), 1);
    assertTrue(sidePanel(robot) && log(robot), "a new window shows every pane");
    Bounds before = WindowTests.graphViewport(robot);
    open(robot, host(), Integer.MAX_VALUE);
    assertFalse(sidePanel(robot), "the side panel yielded");
    assertFalse(log(robot), "the log yielded");
    assertTrue(shown(robot, "#command"), "the statement field stays");
    Bounds after = WindowTests.graphViewport(robot);
    assertTrue(
        after.getWidth() > before.getWidth() + 250 && after.getHeight() > before.getHeight() + 100,
        "the picture took the room: " + before + " -> " + after);
    double px = WindowTests.smallestTextPx(robot);
    assertTrue(px >= 10 - 1e-6, "the smallest text on screen: " + px + " px");
    assertTrue(link(robot).isVisible(), "the status bar says how to bring them back");
    assertEquals(
        "Show the log and the side panel (they made room for the picture)", link(robot).getText());
    wholeAndDrawn(robot);
  }

  @Test
  void theLinkBringsThePanesBackAndThePictureIsFittedAgain(FxRobot robot) throws Exception {
    open(robot, host(), Integer.MAX_VALUE);
    assertFalse(sidePanel(robot));
    robot.clickOn("#panesBack");
    WindowTests.settle(robot, window);
    assertTrue(sidePanel(robot), "the side panel is back");
    assertTrue(log(robot), "the log is back");
    assertFalse(link(robot).isVisible(), "the link went with them");
    assertTrue(
        robot.lookup("#sideTabs").query().getBoundsInParent().getWidth() > 200,
        "the side panel has its width again");
    wholeAndDrawn(robot);
  }

  @Test
  void theViewMenuShowsAndHidesEachPane(FxRobot robot) throws Exception {
    open(robot, host(), Integer.MAX_VALUE);
    robot.clickOn("#viewMenu").clickOn("Log");
    WindowTests.settle(robot, window);
    assertTrue(log(robot), "View → Log brings the log back");
    assertFalse(sidePanel(robot), "the side panel is still away");
    assertTrue(link(robot).isVisible(), "the link stays while a pane is still away");
    assertEquals("Show the side panel (it made room for the picture)", link(robot).getText());
    robot.clickOn("#viewMenu").clickOn("Side panel");
    WindowTests.settle(robot, window);
    assertTrue(sidePanel(robot), "View → Side panel brings it back");
    assertFalse(link(robot).isVisible());
    robot.clickOn("#viewMenu").clickOn("Side panel");
    WindowTests.settle(robot, window);
    assertFalse(sidePanel(robot), "and hides it again");
    assertFalse(link(robot).isVisible(), "the user hid it: no link");
  }

  @Test
  void steppingTheHostsTimelineNeverMakesThePanesComeAndGo(FxRobot robot) throws Exception {
    open(robot, host(), Integer.MAX_VALUE);
    jump(robot, 1);
    assertFalse(sidePanel(robot) || log(robot), "a small picture along the timeline: still away");
    jump(robot, window.experiment().stepCount());
    assertFalse(sidePanel(robot) || log(robot));
    robot.clickOn("#panesBack");
    jump(robot, 1);
    jump(robot, window.experiment().stepCount());
    assertTrue(sidePanel(robot) && log(robot), "brought back by the user, they stay");
  }

  @Test
  void aLessonOpenedAfterTheHostBringsThePanesBack(FxRobot robot) throws Exception {
    open(robot, host(), Integer.MAX_VALUE);
    assertFalse(sidePanel(robot) || log(robot));
    robot.interact(() -> window.workbench().startLesson(Lessons.all().get(0), false));
    WindowTests.settle(robot, window);
    assertTrue(sidePanel(robot) && log(robot), "a lesson needs no room: the panes are back");
    assertFalse(link(robot).isVisible());
  }

  @Test
  void theHostOpenedAtItsFirstStepTakesTheRoomWhenItJumpsToItsBigPicture(FxRobot robot)
      throws Exception {
    open(robot, host(), 0);
    assertTrue(sidePanel(robot) && log(robot), "one task needs no room");
    jump(robot, window.experiment().stepCount());
    assertFalse(sidePanel(robot) || log(robot), "the big picture took it");
    assertTrue(WindowTests.smallestTextPx(robot) >= 10 - 1e-6);
    wholeAndDrawn(robot);
  }

  @Test
  void withTheSidePanelHiddenByTheUserOnlyTheLogIsOffered(FxRobot robot) throws Exception {
    robot.interact(() -> window.panes().sideShownProperty().set(false));
    open(robot, host(), Integer.MAX_VALUE);
    assertFalse(log(robot), "the log yielded");
    assertEquals("Show the log (it made room for the picture)", link(robot).getText());
    robot.clickOn("#panesBack");
    WindowTests.settle(robot, window);
    assertTrue(log(robot));
    assertFalse(sidePanel(robot), "the side panel the user hid stays hidden");
    wholeAndDrawn(robot);
  }

  @Test
  void presentingTheHostTakesNothingFromTheWindow(FxRobot robot) throws Exception {
    robot.interact(() -> window.togglePresenting());
    try {
      open(robot, host(), Integer.MAX_VALUE);
      assertTrue(link(robot).getText().isEmpty() || !link(robot).isVisible());
    } finally {
      robot.interact(() -> window.presenter().leave());
    }
    WindowTests.settle(robot, window);
    assertTrue(sidePanel(robot) && log(robot), "the window is as it was");
  }
}
