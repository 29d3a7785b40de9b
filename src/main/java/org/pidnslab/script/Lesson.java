package org.pidnslab.script;

import java.util.Objects;

/**
 * A built-in lesson: a narrated {@code .pidns} script whose first two lines are {@code # Lesson:
 * TITLE} and {@code # Summary: ONE LINE}.
 *
 * @param number the lesson's place in the course, from the {@code NN-} prefix of its file name
 * @param id the file name without {@code .pidns}, such as {@code 07-zombies-and-wait}
 * @param title what the lesson is called in a menu
 * @param summary one line saying what it shows
 * @param text the whole script, header included, as {@code pidns-lab run} reads it
 */
public record Lesson(int number, String id, String title, String summary, String text) {

  /** Checks that every part is present. */
  public Lesson {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(text, "text");
  }

  /** The lesson's file name, {@code id + ".pidns"}. */
  public String fileName() {
    return id + ".pidns";
  }

  /** The captions of the lesson's steps: the comment lines above each statement. */
  public Narration narration() {
    return Narration.of(text);
  }
}
