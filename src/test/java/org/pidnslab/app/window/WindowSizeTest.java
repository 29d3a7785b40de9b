package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.model.LabModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The first window is fitted to the screen when no size was saved (a share of a large screen,
 * maximised on a small one), and a later start opens as the window was left; on Monocle, through
 * the same {@code LabApp.sceneFor} the application uses.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSizeTest {
  private static final String PREFS = "org/pidnslab/lab-size-test-" + ProcessHandle.current().pid();
  private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1080);
  private static final Rectangle2D FULL_HD_WITH_PANEL = new Rectangle2D(0, 32, 1920, 1048);
  private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 768);

  private Stage stage;
  private Stage opened;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void forget(FxRobot robot) throws Exception {
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  private static Settings settings() {
    return new Settings(Preferences.userRoot().node(PREFS));
  }

  /**
   * Puts a Lab on a new stage as LabApp does, for a screen whose usable area is given. The stage is
   * not shown: Monocle's headless screen is 1280x800 and cannot show a larger window.
   */
  private Scene open(FxRobot robot, Rectangle2D screen) {
    Scene[] scene = new Scene[1];
    robot.interact(
        () -> {
          opened = new Stage();
          scene[0] =
              LabApp.sceneFor(
                  opened, new MainWindow(new LabModel(), settings()), settings(), screen);
        });
    return scene[0];
  }

  @Test
  void aFirstStartOnAFullHdScreenTakesFourFifthsOfIt() {
    assertEquals(new WindowSize(1536, 864, false), WindowSize.firstStart(FULL_HD));
    assertEquals(new WindowSize(1536, 838, false), WindowSize.firstStart(FULL_HD_WITH_PANEL));
    assertEquals(
        new WindowSize(3072, 1728, false),
        WindowSize.firstStart(new Rectangle2D(0, 0, 3840, 2160)));
  }

  @Test
  void aFirstStartOnASmallScreenIsMaximised() {
    assertEquals(new WindowSize(1366, 768, true), WindowSize.firstStart(LAPTOP));
    assertEquals(
        new WindowSize(1600, 900, true), WindowSize.firstStart(new Rectangle2D(0, 0, 1600, 900)));
  }

  @Test
  void theAppOpensItsFirstWindowFittedToTheScreenAndRemembersIt(FxRobot robot) {
    assertFalse(settings().hasSize(), "a fresh settings node");
    Scene scene = open(robot, FULL_HD);
    assertEquals(1536, scene.getWidth());
    assertEquals(864, scene.getHeight());
    assertFalse(opened.isMaximized());

    WindowSize.remember(settings(), false, 1400, 900);
    Scene again = open(robot, FULL_HD);
    assertEquals(1400, again.getWidth(), "the saved size wins over the screen");
    assertEquals(900, again.getHeight());
  }

  @Test
  void aSmallScreenGetsAMaximisedWindowAndAMaximisedOneStaysSo(FxRobot robot) {
    open(robot, LAPTOP);
    assertTrue(opened.isMaximized());

    WindowSize.remember(settings(), true, 1366, 768);
    assertTrue(settings().maximized());
    assertFalse(settings().hasSize(), "a maximised window leaves the saved size alone");
    open(robot, FULL_HD);
    assertTrue(opened.isMaximized(), "maximised when it was closed, maximised again");
  }
}
