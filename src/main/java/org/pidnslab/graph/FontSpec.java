package org.pidnslab.graph;

import java.util.Objects;

/**
 * A font as the drawing model names it, for every renderer to use alike.
 *
 * @param family the font family, e.g. {@code DejaVu Sans}
 * @param size the size in drawing units (pixels at 100 % zoom)
 * @param bold whether the weight is bold
 */
public record FontSpec(String family, double size, boolean bold) {

  /** Checks the arguments. */
  public FontSpec {
    Objects.requireNonNull(family);
    if (!(size > 0)) {
      throw new IllegalArgumentException("font size must be > 0: " + size);
    }
  }
}
