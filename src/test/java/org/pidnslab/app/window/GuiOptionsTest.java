package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code gui --present=true --step=N}: read as JavaFX reads them, bad values refused in one line.
 */
class GuiOptionsTest {

  @Test
  void readsPresentAndStepAmongTheOtherOptions() {
    Map<String, String> named =
        GuiOptions.named(
            new String[] {"--present=true", "--open=a.pidns", "--step=10", "--exit=true", "x"});
    assertEquals(Map.of("present", "true", "open", "a.pidns", "step", "10", "exit", "true"), named);
    GuiOptions o = GuiOptions.parse(named);
    assertTrue(o.present());
    assertEquals(10, o.step());
  }

  @Test
  void withoutThemTheWindowStartsAsBefore() {
    GuiOptions o = GuiOptions.parse(GuiOptions.named(new String[] {"--open=a.pidns"}));
    assertFalse(o.present());
    assertEquals(-1, o.step());
    assertEquals(0, GuiOptions.parse(Map.of("step", "0")).step());
    assertFalse(GuiOptions.parse(Map.of("present", "false")).present());
  }

  @Test
  void badValuesAreRefusedWithOneLineNamingTheOption() {
    for (String bad : new String[] {"yes", "TRUE", "", "1"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> GuiOptions.parse(Map.of("present", bad)));
      assertEquals("--present must be true or false, not '" + bad + "'", e.getMessage());
    }
    for (String bad : new String[] {"-1", "+3", "abc", "", "1.5", "9999999999", "\u0663"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> GuiOptions.parse(Map.of("step", bad)));
      assertTrue(e.getMessage().startsWith("--step must be a step number (0 or more), not '"));
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GuiOptions.parse(Map.of("step", "1\u001b[2J")));
    assertFalse(e.getMessage().contains("\u001b"), "no raw control character: " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }
}
