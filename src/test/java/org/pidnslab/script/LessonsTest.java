package org.pidnslab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in lessons: indexed, headed, narrated, passing their own expect lines, and equal to
 * what the real kernel printed for them ({@code src/test/resources/lessons/}, recorded with {@code
 * src/test/native/kernel-replay/lessons.sh record}).
 */
class LessonsTest {
  private static final Path LESSONS = Path.of("assets/lessons");
  private static final Path RECORDED = Path.of("src/test/resources/lessons");

  /** The topics of issues 4 and 16, one lesson each, in course order. */
  private static final List<String> REQUIRED =
      List.of(
          "01-the-first-namespace",
          "02-why-pid-namespaces-exist",
          "03-one-task-many-pids",
          "04-proc-and-getpid",
          "05-orphans-go-to-init",
          "06-subreapers",
          "07-zombies-and-wait",
          "08-when-the-init-dies",
          "09-unshare-vs-clone",
          "10-the-commands-people-type",
          "11-setns-and-the-outside-parent",
          "12-sessions-and-process-groups",
          "13-signals-to-an-init",
          "14-pid-max-and-wrap-around",
          "15-the-32-level-limit");

  static List<Path> lessonFiles() throws IOException {
    try (Stream<Path> files = Files.list(LESSONS)) {
      return files.filter(p -> p.toString().endsWith(".pidns")).sorted().toList();
    }
  }

  private static List<String> indexed() throws IOException {
    return Lessons.index(Files.readString(LESSONS.resolve("index.txt")));
  }

  private static String id(Path lesson) {
    String name = lesson.getFileName().toString();
    return name.substring(0, name.length() - ".pidns".length());
  }

  @Test
  void theIndexListsEveryLessonFileInNumberOrderAndNothingElse() throws IOException {
    List<String> files = lessonFiles().stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(files, indexed());
  }

  @Test
  void lessonsAreNumberedOneByOneFromOne() throws IOException {
    List<String> names = indexed();
    for (int i = 0; i < names.size(); i++) {
      assertEquals(i + 1, Lessons.parse(names.get(i), "# Lesson: t\n# Summary: s\n").number());
    }
  }

  @Test
  void theRequiredTopicsComeFirstInCourseOrder() throws IOException {
    List<String> ids = indexed().stream().map(n -> n.replace(".pidns", "")).toList();
    assertTrue(ids.size() >= REQUIRED.size(), "at least " + REQUIRED.size() + " lessons");
    assertEquals(REQUIRED, ids.subList(0, REQUIRED.size()));
  }

