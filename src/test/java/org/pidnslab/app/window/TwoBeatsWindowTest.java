package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pidnslab.app.experiment.CaptionBar;
import org.pidnslab.app.model.Beat;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.script.Lesson;
import org.pidnslab.script.Lessons;
import org.pidnslab.script.ScriptTrace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Predict, then reveal in every step-through: a lesson's title card, a narrated step's question
 * over the picture before it, then its run with the answer; Page Up back a beat; Play through both
 * beats; quiz mode as it was.
 */
@ExtendWith(ApplicationExtension.class)
class TwoBeatsWindowTest {
  private static final String PREFS = "org/pidnslab/beats-test-" + ProcessHandle.current().pid();
  private static final Lesson FIRST = Lessons.all().get(0);
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

  private Experiment ex() {
    return window.experiment();
  }

  private CaptionBar caption() {
    return window.workbench().caption();
  }

  /** Lesson 1 at its start, the graph holding the keyboard (as after the welcome). */
  private void lessonOne(FxRobot robot) {
    robot.interact(() -> window.workbench().startLesson(FIRST, false));
    robot.clickOn("#task-0");
  }

  /** How many task figures the graph draws. */
  private static int figures(FxRobot robot) {
    return robot
        .lookup((Node n) -> n.getId() != null && n.getId().matches("task-[0-9]+") && n.isVisible())
        .queryAll()
        .size();
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryLabeled().getText();
  }

  private static boolean shown(FxRobot robot, String id) {
    return robot.lookup(id).query().isVisible();
  }

  /** Whether a node with this id is in the window's scene at all (a pane taken out is not). */
  private static boolean inScene(FxRobot robot, String id) {
    return robot.lookup(id).tryQuery().isPresent();
  }

  @Test
  void aLessonStartsWithItsTitleCard(FxRobot robot) {
    lessonOne(robot);
    assertEquals(0, ex().positionProperty().get());
    assertTrue(caption().isVisible(), "the caption is on at step 0");
    assertTrue(caption().showsTitleCard());
    assertEquals(FIRST.title(), text(robot, "#captionTitle"));
    assertEquals(FIRST.summary(), text(robot, "#captionSummary"));
    assertEquals("You will see: " + FIRST.seeing(), text(robot, "#captionSeeing"));
    assertFalse(shown(robot, "#captionHead"), "no line yet");
    robot.type(KeyCode.PAGE_DOWN);
    assertFalse(caption().showsTitleCard(), "the first question replaces the card");
    robot.type(KeyCode.PAGE_UP);
    assertTrue(caption().showsTitleCard(), "and Page Up brings it back");
  }

