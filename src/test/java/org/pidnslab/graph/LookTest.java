package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Palette, themes and text metrics: the look, as plain data. */
class LookTest {

  @Test
  void everyNamespaceColourIsDistinctAndRootIsTheNeutralOne() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < Palette.size(); i++) {
      assertTrue(Palette.hex(i).matches("#[0-9A-F]{6}"), Palette.hex(i));
      assertTrue(seen.add(Palette.hex(i)));
    }
    assertTrue(Palette.size() >= 11 && Palette.size() <= 13);
    assertEquals(0, Palette.colorIndex(0));
    assertEquals(1, Palette.colorIndex(1));
    assertEquals(Palette.size() - 1, Palette.colorIndex(Palette.size() - 1));
    assertEquals(1, Palette.colorIndex(Palette.size())); // cycles, never back to root's grey
  }

  @Test
  void chipTextIsReadableOnEveryColour() {
    for (int i = 0; i < Palette.size(); i++) {
      double bg = Palette.luminance(Palette.hex(i));
      double fg = Palette.luminance(Palette.textHex(i));
      assertTrue(Palette.contrast(bg, fg) >= 4.5, Palette.hex(i) + " " + Palette.contrast(bg, fg));
    }
    assertEquals("#E69F0080", Palette.hexWithAlpha(1, 0.5));
  }

  @Test
  void namespaceColoursStandOutOnLightAndDarkCanvases() {
    for (int i = 0; i < Palette.size(); i++) {
      double c = Palette.luminance(Palette.hex(i));
      double light = Palette.luminance(Theme.LIGHT.background());
      double dark = Palette.luminance(Theme.DARK.background());
      assertTrue(
          Palette.contrast(c, light) >= 1.2 && Palette.contrast(c, dark) >= 1.9, Palette.hex(i));
    }
  }

  @Test
  void themesAreNamedAndTheProjectorIsBigger() {
    assertEquals(Theme.DARK, Theme.named("Dark"));
    assertThrows(IllegalArgumentException.class, () -> Theme.named("sepia"));
    assertEquals(2.0, Theme.PROJECTOR.typography().scale(), 1e-9);
    assertEquals(
        Typography.DEFAULT.labelSize() * 2, Theme.LIGHT.withFontScale(2).typography().labelSize());
    assertTrue(Theme.PROJECTOR.typography().font(TextRole.TASK_LABEL).bold());
  }

  @Test
  void awtMetricsMeasureWithoutADisplay() {
    assertEquals("true", System.getProperty("java.awt.headless"));
    AwtTextMetrics m = new AwtTextMetrics();
    assertEquals(0, m.width("", TextRole.CHIP));
    assertTrue(m.width("4194304", TextRole.CHIP) > m.width("1", TextRole.CHIP) * 5);
    assertTrue(m.lineHeight(TextRole.TASK_LABEL) > 12 && m.lineHeight(TextRole.TASK_LABEL) < 20);
    assertTrue(m.ascent(TextRole.CHIP) < m.lineHeight(TextRole.CHIP));
    AwtTextMetrics big = new AwtTextMetrics(Typography.DEFAULT.scaled(2));
    assertEquals(
        2 * m.width("systemd", TextRole.TASK_LABEL),
        big.width("systemd", TextRole.TASK_LABEL),
        0.5);
  }
}
