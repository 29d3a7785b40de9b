package org.pidnslab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pidnslab.graph.Palette;

/**
 * WCAG 2 contrast of the window's text (controls, the script editor, captions, toasts, notes),
 * computed from the stylesheets each theme loads, in the order {@link Theme#apply} loads them:
 * AtlantaFX's Primer colours, then lab.css, then projector.css. Text must reach 4.5:1 in the light
 * and dark themes and 7:1 in the projector theme. Disabled controls are exempt (as WCAG has it).
 */
class WindowContrastTest {

  /**
   * The texts of the window and what they sit on: each side a looked-up colour ({@code
   * -color-fg-default}) or a rule's property in lab.css ({@code .caption-text -fx-text-fill}).
   */
  private static final String[][] PAIRS = {
    {"-color-fg-default", "-color-bg-default"}, // every label, field and button
    {"-color-fg-default", "-color-bg-subtle"}, // toolbars, the status bar, the gutter
    {"-color-fg-muted", "-color-bg-default"}, // lesson summaries, script comments, hints
    {"-color-fg-muted", "-color-bg-subtle"}, // line numbers in the gutter
    {"-color-accent-fg", "-color-bg-default"}, // verbs in the script, links
    {"-color-accent-fg", "-color-bg-subtle"}, // the gutter's step marker, shortcut groups
    {"-color-warning-fg", "-color-bg-default"}, // keywords in the script
    {"-color-success-fg", "-color-bg-default"}, // numbers in the script
    {"-color-danger-fg", "-color-bg-default"}, // a failed call in the log, unknown verbs
    {"-color-danger-fg", "-color-danger-subtle"}, // the panic note, the script's errors
    {"-color-fg-default", "-color-warning-subtle"}, // the pick prompt
    {"#quizVerdict.right -fx-text-fill", ".quiz-panel -fx-background-color"},
    {"#quizVerdict.wrong -fx-text-fill", ".quiz-panel -fx-background-color"},
    {"-color-fg-default", ".quiz-panel -fx-background-color"},
    {"-color-fg-emphasis", "-color-danger-emphasis"}, // an error toast
    {"-color-fg-emphasis", "-color-accent-emphasis"}, // an info toast, default buttons
    {".caption-head -fx-text-fill", ".caption-bar -fx-background-color"},
    {".caption-text -fx-text-fill", ".caption-bar -fx-background-color"},
    {".caption-title -fx-text-fill", ".caption-bar -fx-background-color"},
    {".caption-seeing -fx-text-fill", ".caption-bar -fx-background-color"},
    {".caption-answer -fx-text-fill", ".caption-bar -fx-background-color"},
    {".caption-detail -fx-text-fill", ".caption-bar -fx-background-color"},
    {".caption-detail -fx-text-fill", ".caption-detail:selected -fx-background-color"},
  };

  private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
  private static final Pattern DECL = Pattern.compile("(-[-\\w]+)\\s*:\\s*([^;]+);");

  /** The colours a theme's stylesheets define: looked-up colours and lab.css's properties. */
  private static Map<String, String> colours(Theme theme) throws IOException {
    Map<String, String> out = new HashMap<>();
    String base =
        theme.dark()
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet();
    read(Theme.class.getClassLoader().getResource(base.replaceFirst("^/", "")), out, true);
    read(Theme.class.getResource("lab.css"), out, false);
    if (theme == Theme.PROJECTOR) {
      read(Theme.class.getResource("projector.css"), out, false);
    }
    return out;
  }

  /** Reads every rule of {@code css}: {@code .root} lookups by name, the rest as "rule prop". */
  private static void read(URL css, Map<String, String> out, boolean rootOnly) throws IOException {
    assertNotNull(css);
    String text;
    try (InputStream in = css.openStream()) {
      text =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
    }
    Matcher rule = RULE.matcher(text);
    while (rule.find()) {
      String selector = rule.group(1).trim();
      if (rootOnly && !selector.equals(".root")) {
        continue;
      }
      Matcher d = DECL.matcher(rule.group(2));
      while (d.find()) {
        String key = selector.equals(".root") ? d.group(1) : selector + " " + d.group(1);
        out.put(key, d.group(2).trim());
      }
    }
  }

  /** A colour as {@code #RRGGBB}, following looked-up names; translucent ones over {@code bg}. */
  private static String resolve(Map<String, String> colours, String name, String bg) {
    String v = colours.getOrDefault(name, name);
    for (int depth = 0; depth < 10 && v.startsWith("-"); depth++) {
      v = colours.getOrDefault(v, v);
    }
    if (v.equalsIgnoreCase("white")) {
      return "#FFFFFF";
    }
    if (v.equalsIgnoreCase("black")) {
      return "#000000";
    }
    Matcher rgba = Pattern.compile("rgba?\\(([^)]*)\\)").matcher(v);
    if (rgba.matches()) {
      String[] p = rgba.group(1).split(",");
      String rgb =
          String.format(
              "#%02X%02X%02X",
              Integer.parseInt(p[0].trim()),
              Integer.parseInt(p[1].trim()),
              Integer.parseInt(p[2].trim()));
      double alpha = p.length > 3 ? Double.parseDouble(p[3].trim()) : 1;
      return bg == null ? rgb : Palette.over(rgb, alpha, bg);
    }
    assertTrue(v.matches("#[0-9a-fA-F]{6}"), name + " is " + v);
    return v.toUpperCase();
  }

  private static double least(Theme t) {
    return t == Theme.PROJECTOR ? 7.0 : 4.5;
  }

  @ParameterizedTest
  @EnumSource(Theme.class)
  void everyTextOfTheWindowReachesItsThemesContrast(Theme theme) throws IOException {
    Map<String, String> colours = colours(theme);
    String canvas = resolve(colours, "-color-bg-default", null);
    List<String> failures = new ArrayList<>();
    for (String[] pair : PAIRS) {
      String bg = resolve(colours, pair[1], canvas);
      String fg = resolve(colours, pair[0], bg);
      double ratio = Palette.contrast(fg, bg);
      if (ratio < least(theme)) {
        failures.add(
            String.format(
                "%s %s on %s %s is %.2f:1, needs %.1f:1",
                pair[0], fg, pair[1], bg, ratio, least(theme)));
      }
    }
    assertTrue(failures.isEmpty(), theme + ":\n" + String.join("\n", failures));
  }

  @Test
  void theStylesheetsAreReadAsTheWindowLoadsThem() throws IOException {
    // Primer light's default text, lab.css's caption and the projector's own overrides
    assertEquals("#24292F", resolve(colours(Theme.LIGHT), "-color-fg-default", null));
    assertEquals(
        "#FFFFFF", resolve(colours(Theme.LIGHT), ".caption-text -fx-text-fill", "#000000"));
    assertTrue(
        Palette.contrast(
                resolve(colours(Theme.PROJECTOR), "-color-fg-muted", null),
                resolve(colours(Theme.PROJECTOR), "-color-bg-default", null))
            >= 7);
  }
}
