package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.app.common.Settings;
import org.pidnslab.export.ExportFormat;
import org.pidnslab.export.Picture;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.LayoutChoice;
import org.pidnslab.graph.SceneSize;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View → Layout → Automatic (issue 14): a new user's default, the tidy tree for a small scene and
 * the compact layout for a big one, named in the menu, kept across a restart, and what the window's
 * export draws. Every test starts from settings of its own (a new user).
 */
@ExtendWith(ApplicationExtension.class)
class AutomaticLayoutWindowTest {
  private static final String PREFS =
      "org/pidnslab/autolayout-test-" + ProcessHandle.current().pid();
  @TempDir Path dir;
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

  private void open(FxRobot robot, MainWindow w, String text) throws Exception {
    robot.interact(() -> w.experiment().load(text, null, Integer.MAX_VALUE));
    settle(robot, w);
  }

  private static void settle(FxRobot robot, MainWindow w) throws Exception {
    WindowTests.settle(robot, w);
  }

  /** A menu item of {@code w}'s menu bar by id, however deep. */
  private static RadioMenuItem item(MainWindow w, String id) {
    MenuBar bar = (MenuBar) w.graph().getScene().lookup("#menuBar");
    for (javafx.scene.control.Menu m : bar.getMenus()) {
      MenuItem found = find(m.getItems(), id);
      if (found != null) {
        return (RadioMenuItem) found;
      }
    }
    throw new AssertionError("no menu item " + id);
  }

