package org.pidnslab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NarrationTest {

  @Test
  void commentLinesDirectlyAboveAStatementAreItsCaption() {
    Narration n = Narration.of("# The init forks.\n# Its child is pid 2.\nfork init a\n");
    assertEquals("The init forks. Its child is pid 2.", n.caption(3));
  }

  @Test
  void aBlankLineSeparatesTheHeaderFromTheFirstCaption() {
    Narration n = Narration.of("# Lesson: x\n# Summary: y\n\nfork init a\n");
    assertNull(n.caption(4));
    assertEquals(0, n.captions().size());
  }

  @Test
  void aTrailingCommentNarratesAStatementWithNothingAbove() {
    Narration n = Narration.of("fork init a   # a is pid 2\n# above\nfork a b # trailing\n");
    assertEquals("a is pid 2", n.caption(1));
    assertEquals("above", n.caption(3));
  }

  @Test
  void aCaptionBelongsOnlyToTheNextStatement() {
    Narration n = Narration.of("# first\nfork init a\nfork a b\n");
    assertEquals("first", n.caption(2));
    assertNull(n.caption(3));
  }

  @Test
  void byteOrderMarkAndCarriageReturnsAreIgnored() {
    Narration n = Narration.of("\uFEFF#  spaced  \r\nfork init a\r\n");
    assertEquals("spaced", n.caption(2));
  }

  @Test
  void captionAtFollowsTheSameRuleAsTheWholeScript() {
    String text =
        "\uFEFF# Lesson: x\n\n# a\n# b\nfork init a # t\nfork a b # own\n\n# c\n"
            + "fork b c\n# dangling\n";
    Narration all = Narration.of(text);
    String[] lines = text.split("\n", -1);
    for (int line = 0; line <= lines.length + 1; line++) {
      assertEquals(all.caption(line), Narration.captionAt(lines, line), "line " + line);
    }
  }
}
