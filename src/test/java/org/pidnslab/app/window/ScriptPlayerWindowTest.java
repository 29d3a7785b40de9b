package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.script.ScriptRun;
import org.pidnslab.script.StatePrinter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Scripts in the window, through its UI, headless on Monocle: recording, open and save, the player
 * (step, back, timeline, line numbers), undo/redo, editing, captions and the quiz.
 */
@ExtendWith(ApplicationExtension.class)
class ScriptPlayerWindowTest {
  private static final String PREFS =
      "org/pidnslab/lab-player-test-" + ProcessHandle.current().pid();
  private static final String LESSON =
      "# Lesson: test\n# Summary: a tiny lesson\n\n"
          + "# The init forks: the child is pid 2.\n"
          + "fork init a\n"
          + "# A new namespace: b is its pid 1.\n"
          + "clone a b newpid\n"
          + "fork b c\n"
          + "expect c nspid=4/2\n"
          + "exit b\n"
          + "setns a b\n"
          + "# The namespace is dead.\n"
          + "fork a late\n";

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

  private Experiment ex() {
    return window.experiment();
  }

  private List<String> shown() {
    return StatePrinter.lines(window.model().kernel());
  }

  /** The state {@code pidns-lab run} prints for the first {@code lines} lines of {@code text}. */
  private static List<String> runState(String text, int lines) {
    String[] all = text.split("\n", -1);
    String prefix = String.join("\n", java.util.Arrays.copyOf(all, Math.min(lines, all.length)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScriptRun.run(
        "t",
        prefix,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        false);
    return out.toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.startsWith("ns ") || l.startsWith("task "))
        .toList();
  }

  private void openLesson(FxRobot robot) throws Exception {
    chosen = dir.resolve("lesson.pidns");
    Files.writeString(chosen, LESSON);
    robot.clickOn("#fileMenu").clickOn("#openItem");
    WindowTests.awaitFiles(window);
  }

  @Test
  void clicksAreRecordedAsAScriptThatReplaysToTheStateOnShow(FxRobot robot) {
    robot.clickOn("#task-0");
    robot.clickOn("#forkButton");
    robot.clickOn("#cloneButton");
    robot.clickOn("#task-" + window.model().task("p2").serial());
    robot.clickOn("#forkButton");
    String text = ex().textProperty().get();
    assertEquals("fork init p1\nclone init p2 newpid\nfork p2 p21\n", text);
    assertEquals(runState(text, 99), shown());
    assertTrue(robot.lookup("#scriptTitle").queryLabeled().getText().endsWith("*"));
  }

  @Test
  void aNarratedScriptOpensAtItsStartAndStepsForwardAndBackExactly(FxRobot robot) throws Exception {
    openLesson(robot);
    assertEquals(0, ex().positionProperty().get());
    assertEquals(1, window.model().kernel().taskCount());
    robot.clickOn("#stepForward");
    robot.clickOn("#stepForward");
    assertEquals(2, ex().positionProperty().get());
    assertEquals(runState(LESSON, 7), shown());
    assertEquals(
        "A new namespace: b is its pid 1.", robot.lookup("#caption").queryLabeled().getText());
    robot.clickOn("#playerEnd");
    assertEquals(runState(LESSON, 99), shown());
    robot.clickOn("#stepBack");
    assertEquals(runState(LESSON, 11), shown(), "one step back: the state after line 11");
    robot.clickOn("#stepBack");
    robot.clickOn("#stepBack");
    assertEquals(runState(LESSON, 9), shown());
    robot.clickOn("#stepForward");
    robot.clickOn("#stepForward");
    robot.clickOn("#stepForward");
    assertEquals(runState(LESSON, 99), shown());
    assertEquals("step 7 / 7 · line 13", robot.lookup("#playerPosition").queryLabeled().getText());
  }

  @Test
  void pageKeysHomeAndEndDriveThePlayer(FxRobot robot) throws Exception {
    openLesson(robot);
    robot.clickOn("#task-0");
    robot.type(KeyCode.PAGE_DOWN, 3);
    assertEquals(3, ex().positionProperty().get());
    robot.type(KeyCode.PAGE_UP);
    assertEquals(2, ex().positionProperty().get());
    robot.type(KeyCode.END);
    assertEquals(7, ex().positionProperty().get());
    robot.type(KeyCode.HOME);
    assertEquals(0, ex().positionProperty().get());
    assertEquals(runState(LESSON, 0), shown());
  }

  @Test
  void theTimelineAndTheLineNumbersJumpToAnyStep(FxRobot robot) throws Exception {
    openLesson(robot);
    robot.interact(() -> robot.lookup("#timeline").queryAs(Slider.class).setValue(4));
    assertEquals(4, ex().positionProperty().get());
    assertEquals(runState(LESSON, 9), shown());
    robot.clickOn("#gutter7");
    assertEquals(2, ex().positionProperty().get());
    assertEquals(runState(LESSON, 7), shown());
    assertEquals(7, ex().currentLineProperty().get());
  }

  @Test
  void undoAndRedoRestoreClicksExactly(FxRobot robot) {
    robot.clickOn("#task-0");
    robot.clickOn("#forkButton");
    robot.clickOn("#forkButton");
    List<String> two = shown();
    robot.clickOn("#task-" + window.model().task("p1").serial());
    robot.clickOn("#exitButton");
    assertEquals("fork init p1\nfork init p2\nexit p1\n", ex().textProperty().get());
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    assertEquals(two, shown());
    assertEquals("fork init p1\nfork init p2\n", ex().textProperty().get());
    robot
        .press(KeyCode.CONTROL, KeyCode.SHIFT)
        .type(KeyCode.Z)
        .release(KeyCode.SHIFT, KeyCode.CONTROL);
    assertEquals(runState(ex().textProperty().get(), 99), shown());
    assertTrue(ex().textProperty().get().endsWith("exit p1\n"));
    robot.clickOn("#editMenu").clickOn("#undoItem");
    robot.clickOn("#editMenu").clickOn("#undoItem");
    assertEquals("fork init p1\n", ex().textProperty().get());
    assertEquals(2, window.model().kernel().taskCount());
  }

  @Test
  void aClickAfterSteppingBackIsRecordedAtThatStep(FxRobot robot) throws Exception {
    openLesson(robot);
    robot.clickOn("#stepForward"); // fork init a
    robot.clickOn("#task-" + window.model().task("a").serial());
    robot.clickOn("#forkButton");
    String text = ex().textProperty().get();
    assertTrue(text.contains("fork init a\nfork a a1\n# A new namespace"), text);
    assertEquals(2, ex().positionProperty().get());
    assertEquals(runState(text, 6), shown());
  }

  @Test
  void editingTheScriptReRunsIt(FxRobot robot) {
    robot.clickOn("#scriptArea");
    robot.write("fork init typed\n");
    WaitForAsyncUtils.sleep(700, java.util.concurrent.TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    assertNotNull(window.model().task("typed"), "the typed statement ran");
    assertEquals(1, ex().positionProperty().get());
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    assertNull(window.model().task("typed"), "Ctrl+Z in the editor undoes the edit");
  }

  @Test
  void aScriptWithAnErrorOpensWithTheErrorAtItsLine(FxRobot robot) throws Exception {
    chosen = dir.resolve("broken.pidns");
    Files.writeString(chosen, "fork init a\nfork ghost b\nbogus\n");
    robot.clickOn("#fileMenu").clickOn("#openItem");
    WindowTests.awaitFiles(window);
    assertEquals(1, Window.getWindows().size(), "no dialog");
    String problem = robot.lookup("#scriptProblems").queryLabeled().getText();
    assertTrue(problem.startsWith("Line 2: unknown task 'ghost'"), problem);
    assertTrue(window.workbench().editor().errors().containsKey(3), "the syntax error too");
    assertTrue(
        window.workbench().editor().area().getStyleAtPosition(2, 2).contains("error"),
        "line 2 is underlined");
    assertEquals(
        "✗", ((javafx.scene.text.Text) robot.lookup("#gutter2 .gutter-marker").query()).getText());
    assertEquals(1, ex().stepCount(), "the player stops before the error");
    assertNotNull(window.model().task("a"));
  }

  @Test
  void saveWritesTheScriptAndRemembersIt(FxRobot robot) throws Exception {
    robot.clickOn("#task-0");
    robot.clickOn("#forkButton");
    chosen = dir.resolve("mine");
    robot.clickOn("#fileMenu").clickOn("#saveItem");
    Path saved = dir.resolve("mine.pidns");
    assertEquals("fork init p1\n", Files.readString(saved));
    assertEquals("mine.pidns — PID Namespace Lab", window.title().get());
    try (var leftovers = Files.list(dir)) {
      assertEquals(List.of(saved), leftovers.toList(), "no temporary file left");
    }
    robot.clickOn("#fileMenu").clickOn("#recentMenu");
    assertTrue(robot.lookup("mine.pidns  —  " + dir).tryQuery().isPresent(), "in Open Recent");
  }

  @Test
  void aFailedSaveSaysWhatToDoAndLosesNothing(FxRobot robot) throws Exception {
    robot.clickOn("#task-0");
    robot.clickOn("#forkButton");
    Path blocker = dir.resolve("not-a-dir");
    Files.writeString(blocker, "x");
    chosen = blocker.resolve("x.pidns");
    robot.clickOn("#fileMenu").clickOn("#saveAsItem");
    assertTrue(robot.lookup(".dialog-pane").tryQuery().isPresent(), "an error dialog");
    assertTrue(
        robot.lookup(".dialog-pane .content").queryLabeled().getText().contains("Save As"),
        "it says what to do next");
    assertTrue(ex().dirtyProperty().get());
    assertEquals("fork init p1\n", ex().textProperty().get());
  }

  @Test
  void theQuizAsksRevealsScoresAndSummarises(FxRobot robot) throws Exception {
    openLesson(robot);
    robot.clickOn("#playMenu").clickOn("#quizItem");
    assertTrue(robot.lookup("#quizQuestion").queryLabeled().getText().contains("fork init a"));
    assertTrue(
        robot.lookup("#scriptArea").tryQuery().isEmpty(),
        "the script, whose expect lines hold the answers, is out of sight");
    robot.clickOn("#quizAnswer").write("2").type(KeyCode.ENTER);
    assertTrue(robot.lookup("#quizVerdict").queryLabeled().getText().startsWith("✓"));
    assertEquals(1, ex().positionProperty().get());
    robot.clickOn("#quizReveal"); // next question: clone a b newpid
    robot.clickOn("#quizAnswer").write("EINVAL");
    robot.clickOn("#quizNspid").write("3 1").type(KeyCode.ENTER);
    String v = robot.lookup("#quizVerdict").queryLabeled().getText();
    assertTrue(v.startsWith("✗ Not quite: clone returned 3 (you said EINVAL)"), v);
    assertTrue(v.contains("✓ NSpid 3/1"), v);
    robot.clickOn("#quizReveal");
    robot.clickOn("#quizAnswer").write("not a pid").type(KeyCode.ENTER);
    assertFalse(robot.lookup("#quizProblem").queryLabeled().getText().isEmpty());
    assertEquals(2, ex().positionProperty().get(), "a bad answer runs nothing");
    for (String answer : List.of("2", "0", "0", "ENOMEM")) {
      robot.clickOn("#quizAnswer").eraseText(20).write(answer).type(KeyCode.ENTER);
      robot.clickOn("#quizReveal");
    }
    String summary = robot.lookup("#quizVerdict").queryLabeled().getText();
    assertTrue(summary.startsWith("You predicted 6 of 7 right."), summary);
    assertTrue(summary.contains("line 7: clone a b newpid returned 3, not EINVAL"), summary);
    assertEquals(7, ex().positionProperty().get(), "the expect ran on the way");
    robot.clickOn("#playMenu").clickOn("#quizItem");
    assertTrue(robot.lookup("#scriptArea").tryQuery().isPresent(), "back after the quiz");
  }

  @Test
  void aLessonFromTheMenuOpensAtItsFirstStepAndPlaysToItsCheckedEnd(FxRobot robot) {
    robot.clickOn("#lessonsMenu").clickOn("#lesson-08-when-the-init-dies");
    assertEquals(0, ex().positionProperty().get());
    assertTrue(
        window.title().get().startsWith("Lesson 8: When the init dies"), window.title().get());
    robot.clickOn("#stepForward");
    assertFalse(robot.lookup("#caption").queryLabeled().getText().isEmpty(), "narrated");
    robot.clickOn("#playerEnd");
    String text = ex().textProperty().get();
    assertEquals(runState(text, 999), shown());
    assertTrue(
        ex().traceProperty().get().steps().stream().allMatch(st -> st.mismatches().isEmpty()),
        "every expect of the lesson holds in the window");
  }

  @Test
  void aLessonCanBeTakenAsAQuizFromTheLessonsTab(FxRobot robot) {
    robot.interact(() -> window.showSideTab("Lessons"));
    robot.clickOn("#lessonCell-01-the-first-namespace");
    robot.clickOn("#quizLesson");
    assertTrue(robot.lookup("#quizPanel").query().isVisible());
    assertTrue(robot.lookup("#quizQuestion").queryLabeled().getText().startsWith("Line "));
    assertTrue(window.title().get().contains("The first namespace"));
  }
}