  private static MenuItem find(java.util.List<MenuItem> items, String id) {
    for (MenuItem i : items) {
      if (id.equals(i.getId())) {
        return i;
      }
      if (i instanceof javafx.scene.control.Menu m) {
        MenuItem inner = find(m.getItems(), id);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  @Test
  void aNewUsersSmallSceneIsTheTidyTreeAndTheContainerHostComesUpCompact(FxRobot robot)
      throws Exception {
    assertEquals("AUTO", new Settings(Preferences.userRoot().node(PREFS)).layout());
    open(robot, window, "fork init a\nclone a c newpid\nfork c c1");
    assertTrue(window.graph().automaticLayout());
    assertEquals(LayoutChoice.TREE, window.graph().layoutChoice());
    assertEquals(LayoutChoice.TREE, window.graph().drawing().layout());
    RadioMenuItem auto = item(window, "layoutAUTO");
    assertTrue(auto.isSelected(), "Automatic is selected");
    assertEquals("Automatic (tidy tree)", auto.getText());
    assertFalse(item(window, "layoutTREE").isSelected(), "the tree is Automatic's pick only");

    open(robot, window, BigScenesWindowTest.script("container-host-1000.pidns"));
    assertEquals(LayoutChoice.COMPACT, window.graph().layoutChoice());
    assertEquals(LayoutChoice.COMPACT, window.graph().drawing().layout());
    assertEquals("Automatic (compact)", auto.getText());

    open(robot, window, "fork init a");
    assertEquals(LayoutChoice.TREE, window.graph().drawing().layout(), "a new small scene");
  }

  @Test
  void forksAroundTheThresholdKeepTheLayout(FxRobot robot) throws Exception {
    // twelve chains of twelve under init, one of them four longer: 149 tasks, at most 12 at one
    // depth; then forks and exits across 150 tasks
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < (i == 0 ? 16 : 12); j++) {
        s.append("fork ").append(j == 0 ? "init" : "c" + i + "_" + (j - 1));
        s.append(" c").append(i).append('_').append(j).append('\n');
      }
    }
    open(robot, window, s.toString());
    int tasks = SceneSize.COMPACT_ABOVE_TASKS - 1;
    assertEquals(new SceneSize(tasks, 12), SceneSize.of(window.model().kernel()));
    assertEquals(LayoutChoice.TREE, window.graph().drawing().layout());
    for (int i = 0; i < 3; i++) {
      WindowTests.perform(robot, window, "fork c0_15 x" + i, "fork x" + i + " y" + i);
      settle(robot, window);
      assertEquals(tasks + 2, window.model().kernel().taskCount());
      assertEquals(LayoutChoice.TREE, window.graph().drawing().layout(), "grew, round " + i);
      WindowTests.perform(robot, window, "exit y" + i, "wait x" + i, "exit x" + i, "wait c0_15");
      settle(robot, window);
      assertEquals(tasks, window.model().kernel().taskCount());
      assertEquals(LayoutChoice.TREE, window.graph().drawing().layout(), "shrank, round " + i);
    }
  }

  @Test
  void aWideFanComesUpCompactLongBeforeItHasManyTasks(FxRobot robot) throws Exception {
    StringBuilder s = new StringBuilder("fork init p\n");
    for (int i = 0; i <= SceneSize.COMPACT_ABOVE_WIDEST; i++) {
      s.append("fork p w").append(i).append('\n');
    }
    open(robot, window, s.toString());
    assertEquals(LayoutChoice.COMPACT, window.graph().drawing().layout(), "13 siblings");
    assertEquals("Automatic (compact)", item(window, "layoutAUTO").getText());
  }

  @Test
  void aZapThatTurnsTheSceneBackIntoATreeIsStillSummarised(FxRobot robot) throws Exception {
    StringBuilder s = new StringBuilder("clone init c newpid\n");
    for (int i = 0; i < 30; i++) {
      s.append("fork c k").append(i).append('\n');
    }
    open(robot, window, s.toString());
    assertEquals(LayoutChoice.COMPACT, window.graph().drawing().layout(), "30 siblings");
    WindowTests.perform(robot, window, "exit c");
    settle(robot, window);
    assertEquals(LayoutChoice.TREE, window.graph().drawing().layout(), "init alone");
    assertEquals("30 tasks killed in ns1", window.graph().actionSummary());
  }

  @Test
  void theUsersChoiceSurvivesARestartAndSoDoesAutomatic(FxRobot robot) throws Exception {
    robot.interact(() -> window.setLayout(LayoutChoice.CIRCULAR));
    MainWindow[] again = new MainWindow[1];
    Stage[] second = new Stage[1];
    robot.interact(
        () -> {
          second[0] = new Stage();
          again[0] = WindowTests.show(second[0], PREFS, () -> null);
        });
    open(robot, again[0], BigScenesWindowTest.script("nested-200.pidns"));
    assertFalse(again[0].graph().automaticLayout());
    assertEquals(LayoutChoice.CIRCULAR, again[0].graph().drawing().layout());
    assertTrue(item(again[0], "layoutCIRCULAR").isSelected());
    assertEquals("Automatic", item(again[0], "layoutAUTO").getText());

    robot.interact(() -> again[0].setAutomaticLayout());
    settle(robot, again[0]);
    assertEquals(LayoutChoice.COMPACT, again[0].graph().drawing().layout(), "200 tasks");
    robot.interact(
        () -> {
          second[0].hide();
          second[0] = new Stage();
          again[0] = WindowTests.show(second[0], PREFS, () -> null);
        });
    assertTrue(again[0].graph().automaticLayout());
    assertTrue(item(again[0], "layoutAUTO").isSelected());
    robot.interact(() -> second[0].hide());
  }

  @Test
  void theWindowsExportOfABigSceneDrawsWhatTheWindowShows(FxRobot robot) throws Exception {
    open(robot, window, BigScenesWindowTest.script("container-host-1000.pidns"));
    DrawingOptions shown = window.graph().shownOptions();
    assertEquals(LayoutChoice.COMPACT, shown.layout());
    assertTrue(shown.collapsesAnything(), "the first view of the host is collapsed");
    org.pidnslab.graph.Theme theme = window.theme.graphTheme();
    Picture same = Picture.of(window.model().kernel(), shown, theme);
    assertEquals(window.graph().drawing(), same.drawing(), "the options redraw the window");
    Picture tree =
        Picture.of(window.model().kernel(), new DrawingOptions(null, LayoutChoice.TREE), theme);

    Path png = dir.resolve("host.png");
    robot.interact(() -> window.exports().run(ExportFormat.PNG, 1, false, png));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(png));
    BufferedImage image = ImageIO.read(png.toFile());
    String sizes = image.getWidth() + "x" + image.getHeight() + " vs " + same.width() + "x";
    assertEquals(Math.ceil(same.width()), image.getWidth(), 1.0, sizes + same.height());
    assertEquals(Math.ceil(same.height()), image.getHeight(), 1.0, sizes + same.height());
    assertNotEquals(Math.ceil(tree.width()), image.getWidth(), 1.0, "not the tidy tree");
  }
}
