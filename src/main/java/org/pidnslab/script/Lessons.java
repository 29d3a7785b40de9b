package org.pidnslab.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog of built-in lessons. The scripts live in {@code assets/lessons/} and are packaged on
 * the classpath under {@code lessons/}, with {@code lessons/index.txt} listing their file names in
 * course order: a folder inside a jar cannot be listed reliably, an index can.
 */
public final class Lessons {
  /** The classpath folder that holds the lessons. */
  public static final String FOLDER = "lessons/";

  /** The classpath resource that lists the lessons in order. */
  public static final String INDEX = FOLDER + "index.txt";

  private static final String TITLE = "# Lesson:";
  private static final String SUMMARY = "# Summary:";
  private static final String SEEING = "# You will see:";
  private static final Pattern FILE_NAME =
      Pattern.compile("([0-9]{2,})-([a-z0-9]+(?:-[a-z0-9]+)*)(?:\\.pidns)?");

  private Lessons() {}

  /**
   * Every lesson on the classpath, in the order of the index.
   *
   * @throws IllegalStateException if the index or a lesson it names is missing or has no header
   */
  public static List<Lesson> all() {
    ClassLoader loader = Lessons.class.getClassLoader();
    List<Lesson> out = new ArrayList<>();
    for (String name : index(read(loader, INDEX))) {
      try {
        out.add(parse(name, read(loader, FOLDER + name)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(FOLDER + name + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(out);
  }

  /** The file names an index lists: one a line; blank lines and {@code #} comments are skipped. */
  public static List<String> index(String text) {
    List<String> names = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  /**
   * Reads a lesson's header.
   *
   * @param name its file name, {@code NN-slug.pidns} (the extension may be left out)
   * @param text the script; line 1 is {@code # Lesson: TITLE}, line 2 {@code # Summary: LINE}, and
   *     the header's comment block may go on with {@code # You will see: TEXT} (its next comment
   *     lines continue it)
   * @throws IllegalArgumentException if the name or the header does not have that form
   */
  public static Lesson parse(String name, String text) {
    Matcher m = FILE_NAME.matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "a lesson's file name is NN-slug.pidns (digits, a dash, lower-case words), not " + name);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n", -1);
    String title = headerField(lines, 0, TITLE);
    String summary = headerField(lines, 1, SUMMARY);
    String id = name.endsWith(".pidns") ? name.substring(0, name.length() - 6) : name;
    return new Lesson(Integer.parseInt(m.group(1)), id, title, summary, seeing(lines), text);
  }

  /**
   * The title card of a script that starts with a lesson's header (a built-in lesson, or one opened
   * from a file), or null when it does not.
   */
  public static Lesson.Card card(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    // only the header's comment block is read: the window asks again after every click
    int end = 0;
    while (end < text.length() && text.charAt(end) == '#') {
      int nl = text.indexOf('\n', end);
      end = nl < 0 ? text.length() : nl + 1;
    }
    String[] lines = text.substring(0, end).split("\r?\n", -1);
    try {
      return new Lesson.Card(
          headerField(lines, 0, TITLE), headerField(lines, 1, SUMMARY), seeing(lines));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The header's "what you will see": from a {@code # You will see:} line to the end of the
   * header's comment block (the first blank or statement line ends it), or "" without one.
   */
  private static String seeing(String[] lines) {
    StringBuilder b = null;
    for (int i = 2; i < lines.length && lines[i].strip().startsWith("#"); i++) {
      String line = lines[i].strip();
      if (b == null && line.startsWith(SEEING)) {
        b = new StringBuilder(line.substring(SEEING.length()).strip());
      } else if (b != null) {
        b.append(' ').append(line.replaceFirst("^#+", "").strip());
      }
    }
    return b == null ? "" : b.toString().strip();
  }

  private static String headerField(String[] lines, int index, String prefix) {
    String line = index < lines.length ? lines[index].strip() : "";
    if (!line.startsWith(prefix) || line.substring(prefix.length()).isBlank()) {
      throw new IllegalArgumentException(
          "line " + (index + 1) + " must be '" + prefix + " ...', not '" + line + "'");
    }
    return line.substring(prefix.length()).strip();
  }

  private static String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing from the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }
}