  @Test
  void aNarratedStepShowsThePictureBeforeItsStatementThenItsRunAndAnswer(FxRobot robot) {
    lessonOne(robot);
    ScriptTrace.Step first = ex().nextStep();
    assertEquals("fork init a", first.statement().text());
    int before = figures(robot);

    robot.type(KeyCode.PAGE_DOWN); // beat one: the question
    assertEquals(Beat.QUESTION, ex().beatProperty().get());
    assertEquals(0, ex().positionProperty().get(), "nothing ran");
    assertNull(window.model().task("a"), "a is not there yet");
    assertEquals(before, figures(robot), "the picture before the statement");
    assertEquals("Next, line " + first.line() + ": fork init a", text(robot, "#captionHead"));
    String question = FIRST.narration().caption(first.line());
    assertTrue(question.contains("?"), question);
    assertEquals(question, caption().questionText());
    assertEquals("", caption().answerText(), "the question comes alone");
    assertFalse(shown(robot, "#captionAnswer"));
    assertFalse(text(robot, "#captionHead").contains("= 2"), "the result is not shown");
    assertEquals("▷", gutterMarker(robot, first.line()), "the statement is marked as next");
    assertTrue(
        text(robot, "#playerPosition").contains("next · line " + first.line()),
        text(robot, "#playerPosition"));

    robot.type(KeyCode.PAGE_DOWN); // beat two: the run and the answer
    assertEquals(Beat.ANSWER, ex().beatProperty().get());
    assertEquals(1, ex().positionProperty().get());
    assertNotNull(window.model().task("a"));
    assertEquals(before + 1, figures(robot), "a is drawn");
    assertEquals("Line " + first.line() + ": fork init a = 2", text(robot, "#captionHead"));
    // in the window a fork's answer is its result and its two kernel lines; the question, read
    // in beat one, opens on request (presenting, it shows at once: PresentationWindowTest)
    assertTrue(shown(robot, "#captionAnswer"), "a short explanation comes with its result");
    assertTrue(text(robot, "#captionAnswer").contains("copy_process"));
    assertEquals("", caption().questionText());
    robot.clickOn("#captionDetail");
    assertEquals(question, caption().questionText(), "the question stays with its answer");
    assertTrue(shown(robot, "#captionAnswer"));
    LabModel.LogEntry entry = window.model().log().get(window.model().log().size() - 1);
    assertEquals(entry.text(LabModel.LogEntry.STEPS_SHOWN), caption().answerText());
    String explained = text(robot, "#captionAnswer");
    assertFalse(entry.steps().isEmpty());
    for (String line : entry.steps()) {
      assertTrue(explained.contains(line), "every explanation line: " + line);
    }
    assertTrue(explained.contains("copy_process"), explained);
    assertEquals("▶", gutterMarker(robot, first.line()));
  }

  @Test
  void pageUpGoesBackABeat(FxRobot robot) {
    lessonOne(robot);
    robot.type(KeyCode.PAGE_DOWN, 3); // question 1, answer 1, question 2
    assertEquals(Beat.QUESTION, ex().beatProperty().get());
    assertEquals(1, ex().positionProperty().get());
    assertNull(window.model().task("c"), "the clone has not run");
    robot.type(KeyCode.PAGE_UP);
    assertEquals(Beat.ANSWER, ex().beatProperty().get(), "back to the first answer");
    assertEquals(1, ex().positionProperty().get());
    assertTrue(caption().answerText().startsWith("fork init a = 2"), caption().answerText());
    robot.type(KeyCode.PAGE_UP);
    assertEquals(Beat.QUESTION, ex().beatProperty().get(), "back to the first question");
    assertEquals(0, ex().positionProperty().get());
    assertNull(window.model().task("a"), "the picture before fork init a, rebuilt");
    robot.clickOn("#stepBack"); // the player's button does the same
    assertEquals(Beat.ANSWER, ex().beatProperty().get());
    assertTrue(caption().showsTitleCard());
  }

