package org.pidnslab.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\r\\f\\u000B]+");

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
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a UTF-8 byte-order mark some editors write
    }
    List<ParsedLine> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      List<String> words = words(lines[i]);
      if (words.isEmpty()) {
        continue;
      }
      try {
        out.add(new ParsedLine(lineNo, statement(lineNo, words), null));
      } catch (ScriptError e) {
        out.add(new ParsedLine(lineNo, null, e));
      }
    }
    return out;
  }

  /**
   * Parses one line as a statement numbered {@code line}, as typed in the window.
   *
   * @throws ScriptError for a blank line or bad syntax
   */
  public static Statement parseStatement(int line, String text) throws ScriptError {
    List<String> words = words(text);
    if (words.isEmpty()) {
      throw new ScriptError(line, "empty statement");
    }
    return statement(line, words);
  }

  /** The words of one line, without its comment. */
  static List<String> words(String line) {
    int hash = line.indexOf('#');
    String code = (hash >= 0 ? line.substring(0, hash) : line).strip();
    if (code.isEmpty()) {
      return List.of();
    }
    return List.of(WHITESPACE.split(code));
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

  private static long number(int line, String s) throws ScriptError {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new ScriptError(line, "number '" + s + "' is too large");
    }
  }
}
