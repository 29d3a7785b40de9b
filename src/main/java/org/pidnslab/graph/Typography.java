package org.pidnslab.graph;

import java.util.Objects;

/**
 * The fonts of a drawing, one per {@link TextRole}, and the scale that spacing follows: a drawing
 * built with {@code scaled(1.5)} has 1.5 times larger text and 1.5 times larger gaps and paddings.
 *
 * @param family the one font family of every role
 * @param labelSize size of {@link TextRole#TASK_LABEL} (bold)
 * @param stateSize size of {@link TextRole#TASK_STATE} (bold)
 * @param chipSize size of {@link TextRole#CHIP}
 * @param titleSize size of {@link TextRole#NS_TITLE} (bold)
 * @param detailSize size of {@link TextRole#NS_DETAIL}
 * @param scale the factor applied to the default sizes; spacing is multiplied by it too
 */
public record Typography(
    String family,
    double labelSize,
    double stateSize,
    double chipSize,
    double titleSize,
    double detailSize,
    double scale) {

  /** The family every theme uses: shipped with most Linux systems, and by the JDK's fallbacks. */
  public static final String DEFAULT_FAMILY = "DejaVu Sans";

  /** 13 px names, 11 px numbers: readable on a laptop screen at 100 %. */
  public static final Typography DEFAULT = new Typography(DEFAULT_FAMILY, 13, 11, 11, 13, 11, 1.0);

  /** Checks the arguments. */
  public Typography {
    Objects.requireNonNull(family);
    if (!(scale > 0)) {
      throw new IllegalArgumentException("scale must be > 0: " + scale);
    }
  }

  /** These fonts and this spacing multiplied by {@code factor} (e.g. 1.5 for a projector). */
  public Typography scaled(double factor) {
    return new Typography(
        family,
        labelSize * factor,
        stateSize * factor,
        chipSize * factor,
        titleSize * factor,
        detailSize * factor,
        scale * factor);
  }

  /** The font of {@code role}. */
  public FontSpec font(TextRole role) {
    return switch (role) {
      case TASK_LABEL -> new FontSpec(family, labelSize, true);
      case TASK_STATE -> new FontSpec(family, stateSize, true);
      case CHIP -> new FontSpec(family, chipSize, false);
      case NS_TITLE -> new FontSpec(family, titleSize, true);
      case NS_DETAIL -> new FontSpec(family, detailSize, false);
    };
  }
}
