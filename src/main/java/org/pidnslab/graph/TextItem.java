package org.pidnslab.graph;

import java.util.Objects;

/**
 * A line of text placed by the layout: renderers draw {@code text} in the font of {@code role}
 * ({@link Typography#font}) on the {@code baseline}, starting at {@code box.x()} or centred on
 * {@code box.centerX()}, as {@code anchor} says. The box is the measured extent of the line.
 *
 * @param text the text
 * @param role what the text is, which decides its font
 * @param box where the line lies (advance width x line height)
 * @param baseline the y of the baseline
 * @param anchor how the text is aligned horizontally in the box
 */
public record TextItem(String text, TextRole role, Box box, double baseline, Anchor anchor) {

  /** Horizontal alignment of a text in its box (SVG's text-anchor). */
  public enum Anchor {
    /** The text starts at the box's left edge. */
    START,
    /** The text is centred on the box's centre. */
    MIDDLE
  }

  /** Checks the arguments. */
  public TextItem {
    Objects.requireNonNull(text);
    Objects.requireNonNull(role);
    Objects.requireNonNull(box);
    Objects.requireNonNull(anchor);
  }

  /** The x a renderer passes with the anchor: the left edge or the centre. */
  public double anchorX() {
    return anchor == Anchor.START ? box.x() : box.centerX();
  }

  /** This item moved by {@code dx, dy}. */
  public TextItem translate(double dx, double dy) {
    return new TextItem(text, role, box.translate(dx, dy), baseline + dy, anchor);
  }
}
