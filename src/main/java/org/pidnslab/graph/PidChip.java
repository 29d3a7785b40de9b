package org.pidnslab.graph;

import java.util.Objects;

/**
 * One number of a task's PID stack: its pid in one namespace level, drawn as a small rounded box in
 * the namespace's colour with the number centred on it (in {@link Palette#textHex}).
 *
 * @param level the namespace level (0 for root)
 * @param namespace the name of the namespace at that level
 * @param namespaceSerial the creation serial of that namespace
 * @param colorIndex the namespace's {@link Palette} index
 * @param text what the chip shows: the number, or {@code 0} where the task has no number
 * @param box the chip, inside its task's box
 * @param baseline the y of the text's baseline (the text is centred horizontally on the box)
 * @param emphasised whether this is the task's own (innermost) namespace: drawn bold or outlined
 */
public record PidChip(
    int level,
    String namespace,
    int namespaceSerial,
    int colorIndex,
    String text,
    Box box,
    double baseline,
    boolean emphasised) {

  /** Checks the arguments. */
  public PidChip {
    Objects.requireNonNull(namespace);
    Objects.requireNonNull(text);
    Objects.requireNonNull(box);
  }

  /** This chip moved by {@code dx, dy}. */
  public PidChip translate(double dx, double dy) {
    return new PidChip(
        level,
        namespace,
        namespaceSerial,
        colorIndex,
        text,
        box.translate(dx, dy),
        baseline + dy,
        emphasised);
  }
}
