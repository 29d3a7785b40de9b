package org.pidnslab.graph;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TextMetrics} from java.awt fonts with anti-aliasing and fractional metrics, the way JavaFX
 * and SVG viewers lay text out. Works with {@code java.awt.headless=true}; no display is needed. If
 * the family is not installed, AWT substitutes its logical font {@code Dialog}.
 *
 * <p>Thread-safe: widths are cached per role and text.
 */
public final class AwtTextMetrics implements TextMetrics {
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private final Typography typography;
  private final Map<TextRole, Font> fonts = new EnumMap<>(TextRole.class);
  private final Map<TextRole, double[]> lines = new EnumMap<>(TextRole.class);
  private final Map<TextRole, Map<String, Double>> widths = new EnumMap<>(TextRole.class);

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
    Map<String, Double> cache = widths.get(role);
    Double w = cache.get(text);
    if (w == null) {
      w = fonts.get(role).getStringBounds(text, FRC).getWidth();
      if (cache.size() < 100_000) {
        cache.put(text, w);
      }
    }
    return w;
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
