package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WCAG 2 contrast of every text of the picture against what it is drawn on, computed from each
 * theme's own colours as the renderers composite them: text at least {@link Theme#textContrast()}
 * (4.5:1 for light and dark, 7:1 for the projector), pid chips at least 4.5:1. Faded tasks (the
 * perspective's invisible ones) are left out on purpose: they are meant to recede.
 */
class ThemeContrastTest {

  /** One text on one background, named for the failure message. */
  private record Pair(String what, String text, String background, double least) {
    double ratio() {
      return Palette.contrast(text, background);
    }
  }

  static List<Theme> themes() {
    return Theme.all();
  }

  /** Every text of the drawing against its backdrop, as TaskFigure and DrawingPainter paint it. */
  private static List<Pair> pairs(Theme t) {
    double text = t.textContrast();
    List<Pair> out = new ArrayList<>();
    // a zombie is painted whole at ghostOpacity over the canvas: its text and fill both fade
    String ghostBox = Palette.over(t.ghostFill(), t.ghostOpacity(), t.background());
    for (String[] box : new String[][] {{"box", t.nodeFill(), "1"}, {"zombie box", ghostBox, ""}}) {
      boolean ghost = box[2].isEmpty();
      String label = ghost ? fade(t, t.foreground(), t.background()) : t.foreground();
      String state = ghost ? fade(t, t.mutedForeground(), t.background()) : t.mutedForeground();
      out.add(new Pair("label on " + box[0], label, box[1], text));
      out.add(new Pair("state on " + box[0], state, box[1], text));
      for (int i = 0; i < Palette.size(); i++) {
        for (boolean own : new boolean[] {true, false}) {
          String fill = t.chipFill(i, own);
          String digits = t.chipText(i, own);
          if (ghost) {
            fill = fade(t, fill, t.background());
            digits = fade(t, digits, t.background());
          }
          String what = (own ? "own" : "pale") + " chip " + Palette.hex(i) + " on " + box[0];
          out.add(new Pair(what, digits, fill, Theme.CHIP_CONTRAST));
        }
      }
    }
    for (int i = 0; i < Palette.size(); i++) {
      out.add(new Pair("tree header " + Palette.hex(i), t.headerText(i), t.headerFill(i), text));
      for (String b : t.hullBackdrops()) {
        out.add(new Pair("hull name " + Palette.hex(i) + " on " + b, t.hullName(i), b, text));
      }
    }
    out.add(new Pair("tree details", t.foreground(), t.nodeFill(), text));
    for (String b : t.hullBackdrops()) {
      out.add(new Pair("note under a task on " + b, t.noteColour(), b, text));
    }
    return out;
  }

  private static String fade(Theme t, String colour, String backdrop) {
    return Palette.over(colour, t.ghostOpacity(), backdrop);
  }

  @ParameterizedTest
  @MethodSource("themes")
  void everyTextOfThePictureReachesItsThemesContrast(Theme t) {
    List<String> failures = new ArrayList<>();
    for (Pair p : pairs(t)) {
      if (p.ratio() < p.least()) {
        failures.add(
            String.format(
                "%s: %s on %s is %.2f:1, needs %.1f:1",
                p.what(), p.text(), p.background(), p.ratio(), p.least()));
      }
    }
    assertTrue(failures.isEmpty(), t.name() + ":\n" + String.join("\n", failures));
  }

  @Test
  void theProjectorAsksForSevenToOneAndTheOthersForFourAndAHalf() {
    assertEquals(7.0, Theme.PROJECTOR.textContrast());
    assertEquals(4.5, Theme.LIGHT.textContrast());
    assertEquals(4.5, Theme.DARK.textContrast());
  }

  @Test
  void theRatiosAreWcags() {
    // the WCAG 2 extremes and a published pair: #777777 on white is 4.48:1
    assertEquals(21.0, Palette.contrast("#000000", "#FFFFFF"), 1e-9);
    assertEquals(1.0, Palette.contrast("#7A8CA3", "#7A8CA3"), 1e-9);
    assertEquals(4.48, Palette.contrast("#777777", "#FFFFFF"), 0.005);
    assertEquals("#808080", Palette.mix("#000000", "#FFFFFF", 0.5).substring(0, 7));
  }

  @Test
  void aThemeThatFailsIsCaught() {
    // the old pale-grey-on-grey: a mid-grey foreground on the projector's canvas
    Theme grey =
        new Theme(
            "grey",
            "#FFFFFF",
            "#999999",
            "#AAAAAA",
            "#FFFFFF",
            "#EDEDED",
            "#444444",
            "#C00000",
            2.2,
            0.2,
            0.95,
            0.22,
            1.0,
            7.0,
            Typography.DEFAULT);
    assertTrue(pairs(grey).stream().anyMatch(p -> p.ratio() < p.least()));
  }

  @Test
  void theProjectorTypeIsLargeEnoughToReadFromTheBackOfARoom() {
    Typography ty = Theme.PROJECTOR.typography();
    assertTrue(ty.labelSize() >= 26, "task names " + ty.labelSize() + " px");
    assertTrue(ty.chipSize() >= 22, "pid numbers " + ty.chipSize() + " px");
  }
}
