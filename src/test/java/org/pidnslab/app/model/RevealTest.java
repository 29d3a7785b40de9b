package org.pidnslab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How much of a narrated script the beat on show has told, without a window. */
class RevealTest {
  private static final String SCRIPT =
      """
      # Lesson: t
      # Summary: s

      # Which pid does init get back?
      fork init a
      # 2. a forks quietly.
      fork a b
      # What does c get?
      clone a c newpid
      # 4, its root number.
      expect c nspid=4/1

      # a note after a blank line
      expect a nspid=2
      """;

  private final Experiment ex = new Experiment(new LabModel());
  private final Reveal reveal = new Reveal(ex);

  @Test
  void theQuestionShowsUpToItsStatementAndTheAnswerUpToTheNextCallsCaption() {
    ex.load(SCRIPT, null, 0);
    assertEquals(3, reveal.shownLines(), "the title card: the header, not the first caption");
    ex.nextBeat();
    assertEquals(Beat.QUESTION, ex.beatProperty().get());
    assertEquals(5, reveal.shownLines(), "down to fork init a");
    ex.nextBeat();
    assertEquals(5, reveal.shownLines(), "'2.' opens the next call's caption: shown with it");
    ex.nextBeat(); // fork a b asks nothing: one beat
    assertEquals(7, reveal.shownLines());
    ex.nextBeat();
    assertEquals(9, reveal.shownLines(), "the question of the clone");
    ex.nextBeat();
    assertEquals(Reveal.ALL, reveal.shownLines(), "no call left: the expects check the answer");
    ex.previousBeat();
    assertEquals(9, reveal.shownLines(), "back a beat hides them again");
  }

  @Test
  void aScriptWithoutNarrationIsNeverHiddenNorIsTheEnd() {
    ex.load("fork init a\nfork a b\n", null, 0);
    assertEquals(Reveal.ALL, reveal.shownLines());
    ex.load(SCRIPT, null, Integer.MAX_VALUE);
    assertEquals(Reveal.ALL, reveal.shownLines());
    ex.jumpTo(1);
    assertEquals(5, reveal.shownLines());
  }
}
