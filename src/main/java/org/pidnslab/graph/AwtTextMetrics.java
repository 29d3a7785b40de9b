package org.pidnslab.graph;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TextMetrics} from java.awt fonts with anti-aliasing and fractional metrics, the way JavaFX
 * and SVG viewers lay text out. Works with {@code java.awt.headless=true}; no display is needed. If
 * the family is not installed, AWT substitutes its logical font {@code Dialog}.
 *
 * <p>Widths of Latin-1 text (every character below U+0100: digits, ASCII names, the middle dot of
 * the namespace panel) are added up from a per-character table of advances, in {@code float} and in
 * order, exactly as AWT's simple text path ({@code Font.getStringBounds} without kerning or
 * ligatures) does; so no string is measured twice through AWT and a fresh metrics object is as fast
 * as a warm one. Each role's table is checked against AWT once, on sample strings, and not used if
 * any width differs (another JDK might measure differently). Other text is measured by AWT and
 * cached per role and text.
 *
 * <p>Thread-safe: the tables fill lazily with values that never change, the cache is concurrent.
 */
public final class AwtTextMetrics implements TextMetrics {
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private final Typography typography;
  private final Map<TextRole, Font> fonts = new EnumMap<>(TextRole.class);
  private final Map<TextRole, double[]> lines = new EnumMap<>(TextRole.class);
  private final Map<TextRole, Map<String, Double>> widths = new EnumMap<>(TextRole.class);

  /** Per role, its advance table; null until the table has been checked ({@link #table}). */
  private final Advances[] advances = new Advances[TextRole.values().length];

  /** Per role: whether its table was checked and found to reproduce AWT (true) or not (false). */
  private final Boolean[] checked = new Boolean[TextRole.values().length];

  /** Strings whose AWT widths a role's advance table must reproduce before it is used. */
  private static final String[] SAMPLES = {
    "0123456789",
    "init",
    "job-4711 worker_2",
    "ns12 \u00b7 level 3",
    "last pid 32768 \u00b7 max 4194304",
    "AVAV To Wa fi ffl",
    "\u00c9t\u00e9 \u00fc\u00df\u00f1"
  };

  /** Metrics for {@code typography}. */
  public AwtTextMetrics(Typography typography) {
    this.typography = Objects.requireNonNull(typography);
    for (TextRole role : TextRole.values()) {
      FontSpec spec = typography.font(role);
      Font font =
          new Font(spec.family(), spec.bold() ? Font.BOLD : Font.PLAIN, 1)
              .deriveFont((float) spec.size());
      fonts.put(role, font);
      LineMetrics lm = font.getLineMetrics("Xg0", FRC);
      lines.put(
          role, new double[] {lm.getAscent() + lm.getDescent() + lm.getLeading(), lm.getAscent()});
      widths.put(role, new ConcurrentHashMap<>());
    }
  }

  /** Metrics for the default typography. */
  public AwtTextMetrics() {
    this(Typography.DEFAULT);
  }

  @Override
  public Typography typography() {
    return typography;
  }

  @Override
  public double width(String text, TextRole role) {
    if (text.isEmpty()) {
      return 0;
    }
    double latin = latinWidth(text, role);
    if (latin == latin) { // not NaN
      return latin;
    }
    Map<String, Double> cache = widths.get(role);
    Double w = cache.get(text);
    if (w == null) {
      w = awtWidth(text, role);
      if (cache.size() < 100_000) {
        cache.put(text, w);
      }
    }
    return w;
  }

  /**
   * The width of Latin-1 text from the advance table, summed as AWT sums it; NaN if the text has
   * another character or the role has no table.
   */
  private double latinWidth(String text, TextRole role) {
    float[] table = table(role);
    if (table == null) {
      return Double.NaN;
    }
    return sum(table, text, role);
  }

  /**
   * The advances of the characters below U+0100 (NaN: not measured yet). The array is filled with
   * NaN before the final field is set, so a thread that reads the holder without a lock sees NaN or
   * a measured advance in every slot, never a stale 0; a slot measured twice gets the same value.
   */
  private static final class Advances {
    final float[] table;

    Advances() {
      float[] t = new float[0x100];
      Arrays.fill(t, Float.NaN);
      table = t;
    }
  }

  /** The advance table of {@code role}, checked on its first use; null if AWT does not add up. */
  private float[] table(TextRole role) {
    int r = role.ordinal();
    Advances a = advances[r];
    if (a != null) {
      return a.table;
    }
    if (checked[r] == Boolean.FALSE) { // racy read of an immutable constant: at worst we lock
      return null;
    }
    synchronized (checked) {
      if (checked[r] == null) {
        Advances t = new Advances();
        boolean same = true;
        for (String sample : SAMPLES) {
          same &= sum(t.table, sample, role) == awtWidth(sample, role);
        }
        checked[r] = same;
        if (same) {
          advances[r] = t;
        }
      }
      a = advances[r];
      return a == null ? null : a.table;
    }
  }

  /** The sum of the advances of Latin-1 text in float, in order; NaN for other text. */
  private double sum(float[] table, String text, TextRole role) {
    float w = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x100) {
        return Double.NaN;
      }
      float a = table[c];
      if (a != a) { // not measured yet
        a = (float) awtWidth(String.valueOf(c), role);
        table[c] = a;
      }
      w += a;
    }
    return w;
  }

  private double awtWidth(String text, TextRole role) {
    return fonts.get(role).getStringBounds(text, FRC).getWidth();
  }

  @Override
  public double lineHeight(TextRole role) {
    return lines.get(role)[0];
  }

  @Override
  public double ascent(TextRole role) {
    return lines.get(role)[1];
  }
}
