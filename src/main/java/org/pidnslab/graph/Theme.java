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
 * @param fadedOpacity opacity of tasks and edges that the chosen perspective cannot see (WCAG
 *     exempts them from contrast: they are deliberately out of the picture)
 * @param ghostOpacity opacity of a zombie's whole figure, text included
 * @param textContrast the least WCAG contrast ratio every text has against what is behind it: 4.5
 *     (AA), 7 (AAA) for the projector; chips need {@link #CHIP_CONTRAST} in every theme
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
    double ghostOpacity,
    double textContrast,
    Typography typography) {

  /** The least contrast of a chip's number against its fill, in every theme (WCAG AA). */
  public static final double CHIP_CONTRAST = 4.5;

  private static final java.util.Map<List<Object>, String> READABLE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** How far a pale chip (another namespace's number) leans from its colour to the box's fill. */
  static final double PALE_CHIP = 0.55;

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
          0.95,
          4.5,
          Typography.DEFAULT);

  /**
   * Light text on a dark grey; hulls a little stronger so they show on the dark canvas, and no
   * stronger, or three nested bright hulls would leave the text below 4.5:1.
   */
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
          0.18,
          0.85,
          0.30,
          0.95,
          4.5,
          Typography.DEFAULT);

  /**
   * For a beamer: white canvas, black text at 7:1 or more against everything behind it, thicker
   * lines, zombies at full opacity, and twice the type (26 px names, 22 px pid numbers), which
   * reads from the back of a classroom.
   */
  public static final Theme PROJECTOR =
      new Theme(
          "projector",
          "#FFFFFF",
          "#000000",
          "#333333",
          "#FFFFFF",
          "#EDEDED",
          "#444444",
          "#A00000",
          2.2,
          0.20,
          0.95,
          0.22,
          1.0,
          7.0,
          Typography.DEFAULT.scaled(2.0));

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
        ghostOpacity,
        textContrast,
        typography.scaled(factor));
  }

  /**
   * The fill of a pid chip in namespace colour {@code index}: the colour itself for the task's own
   * namespace ({@code emphasised}), a pale tint of it towards the box's fill for the others, paler
   * still where the foreground would not reach {@link #CHIP_CONTRAST} on it.
   */
  public String chipFill(int index, boolean emphasised) {
    String colour = Palette.hex(index);
    if (emphasised) {
      return colour;
    }
    for (double w = PALE_CHIP; w < 1; w += 0.05) {
      String fill = Palette.mix(colour, nodeFill, w);
      if (Palette.contrast(foreground, fill) >= CHIP_CONTRAST) {
        return fill;
      }
    }
    return nodeFill;
  }

  /** The colour of a chip's number: black or white on a full colour, the foreground on a tint. */
  public String chipText(int index, boolean emphasised) {
    return emphasised ? Palette.textHex(index) : foreground;
  }

  /**
   * The header of a namespace's box in the namespace tree: its colour, lightened towards the box's
   * fill just enough for black or white text to reach {@link #textContrast()} on it.
   */
  public String headerFill(int index) {
    for (int step = 0; step < 20; step++) {
      String fill = Palette.mix(Palette.hex(index), nodeFill, step / 20.0);
      if (Palette.contrast(Palette.textOn(fill), fill) >= textContrast) {
        return fill;
      }
    }
    return nodeFill;
  }

  /** The header's text colour, black or white, whichever reads better on {@link #headerFill}. */
  public String headerText(int index) {
    return Palette.textOn(headerFill(index));
  }

  /** A namespace's name above its hull: its colour, made {@link #readable}. */
  public String hullName(int index) {
    return readable(Palette.hex(index));
  }

  /** The note under a task waiting for something (an exiting init): the cross edges' colour. */
  public String noteColour() {
    return readable(crossEdge);
  }

  /**
   * {@code colour} moved towards the foreground until it reaches {@link #textContrast()} on every
   * backdrop text on the canvas can have ({@link #hullBackdrops()}).
   */
  public String readable(String colour) {
    // thousands of backdrops: computed once per theme and colour, not on every redraw
    List<Object> key = List.of(background, foreground, hullFillOpacity, textContrast, colour);
    return READABLE.computeIfAbsent(
        key,
        k -> {
          List<String> backdrops = hullBackdrops();
          for (int step = 0; step < 20; step++) {
            String c = Palette.mix(colour, foreground, step / 20.0);
            if (backdrops.stream().allMatch(b -> Palette.contrast(c, b) >= textContrast)) {
              return c;
            }
          }
          return foreground;
        });
  }

  /**
   * What a hull's name, or a note under a task, can be drawn on: the canvas, or one to three nested
   * hulls of different colours over it (deeper hulls fill more lightly, {@link
   * NamespaceHull#fillWeight()}; colours repeat only every eleven namespaces).
   */
  public List<String> hullBackdrops() {
    List<String> out = new java.util.ArrayList<>();
    out.add(background);
    stackHulls(background, List.of(), out);
    return out;
  }

  private void stackHulls(String under, List<Integer> used, List<String> out) {
    if (used.size() == 3) {
      return;
    }
    for (int i = 0; i < Palette.size(); i++) {
      if (!used.contains(i)) {
        String b = Palette.over(Palette.hex(i), hullFillOpacity, under);
        out.add(b);
        List<Integer> more = new java.util.ArrayList<>(used);
        more.add(i);
        stackHulls(b, more, out);
      }
    }
  }
}
