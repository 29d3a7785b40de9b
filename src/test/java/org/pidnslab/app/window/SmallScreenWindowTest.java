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
 * graph most of the height.
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
}
