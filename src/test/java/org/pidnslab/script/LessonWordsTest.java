package org.pidnslab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the lessons say: two beats (a caption asks, the next step answers, the last one sums up, no
 * caption names the errno its own call returns) and the kernel facts of issue 16, each checked
 * against Linux 6.18 (docs/kernel-rules.md names the source).
 */
class LessonWordsTest {
  private static final Path LESSONS = Path.of("assets/lessons");

  static List<Path> lessonFiles() throws IOException {
    return LessonsTest.lessonFiles();
  }

  /** A lesson's steps: every statement, expect lines included, with its caption or null. */
  private record Step(ScriptParser.ParsedLine line, String caption) {}

  private static List<Step> steps(String text) {
    Narration narration = Narration.of(text);
    List<Step> out = new ArrayList<>();
    for (ScriptParser.ParsedLine p : ScriptParser.parse(text)) {
      out.add(new Step(p, narration.caption(p.line())));
    }
    return out;
  }

  private static String text(String id) throws IOException {
    return Files.readString(LESSONS.resolve(id + ".pidns"));
  }

  /** Every caption of the lesson, joined: what a student reads from start to end. */
  private static String words(String id) throws IOException {
    return String.join("\n", Narration.of(text(id)).captions().values());
  }

  /** The caption of the first statement whose text starts with {@code statement}. */
  private static String captionOf(String id, String statement) throws IOException {
    String text = text(id);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(statement)) {
        return Narration.of(text).caption(i + 1);
      }
    }
    throw new AssertionError(id + " has no line starting with " + statement);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessonFiles")
  void everyQuestionIsAnsweredByTheNextStepsCaption(Path file) throws IOException {
    List<Step> steps = steps(Files.readString(file));
    List<Integer> unanswered = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      String c = steps.get(i).caption();
      if (c != null && c.contains("?")) {
        if (i + 1 >= steps.size() || steps.get(i + 1).caption() == null) {
          unanswered.add(steps.get(i).line().line());
        }
      }
    }
    assertEquals(List.of(), unanswered, "questions whose next step has no caption, by line");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessonFiles")
  void theLastBeatSumsUpTheFinalStateAndAsksNothing(Path file) throws IOException {
    List<Step> steps = steps(Files.readString(file));
    Step last = null;
    for (Step s : steps) {
      if (s.caption() != null) {
        last = s;
      }
    }
    assertNotNull(last);
    assertInstanceOf(
        Statement.Expect.class, last.line().statement(), "the last caption is on the final state");
    assertFalse(last.caption().contains("?"), last.caption());
  }

  /** The calls of a lesson, run in order, with their captions: what each caption is about. */
  private record Call(Step step, SysResultText result) {}

  /** A call's result as the output prints it, and its errno's name or null. */
  private record SysResultText(String text, String errno) {}

  private static List<Call> calls(String text) {
    ScriptRunner runner = new ScriptRunner();
    List<Call> out = new ArrayList<>();
    for (Step s : steps(text)) {
      try {
        ScriptRunner.Outcome o = runner.execute(s.line().statement());
        if (o.result() != null) {
          String errno = o.result().failed() ? o.result().errno().name() : null;
          out.add(new Call(s, new SysResultText(o.result().toString(), errno)));
        }
      } catch (ScriptError e) {
        throw new AssertionError(e.getMessage(), e);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessonFiles")
  void aCaptionNeverNamesTheErrnoItsOwnCallReturns(Path file) throws IOException {
    List<String> givenAway = new ArrayList<>();
    for (Call c : calls(Files.readString(file))) {
      String caption = c.step().caption();
      if (c.result().errno() != null && caption != null && caption.contains(c.result().errno())) {
        givenAway.add(c.step().line().line() + ": " + c.result().errno());
      }
    }
    assertEquals(List.of(), givenAway);
  }

  /**
   * The window asks a call's question before the call runs (predict, then reveal): the caption of a
   * call that asks must not contain the number the call returns. Zero is left out: it is also
   * kill(0), level 0 or getppid() 0, and a success is told by no errno being named (checked above).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("lessonFiles")
  void noQuestionContainsItsOwnCallsResult(Path file) throws IOException {
    List<String> givenAway = new ArrayList<>();
    for (Call c : calls(Files.readString(file))) {
      String caption = c.step().caption();
      String r = c.result().text();
      if (caption != null && caption.contains("?") && !r.equals("0") && containsWord(caption, r)) {
        givenAway.add(
            c.step().line().line() + ": " + c.step().line().statement().text() + " = " + r);
      }
    }
    assertEquals(List.of(), givenAway, "questions that contain their own answer");
  }

  /** Whether {@code word} stands in {@code text} on its own (not inside ns1, 4/2 is a hit). */
  static boolean containsWord(String text, String word) {
    return java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9_])" + java.util.regex.Pattern.quote(word) + "(?![A-Za-z0-9_])")
        .matcher(text)
        .find();
  }

  @Test
  void theGiveAwayCheckFindsANumberOnItsOwnOnly() {
    assertTrue(containsWord("init forks: the child is pid 2.", "2"));
    assertTrue(containsWord("NSpid 4/2 says it", "2"));
    assertFalse(containsWord("a clone into ns2", "2"));
    assertFalse(containsWord("pid 12 and 21", "2"));
    assertTrue(containsWord("fails with ENOMEM?", "ENOMEM"));
  }

  @Test
  void whyPidNamespacesExistCoversContainersAndCheckpointRestore() throws IOException {
    String w = words("02-why-pid-namespaces-exist");
    for (String fact :
        List.of("container", "kill(-1", "Checkpoint/restore", "ns_last_pid", "set_tid")) {
      assertTrue(w.contains(fact), fact);
    }
  }

  @Test
  void procAndGetpidNameTheCallsAndTheMountsNamespace() throws IOException {
    String w = words("04-proc-and-getpid");
    for (String fact :
        List.of("getpid()", "getppid()", "task_tgid_vnr", "NSpid", "--mount-proc", "mounted")) {
      assertTrue(w.contains(fact), fact);
    }
  }

  @Test
  void theCommandsPeopleTypeExplainForkPrivilegesAndThreads() throws IOException {
    String w = words("10-the-commands-people-type");
    for (String fact :
        List.of(
            "unshare --pid",
            "--fork",
            "CAP_SYS_ADMIN",
            "user namespace",
            "CLONE_THREAD",
            "pthread_create",
            "Cannot allocate memory")) {
      assertTrue(w.contains(fact), fact);
    }
  }

  @Test
  void anOrphanGoesToTheDyingParentsNamespacesReaperAndNeverMoves() throws IOException {
    String w = words("05-orphans-go-to-init");
    assertFalse(w.contains("never leaves its namespace"));
    assertTrue(w.contains("dying parent"));
    assertTrue(w.contains("Lesson 11"), "cross-reference to the setns lesson");
    assertTrue(words("11-setns-and-the-outside-parent").contains("lesson 5"));
  }

  @Test
  void subreapersAreTheNearestLivingOneAtTheDyingTasksLevel() throws IOException {
    String text = text("06-subreapers");
    assertTrue(Lessons.parse("06-subreapers.pidns", text).summary().contains("nearest living"));
    assertTrue(words("06-subreapers").contains("pid level"));
  }

  @Test
  void aNewPidIsNewBecauseOfTheCursorNotBecauseTheZombieHoldsIt() throws IOException {
    String fork = captionOf("07-zombies-and-wait", "exit b");
    assertTrue(fork.contains("cursor"), fork);
    assertTrue(fork.contains("wraps around"), fork);
    assertFalse(words("07-zombies-and-wait").contains("so alloc_pid() skips it"));
    String order = captionOf("07-zombies-and-wait", "wait a");
    assertTrue(order.contains("?"), "the first wait asks: " + order);
    assertTrue(words("07-zombies-and-wait").contains("do_wait_thread() walks"));
    assertFalse(words("07-zombies-and-wait").contains("wait_consider_task() walks"));
  }

  @Test
  void theZapIsOneLoopWithSigchldIgnoredAndEIsTheLabsLabel() throws IOException {
    String w = words("08-when-the-init-dies");
    assertTrue(w.contains("SIG_IGN"));
    assertTrue(w.contains("one loop"));
    assertTrue(w.contains("already doomed and skipped"));
    assertFalse(w.contains("reaps its own children at once"));
    assertTrue(w.contains("E is the\nLab's label") || w.contains("E is the Lab's label"), w);
    assertTrue(w.contains("ps shows S"));
    assertFalse(w.contains("ns1 is gone"));
    assertTrue(w.contains("not freed"));
    assertTrue(w.contains("a real machine panics"));
  }

  @Test
  void theCursorIsNsLastPidPlusOneAndEagainComesFromAFullRangeFrom300() throws IOException {
    String w = words("14-pid-max-and-wrap-around");
    assertTrue(w.contains("ns_last_pid + 1"));
    assertTrue(w.contains("max(cursor, pid_min)"));
    assertFalse(w.contains("starts just after the cursor"));
    String eagain = captionOf("14-pid-max-and-wrap-around", "exit b");
    assertTrue(eagain.contains("[300, 302)") && eagain.contains("ENOSPC"), eagain);
    assertTrue(eagain.contains("3 to 299 are free"), eagain);
  }

  @Test
  void anInitIgnoresSignalsForWantOfAHandler() throws IOException {
    String text = text("13-signals-to-an-init");
    assertTrue(
        Lessons.parse("13-signals-to-an-init.pidns", text).summary().contains("no handlers"));
    String w = words("13-signals-to-an-init");
    assertTrue(w.contains("send_signal_locked() → prepare_signal() → sig_ignored() →"), w);
    assertTrue(
        w.contains("A handler would\nreceive SIGTERM") || w.contains("A handler would receive"));
  }

  @Test
  void theDeepLessonSaysHowToSkipItsRepeatedStepsAndNarratesThemInOneLine() throws IOException {
    String text = text("15-the-32-level-limit");
    assertTrue(words("15-the-32-level-limit").contains("to skip them"));
    int oneLiners = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("clone n") && line.contains("# level")) {
        oneLiners++;
      }
    }
    assertEquals(26, oneLiners, "levels 5 to 30 narrated by a trailing comment each");
  }
}