  @Test
  void playShowsBothBeatsWithAPauseBetween(FxRobot robot) throws Exception {
    lessonOne(robot);
    List<String> seen = new ArrayList<>();
    // a question changes the beat alone; a run changes the position last, so its listeners see
    // the new beat with it
    robot.interact(
        () -> {
          ex().beatProperty()
              .addListener(
                  (o, a, b) -> {
                    if (b == Beat.QUESTION) {
                      seen.add(b + "@" + ex().positionProperty().get());
                    }
                  });
          ex().positionProperty()
              .addListener((o, a, b) -> seen.add(ex().beatProperty().get() + "@" + b));
        });
    robot.clickOn("#playButton");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ex().positionProperty().get() >= 2);
    robot.clickOn("#playButton");
    // fork init a and clone a c both ask: each is asked over the picture before it, then run
    assertEquals(List.of("QUESTION@0", "ANSWER@1", "QUESTION@1", "ANSWER@2"), seen.subList(0, 4));
  }

  @Test
  void aZapsLongAnswerHasEveryLineAndScrollsInsteadOfPushingThePictureAway(FxRobot robot) {
    Lesson eight = Lessons.all().get(7);
    robot.interact(() -> window.workbench().startLesson(eight, false));
    robot.interact(() -> ex().jumpTo(9));
    assertEquals("exit c", ex().nextStep().statement().text());
    robot.interact(() -> ex().nextBeat());
    robot.interact(() -> ex().nextBeat());
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#captionDetail"); // the window folds the answer to a row until asked
    List<String> steps = window.model().log().get(window.model().log().size() - 1).steps();
    String answer = caption().answerText();
    for (String line : steps) {
      assertTrue(answer.contains(line), "every explanation line: " + line);
    }
    for (String fn : List.of("zap_pid_ns_processes", "find_new_reaper", "free_pid")) {
      assertTrue(answer.contains(fn), fn);
    }
    Node scroll = robot.lookup("#captionAnswerScroll").query();
    double sceneHeight = stage.getScene().getHeight();
    assertTrue(
        scroll.getBoundsInParent().getHeight() <= sceneHeight * CaptionBar.ANSWER_SHARE + 1,
        "the answer takes at most a sixth of the window");
    assertTrue(
        scroll.getBoundsInParent().getHeight() >= sceneHeight * CaptionBar.ANSWER_SHARE - 1,
        "and it is full: the rest scrolls");
    double graph = window.graph().getHeight();
    assertTrue(graph >= 170, "the picture keeps its room: " + graph);
  }

  @Test
  void quizModeStillAsksInItsPanelAndRevealsInOneGo(FxRobot robot) {
    robot.interact(() -> window.workbench().startLesson(FIRST, true));
    assertTrue(robot.lookup("#quizPanel").query().isVisible());
    assertTrue(text(robot, "#quizQuestion").contains("fork init a"));
    robot.clickOn("#quizAnswer").write("2").type(KeyCode.ENTER);
    assertTrue(text(robot, "#quizVerdict").startsWith("✓ Right: fork returned 2"));
    assertEquals(1, ex().positionProperty().get(), "Reveal ran the step");
    assertEquals(
        Beat.ANSWER,
        ex().beatProperty().get(),
        "quiz mode asks in its panel, not in a question beat");
    robot.type(KeyCode.PAGE_DOWN); // the next question, in the panel
    assertEquals(1, ex().positionProperty().get());
    assertTrue(text(robot, "#quizQuestion").contains("clone a c newpid"));
  }

  @Test
  void theQuizTakesTheScriptsColumnAndLeavesThePictureItsHeight(FxRobot robot) {
    robot.interact(() -> window.workbench().startLesson(FIRST, false));
    WaitForAsyncUtils.waitForFxEvents();
    double stepping = window.graph().getHeight();
    robot.interact(() -> window.workbench().startLesson(FIRST, true));
    WaitForAsyncUtils.waitForFxEvents();
    Node quiz = robot.lookup("#quizPanel").query();
    javafx.geometry.Bounds panel = quiz.localToScene(quiz.getBoundsInLocal());
    javafx.geometry.Bounds graph = window.graph().localToScene(window.graph().getBoundsInLocal());
    assertTrue(panel.getMaxX() <= graph.getMinX() + 1, "beside the picture: " + panel + graph);
    assertFalse(inScene(robot, "#scriptArea"), "the script, which holds the answers, steps aside");
    assertTrue(
        window.graph().getHeight() >= stepping - 1,
        "the picture keeps its height: " + window.graph().getHeight() + " < " + stepping);
    robot.interact(() -> window.workbench().startLesson(FIRST, false));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(inScene(robot, "#scriptArea"), "leaving the quiz brings the script back");
    assertFalse(quiz.isVisible());
  }

  /** The gutter's marker of {@code line}: ▶ ran, ▷ asked next, ✗ error, blank. */
  private static String gutterMarker(FxRobot robot, int line) {
    Node gutter = robot.lookup("#gutter" + line).query();
    return ((Text) gutter.lookup(".gutter-marker")).getText();
  }
}
