package org.pidnslab.script;

import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.pidnslab.kernel.Signal;

/**
 * Parses the {@code .pidns} language (version 1, scenario-language.md) line by line. A line with
 * bad syntax does not stop the parse: it becomes a {@link ParsedLine} holding the error, so a
 * runner reports it only when it gets there (the result lines before it still print) and an editor
 * can underline every bad line at once.
 */
public final class ScriptParser {
  private static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
  private static final Pattern NATURAL = Pattern.compile("[0-9]+");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

  /** Only space and tab separate words (scenario-language.md, lexical rules). */
  private static final Pattern SEPARATORS = Pattern.compile("[ \\t]+");

  /** A NUMBER has at most 10 digits (the range of {@code int}, {@code pid_t}). */
  private static final int MAX_DIGITS = 10;

  /**
   * The longest line read, in characters: a line longer than this (a binary file, {@code
   * /dev/zero}) is a script error before it is held in memory.
   */
  public static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

  /** The first words of the statements: the system calls, then {@code expect}. */
  public static final List<String> VERBS =
      List.of(
          "fork",
          "clone",
          "unshare",
          "setns",
          "exit",
          "wait",
          "kill",
          "setsid",
          "setpgid",
          "subreaper",
          "sysctl",
          "expect");

  /** The fields an {@code expect} may check, in the order a state line shows them. */
  public static final List<String> FIELDS =
      List.of("ns", "state", "parent", "nspid", "pgid", "sid");

  private static final Set<String> SYSCTLS = Set.of("ns_last_pid", "pid_max");

  private ScriptParser() {}

  /** One non-blank line of a script: a statement, or the error that kept it from being one. */
  public record ParsedLine(int line, Statement statement, ScriptError error) {}

  /** Parses a whole script; blank and comment-only lines are left out. */
  public static List<ParsedLine> parse(String text) {
    List<ParsedLine> out = new ArrayList<>();
    stream(new StringReader(text)).forEachRemaining(out::add);
    return out;
  }

  /**
   * Parses a script as it is read, one line at a time, so that a script of any length runs in
   * bounded memory: only the current line is held, and a line over {@link #MAX_LINE_CHARS} becomes
   * a {@code line too long} error without being kept. Blank and comment-only lines are left out. A
   * read error surfaces from {@code hasNext}/{@code next} as an {@link UncheckedIOException}.
   */
  public static Iterator<ParsedLine> stream(Reader in) {
    return new LineParser(in);
  }

  /**
   * Parses one line as the statement on line {@code lineNo}, or the error that keeps it from being
   * one; null if blank.
   */
  static ParsedLine parseLine(int lineNo, String text) {
    try {
      List<String> words = words(lineNo, text);
      return words.isEmpty() ? null : new ParsedLine(lineNo, statement(lineNo, words), null);
    } catch (ScriptError e) {
      return new ParsedLine(lineNo, null, e);
    }
  }

  /**
   * Parses one line as a statement numbered {@code line}, as typed in the window.
   *
   * @throws ScriptError for a blank line or bad syntax
   */
  public static Statement parseStatement(int line, String text) throws ScriptError {
    if (text.length() > MAX_LINE_CHARS) {
      throw tooLong(line);
    }
    List<String> words = words(line, text);
    if (words.isEmpty()) {
      throw new ScriptError(line, "empty statement");
    }
    return statement(line, words);
  }

  static ScriptError tooLong(int line) {
    return new ScriptError(
        line, String.format("line too long (over %,d characters)", MAX_LINE_CHARS));
  }

