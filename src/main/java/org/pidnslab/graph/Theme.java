package org.pidnslab.graph;

import java.util.List;
import java.util.Objects;

/**
 * The colours and fonts of a picture, as plain data every renderer reads alike. Colours are {@code
 * #RRGGBB} strings; namespace colours come from {@link Palette}.
 *
 * @param name the theme's name: {@code light}, {@code dark} or {@code projector}
 * @param background the canvas
 * @param foreground text and node outlines
 * @param mutedForeground secondary text (namespace details, faded tasks)
 * @param nodeFill the inside of a task or namespace box
 * @param ghostFill the inside of a zombie's box (drawn with a dashed outline)
 * @param edge parent-to-child lines
 * @param crossEdge lines from a parent to a child in another namespace (drawn dashed)
 * @param edgeWidth line width of edges
 * @param hullFillOpacity opacity of a hull's fill in its namespace colour
 * @param hullStrokeOpacity opacity of a hull's outline in its namespace colour
 * @param fadedOpacity opacity of tasks and edges that the chosen perspective cannot see
 * @param typography the fonts, and the spacing scale
 */
public record Theme(
    String name,
    String background,
    String foreground,
    String mutedForeground,
    String nodeFill,
    String ghostFill,
    String edge,
    String crossEdge,
    double edgeWidth,
    double hullFillOpacity,
    double hullStrokeOpacity,
    double fadedOpacity,
    Typography typography) {

  /** Dark text on white. */
  public static final Theme LIGHT =
      new Theme(
          "light",
          "#FFFFFF",
          "#1F2328",
          "#59636E",
          "#FFFFFF",
          "#F2F3F5",
          "#8C959F",
          "#CF222E",
          1.2,
          0.14,
          0.75,
          0.28,
          Typography.DEFAULT);

  /** Light text on a dark grey; hulls a little stronger so they show on the dark canvas. */
  public static final Theme DARK =
      new Theme(
          "dark",
          "#161B22",
          "#E6EDF3",
          "#9198A1",
          "#22272E",
          "#1C2128",
          "#6E7681",
          "#FF7B72",
          1.2,
          0.22,
          0.85,
          0.30,
          Typography.DEFAULT);

  /** For a beamer: white canvas, black text, thicker lines and 1.5 times larger everything. */
  public static final Theme PROJECTOR =
      new Theme(
          "projector",
          "#FFFFFF",
          "#000000",
          "#333333",
          "#FFFFFF",
          "#EDEDED",
          "#444444",
          "#C00000",
          2.2,
          0.20,
          0.95,
          0.22,
          Typography.DEFAULT.scaled(1.5));

  /** Checks the arguments. */
  public Theme {
    Objects.requireNonNull(name);
    Objects.requireNonNull(typography);
  }

  /** The three themes. */
  public static List<Theme> all() {
    return List.of(LIGHT, DARK, PROJECTOR);
  }

  /** The theme called {@code name}, ignoring case. */
  public static Theme named(String name) {
    for (Theme t : all()) {
      if (t.name.equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no theme " + name + "; try light, dark or projector");
  }

  /** This theme with text and spacing scaled by {@code factor}. */
  public Theme withFontScale(double factor) {
    return new Theme(
        name,
        background,
        foreground,
        mutedForeground,
        nodeFill,
        ghostFill,
        edge,
        crossEdge,
        edgeWidth,
        hullFillOpacity,
        hullStrokeOpacity,
        fadedOpacity,
        typography.scaled(factor));
  }
}
