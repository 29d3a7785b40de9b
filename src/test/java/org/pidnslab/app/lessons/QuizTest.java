package org.pidnslab.app.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuizTest {

  @Test
  void numbersCompareByValueAndErrnosInAnyCase() {
    assertTrue(Quiz.sameResult(" 03 ", "3"));
    assertTrue(Quiz.sameResult("enomem", "ENOMEM"));
    assertFalse(Quiz.sameResult("2", "3"));
    assertFalse(Quiz.sameResult("EINVAL", "0"));
  }

  @Test
  void aPredictionMustBeANumberOrAnErrno() {
    assertNull(Quiz.problemWith("-1"));
    assertNull(Quiz.problemWith("esrch"));
    assertNotNull(Quiz.problemWith(""));
    assertNotNull(Quiz.problemWith("pid 3"));
    assertNotNull(Quiz.problemWith("EFOO"));
  }

  @Test
  void theScoreCountsResultsAndPredictedNspids() {
    Quiz q = new Quiz();
    q.record(new Quiz.Answer(1, "fork init a", "2", "2", "2", "2"));
    q.record(new Quiz.Answer(2, "clone a b newpid", "3", "3", "3 1", "3/1"));
    q.record(new Quiz.Answer(3, "fork b c", "2", "2", "3/2", "4/2"));
    q.record(new Quiz.Answer(4, "setns a b", "EINVAL", "0", null, null));
    assertEquals(7, q.asked());
    assertEquals(5, q.right());
    q.reset();
    assertEquals(0, q.asked());
  }
}
