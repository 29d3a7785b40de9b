package org.pidnslab.graph;

import java.util.List;
import org.pidnslab.kernel.PidNamespace;

/**
 * One colour per namespace, used wherever the namespace appears: its node in the namespace tree,
 * its hull behind its tasks, and the PID chip of its level on every task.
 *
 * <p>Index 0 is {@code root}'s neutral grey-blue. Indexes 1 to 11 cycle over the namespaces in
 * creation order: first the seven colours of Okabe and Ito (<em>Color Universal Design</em>, 2002),
 * chosen to stay apart for the common colour-vision deficiencies, then Tableau's brown and three of
 * Paul Tol's muted colours. All are mid-tones, so they read on light and on dark backgrounds, and
 * each has a text colour ({@link #textHex(int)}) with a contrast of at least 4.5:1 (WCAG AA) for
 * the chip numbers drawn on it. Colour never carries meaning alone: chips and nodes also carry
 * names.
 */
public final class Palette {
  private static final List<String> COLOURS =
      List.of(
          "#7A8CA3", // root: neutral grey-blue
          "#E69F00", // orange (Okabe-Ito)
          "#56B4E9", // sky blue (Okabe-Ito)
          "#009E73", // bluish green (Okabe-Ito)
          "#CC79A7", // reddish purple (Okabe-Ito)
          "#0072B2", // blue (Okabe-Ito)
          "#D55E00", // vermillion (Okabe-Ito)
          "#F0E442", // yellow (Okabe-Ito)
          "#9C755F", // brown (Tableau 10)
          "#AA4499", // purple (Tol muted)
          "#44AA99", // teal (Tol muted)
          "#999933"); // olive (Tol muted)

  private Palette() {}

  /** How many colours there are, root's included. */
  public static int size() {
    return COLOURS.size();
  }

  /** The colour index of a namespace: 0 for root, then 1..11 by creation order, cycling. */
  public static int colorIndex(PidNamespace ns) {
    return colorIndex(ns.serial());
  }

  /** The colour index of the namespace with creation serial {@code serial} (0 for root). */
  public static int colorIndex(int serial) {
    if (serial <= 0) {
      return 0;
    }
    return 1 + (serial - 1) % (COLOURS.size() - 1);
  }

  /** The colour as {@code #RRGGBB}. */
  public static String hex(int index) {
    return COLOURS.get(Math.floorMod(index, COLOURS.size()));
  }

  /** The colour of {@code ns} as {@code #RRGGBB}. */
  public static String hex(PidNamespace ns) {
    return hex(colorIndex(ns));
  }

  /** Black or white, whichever contrasts more with colour {@code index}: for text on a chip. */
  public static String textHex(int index) {
    return textOn(hex(index));
  }

  /** The colour with opacity {@code alpha} (0..1) as {@code #RRGGBBAA}, e.g. for hull fills. */
  public static String hexWithAlpha(int index, double alpha) {
    int a = (int) Math.round(Math.max(0, Math.min(1, alpha)) * 255);
    return hex(index) + String.format("%02X", a);
  }

  /** WCAG 2 relative luminance of a {@code #RRGGBB} colour. */
  public static double luminance(String hex) {
    int rgb = Integer.parseInt(hex.substring(1, 7), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  /** WCAG 2 contrast ratio of two relative luminances (1 to 21). */
  public static double contrast(double l1, double l2) {
    return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  }

  /**
   * The opaque colour {@code a} mixed with {@code b}: weight 0 gives {@code a}, 1 gives {@code b}
   * (sRGB channels, as a translucent {@code b} painted over {@code a} looks).
   */
  public static String mix(String a, String b, double weight) {
    int x = Integer.parseInt(a.substring(1, 7), 16);
    int y = Integer.parseInt(b.substring(1, 7), 16);
    int out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      double c = ((x >> shift) & 0xFF) * (1 - weight) + ((y >> shift) & 0xFF) * weight;
      out |= (int) Math.round(c) << shift;
    }
    return String.format("#%06X", out);
  }

  /** {@code colour} painted with opacity {@code alpha} over the opaque {@code backdrop}. */
  public static String over(String colour, double alpha, String backdrop) {
    return mix(backdrop, colour, alpha);
  }

  /** The WCAG 2 contrast ratio of two {@code #RRGGBB} colours (1 to 21). */
  public static double contrast(String a, String b) {
    return contrast(luminance(a), luminance(b));
  }

  /** Black or white, whichever contrasts more with the {@code #RRGGBB} colour {@code hex}. */
  public static String textOn(String hex) {
    double l = luminance(hex);
    return contrast(l, 0.0) >= contrast(l, 1.0) ? "#000000" : "#FFFFFF";
  }

  private static double channel(int v) {
    double c = (v & 0xFF) / 255.0;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
