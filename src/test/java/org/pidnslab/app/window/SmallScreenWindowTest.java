package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pidnslab.app.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at 1280x800, the size of many classroom projectors and small laptops: the side panel's
 * tab titles and the ps columns' titles are shown whole, in every theme, and the toolbars leave the
 * graph most of the height; a lesson's zap answer leaves the graph 400 px, its title card fits, and
 * the player's and the caption's labels are whole.
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenWindowTest {
  private static final String PREFS = "org/pidnslab/small-test-" + ProcessHandle.current().pid();
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = WindowTests.show(stage, PREFS, () -> null); // a 1280x800 scene
  }

  @AfterEach
  void cleanUp(FxRobot robot) throws Exception {
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  /** Every label under {@code selector} whose shown text is not its whole text ("Les…", "P…"). */
  private List<String> cut(FxRobot robot, String selector) {
    List<String> out = new ArrayList<>();
    for (Node n : robot.lookup(selector).queryAll()) {
      Labeled l = (Labeled) n;
      if (l.getText() == null || l.getText().isEmpty() || !l.isVisible()) {
        continue; // an empty row of the table
      }
      Text shown = (Text) l.lookup(".text");
      String s = shown == null ? "" : shown.getText();
      if (!s.equals(l.getText())) {
        out.add(l.getText() + " shown as '" + s + "'");
      }
      // a title can also be cut by its header's clip: its text must lie inside the panel
      Bounds b = l.localToScene(l.getBoundsInLocal());
      if (b.getMaxX() > stage.getScene().getWidth() + 0.5) {
        out.add(l.getText() + " runs past the window's edge at " + b.getMaxX());
      }
    }
    return out;
  }

  private void use(FxRobot robot, Theme theme) {
    robot.interact(() -> window.setTheme(theme));
    WindowTests.perform(robot, window, "fork init a", "clone a b newpid", "fork b c");
    robot.interact(() -> window.showSideTab("ps"));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @ParameterizedTest
  @EnumSource(Theme.class)
  void theSideTabsTitlesAreWhole(Theme theme, FxRobot robot) {
    robot.interact(() -> window.setTheme(theme));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(), cut(robot, "#sideTabs .tab-label"));
    assertEquals(4, robot.lookup("#sideTabs .tab-label").queryAll().size());
    // the tab menu button appears only when the titles overflow the header
    Node menu = robot.lookup("#sideTabs .control-buttons-tab").query();
    assertFalse(menu.isVisible(), "the side tabs overflow into a menu");
  }

  @ParameterizedTest
  @EnumSource(Theme.class)
  void thePsColumnsShowTheirWholeTitles(Theme theme, FxRobot robot) {
    use(robot, theme);
    List<String> titles = cut(robot, "#psTable .column-header .label");
    assertEquals(List.of(), titles);
    assertEquals(6, robot.lookup("#psTable .column-header .label").queryAll().size());
    // and the values: no cell of the listing is elided either
    assertEquals(List.of(), cut(robot, "#psTable .table-cell"));
  }

  @ParameterizedTest
  @EnumSource(Theme.class)
  void theToolbarsLeaveTheGraphMostOfTheHeight(Theme theme, FxRobot robot) {
    use(robot, theme);
    double bars = robot.lookup("#topBars").query().getLayoutBounds().getHeight();
    double graph = robot.lookup("#graph").query().getLayoutBounds().getHeight();
    // three rows of usual size; the projector's 20 px type wrapped them to four, 190 px
    assertTrue(bars <= 130, "menus and toolbars take " + bars + " px of 800");
    assertTrue(graph >= 400, "the graph has " + graph + " px of 800");
    assertFalse(window.workbench().quiz().isVisible());
  }

  /** Lesson 8 at its step {@code step}, after {@code beats} more beats, animations done. */
  private void lessonEight(FxRobot robot, Theme theme, int step, int beats) {
    robot.interact(
        () -> {
          window.setTheme(theme);
          window.workbench().startLesson(org.pidnslab.script.Lessons.all().get(7), false);
          window.experiment().jumpTo(step);
          for (int i = 0; i < beats; i++) {
            window.experiment().nextBeat();
          }
        });
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> window.graph().finishAnimations());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @ParameterizedTest
  @EnumSource(Theme.class)
  void theZapsAnswerLeavesTheGraph400PxAndOpensOnRequest(Theme theme, FxRobot robot) {
    lessonEight(robot, theme, 9, 2); // the question of "exit c", then its answer
    assertEquals(
        "exit c", window.experiment().traceProperty().get().steps().get(9).statement().text());
    assertEquals(10, window.experiment().positionProperty().get());
    var caption = window.workbench().caption();
    double graph = robot.lookup("#graph").query().getLayoutBounds().getHeight();
    assertTrue(
        graph >= 400,
        "the graph has "
            + graph
            + " px of 800 (the caption "
            + caption.getLayoutBounds()
            + ", its head "
            + robot.lookup("#captionHead").query().getLayoutBounds()
            + ", the button "
            + robot.lookup("#captionDetail").query().getLayoutBounds()
            + ")");
    assertTrue(caption.isVisible());
    assertTrue(
        robot.lookup("#captionHead").queryLabeled().getText().startsWith("Line 26: exit c = 0"));
    assertFalse(caption.detailShown(), "the question and the 21 lines wait behind the button");
    Labeled detail = robot.lookup("#captionDetail").queryLabeled();
    assertTrue(detail.getText().matches("▸ Question \\+ \\d+ kernel steps"), detail.getText());
    robot.clickOn("#captionDetail");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(caption.detailShown());
    assertTrue(caption.questionText().contains("Which tasks are left afterwards?"));
    assertTrue(robot.lookup("#captionAnswer").query().isVisible());
    // opened, the answer still scrolls within its share instead of taking the picture's room
    double opened = robot.lookup("#graph").query().getLayoutBounds().getHeight();
    assertTrue(opened >= 200, "opened, the graph keeps " + opened + " px");
    robot.clickOn("#captionDetail");
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(caption.detailShown(), "and closes again");
  }

  @ParameterizedTest
  @EnumSource(Theme.class)
  void aLessonsTitleCardFitsAndThePlayersAndCaptionsLabelsAreWhole(Theme theme, FxRobot robot) {
    lessonEight(robot, theme, 0, 0);
    assertTrue(window.workbench().caption().showsTitleCard());
    double card = window.workbench().caption().getLayoutBounds().getHeight();
    assertTrue(card <= 0.3 * 800, "the title card takes " + card + " px of 800");
    assertEquals(List.of(), whole(robot, "#playerBar"), "step 0");
    assertEquals(List.of(), whole(robot, "#captionBar"), "the title card");
    lessonEight(robot, theme, 9, 1); // the question of the zap: the longest "where"
    assertEquals(List.of(), whole(robot, "#playerBar"), "the question of step 10");
    assertEquals(List.of(), whole(robot, "#captionBar"), "the question of step 10");
    robot.interact(() -> window.experiment().nextBeat());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(), whole(robot, "#playerBar"), "the answer of step 10");
    assertEquals(List.of(), whole(robot, "#captionBar"), "the answer of step 10");
    robot.clickOn("#playButton");
    assertEquals(List.of(), whole(robot, "#playerBar"), "playing: Pause");
    robot.clickOn("#playButton");
  }

  /** The labels and buttons on show under {@code selector} whose text is cut ("▶ …"). */
  private List<String> whole(FxRobot robot, String selector) {
    List<String> out = new ArrayList<>();
    List<Node> todo = new ArrayList<>(List.of(robot.lookup(selector).query()));
    while (!todo.isEmpty()) {
      Node n = todo.remove(todo.size() - 1);
      if (!n.isVisible()) {
        continue;
      }
      if (n instanceof javafx.scene.Parent p) {
        todo.addAll(p.getChildrenUnmodifiable());
      }
      if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
        Text shown = (Text) l.lookup(".text");
        String s = shown == null ? "" : shown.getText();
        if (!s.equals(l.getText())) {
          out.add(l.getId() + ": " + l.getText() + " shown as '" + s + "'");
        }
      }
    }
    return out;
  }
}
