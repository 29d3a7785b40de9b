package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pidnslab.app.model.LabModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The log shows every explanation line and follows the newest entry; the keyboard moves on. */
@ExtendWith(ApplicationExtension.class)
class LogAndKeysWindowTest {
  private static final String PREFS = "org/pidnslab/logkeys-test-" + ProcessHandle.current().pid();
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

  private void run(FxRobot robot, String... statements) {
    WindowTests.perform(robot, window, statements);
  }

  private static javafx.scene.control.ListView<?> log(FxRobot robot) {
    return robot.lookup("#log").queryAs(javafx.scene.control.ListView.class);
  }

  /** The cell showing entry {@code index}, or null when it is not laid out. */
  @SuppressWarnings("unchecked")
  private static ListCell<LabModel.LogEntry> cell(FxRobot robot, int index) {
    for (Node n : log(robot).lookupAll(".list-cell")) {
      ListCell<LabModel.LogEntry> c = (ListCell<LabModel.LogEntry>) n;
      if (c.isVisible() && c.getIndex() == index && !c.isEmpty()) {
        return c;
      }
    }
    return null;
  }

  /** Whether entry {@code index} is laid out entirely inside the log's viewport. */
  private static boolean inView(FxRobot robot, int index) {
    ListCell<LabModel.LogEntry> c = cell(robot, index);
    if (c == null) {
      return false;
    }
    Node flow = log(robot).lookup(".clipped-container");
    Bounds view = flow.localToScene(flow.getLayoutBounds());
    Bounds b = c.localToScene(c.getLayoutBounds());
    return b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
  }

  @Test
  void theLogShowsEveryExplanationLineOfAZap(FxRobot robot) {
    run(robot, "clone init c newpid", "fork c d", "fork d e", "exit d", "exit c");
    List<LabModel.LogEntry> entries = window.model().log();
    assertEquals(5, entries.size());
    for (int i : new int[] {0, 3, 4}) {
      int index = i;
      robot.interact(() -> log(robot).scrollTo(index));
      WaitForAsyncUtils.waitForFxEvents();
      ListCell<LabModel.LogEntry> c = cell(robot, i);
      assertNotNull(c, "entry " + i + " is laid out");
      Text shown = (Text) c.lookup(".text");
      Bounds cellBounds = c.localToScene(c.getLayoutBounds());
      Bounds textBounds = shown.localToScene(shown.getLayoutBounds());
      for (String step : entries.get(i).steps()) {
        assertTrue(shown.getText().contains(step), "entry " + i + " shows: " + step);
      }
      assertTrue(
          textBounds.getMaxY() <= cellBounds.getMaxY() + 0.5
              && textBounds.getMinY() >= cellBounds.getMinY() - 0.5,
          "entry " + i + "'s lines all fit in its cell: " + textBounds + " in " + cellBounds);
    }
    String all =
        String.join("\n", entries.get(3).steps()) + String.join("\n", entries.get(4).steps());
    assertTrue(all.contains("find_new_reaper"), all);
    assertTrue(all.contains("zap_pid_ns_processes"), all);
    assertTrue(String.join("\n", entries.get(0).steps()).contains("copy_process"));
  }

  @Test
  void theLogFollowsTheNewestEntryUnlessTheUserScrolledUp(FxRobot robot) {
    for (int i = 0; i < 30; i++) {
      run(robot, "fork init t" + i);
      int newest = i;
      assertTrue(inView(robot, newest), "after statement " + (i + 1) + " its entry is in view");
    }
    javafx.scene.control.ListView<?> log = log(robot);
    ScrollBar bar = null;
    for (Node n : log.lookupAll(".scroll-bar")) {
      if (n instanceof ScrollBar b && b.getOrientation() == Orientation.VERTICAL) {
        bar = b;
      }
    }
    assertNotNull(bar);
    assertTrue(bar.isVisible(), "30 entries need a scroll bar");
    // the user scrolls up to read the first entries
    robot.clickOn(log).type(javafx.scene.input.KeyCode.HOME);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(inView(robot, 0), "scrolled to the top");
    run(robot, "fork init late");
    assertTrue(inView(robot, 0), "the older entry the user reads stays in view");
    assertFalse(inView(robot, 30), "the log did not jump to the new entry");
    // back at the bottom, it follows again
    robot.interact(() -> log.scrollTo(30));
    WaitForAsyncUtils.waitForFxEvents();
    run(robot, "fork init later");
    assertTrue(inView(robot, 31), "following again once the user is back at the end");
  }

  @Test
  void tabLeavesTheEditorWithoutTypingATab(FxRobot robot) {
    org.fxmisc.richtext.CodeArea area = window.workbench().editor().area();
    robot.clickOn("#scriptArea");
    assertTrue(area.isFocused());
    String before = area.getText();
    robot.press(javafx.scene.input.KeyCode.TAB).release(javafx.scene.input.KeyCode.TAB);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(area.isFocused(), "Tab moved the focus on");
    assertEquals(before, area.getText(), "Tab typed nothing");
  }
}
