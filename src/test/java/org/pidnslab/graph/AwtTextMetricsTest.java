package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AwtTextMetrics} adds Latin-1 widths up from a per-character table; every width must still
 * be exactly what AWT measures for the whole string.
 */
class AwtTextMetricsTest {
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private static double awt(Typography typography, TextRole role, String text) {
    FontSpec spec = typography.font(role);
    Font font =
        new Font(spec.family(), spec.bold() ? Font.BOLD : Font.PLAIN, 1)
            .deriveFont((float) spec.size());
    return font.getStringBounds(text, FRC).getWidth();
  }

  private static List<String> texts() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 5_000; i += 7) {
      out.add(Integer.toString(i));
    }
    out.addAll(List.of("4194303", "32768", "0", "1", "11111111", "init", "nginx", "job-17"));
    out.addAll(
        List.of("ns3 \u00b7 level 2", "tasks 12 \u00b7 pids 40", "dying: init waits in exit"));
    out.addAll(List.of("R", "E", "Z", "X", "WWWW iiii", "caf\u00e9 na\u00efve \u00d8re"));
    out.addAll(List.of("\u4e2d\u6587", "mixed \u0394 delta", "emoji \ud83d\ude00", "\u00ff\u0100"));
    Random rnd = new Random(42);
    for (int i = 0; i < 300; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = rnd.nextInt(12); k >= 0; k--) {
        sb.append((char) (0x20 + rnd.nextInt(0xE0)));
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void widthsAreExactlyWhatAwtMeasures() {
    for (Typography typography : List.of(Typography.DEFAULT, Typography.DEFAULT.scaled(1.5))) {
      AwtTextMetrics metrics = new AwtTextMetrics(typography);
      for (int round = 0; round < 2; round++) { // the second round reads the filled tables
        for (TextRole role : TextRole.values()) {
          for (String text : texts()) {
            assertEquals(
                awt(typography, role, text),
                metrics.width(text, role),
                0.0,
                role + " \"" + text + "\"");
          }
        }
      }
    }
  }

  @Test
  void theEmptyStringHasNoWidth() {
    assertEquals(0.0, new AwtTextMetrics().width("", TextRole.CHIP), 0.0);
  }
}
