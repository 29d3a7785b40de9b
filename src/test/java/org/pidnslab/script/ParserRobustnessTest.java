package org.pidnslab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Robustness of the whole {@code run} path (parser, runner, kernel, state printer, explainer)
 * against thousands of random mutations of valid scripts: whatever the input, the exit status is 0,
 * 1 or 2, nothing throws or hangs, and the output keeps the exact form of scenario-language.md.
 */
class ParserRobustnessTest {
  private static final int MUTANTS_PER_SCRIPT = 400;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String INITIAL_STATE =
      "ns root level=0 parent=-\n" + "task init ns=root state=R parent=- nspid=1 pgid=1 sid=1\n";

  private static final Pattern RESULT =
      Pattern.compile("^(\\d+): (.+) = (-?\\d+|E[A-Z]+)$", Pattern.DOTALL);
  private static final Pattern NS_LINE = Pattern.compile("^ns (\\S+) level=(\\d+) parent=(\\S+)$");
  private static final Pattern TASK_LINE =
      Pattern.compile(
          "^task \\S+ ns=\\S+ state=[REZ] parent=\\S+ nspid=\\d+(/\\d+)* pgid=\\d+(/\\d+)*"
              + " sid=\\d+(/\\d+)*$");
  private static final Pattern FIELD_MISMATCH =
      Pattern.compile("^expected (ns|state|parent|nspid|pgid|sid)=.*, got \\1=.*$", Pattern.DOTALL);

  // ------------------------------------------------------------------------------------ corpus

  /** Scripts that cover every statement form the conformance files may not. */
  private static final List<String> EXTRA_SEEDS =
      List.of(
          "# every statement kind\n"
              + "fork init a\n"
              + "setsid a\n"
              + "unshare a newpid\n"
              + "fork a b        # ns1's init\n"
              + "setns a b\n"
              + "fork a c\n"
              + "subreaper a\n"
              + "sysctl b pid_max 350\n"
              + "sysctl b ns_last_pid 348\n"
              + "fork b d\n"
              + "fork b e\n"
              + "kill a c SIGTERM\n"
              + "kill b -1\n"
              + "kill a 0 SIGKILL\n"
              + "wait init\n"
              + "expect c state=(reaped)\n",
          "fork init p\n"
              + "setpgid p\n"
              + "clone p q newpid\n"
              + "setsid q\n"
              + "fork q r\n"
              + "setpgid r 1\n"
              + "kill p -2 SIGTERM\n"
              + "exit q 3\n"
              + "wait p q\n"
              + "expect q ns=(reaped)\n"
              + "expect p ns=root state=R parent=init nspid=2 pgid=2 sid=1\n",
          "clone init c newpid\n"
              + "clone c d newpid\n"
              + "clone d e newpid\n"
              + "fork e f\n"
              + "kill init d\n"
              + "expect d state=E\n"
              + "wait c\n"
              + "exit init\n");

