package org.pidnslab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pidnslab.script.ScriptTrace.Mark;

class ScriptTraceTest {

  @Test
  void everyStepRecordsWhatTheCallerSawAndWhatKindOfThingHappened() {
    ScriptTrace t =
        ScriptTrace.of(
            "fork init a\nclone a b newpid\nexpect b nspid=3/1\nexit b\nsetns a b\nfork a c\n");
    assertNull(t.stop());
    assertEquals(6, t.steps().size());
    assertEquals("2", t.steps().get(0).result());
    assertEquals(Set.of(Mark.FORK), t.steps().get(0).marks());
    assertEquals(Set.of(Mark.FORK, Mark.NS_CREATED), t.steps().get(1).marks());
    assertFalse(t.steps().get(2).isCall());
    assertTrue(t.steps().get(3).marks().containsAll(Set.of(Mark.EXIT, Mark.NS_DIED)));
    assertEquals("0", t.steps().get(4).result());
    assertEquals("ENOMEM", t.steps().get(5).result());
    assertTrue(t.steps().get(5).marks().contains(Mark.FAILED));
  }

  @Test
  void theRunStopsAtTheFirstErrorLikePidnsLabRun() {
    ScriptTrace t = ScriptTrace.of("fork init a\n\nexit a\nfork a b\nbogus words\nfork init c\n");
    assertEquals(2, t.steps().size());
    assertEquals(4, t.stop().line());
    assertEquals(1, t.syntaxErrors().size());
    assertEquals(5, t.syntaxErrors().get(0).line());
  }

  @Test
  void aFailedExpectIsMarkedButDoesNotStopTheRun() {
    ScriptTrace t = ScriptTrace.of("fork init a\nexpect a nspid=7\nfork init b\n");
    assertEquals(3, t.steps().size());
    assertTrue(t.steps().get(1).marks().contains(Mark.EXPECT_FAILED));
    assertEquals(1, t.steps().get(1).mismatches().size());
  }

  @Test
  void stepsThroughCountsTheStatementsUpToALine() {
    ScriptTrace t = ScriptTrace.of("# c\nfork init a\n\nfork init b\nfork init c\n");
    assertEquals(0, t.stepsThrough(1));
    assertEquals(1, t.stepsThrough(2));
    assertEquals(1, t.stepsThrough(3));
    assertEquals(3, t.stepsThrough(99));
  }

  @Test
  void anAppendedStepGivesTheSameTraceAsRunningTheLongerScript() throws ScriptError {
    String text = "fork init a\nclone a b newpid\n";
    ScriptTrace t = ScriptTrace.of(text);
    String longer = text + "# narration\nexit b\n";
    ScriptTrace fast = t.appended(ScriptParser.parseStatement(4, "exit b"), longer);
    ScriptTrace slow = ScriptTrace.of(longer);
    assertEquals(slow.steps(), fast.steps());
    String evenLonger = longer + "fork a c\n";
    assertEquals(
        ScriptTrace.of(evenLonger).steps(),
        fast.appended(ScriptParser.parseStatement(5, "fork a c"), evenLonger).steps());
    // the first trace handed its machine over: extending it again runs the whole text
    String other = text + "fork b x\n";
    assertEquals(
        ScriptTrace.of(other).steps(),
        t.appended(ScriptParser.parseStatement(3, "fork b x"), other).steps());
  }

  @Test
  void anAppendedStepThatBreaksAScriptRuleStopsTheTrace() throws ScriptError {
    ScriptTrace t = ScriptTrace.of("fork init a\n");
    ScriptTrace bad =
        t.appended(ScriptParser.parseStatement(2, "fork ghost b"), "fork init a\nfork ghost b\n");
    assertEquals(1, bad.steps().size());
    assertEquals(2, bad.stop().line());
  }

  @Test
  void everyVerbTheEditorColoursIsOneTheParserKnows() {
    for (String verb : ScriptParser.VERBS) {
      ScriptError e =
          org.junit.jupiter.api.Assertions.assertThrows(
              ScriptError.class, () -> ScriptParser.parseStatement(1, verb));
      assertFalse(e.getMessage().contains("unknown"), verb + ": " + e.getMessage());
    }
    ScriptError bogus =
        org.junit.jupiter.api.Assertions.assertThrows(
            ScriptError.class, () -> ScriptParser.parseStatement(1, "forkk"));
    assertTrue(bogus.getMessage().contains("unknown"), bogus.getMessage());
  }
}
