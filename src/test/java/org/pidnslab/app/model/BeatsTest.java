package org.pidnslab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Predict, then reveal: the two beats of a narrated step, without a window. */
class BeatsTest {
  private static final String SCRIPT =
      """
      # Lesson: t
      # Summary: s

      # Which pid does init get back?
      fork init a
      # a forks quietly.
      fork a b
      clone a c newpid
      # What does c get?
      fork c d
      """;

  private final Experiment ex = new Experiment(new LabModel());

  @Test
  void aQuestionComesBeforeItsStepAndTheAnswerAfter() {
    ex.load(SCRIPT, null, 0);
    ex.nextBeat();
    assertEquals(Beat.QUESTION, ex.beatProperty().get());
    assertEquals(0, ex.positionProperty().get(), "the picture before the statement");
    assertNull(ex.model().task("a"), "a does not exist yet");
    assertEquals("Which pid does init get back?", ex.questionProperty().get());
    assertNull(ex.answerProperty().get(), "no answer with the question");
    assertEquals(5, ex.markedLine(), "the statement is marked as next");

    ex.nextBeat();
    assertEquals(Beat.ANSWER, ex.beatProperty().get());
    assertEquals(1, ex.positionProperty().get());
    assertTrue(ex.model().task("a") != null, "a is there");
    assertEquals("Which pid does init get back?", ex.questionProperty().get());
    String answer = ex.answerProperty().get();
    assertTrue(answer.startsWith("fork init a = 2\n"), answer);
    assertTrue(answer.contains("copy_process"), "the kernel's explanation: " + answer);
    assertEquals(5, ex.markedLine());
  }

  @Test
  void aStepWhoseCaptionAsksNothingAndAnUnnarratedOneRunInOneBeat() {
    ex.load(SCRIPT, null, 1);
    ex.nextBeat();
    assertEquals(2, ex.positionProperty().get(), "'a forks quietly.' asks nothing");
    assertEquals(Beat.ANSWER, ex.beatProperty().get());
    assertEquals("a forks quietly.", ex.questionProperty().get());
    ex.nextBeat();
    assertEquals(3, ex.positionProperty().get(), "no caption: one beat");
    assertNull(ex.questionProperty().get());
    assertTrue(ex.answerProperty().get().startsWith("clone a c newpid = 4"));
  }

  @Test
  void theAnswerHoldsEveryExplanationLineAsRunExplainGivesThem() {
    ex.load(SCRIPT, null, 3);
    ex.nextBeat();
    ex.nextBeat();
    String answer = ex.answerProperty().get();
    LabModel.LogEntry last = ex.model().log().get(ex.model().log().size() - 1);
    assertEquals("fork c d = 2", last.resultLine());
    assertTrue(last.steps().size() >= 2, "a fork in ns1: allocation and copy_process");
    assertEquals(last.text(LabModel.LogEntry.STEPS_SHOWN), answer);
    for (String step : last.steps()) {
      assertTrue(answer.contains(step), step);
    }
  }

  @Test
  void backGoesOneBeatAtATime() {
    ex.load(SCRIPT, null, 0);
    ex.nextBeat(); // question of line 5
    ex.nextBeat(); // its answer
    ex.previousBeat();
    assertEquals(Beat.QUESTION, ex.beatProperty().get(), "back to the question");
    assertEquals(0, ex.positionProperty().get(), "the picture before the step, rebuilt");
    assertNull(ex.model().task("a"));
    ex.previousBeat();
    assertEquals(Beat.ANSWER, ex.beatProperty().get(), "back to the start, nothing asked");
    assertEquals(0, ex.positionProperty().get());
    assertNull(ex.questionProperty().get());

    ex.load(SCRIPT, null, 3);
    ex.previousBeat();
    assertEquals(2, ex.positionProperty().get(), "a one-beat step: a whole step back");
    assertEquals(Beat.ANSWER, ex.beatProperty().get());
  }

  @Test
  void aJumpAndAWholeStepLeaveTheQuestion() {
    ex.load(SCRIPT, null, 0);
    ex.nextBeat();
    ex.jumpTo(0); // Home while asking
    assertEquals(Beat.ANSWER, ex.beatProperty().get());
    ex.nextBeat();
    ex.stepForward(); // what quiz mode and recording use: a whole step
    assertEquals(Beat.ANSWER, ex.beatProperty().get());
    assertEquals(1, ex.positionProperty().get());
  }
}
