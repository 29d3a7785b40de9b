package org.pidnslab.script;

import java.util.Objects;

/**
 * A built-in lesson: a narrated {@code .pidns} script whose first two lines are {@code # Lesson:
 * TITLE} and {@code # Summary: ONE LINE}, and whose header may say {@code # You will see: ...}.
 *
 * @param number the lesson's place in the course, from the {@code NN-} prefix of its file name
 * @param id the file name without {@code .pidns}, such as {@code 07-zombies-and-wait}
 * @param title what the lesson is called in a menu
 * @param summary one line saying what it shows
 * @param seeing what the student will see happen, for the title card ("" if the header says
 *     nothing)
 * @param text the whole script, header included, as {@code pidns-lab run} reads it
 */
public record Lesson(
    int number, String id, String title, String summary, String seeing, String text) {

  /**
   * A lesson's title card, shown before its first step: its header's title, summary and what the
   * student will see ("" if it says nothing).
   */
  public record Card(String title, String summary, String seeing) {}

  /** Checks that every part is present. */
  public Lesson {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(seeing, "seeing");
    Objects.requireNonNull(text, "text");
  }

  /** The card shown before the first step. */
  public Card card() {
    return new Card(title, summary, seeing);
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
