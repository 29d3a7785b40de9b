package org.pidnslab.app.help;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The project's documents put pipes inside code in table cells; GFM needs them escaped. */
class MarkdownDialectTest {
  @Test
  void pipesInsideCodeInATableRowAreEscapedForTheParser() {
    assertEquals(
        "| `a\\|b` | c |\n|---|---|", MarkdownView.codePipesEscaped("| `a|b` | c |\n|---|---|"));
  }

  @Test
  void codeBlocksAndProseKeepTheirPipes() {
    String md = "```\n| `a|b` |\n```\nx `a|b` y";
    assertEquals(md, MarkdownView.codePipesEscaped(md));
  }

  @Test
  void headingTextIsWhatTheHeadingShows() {
    assertEquals("The kill statement", MarkdownView.stripInline("The `kill` **statement**"));
    assertEquals("see the guide", MarkdownView.stripInline("see [the guide](https://x.org/)"));
  }
}
