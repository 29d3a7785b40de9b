package org.pidnslab.graph;

/**
 * Measures text as a renderer will draw it, so that boxes fit their text. The drawing builder only
 * needs widths and line heights; {@link AwtTextMetrics} measures with java.awt fonts (headless is
 * fine), and a JavaFX window may supply its own implementation for the same {@link Typography}.
 */
public interface TextMetrics {

  /** The fonts being measured; the drawing records them for the renderers. */
  Typography typography();

  /** The advance width of {@code text} in the font of {@code role}. */
  double width(String text, TextRole role);

  /** The height of one line (ascent + descent + leading) in the font of {@code role}. */
  double lineHeight(TextRole role);

  /** The ascent: from the top of a line to its baseline. Defaults to 80 % of the line height. */
  default double ascent(TextRole role) {
    return lineHeight(role) * 0.8;
  }
}
