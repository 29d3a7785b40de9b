package org.pidnslab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lexical rules of scenario-language.md: words, NUMBERs, {@code expect}'s VALUE, long lines,
 * and how an error line shows what the script holds.
 */
class LexicalRulesTest {
  private static String error(String text) {
    List<ScriptParser.ParsedLine> lines = ScriptParser.parse(text);
    assertEquals(1, lines.size(), text);
    ScriptError e = lines.get(0).error();
    assertTrue(e != null, "no error for " + SafeText.escapeControls(text));
    return e.getMessage();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\f", "\u000b", "\u3000", "\u2003", "\r", "\u2028", "\u001f"})
  void onlySpaceAndTabSeparateWords(String separator) {
    String message = error("fork" + separator + "init a");
    assertTrue(
        message.endsWith("is not a word separator: only spaces and tabs separate words"), message);
    assertTrue(message.contains(String.format("(U+%04X)", (int) separator.charAt(0))), message);
    String trailing = "fork init a" + separator + (separator.equals("\r") ? "b" : ""); // CRLF ends
    assertTrue(error(trailing).contains("not a word separator"));
  }

  @Test
  void aNoBreakSpaceIsNamed() {
    assertEquals(
        "no-break space (U+00A0) is not a word separator: only spaces and tabs separate words",
        error("fork init\u00a0a"));
  }

  @Test
  void spacesTabsAndACrlfLineEndSeparateAndEnd() throws ScriptError {
    Statement s = ScriptParser.parseStatement(1, " \tfork \t init\t\ta \t\r");
    assertEquals(List.of("fork", "init", "a"), s.words());
    assertTrue(ScriptParser.parse(" \t \r\n\t# x\n").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kill init 2147483648",
        "kill init -2147483649",
        "sysctl init pid_max 2147483648",
        "sysctl init ns_last_pid 99999999999",
        "setpgid init 4294967296",
        "exit init 00000000001",
        "kill init -00000000001"
      })
  void aNumberOutsideIntOrOverTenDigitsIsAScriptError(String text) {
    String n = text.substring(text.lastIndexOf(' ') + 1);
    assertEquals(
        "bad number '" + n + "' (a NUMBER has at most 10 digits, from -2147483648 to 2147483647)",
        error(text));
  }

  @Test
  void theEndsOfTheIntRangeAreNumbers() throws ScriptError {
    assertEquals(
        -2147483648L,
        ((Statement.Kill) ScriptParser.parseStatement(1, "kill init -2147483648")).targetNumber());
    assertEquals(
        2147483647L,
        ((Statement.Sysctl) ScriptParser.parseStatement(1, "sysctl init pid_max 2147483647"))
            .value());
    assertEquals(7L, ((Statement.Exit) ScriptParser.parseStatement(1, "exit a 0000000007")).code());
  }

  @Test
  void anExpectWithoutAValueIsAScriptError() {
    assertEquals("expected FIELD=VALUE, found 'state=' (no VALUE)", error("expect a state="));
    assertEquals("expected FIELD=VALUE, found 'sid=' (no VALUE)", error("expect a state=R sid="));
  }

  @Test
  void aLineOverTheLimitIsAnErrorAndTheNextLinesStillParse() {
    String big = "#" + "x".repeat(ScriptParser.MAX_LINE_CHARS);
    List<ScriptParser.ParsedLine> lines = ScriptParser.parse("fork init a\n" + big + "\nexit a\n");
    assertEquals(3, lines.size());
    assertEquals("line too long (over 4,194,304 characters)", lines.get(1).error().getMessage());
    assertEquals(2, lines.get(1).line());
    assertEquals(3, lines.get(2).line());
    assertTrue(lines.get(2).statement() instanceof Statement.Exit);
    String fits = "#" + "x".repeat(ScriptParser.MAX_LINE_CHARS - 1);
    assertTrue(ScriptParser.parse(fits).isEmpty());
  }

  /** A reader of {@code n} NUL characters, as {@code /dev/zero} or a sparse file reads. */
  private static Reader zeros(long n) {
    return new Reader() {
      long left = n;

      @Override
      public int read(char[] buf, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int k = (int) Math.min(len, left);
        java.util.Arrays.fill(buf, off, off + k, '\0');
        left -= k;
        return k;
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void anEndlessLineStopsTheRunAtItsLimitWithOneLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        ScriptRun.run(
            "zero",
            zeros(Long.MAX_VALUE),
            new PrintStream(out),
            new PrintStream(err),
            false,
            Deadline.NONE);
    assertEquals(2, status);
    assertEquals("", out.toString());
    assertEquals("zero:1: line too long (over 4,194,304 characters)\n", err.toString());
  }

  @Test
  void theStreamReadsOnlyWhatItParses() {
    Iterator<ScriptParser.ParsedLine> it =
        ScriptParser.stream(
            new java.io.StringReader("fork init a\n\n#c\nfork init b\n") {
              int reads;

              @Override
              public int read(char[] cbuf, int off, int len) throws IOException {
                reads++;
                assertTrue(reads < 10, "read again and again");
                return super.read(cbuf, off, len);
              }
            });
    assertEquals(1, it.next().line());
    assertEquals(4, it.next().line());
    assertFalse(it.hasNext());
  }

  @Test
  void controlCharactersInAnErrorAreEscaped() {
    String message = error("fork init \u001b]0;OWNED\u0007\u001b[2J");
    assertEquals("'\\x1b]0;OWNED\\x07\\x1b[2J' is not a valid label", message);
    ScriptError e = new ScriptError(3, "x");
    assertEquals("a\\x0a.pidns:3: x", e.format("a\n.pidns"));
  }

  @Test
  void safeTextEscapesControlsFormatsAndLoneSurrogatesOnly() {
    assertEquals("plain ünïcode 🙂 \\ back", SafeText.escapeControls("plain ünïcode 🙂 \\ back"));
    assertEquals(
        "\\x00\\x09\\x0a\\x0d\\x1b\\x7f\\x85\\x9b",
        SafeText.escapeControls("\0\t\n\r\u001b\u007f\u0085\u009b"));
    assertEquals(
        "\\u202e\\u200b\\u2028\\ufeff", SafeText.escapeControls("\u202e\u200b\u2028\ufeff"));
    assertEquals("a\\ud800b\\udc00", SafeText.escapeControls("a\ud800b\udc00"));
  }

  @Test
  void aFailingExpectQuotesItsValueEscaped() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        ScriptRun.run(
            "s.pidns",
            "expect init state=\u001b[2J\n",
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    assertEquals(1, status);
    assertEquals(
        "s.pidns:1: expected state=\\x1b[2J, got state=R\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aTimedOutRunStopsWithOneLine() {
    Deadline passed = Deadline.after(java.time.Duration.ofNanos(1));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        ScriptRun.run(
            "t.pidns",
            new java.io.StringReader("# slow\nkill init -1\nkill init -1\n"),
            new PrintStream(out),
            new PrintStream(err),
            false,
            passed);
    assertEquals(2, status);
    assertEquals("", out.toString());
    assertEquals("t.pidns:2: timed out after 0.000000001 s (--timeout)\n", err.toString());
    assertThrows(NullPointerException.class, () -> Deadline.after(null));
  }
}