  record Script(String name, String text) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Script> corpus() {
    Path base = Path.of(System.getProperty("basedir", "."));
    List<Script> out = new ArrayList<>();
    for (Path dir :
        List.of(base.resolve("src/test/resources/conformance"), base.resolve("assets/scenarios"))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f :
            files
                .filter(p -> p.toString().endsWith(".pidns"))
                .sorted()
                .collect(Collectors.toList())) {
          out.add(
              new Script(
                  base.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (int i = 0; i < EXTRA_SEEDS.size(); i++) {
      out.add(new Script("extra-seed-" + (i + 1) + ".pidns", EXTRA_SEEDS.get(i)));
    }
    return out;
  }

  static Stream<Arguments> scripts() {
    return corpus().stream().map(Arguments::of);
  }

  // ----------------------------------------------------------------------------------- running

  record Run(int status, String out, String err) {}

  static Run run(String file, String text, boolean explain) {
    return assertTimeoutPreemptively(
        TIMEOUT,
        () -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          ByteArrayOutputStream err = new ByteArrayOutputStream();
          int status;
          try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
              PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = ScriptRun.run(file, text, o, e, explain);
          } catch (RuntimeException | StackOverflowError e) {
            StackTraceElement[] st = e.getStackTrace();
            throw new AssertionError(
                "ScriptRun.run threw "
                    + e
                    + (st.length > 0 ? " at " + st[0] : "")
                    + "\n--- script:\n"
                    + show(text),
                e instanceof StackOverflowError ? null : e);
          }
          return new Run(
              status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        },
        () -> "ScriptRun.run did not finish within " + TIMEOUT + " on:\n" + show(text));
  }

  /** The lines of an output, each ended by '\n' (an output not ending with '\n' is an error). */
  private static List<String> lines(String what, String s, Supplier<String> context) {
    if (s.isEmpty()) {
      return List.of();
    }
    assertTrue(s.endsWith("\n"), () -> what + " does not end with a newline" + context.get());
    return List.of(s.substring(0, s.length() - 1).split("\n", -1));
  }

  /** The line of a script, as the runner numbers them (1-based, split on '\n'). */
  private static String[] scriptLines(String text) {
    return text.split("\n", -1);
  }

  /**
   * Whether a script line holds a statement: something other than spaces and tabs (the only
   * separators) before any '#', after a CRLF line end's '\r'.
   */
  private static boolean hasCode(String line) {
    int hash = line.indexOf('#');
    String code = hash >= 0 ? line.substring(0, hash) : line;
    if (code.endsWith("\r")) {
      code = code.substring(0, code.length() - 1);
    }
    return !code.replace(" ", "").replace("\t", "").isEmpty();
  }

  /** A line's code with every kind of blank removed, to compare with the echoed words. */
  private static String squeezed(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /**
   * Every rule of "Output of pidns-lab run" and "Errors and exit status" that holds for any input.
   */
  static void assertWellFormed(String file, String text, Run r) {
    Supplier<String> context =
        () ->
            "\n--- status "
                + r.status()
                + "\n--- script:\n"
                + show(text)
                + "\n--- stdout:\n"
                + show(r.out())
                + "\n--- stderr:\n"
                + show(r.err());
    assertTrue(
        r.status() >= 0 && r.status() <= 2, () -> "exit status " + r.status() + context.get());
    String[] src = scriptLines(text);
    List<String> out = lines("stdout", r.out(), context);
    List<String> err = lines("stderr", r.err(), context);

    // stdout: result lines, in file order, each repeating its statement ...
    int i = 0;
    int lastLine = 0;
    for (; i < out.size(); i++) {
      Matcher m = RESULT.matcher(out.get(i));
      if (!m.matches()) {
        break;
      }
      int n = Integer.parseInt(m.group(1));
      assertTrue(
          n > lastLine && n <= src.length,
          () -> "result line numbers out of order" + context.get());
      lastLine = n;
      String code =
          src[n - 1].indexOf('#') >= 0
              ? src[n - 1].substring(0, src[n - 1].indexOf('#'))
              : src[n - 1];
      assertEquals(
          squeezed(code),
          squeezed(m.group(2)),
          () -> "result line " + n + " does not repeat its statement" + context.get());
      assertFalse(
          m.group(2).startsWith("expect"), () -> "an expect printed a result line" + context.get());
    }

    // ... stderr: expect mismatches, each for an expect line ...
    Pattern errLine = Pattern.compile("^" + Pattern.quote(file) + ":(\\d+): (.+)$", Pattern.DOTALL);
    int mismatches = r.status() == 2 ? err.size() - 1 : err.size();
    for (int j = 0; j < err.size(); j++) {
      String errText = err.get(j);
      Matcher m = errLine.matcher(errText);
      assertTrue(
          m.matches(),
          () -> "stderr line is not FILE:LINE: message: " + show(errText) + context.get());
      int n = Integer.parseInt(m.group(1));
      assertTrue(
          n >= 1 && n <= src.length && hasCode(src[n - 1]),
          () -> "stderr names line " + n + context.get());
      boolean mismatch = FIELD_MISMATCH.matcher(m.group(2)).matches();
      if (j < mismatches) {
        assertTrue(mismatch, () -> "not an expect mismatch: " + show(errText) + context.get());
        assertTrue(
            src[n - 1].strip().startsWith("expect"),
            () -> "mismatch on a non-expect line" + context.get());
      } else {
        assertFalse(
            mismatch, () -> "the script error looks like an expect mismatch" + context.get());
        assertTrue(n >= lastLine, () -> "script error before the last result line" + context.get());
        for (String o : out) {
          assertFalse(
              o.startsWith(n + ": "), () -> "the erroneous line printed a result" + context.get());
        }
      }
    }

    if (r.status() == 2) {
      // exactly one script error, last, and no state at all
      assertFalse(err.isEmpty(), () -> "status 2 without a script error" + context.get());
      assertEquals(
          out.size(), i, () -> "status 2 but stdout has more than result lines" + context.get());
      return;
    }
    assertEquals(
        r.status() == 1,
        !err.isEmpty(),
        () -> "status must be 1 exactly when an expect failed" + context.get());

    // ... then the final state: ns lines from root, then task lines, init among them
    assertTrue(
        i < out.size() && out.get(i).equals("ns root level=0 parent=-"),
        () -> "no state after the results" + context.get());
    boolean tasks = false;
    boolean init = false;
    for (; i < out.size(); i++) {
      String line = out.get(i);
      if (NS_LINE.matcher(line).matches()) {
        assertFalse(tasks, () -> "ns line after a task line" + context.get());
      } else {
        assertTrue(
            TASK_LINE.matcher(line).matches(),
            () -> "not a state line: " + show(line) + context.get());
        tasks = true;
        init |= line.startsWith("task init ns=root ");
      }
    }
    assertTrue(init, () -> "the root init is missing from the state" + context.get());
  }

  /** Explain mode adds only indented step lines under result lines, and changes nothing else. */
  static void assertExplainAddsOnlySteps(String file, String text, Run plain) {
    Run explained = run(file, text, true);
    Supplier<String> context =
        () -> "\n--- script:\n" + show(text) + "\n--- explained stdout:\n" + show(explained.out());
    assertEquals(
        plain.status(), explained.status(), () -> "--explain changed the status" + context.get());
    assertEquals(plain.err(), explained.err(), () -> "--explain changed stderr" + context.get());
    StringBuilder kept = new StringBuilder();
    boolean afterResult = false;
    for (String line : lines("stdout", explained.out(), context)) {
      if (line.startsWith("    ")) {
        assertTrue(
            afterResult && !line.isBlank(),
            () -> "misplaced step line " + show(line) + context.get());
      } else {
        afterResult = RESULT.matcher(line).matches();
        kept.append(line).append('\n');
      }
    }
    assertEquals(
        plain.out(),
        kept.toString(),
        () -> "--explain changed the results or the state" + context.get());
  }

  static String show(String s) {
    StringBuilder sb = new StringBuilder();
    String cut = s.length() > 4000 ? s.substring(0, 4000) + "...(" + s.length() + " chars)" : s;
    for (int c : cut.codePoints().toArray()) {
      if (c == '\n' || (c >= 0x20 && c < 0x7f)) {
        sb.appendCodePoint(c);
      } else {
        sb.append(String.format("\\u%04x", c));
      }
    }
    return sb.toString();
  }

  // --------------------------------------------------------------------------------- mutations

  /** Random edits of a script: lines, words, tokens, numbers, labels, characters. */
  static final class Mutator {
    /** Numbers that test the parser's limits (also replace numbers in a line). */
    private static final String[] NUMBERS = {
      "0",
      "-1",
      "300",
      "4194305",
      "2147483647",
      "2147483648",
      "-2147483648",
      "-2147483649",
      "9223372036854775807",
      "9223372036854775808",
      "-9223372036854775808",
      "99999999999999999999",
      "-0",
      "007",
      "+5",
      "0x10"
    };

    /** Words besides the verbs and the numbers: keywords, near misses, labels, fields. */
    private static final List<String> OTHER_TOKENS =
        List.of(
            "newpid",
            "ns_last_pid",
            "pid_max",
            "SIGKILL",
            "SIGTERM",
            "SIGHUP",
            "sigkill",
            "init",
            "a",
            "b",
            "c",
            "c1",
            "x",
            "_y",
            "a.b-c",
            "9a",
            "-a",
            "a#b",
            "1",
            "2",
            "-2",
            "301",
            "350",
            "4194304",
            "1e3",
            "ns=root",
            "ns=ns1",
            "state=R",
            "state=Z",
            "state=E",
            "parent=init",
            "parent=-",
            "nspid=2",
            "nspid=3/1",
            "pgid=1/0",
            "sid=",
            "=",
            "==",
            "state=Z=Z",
            "foo=bar",
            "state=(reaped)",
            "#",
            "# comment",
            "\t",
            "\u00a0",
            "\u2003",
            "\u200b",
            "\ufeff",
            "\u00e9",
            "\u65e5\u672c",
            "\ud83d\ude42",
            "\u0000",
            "\u2028",
            "\u0085",
            "\f",
            "\u000b",
            "\r",
            "\"",
            "'",
            "\\",
            "$",
            "%s",
            "%n",
            "{}",
            ";",
            "\u0661\u0662",
            "\uff11");

    /** The verbs, the other words and the numbers. */
    private static final String[] TOKENS =
        Stream.of(ScriptParser.VERBS, OTHER_TOKENS, List.of(NUMBERS))
            .flatMap(List::stream)
            .toArray(String[]::new);

    private final Random random;
    private final List<String> labels = new ArrayList<>();

    Mutator(Random random, String seed) {
      this.random = random;
      Matcher m = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*").matcher(seed);
      while (m.find()) {
        labels.add(m.group());
      }
      labels.add("init");
    }

    String mutate(String text) {
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        edit(lines);
      }
      String out = String.join("\n", lines);
      int r = random.nextInt(20);
      if (r == 0) {
        out = out.replace("\n", "\r\n");
      } else if (r == 1 && !out.isEmpty()) {
        out = out.substring(0, random.nextInt(out.length()));
      } else if (r == 2) {
        out = out.replace("\n", random.nextBoolean() ? "\r" : "\n\n");
      }
      return out;
    }

    private String token() {
      return random.nextInt(3) == 0
          ? labels.get(random.nextInt(labels.size()))
          : TOKENS[random.nextInt(TOKENS.length)];
    }

    private void edit(List<String> lines) {
      if (lines.isEmpty()) {
        lines.add("");
      }
      int n = lines.size();
      int li = random.nextInt(n);
      String line = lines.get(li);
      List<String> words = new ArrayList<>(List.of(line.split(" ", -1)));
      int wi = random.nextInt(words.size());
      switch (random.nextInt(16)) {
        case 0 -> lines.remove(li);
        case 1 -> lines.add(li, line);
        case 2 -> {
          int lj = random.nextInt(n);
          lines.set(li, lines.get(lj));
          lines.set(lj, line);
        }
        case 3 -> {
          words.remove(wi);
          lines.set(li, String.join(" ", words));
        }
        case 4 -> {
          words.add(wi, words.get(wi));
          lines.set(li, String.join(" ", words));
        }
        case 5 -> {
          int wj = random.nextInt(words.size());
          String w = words.get(wi);
          words.set(wi, words.get(wj));
          words.set(wj, w);
          lines.set(li, String.join(" ", words));
        }
        case 6, 7 -> {
          words.add(wi, token());
          lines.set(li, String.join(" ", words));
        }
        case 8, 9 -> {
          words.set(wi, token());
          lines.set(li, String.join(" ", words));
        }
        case 10 -> {
          StringBuilder sb = new StringBuilder();
          int k = random.nextInt(6);
          for (int j = 0; j < k; j++) {
            sb.append(j == 0 ? "" : random.nextBoolean() ? " " : "\t").append(token());
          }
          lines.add(li, sb.toString());
        }
        case 11 -> {
          int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
          lines.set(li, line.substring(0, at) + token() + line.substring(at));
        }
        case 12 -> {
          if (!line.isEmpty()) {
            int at = random.nextInt(line.length());
            lines.set(li, line.substring(0, at) + line.substring(at + 1));
          }
        }
        case 13 -> { // a number becomes huge, negative or odd
          lines.set(li, line.replaceFirst("\\b\\d+\\b", NUMBERS[random.nextInt(NUMBERS.length)]));
        }
        case 14 -> { // a label becomes another one: taken, unknown, dead, not a child
          String from = labels.get(random.nextInt(labels.size()));
          String to = labels.get(random.nextInt(labels.size()));
          lines.set(li, line.replaceFirst("\\b" + Pattern.quote(from) + "\\b", to));
        }
        default -> { // words from another line
          String other = lines.get(random.nextInt(n));
          String[] ow = other.split(" ");
          words.add(wi, ow[random.nextInt(ow.length)]);
          lines.set(li, String.join(" ", words));
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------- tests

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void everyCorpusScriptRunsWithWellFormedOutput(Script s) {
    Run r = run(s.name(), s.text(), false);
    assertWellFormed(s.name(), s.text(), r);
    assertExplainAddsOnlySteps(s.name(), s.text(), r);
  }

  @ParameterizedTest(name = "mutants of {0}")
  @MethodSource("scripts")
  void randomMutantsExitWith0Or1Or2AndKeepTheOutputForm(Script s) {
    Random random = new Random(s.name().hashCode() * 31L + 7);
    Mutator mutator = new Mutator(random, s.text());
    int[] statuses = new int[3];
    for (int i = 0; i < MUTANTS_PER_SCRIPT; i++) {
      String mutant = mutator.mutate(s.text());
      String file = i % 5 == 0 ? "dir with space/" + s.name() : s.name();
      Run r = run(file, mutant, false);
      assertWellFormed(file, mutant, r);
      statuses[r.status()]++;
      if (i % 4 == 0) {
        assertExplainAddsOnlySteps(file, mutant, r);
      }
      if (i % 10 == 0) {
        assertEquals(r, run(file, mutant, false), "two runs of the same script differ");
      }
    }
    assertTrue(statuses[2] > 0 && statuses[0] + statuses[1] > 0, "mutants too tame or too wild");
  }

  @Test
  void anEmptyFilePrintsTheInitialState() {
    Run r = run("empty.pidns", "", false);
    assertEquals(new Run(0, INITIAL_STATE, ""), r);
  }

  @Test
  void aFileOfOnlyCommentsAndBlankLinesPrintsTheInitialState() {
    String text = "# a comment\n\n   # indented comment\n\t\n#fork init a\n   \n# last, no newline";
    assertEquals(new Run(0, INITIAL_STATE, ""), run("comments.pidns", text, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void crlfLineEndingsGiveTheSameOutputAsLf(Script s) {
    Run lf = run(s.name(), s.text(), false);
    Run crlf = run(s.name(), s.text().replace("\n", "\r\n"), false);
    assertEquals(lf, crlf);
  }

  @Test
  void aVeryLongLabelLineWorks() {
    String label = "a" + "b".repeat(1_000_000);
    String text = "fork init " + label + "\nexpect " + label + " nspid=2\n";
    Run r = run("long.pidns", text, false);
    assertWellFormed("long.pidns", text, r);
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("1: fork init " + label + " = 2\n"));
  }

  @Test
  void aVeryLongLineOfWordsOrCommentIsAnErrorOrIgnored() {
    String words = "fork init a" + " x".repeat(200_000) + "\n";
    Run r = run("words.pidns", words, false);
    assertWellFormed("words.pidns", words, r);
    assertEquals(2, r.status());
    String comment = "fork init a # " + "#".repeat(1_000_000) + "\n";
    Run c = run("comment.pidns", comment, false);
    assertWellFormed("comment.pidns", comment, c);
    assertEquals(0, c.status());
  }

  @Test
  void tenThousandStatementsRunQuickly() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2_500; i++) {
      sb.append("fork init t").append(i).append('\n');
      sb.append("kill init t").append(i).append(" SIGTERM\n");
      sb.append("wait init\n");
      sb.append("expect t").append(i).append(" ns=(reaped)\n");
    }
    String text = sb.toString();
    Run r = run("many.pidns", text, false);
    assertWellFormed("many.pidns", text, r);
    assertEquals(0, r.status(), r.err());
    assertEquals(7_500 + 2, r.out().split("\n").length);
  }

  /**
   * A process tree 20,000 deep (root's pid_max allows about 32,766 tasks): making init a subreaper
   * walks the whole chain (propagate_has_child_subreaper), which must not recurse once per level.
   */
  @Test
  void aForkChainTwentyThousandDeepCanBeSubreapedAndKilled() {
    StringBuilder sb = new StringBuilder("fork init t0\n");
    for (int i = 1; i < 20_000; i++) {
      sb.append("fork t").append(i - 1).append(" t").append(i).append('\n');
    }
    sb.append("subreaper init\n"); // walks the whole chain (propagate_has_child_subreaper)
    sb.append("kill init -1\n");
    String text = sb.toString();
    Run r = run("chain.pidns", text, false);
    assertWellFormed("chain.pidns", text, r);
    assertEquals(0, r.status(), r.err());
  }

  @Test
  void scriptErrorsStopTheRunWithOneErrorLine() {
    for (String text :
        List.of(
            "fork init a\nfork init a\nfork init b\n",
            "bogus\n",
            "fork init\n",
            "kill init a SIGHUP\n",
            "exit init\nfork init a\n",
            "expect init nspid\n",
            "fork init a\nwait init init\n",
            "sysctl init pid_min 5\n",
            "exit init 99999999999999999999\n",
            "fork init 1a\n",
            // the language allows only space and tab between words, and NUMBERs inside int with
            // at most 10 digits (scenario-language.md, lexical rules): these ran until then
            "fork init a\u000b\n",
            "kill init 2147483648\n",
            "setpgid init 99999999999\n",
            "sysctl init ns_last_pid 9223372036854775807\n",
            "fork init a\nexit a 0000000000000000000000000000007\n")) {
      Run r = run("bad.pidns", text, false);
      assertWellFormed("bad.pidns", text, r);
      assertEquals(2, r.status(), show(text));
    }
  }

  @Test
  void oddButValidInputsRun() {
    for (String text :
        List.of(
            "fork\tinit\ta   # tabs\n",
            "  fork init a  \n\n\n",
            "fork init a\r\n",
            "kill init -0\n",
            "kill init -2147483648\n",
            "kill init 2147483647\n",
            "setpgid init 2147483647\n",
            "sysctl init ns_last_pid 2147483647\n",
            "fork init a\nsysctl a ns_last_pid 32768\nfork a b\n",
            "clone init c newpid\nsysctl c ns_last_pid 4194304\nfork c d\nexpect d nspid=3/300\n",
            "fork init a\nexit a 0000000007\n",
            "expect init ns=root ns=root ns=ns1\n",
            "expect init nspid=1=1\n",
            "fork init a.b-c_d\n")) {
      Run r = run("odd.pidns", text, false);
      assertWellFormed("odd.pidns", text, r);
      assertTrue(r.status() < 2, show(text) + "\n" + show(r.err()));
    }
  }

  @Test
  void theCorpusHoldsTheConformanceScripts() {
    assertTrue(
        corpus().size() > EXTRA_SEEDS.size(),
        "no .pidns files found under " + Path.of(".").toAbsolutePath());
  }
}