  /**
   * The words of one line, without its comment, split at spaces and tabs only.
   *
   * @throws ScriptError if another kind of space (a no-break space, {@code \f}, U+3000...) stands
   *     where a separator might be meant
   */
  static List<String> words(int line, String text) throws ScriptError {
    int hash = text.indexOf('#');
    String code = hash >= 0 ? text.substring(0, hash) : text;
    if (code.endsWith("\r")) {
      code = code.substring(0, code.length() - 1); // CRLF line ends
    }
    code = SEPARATORS.matcher(code).replaceAll(" ");
    int from = code.startsWith(" ") ? 1 : 0;
    int to = code.endsWith(" ") ? code.length() - 1 : code.length();
    code = from >= to ? "" : code.substring(from, to);
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
        throw new ScriptError(
            line,
            String.format(
                "%s (U+%04X) is not a word separator: only spaces and tabs separate words",
                Character.getName(c).toLowerCase(Locale.ROOT), (int) c));
      }
    }
    return code.isEmpty() ? List.of() : List.of(code.split(" "));
  }

  /** Parses one statement from its words. */
  static Statement statement(int line, List<String> w) throws ScriptError {
    String verb = w.get(0);
    switch (verb) {
      case "fork":
        arity(line, w, 3, 3, "fork PARENT CHILD");
        return new Statement.Fork(line, w, label(line, w, 1), label(line, w, 2));
      case "clone":
        arity(line, w, 4, 4, "clone PARENT CHILD newpid");
        keyword(line, w, 3, "newpid", "clone PARENT CHILD newpid");
        return new Statement.Clone(line, w, label(line, w, 1), label(line, w, 2));
      case "unshare":
        arity(line, w, 3, 3, "unshare TASK newpid");
        keyword(line, w, 2, "newpid", "unshare TASK newpid");
        return new Statement.Unshare(line, w, label(line, w, 1));
      case "setns":
        arity(line, w, 3, 3, "setns TASK TARGET");
        return new Statement.Setns(line, w, label(line, w, 1), label(line, w, 2));
      case "exit":
        arity(line, w, 2, 3, "exit TASK [CODE]");
        return new Statement.Exit(
            line, w, label(line, w, 1), w.size() > 2 ? natural(line, w.get(2)) : 0);
      case "wait":
        arity(line, w, 2, 3, "wait TASK [CHILD]");
        return new Statement.Wait(
            line, w, label(line, w, 1), w.size() > 2 ? label(line, w, 2) : null);
      case "kill":
        return kill(line, w);
      case "setsid":
        arity(line, w, 2, 2, "setsid TASK");
        return new Statement.Setsid(line, w, label(line, w, 1));
      case "setpgid":
        arity(line, w, 2, 3, "setpgid TASK [PGID]");
        return new Statement.Setpgid(
            line, w, label(line, w, 1), w.size() > 2 ? natural(line, w.get(2)) : 0);
      case "subreaper":
        arity(line, w, 2, 2, "subreaper TASK");
        return new Statement.Subreaper(line, w, label(line, w, 1));
      case "sysctl":
        arity(line, w, 4, 4, "sysctl TASK ns_last_pid|pid_max N");
        if (!SYSCTLS.contains(w.get(2))) {
          throw new ScriptError(
              line, "unknown sysctl '" + w.get(2) + "' (expected ns_last_pid or pid_max)");
        }
        return new Statement.Sysctl(line, w, label(line, w, 1), w.get(2), natural(line, w.get(3)));
      case "expect":
        return expect(line, w);
      default:
        throw new ScriptError(line, "unknown statement '" + verb + "'");
    }
  }

  private static Statement kill(int line, List<String> w) throws ScriptError {
    arity(line, w, 3, 4, "kill SENDER TARGET [SIGNAL]");
    String sender = label(line, w, 1);
    String target = w.get(2);
    String targetLabel = null;
    long targetNumber = 0;
    if (INTEGER.matcher(target).matches()) {
      targetNumber = number(line, target);
    } else {
      targetLabel = label(line, w, 2);
    }
    Signal signal = Signal.SIGKILL;
    if (w.size() > 3) {
      signal =
          Arrays.stream(Signal.values())
              .filter(s -> s.name().equals(w.get(3)))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ScriptError(
                          line, "unknown signal '" + w.get(3) + "' (expected SIGKILL or SIGTERM)"));
    }
    return new Statement.Kill(line, w, sender, targetLabel, targetNumber, signal);
  }

  private static Statement expect(int line, List<String> w) throws ScriptError {
    if (w.size() < 3) {
      throw new ScriptError(line, "usage: expect LABEL FIELD=VALUE ...");
    }
    String label = label(line, w, 1);
    List<Statement.Check> checks = new ArrayList<>();
    for (String word : w.subList(2, w.size())) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new ScriptError(line, "expected FIELD=VALUE, found '" + word + "'");
      }
      String field = word.substring(0, eq);
      if (!FIELDS.contains(field)) {
        throw new ScriptError(
            line,
            "unknown field '" + field + "' (expected one of " + String.join(", ", FIELDS) + ")");
      }
      if (eq == word.length() - 1) {
        throw new ScriptError(line, "expected FIELD=VALUE, found '" + word + "' (no VALUE)");
      }
      checks.add(new Statement.Check(field, word.substring(eq + 1)));
    }
    return new Statement.Expect(line, w, label, List.copyOf(checks));
  }

  private static void arity(int line, List<String> w, int min, int max, String usage)
      throws ScriptError {
    if (w.size() < min || w.size() > max) {
      throw new ScriptError(line, "usage: " + usage);
    }
  }

  private static void keyword(int line, List<String> w, int i, String expected, String usage)
      throws ScriptError {
    if (!w.get(i).equals(expected)) {
      throw new ScriptError(
          line, "expected '" + expected + "', found '" + w.get(i) + "' (usage: " + usage + ")");
    }
  }

  private static String label(int line, List<String> w, int i) throws ScriptError {
    String s = w.get(i);
    if (!LABEL.matcher(s).matches()) {
      throw new ScriptError(line, "'" + s + "' is not a valid label");
    }
    return s;
  }

  private static long natural(int line, String s) throws ScriptError {
    if (!NATURAL.matcher(s).matches()) {
      throw new ScriptError(
          line, "'" + s + "' is not a number (expected a decimal integer, 0 or more)");
    }
    return number(line, s);
  }

  /**
   * A NUMBER: at most 10 digits and inside {@code int} (-2147483648 to 2147483647), the type of the
   * kernel's pid, code and sysctl arguments: a larger one is a script error, since no system call
   * could receive it.
   */
  private static long number(int line, String s) throws ScriptError {
    String digits = s.startsWith("-") ? s.substring(1) : s;
    long n = digits.length() <= MAX_DIGITS ? Long.parseLong(s) : Long.MAX_VALUE;
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      throw new ScriptError(
          line,
          "bad number '"
              + s
              + "' (a NUMBER has at most 10 digits, from -2147483648 to 2147483647)");
    }
    return n;
  }
}
