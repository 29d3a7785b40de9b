package org.pidnslab.app.window;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pidnslab.script.SafeText;

/**
 * The window's options that choose how it starts rather than which file it opens: {@code
 * --present=true} (presentation mode, full screen) and {@code --step=N} (the opened script at its
 * step N, after the step has run). Checked before the window opens, so a typo costs one line on
 * stderr instead of a window doing something else.
 *
 * @param step the step to show, or -1 for the opened file's own start
 */
record GuiOptions(boolean present, int step) {

  /** The named parameters ({@code --name=value}) of {@code args}, as JavaFX reads them. */
  static Map<String, String> named(String[] args) {
    Map<String, String> named = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 2) {
        named.put(a.substring(2, eq), a.substring(eq + 1));
      }
    }
    return named;
  }

  /**
   * Reads {@code --present} and {@code --step} from the named parameters.
   *
   * @throws IllegalArgumentException with a one-line message naming the option
   */
  static GuiOptions parse(Map<String, String> named) {
    String present = named.getOrDefault("present", "false");
    if (!present.equals("true") && !present.equals("false")) {
      throw new IllegalArgumentException(
          "--present must be true or false, not '" + SafeText.escapeControls(present) + "'");
    }
    int step = -1;
    String s = named.get("step");
    if (s != null) {
      if (!s.matches("[0-9]{1,9}")) { // ASCII digits only: parseInt would take "+3" and "٣"

        throw new IllegalArgumentException(
            "--step must be a step number (0 or more), not '" + SafeText.escapeControls(s) + "'");
      }
      step = Integer.parseInt(s);
    }
    return new GuiOptions(present.equals("true"), step);
  }
}