  @Test
  void theCatalogLoadsEveryIndexedLessonFromTheClasspath() throws IOException {
    List<Lesson> all = Lessons.all();
    assertEquals(indexed(), all.stream().map(Lesson::fileName).toList());
    for (Lesson lesson : all) {
      assertEquals(Files.readString(LESSONS.resolve(lesson.fileName())), lesson.text());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessonFiles")
  void headerHasATitleASummaryAndEndsWithABlankLine(Path file) throws IOException {
    String text = Files.readString(file);
    Lesson lesson = Lessons.parse(file.getFileName().toString(), text);
    assertFalse(lesson.title().isBlank());
    assertFalse(lesson.summary().isBlank());
    assertFalse(lesson.seeing().isBlank(), "the title card says what the student will see");
    assertEquals(lesson.card(), Lessons.card(text), "the window's card is the lesson's");
    assertEquals(id(file), lesson.id());
    List<String> lines = text.lines().toList();
    int blank = lines.indexOf("");
    assertTrue(blank >= 2, "a blank line ends the header");
    for (String line : lines.subList(0, blank)) {
      assertTrue(line.startsWith("#"), "the header is comments only: " + line);
    }
    for (String caption : lesson.narration().captions().values()) {
      assertFalse(caption.contains("Lesson:") || caption.contains("Summary:"), caption);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessonFiles")
  void everySystemCallIsNarrated(Path file) throws IOException {
    String text = Files.readString(file);
    Narration narration = Narration.of(text);
    List<Integer> silent = new ArrayList<>();
    for (ScriptParser.ParsedLine p : ScriptParser.parse(text)) {
      assertNotNull(p.statement(), "line " + p.line() + " parses");
      if (!(p.statement() instanceof Statement.Expect) && narration.caption(p.line()) == null) {
        silent.add(p.line());
      }
    }
    assertEquals(List.of(), silent, "system calls with no caption, by line");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessonFiles")
  void runsWithEveryExpectHoldingAndEndsByCheckingTheFinalState(Path file) throws IOException {
    String text = Files.readString(file);
    Run run = run(file.toString(), text);
    assertEquals("", run.err);
    assertEquals(ScriptRun.OK, run.status);
    List<ScriptParser.ParsedLine> parsed = ScriptParser.parse(text);
    assertInstanceOf(
        Statement.Expect.class,
        parsed.get(parsed.size() - 1).statement(),
        "the last statement is an expect on the final state");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lessonFiles")
  void outputEqualsTheRealKernelsRecording(Path file) throws IOException {
    String text = replayedPart(file);
    Run run = run(file.toString(), text);
    String expected = Files.readString(RECORDED.resolve(id(file) + ".expected"));
    String exitCode = Files.readString(RECORDED.resolve(id(file) + ".exitcode")).strip();
    assertEquals(expected, run.out);
    assertEquals(Integer.parseInt(exitCode), run.status);
  }

  @Test
  void aLessonReplayedInPartStopsOnlyWhereTheReplayersNestingEnds() throws IOException, Exception {
    List<String> partial = new ArrayList<>();
    for (Path file : lessonFiles()) {
      Path until = RECORDED.resolve(id(file) + ".replay-until");
      if (!Files.exists(until)) {
        continue;
      }
      partial.add(id(file));
      // the replayer's root is host level 1: a task at script level 31 is at the host's level 32
      ScriptRunner runner = new ScriptRunner();
      for (ScriptParser.ParsedLine p : ScriptParser.parse(replayedPart(file))) {
        runner.execute(p.statement());
      }
      Statement cut = ScriptParser.parseStatement(1, Files.readString(until).strip());
      assertInstanceOf(Statement.Clone.class, cut);
      assertEquals(31, runner.task(cut.actor()).activeNs().level());
    }
    assertEquals(List.of("15-the-32-level-limit"), partial);
  }

  @Test
  void parseReadsNumberIdTitleAndSummaryFromTheHeader() {
    Lesson lesson =
        Lessons.parse(
            "07-unshare-vs-clone.pidns", "\uFEFF# Lesson:  A title \r\n# Summary: One line\r\n");
    assertEquals(7, lesson.number());
    assertEquals("07-unshare-vs-clone", lesson.id());
    assertEquals("A title", lesson.title());
    assertEquals("One line", lesson.summary());
    assertEquals("07-unshare-vs-clone.pidns", lesson.fileName());
  }

  @Test
  void theTitleCardReadsWhatYouWillSeeToTheEndOfTheHeader() {
    String text =
        "# Lesson: T\n# Summary: S\n# You will see: a fork\n# and a clone.\n\n# step\nfork init a\n";
    assertEquals(new Lesson.Card("T", "S", "a fork and a clone."), Lessons.card(text));
    assertEquals("a fork and a clone.", Lessons.parse("01-x.pidns", text).seeing());
    assertEquals(
        new Lesson.Card("T", "S", ""), Lessons.card("# Lesson: T\n# Summary: S\n\nfork init a\n"));
    assertNull(Lessons.card("# a script\nfork init a\n"), "no card without a lesson header");
    assertNull(Lessons.card(""));
  }

  @Test
  void parseRejectsAMissingHeaderOrABadFileName() {
    assertThrows(
        IllegalArgumentException.class, () -> Lessons.parse("01-x.pidns", "# Summary: s\n"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Lessons.parse("01-x.pidns", "# Lesson: t\n\n# Summary: s\n"));
    assertThrows(
        IllegalArgumentException.class, () -> Lessons.parse("01-x.pidns", "# Lesson: t\n"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Lessons.parse("zombies.pidns", "# Lesson: t\n# Summary: s\n"));
  }

  @Test
  void theIndexSkipsBlankLinesAndComments() {
    assertEquals(
        List.of("01-a.pidns", "02-b.pidns"), Lessons.index("# c\n01-a.pidns\n\n 02-b.pidns \n"));
  }

  /** The part of a lesson the real kernel replayed: all of it, or the lines before the cut. */
  private static String replayedPart(Path file) throws IOException {
    String text = Files.readString(file);
    Path until = RECORDED.resolve(id(file) + ".replay-until");
    if (!Files.exists(until)) {
      return text;
    }
    String stop = Files.readString(until).strip();
    List<String> lines = text.lines().toList();
    int cut = lines.indexOf(stop);
    assertTrue(cut > 0, file + " has the line '" + stop + "'");
    return String.join("\n", lines.subList(0, cut)) + "\n";
  }

  private record Run(int status, String out, String err) {}

  private static Run run(String name, String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        ScriptRun.run(
            name,
            text,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
