package org.pidnslab.script;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The captions of a script: the comment lines directly above a statement narrate it, so a lesson
 * explains itself while it plays. A blank line ends a comment block, which is how a file's header
 * (its title and summary) stays apart from the first step's narration. A statement with no comment
 * above it is narrated by its trailing comment, if it has one.
 */
public final class Narration {
  private final Map<Integer, String> captions;

  private Narration(Map<Integer, String> captions) {
    this.captions = Collections.unmodifiableMap(captions);
  }

  /** Reads the captions of {@code text}. */
  public static Narration of(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Map<Integer, String> out = new LinkedHashMap<>();
    List<String> block = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        block.clear();
      } else if (line.startsWith("#")) {
        block.add(commentText(line));
      } else {
        String caption = String.join(" ", block).strip();
        if (caption.isEmpty()) {
          int hash = line.indexOf('#');
          caption = hash >= 0 ? commentText(line.substring(hash)) : "";
        }
        if (!caption.isEmpty()) {
          out.put(i + 1, caption);
        }
        block.clear();
      }
    }
    return new Narration(out);
  }

  /**
   * The caption of the statement on {@code line} (1-based) of a script already split into lines, or
   * null: the same rule as {@link #of}, reading only the lines just above it (a player asks for one
   * caption per step of a long script).
   */
  public static String captionAt(String[] lines, int line) {
    int i = line - 1;
    if (i < 0 || i >= lines.length) {
      return null;
    }
    String statement = strip(lines[i], i);
    if (statement.isEmpty() || statement.startsWith("#")) {
      return null;
    }
    int first = i;
    while (first > 0) {
      String above = strip(lines[first - 1], first - 1);
      if (!above.startsWith("#")) {
        break;
      }
      first--;
    }
    List<String> block = new ArrayList<>();
    for (int k = first; k < i; k++) {
      block.add(commentText(strip(lines[k], k)));
    }
    String caption = String.join(" ", block).strip();
    if (caption.isEmpty()) {
      int hash = statement.indexOf('#');
      caption = hash >= 0 ? commentText(statement.substring(hash)) : "";
    }
    return caption.isEmpty() ? null : caption;
  }

  private static String strip(String line, int index) {
    return (index == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
  }

  /** The caption of the statement on {@code line} (1-based), or null. */
  public String caption(int line) {
    return captions.get(line);
  }

  /** Every caption by line number, in line order. */
  public Map<Integer, String> captions() {
    return captions;
  }

  private static String commentText(String comment) {
    return comment.replaceFirst("^#+", "").strip();
  }
}
