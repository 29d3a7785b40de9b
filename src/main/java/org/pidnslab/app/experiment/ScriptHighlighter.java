package org.pidnslab.app.experiment;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.pidnslab.script.ScriptParser;

/**
 * Colours a {@code .pidns} script: comments, the verb (the system call), numbers, signal names and
 * keywords, and underlines the lines the parser or the dry run rejected. Style classes only; the
 * colours live in lab.css so every theme can set them.
 */
final class ScriptHighlighter {
  private static final Set<String> VERBS = Set.copyOf(ScriptParser.VERBS);
  private static final Set<String> KEYWORDS =
      Set.of("newpid", "SIGKILL", "SIGTERM", "ns_last_pid", "pid_max");
  private static final Pattern TOKEN = Pattern.compile("[^\\s=]+|=");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");

  private ScriptHighlighter() {}

  /**
   * The style spans of {@code text}.
   *
   * @param errorLines 1-based lines to underline as errors
   */
  static StyleSpans<Collection<String>> spans(String text, Set<Integer> errorLines) {
    StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean error = errorLines.contains(i + 1);
      int hash = line.indexOf('#');
      String code = hash >= 0 ? line.substring(0, hash) : line;
      int at = 0;
      boolean first = true;
      Matcher m = TOKEN.matcher(code);
      while (m.find()) {
        if (m.start() > at) {
          b.add(List.of(), m.start() - at);
        }
        String word = m.group();
        String style;
        if (first) {
          style = VERBS.contains(word) ? "verb" : "unknown-verb";
          first = false;
        } else if (KEYWORDS.contains(word)) {
          style = "keyword";
        } else if (NUMBER.matcher(word).matches()) {
          style = "number";
        } else if (word.equals("=")) {
          style = "operator";
        } else {
          style = "label";
        }
        b.add(error ? List.of(style, "error") : List.of(style), word.length());
        at = m.end();
      }
      if (code.length() > at) {
        b.add(List.of(), code.length() - at);
      }
      if (hash >= 0) {
        b.add(List.of("comment"), line.length() - hash);
      }
      if (i < lines.length - 1) {
        b.add(List.of(), 1); // the newline
      }
    }
    if (text.isEmpty()) {
      b.add(List.of(), 0); // a builder must hold at least one span
    }
    return b.create();
  }
}
