package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.app.experiment.Autosave;
import org.pidnslab.app.experiment.ScriptEditor;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.app.model.ExperimentTest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Edge cases a second reviewer found (each failed before its fix): CRLF scripts, the quiz when the
 * player moves under a question, redo while typing, keys typed before the editor catches up, Page
 * Down in the quiz, the recovery offer.
 */
@ExtendWith(ApplicationExtension.class)
class ScriptEdgeCasesWindowTest {
  private static final String PREFS = "org/pidnslab/lab-edge-test-" + ProcessHandle.current().pid();
  @TempDir Path dir;
  private MainWindow window;
  private Stage stage;
  private Path chosen;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = WindowTests.show(stage, PREFS, () -> chosen);
  }

  @AfterEach
  void closeDialogs(FxRobot robot) throws Exception {
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  private void open(FxRobot robot, String name, String text) throws Exception {
    chosen = dir.resolve(name);
    Files.writeString(chosen, text);
    robot.clickOn("#fileMenu").clickOn("#openItem");
    WindowTests.awaitFiles(window);
  }

  @Test
  void aRecordedClickInACrlfScriptShowsInTheEditorWhereTheScriptHasIt(FxRobot robot)
      throws Exception {
    open(robot, "crlf.pidns", "fork init a\r\nfork init b\r\n");
    robot.clickOn("#task-0");
    robot.clickOn("#forkButton");
    WaitForAsyncUtils.waitForFxEvents();
    String script = window.experiment().textProperty().get();
    assertEquals(3, window.experiment().stepCount(), script);
    assertEquals(script, window.workbench().editor().area().getText());
  }

  @Test
  void aQuizAnswerIsScoredAgainstTheStepThatRuns(FxRobot robot) throws Exception {
    open(
        robot,
        "lesson.pidns",
        "# Lesson: t\n\n# narrated\nfork init a\nclone a b newpid\nfork b c\n");
    robot.clickOn("#playMenu").clickOn("#quizItem");
    robot.clickOn("#quizAnswer").write("2").type(KeyCode.ENTER); // fork init a: right
    robot.clickOn("#quizReveal"); // next question: line 5, clone a b newpid
    assertTrue(robot.lookup("#quizQuestion").queryLabeled().getText().startsWith("Line 5"));
    robot.clickOn("#stepBack"); // the player's own button moves the script under the question
    assertTrue(
        robot.lookup("#quizQuestion").queryLabeled().getText().startsWith("Line 4"),
        "the question follows the player");
    robot.clickOn("#quizAnswer").write("2").type(KeyCode.ENTER);
    String v = robot.lookup("#quizVerdict").queryLabeled().getText();
    assertTrue(v.startsWith("✓ Right: fork returned 2"), v);
    assertTrue(robot.lookup("#playButton").query().isDisabled(), "no playing past questions");
  }

  @Test
  void pageDownRevealsEvenWhileTheAnswerFieldHasTheKeyboard(FxRobot robot) throws Exception {
    open(robot, "lesson.pidns", "# Lesson: t\n\n# narrated\nfork init a\nclone a b newpid\n");
    robot.clickOn("#playMenu").clickOn("#quizItem");
    robot.clickOn("#quizAnswer").write("2");
    robot.type(KeyCode.PAGE_DOWN);
    assertEquals(1, window.experiment().positionProperty().get(), "Page Down revealed");
    assertTrue(robot.lookup("#quizVerdict").queryLabeled().getText().startsWith("✓"));
  }

  @Test
  void redoInTheEditorKeepsWhatWasJustTyped(FxRobot robot) {
    robot.clickOn("#task-0");
    robot.clickOn("#forkButton");
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    robot.clickOn("#scriptArea");
    robot.write("#note");
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT)
        .type(KeyCode.Z)
        .release(KeyCode.SHIFT, KeyCode.CONTROL);
    WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    String text = window.experiment().textProperty().get();
    assertTrue(text.contains("#note"), text);
    assertEquals(text, window.workbench().editor().area().getText());
  }

  @Test
  void aTypedLineRunsAndIsAutosavedWhenEnterIsPressedNotAfterAPause(FxRobot robot)
      throws Exception {
    Autosave autosave = new Autosave(dir.resolve("state"));
    robot.interact(() -> window.useAutosave(autosave));
    robot.clickOn("#scriptArea");
    robot.write("fork init typed");
    robot.type(KeyCode.ENTER);
    long entered = System.nanoTime();
    assertEquals("fork init typed\n", window.experiment().textProperty().get(), "no pause");
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () ->
            Files.exists(autosave.file())
                && Files.readString(autosave.file()).endsWith("fork init typed\n"));
    System.out.printf(
        "autosave: Enter to durable file in %.1f ms%n", (System.nanoTime() - entered) / 1e6);
  }

  @Test
  void savingRightAfterTypingSavesTheTyping(FxRobot robot) throws Exception {
    robot.clickOn("#scriptArea");
    robot.write("fork init typed\n");
    chosen = dir.resolve("typed.pidns");
    robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL); // within the pause
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("fork init typed\n", Files.readString(chosen));
  }

  /*
   * Keys typed while the window is busy: the editor hands its typing to the experiment (Enter, or
   * the pause running out) and catches up with the experiment a pulse later. A key that arrives in
   * between (queued behind a slow re-run, or a fast typist) must be kept, not overwritten by the
   * text the editor itself just handed over: under load this lost the "e" of "fork init typed"
   * above. These two send their keys in one go on the FX thread, as keys queued behind a busy
   * thread arrive, so the order is exact and does not depend on the machine's load.
   */

  @Test
  void aKeyTypedRightAfterThePauseHandsTheTypingOverIsKept(FxRobot robot) {
    robot.clickOn("#scriptArea");
    ScriptEditor editor = window.workbench().editor();
    robot.interact(
        () -> {
          type(editor.area(), "fork init typ");
          editor.flush(); // what the pause does when it runs out
          type(editor.area(), "ed"); // before the editor's update, queued by that hand-over, runs
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("fork init typed", editor.area().getText());
    robot.interact(editor::flush);
    assertEquals("fork init typed", window.experiment().textProperty().get());
  }

  @Test
  void aLineTypedRightAfterEnterIsKept(FxRobot robot) {
    robot.clickOn("#scriptArea");
    ScriptEditor editor = window.workbench().editor();
    robot.interact(() -> type(editor.area(), "fork init a\nfork init b"));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("fork init a\nfork init b", editor.area().getText());
    robot.interact(editor::flush);
    assertEquals("fork init a\nfork init b", window.experiment().textProperty().get());
    assertEquals(2, window.experiment().stepCount());
  }

  /**
   * Types {@code text} into {@code area} as TestFX's JavaFX robot does (pressed, typed, released
   * for each character; Enter for a newline), all at once on the FX thread.
   */
  private static void type(CodeArea area, String text) {
    for (char c : text.toCharArray()) {
      KeyCode code = c == '\n' ? KeyCode.ENTER : KeyCode.UNDEFINED;
      Event.fireEvent(area, key(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, code));
      Event.fireEvent(area, key(KeyEvent.KEY_TYPED, Character.toString(c), KeyCode.UNDEFINED));
      Event.fireEvent(area, key(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, code));
    }
  }

  private static KeyEvent key(EventType<KeyEvent> type, String ch, KeyCode code) {
    return new KeyEvent(type, ch, "", code, false, false, false, false);
  }

  @Test
  void theRecoveryOfferLeavesTheWindowUsableAndDecideLaterKeepsTheFile(FxRobot robot)
      throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    Path crashed = state.resolve("autosave-2147480001.pidns");
    Files.writeString(
        crashed, "# pidns-lab autosave position=1 time=2026-11-29T06:00:00Z\nfork init a\n");
    robot.interact(() -> window.useAutosave(new Autosave(state)));
    Stage offer = (Stage) robot.lookup("#recoveryDialog").query().getScene().getWindow();
    assertEquals(Modality.NONE, offer.getModality());
    robot.clickOn("Decide later");
    assertTrue(Files.exists(crashed), "no answer, nothing deleted");
    robot.interact(() -> window.useAutosave(new Autosave(state)));
    robot.clickOn("Discard");
    assertFalse(Files.exists(crashed));
  }

  @Test
  void escStopsALongReplayAtAnExactStepAfterShowingItsProgress(FxRobot robot) throws Exception {
    Experiment ex = window.experiment();
    robot.interact(() -> ex.load(ExperimentTest.slowScript(3000, 60_000), null, 0));
    robot.interact(() -> ex.jumpTo(ex.stepCount())); // End: seconds of replay
    var where = robot.lookup("#playerPosition").queryLabeled();
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> where.getText().matches("replaying… [1-9][0-9]?% \\(Esc stops\\)"));
    assertTrue(ex.busyProperty().get());
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !ex.busyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    int p = ex.positionProperty().get();
    assertTrue(p > 0 && p < ex.stepCount(), "stopped part way: " + p);
    assertEquals(1 + Math.min(p, 3000), window.model().kernel().taskCount(), "exactly step " + p);
    assertTrue(robot.lookup("#playerPosition").queryLabeled().getText().startsWith("step " + p));
  }

  @Test
  void aDroppedScriptOpensAndOtherDroppedFilesAreIgnored(FxRobot robot) throws Exception {
    Path picture = Files.writeString(dir.resolve("notes.txt"), "not a script");
    Path script = Files.writeString(dir.resolve("dropped.pidns"), "fork init a\n");
    boolean[] opened = new boolean[1];
    robot.interact(
        () ->
            opened[0] =
                window.workbench().dropped(java.util.List.of(picture.toFile(), script.toFile())));
    assertTrue(opened[0]);
    WindowTests.awaitFiles(window);
    assertEquals("fork init a\n", window.experiment().textProperty().get());
    assertTrue(window.title().get().startsWith("dropped.pidns"));
  }

  @Test
  void aWrappedLinesNumberSitsOnItsFirstRow(FxRobot robot) throws Exception {
    String longComment = "# " + "a comment long enough to wrap in the script pane ".repeat(6);
    open(robot, "wrapped.pidns", "fork init a\n" + longComment + "\nfork init b\n");
    WindowTests.settle(robot, window);
    robot.clickOn("#wholeScriptLink"); // a comment before a call is narration, revealed by steps
    WindowTests.settle(robot, window);
    org.fxmisc.richtext.CodeArea area = window.workbench().editor().area();
    double[] rows = new double[3];
    robot.interact(
        () -> {
          int start = area.getAbsolutePosition(1, 0);
          javafx.geometry.Bounds first = area.getCharacterBoundsOnScreen(start, start + 1).get();
          int end = area.getAbsolutePosition(1, area.getParagraphLength(1) - 1);
          javafx.geometry.Bounds last = area.getCharacterBoundsOnScreen(end, end + 1).get();
          javafx.scene.Node number = robot.lookup("#gutter2").lookup(".gutter-number").query();
          rows[0] = first.getMinY();
          rows[1] = last.getMinY();
          rows[2] = number.localToScreen(number.getBoundsInLocal()).getMinY();
        });
    assertTrue(rows[1] > rows[0] + 5, "the comment wraps: " + rows[0] + " .. " + rows[1]);
    assertEquals(rows[0], rows[2], 6, "line 2's number is on its first row");
  }
}
