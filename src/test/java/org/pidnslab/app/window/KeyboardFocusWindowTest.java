package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keyboard in a classroom: Tab and Shift+Tab leave the script editor, Ctrl+Tab types a tab,
 * after Open or a lesson the keys go to the picture (Page Down steps at once), and an arrow key
 * never opens a menu the user did not focus.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardFocusWindowTest {
  private static final String PREFS = "org/pidnslab/keyfocus-test-" + ProcessHandle.current().pid();
  private static final String SCRIPT =
      "# a narrated script opens at its first step\nfork init a\nfork a b\nfork b c\n";
  private MainWindow window;
  private Stage stage;
  private Path chosen;
  @TempDir Path dir;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = WindowTests.show(stage, PREFS, () -> chosen);
  }

  @AfterEach
  void cleanUp(FxRobot robot) throws Exception {
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  private Node graph(FxRobot robot) {
    return robot.lookup("#graph").query();
  }

  private CodeArea editor() {
    return window.workbench().editor().area();
  }

  /** A key press as the scene receives it from the keyboard, sent to the focused editor. */
  private static void press(FxRobot robot, Node target, KeyCode code, boolean shift, boolean ctrl) {
    robot.interact(
        () ->
            target.fireEvent(
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, ctrl, false, false)));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void openFile(FxRobot robot) throws Exception {
    chosen = dir.resolve("steps.pidns");
    Files.writeString(chosen, SCRIPT);
    robot.clickOn("#childLabel"); // where the focus sat after Open before
    robot.clickOn("#fileMenu").clickOn("#openItem");
    WindowTests.awaitFiles(window);
  }

  @Test
  void shiftTabLeavesTheEditorBackwardsWithoutTypingATab(FxRobot robot) {
    robot.clickOn("#scriptArea");
    assertTrue(editor().isFocused());
    String before = editor().getText();
    press(robot, editor(), KeyCode.TAB, true, false);
    assertFalse(editor().isFocused(), "Shift+Tab moved the focus back");
    assertEquals(before, editor().getText(), "Shift+Tab typed nothing");
    assertFalse(window.experiment().dirtyProperty().get(), "nor marked the script modified");
  }

  @Test
  void ctrlTabTypesATabCharacterAndStaysInTheEditor(FxRobot robot) {
    robot.clickOn("#scriptArea");
    press(robot, editor(), KeyCode.TAB, false, true);
    assertTrue(editor().isFocused(), "Ctrl+Tab kept the focus");
    assertTrue(editor().getText().contains("\t"), "Ctrl+Tab typed a tab: " + editor().getText());
  }

  @Test
  void afterOpenTheKeysGoToThePictureAndPageDownSteps(FxRobot robot) throws Exception {
    openFile(robot);
    assertEquals(0, window.experiment().positionProperty().get(), "opened at its first step");
    assertTrue(graph(robot).isFocused(), "the picture has the keyboard, not the child: field");
    robot.type(KeyCode.PAGE_DOWN, 2);
    assertTrue(window.experiment().positionProperty().get() >= 1, "Page Down stepped at once");
  }

  @Test
  void afterALessonStartsPageDownSteps(FxRobot robot) {
    robot.clickOn("#childLabel");
    robot.interact(
        () -> window.workbench().startLesson(window.workbench().lessons().get(0), false));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(graph(robot).isFocused(), "the picture has the keyboard");
    robot.type(KeyCode.PAGE_DOWN, 2);
    assertTrue(window.experiment().positionProperty().get() >= 1, "Page Down stepped at once");
  }

  @Test
  void arrowKeysAfterOpenNeverOpenAMenu(FxRobot robot) throws Exception {
    openFile(robot);
    for (KeyCode arrow : List.of(KeyCode.DOWN, KeyCode.DOWN, KeyCode.RIGHT, KeyCode.UP)) {
      robot.type(arrow);
    }
    WaitForAsyncUtils.waitForFxEvents();
    List<String> open = new ArrayList<>();
    for (Window w : Window.getWindows()) {
      if (w instanceof ContextMenu && w.isShowing()) {
        open.add(w.toString());
      }
    }
    assertTrue(open.isEmpty(), "menus opened by arrow keys: " + open);
    assertFalse(robot.lookup("#exportButton").queryAs(MenuButton.class).isShowing());
    assertTrue(graph(robot).isFocused(), "the arrows stayed with the picture");
  }

  @Test
  void toolbarButtonsAreNotOnTheTabPath(FxRobot robot) {
    for (String id : List.of("#forkButton", "#exitButton", "#exportButton", "#fitButton")) {
      assertFalse(robot.lookup(id).query().isFocusTraversable(), id);
    }
  }
}
