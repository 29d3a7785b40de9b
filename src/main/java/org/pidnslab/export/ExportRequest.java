package org.pidnslab.export;

import java.util.Objects;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.Theme;
import org.pidnslab.kernel.Kernel;

/**
 * What to export: a kernel state (or a scenario, for an animation), seen as the window sees it.
 *
 * <p>The window makes one with {@link #of} from what is on show (the model's kernel, the current
 * perspective and layout, the graph theme) and adds {@link #withScale}, {@link
 * #withTransparentBackground} or {@link #withScenario} as the export dialog asks. The kernel must
 * not change while an export reads it: export on the FX thread, or hand a copy (replay the history
 * into a fresh {@code ScriptRunner}, as the window's background layout does) to a worker thread.
 *
 * @param kernel the state to export; may be null only when {@code scenario} is set (then the state
 *     is the scenario's, after its last line)
 * @param options perspective (a namespace of {@code kernel}, or null) and layout
 * @param theme colours and fonts
 * @param scale pixels per drawing unit for PNG and GIF: 1 to {@link #MAX_SCALE}
 * @param transparent whether PNG leaves the background transparent instead of the theme's canvas
 * @param scenario the script an animation (GIF) plays, or null
 * @param fitWidth PNG (and the clipboard image) only: scale the picture down, never up, so that it
 *     fits {@code fitWidth x fitHeight} pixels; 0 for no fitting
 * @param fitHeight the height of that box; 0 with {@code fitWidth}
 */
public record ExportRequest(
    Kernel kernel,
    DrawingOptions options,
    Theme theme,
    int scale,
    boolean transparent,
    Scenario scenario,
    int fitWidth,
    int fitHeight) {

  /** The largest PNG scale. */
  public static final int MAX_SCALE = 8;

  /** Checks the arguments. */
  public ExportRequest {
    Objects.requireNonNull(options);
    Objects.requireNonNull(theme);
    if (kernel == null && scenario == null) {
      throw new IllegalArgumentException("a kernel or a scenario is needed");
    }
    if (scale < 1 || scale > MAX_SCALE) {
      throw new IllegalArgumentException("scale must be 1 to " + MAX_SCALE + ": " + scale);
    }
    if (fitWidth < 0 || fitHeight < 0 || (fitWidth == 0) != (fitHeight == 0)) {
      throw new IllegalArgumentException(
          "fit needs a width and a height: " + fitWidth + "x" + fitHeight);
    }
  }

  /** The request of the window and older callers: no fitting. */
  public ExportRequest(
      Kernel kernel,
      DrawingOptions options,
      Theme theme,
      int scale,
      boolean transparent,
      Scenario scenario) {
    this(kernel, options, theme, scale, transparent, scenario, 0, 0);
  }

  /**
   * This request's PNG scaled down, never up, to fit {@code width x height} pixels (both positive),
   * or not fitted for 0 x 0.
   */
  public ExportRequest withFit(int width, int height) {
    return new ExportRequest(kernel, options, theme, scale, transparent, scenario, width, height);
  }

  /** This request with other drawing options (layout, perspective, collapsed parts). */
  public ExportRequest withOptions(DrawingOptions o) {
    return new ExportRequest(kernel, o, theme, scale, transparent, scenario, fitWidth, fitHeight);
  }

  /** Whether a PNG of this request is fitted into a box. */
  public boolean fitted() {
    return fitWidth > 0;
  }

  /** {@code kernel} seen with {@code options} in {@code theme}, at 1x on the theme's canvas. */
  public static ExportRequest of(Kernel kernel, DrawingOptions options, Theme theme) {
    return new ExportRequest(kernel, options, theme, 1, false, null);
  }

  /** The state of {@code scenario} after its last line, no perspective. */
  public static ExportRequest of(Scenario scenario, DrawingOptions options, Theme theme) {
    return new ExportRequest(null, options, theme, 1, false, scenario);
  }

  /** This request at {@code factor} pixels per drawing unit (PNG, GIF). */
  public ExportRequest withScale(int factor) {
    return new ExportRequest(
        kernel, options, theme, factor, transparent, scenario, fitWidth, fitHeight);
  }

  /** This request with (or without) a transparent PNG background. */
  public ExportRequest withTransparentBackground(boolean on) {
    return new ExportRequest(kernel, options, theme, scale, on, scenario, fitWidth, fitHeight);
  }

  /** This request with the script an animation plays. */
  public ExportRequest withScenario(Scenario s) {
    return new ExportRequest(kernel, options, theme, scale, transparent, s, fitWidth, fitHeight);
  }

  /** The state to export: {@link #kernel}, or the scenario's state after its last line. */
  Kernel state() throws ExportException {
    return kernel != null ? kernel : scenario.state();
  }
}
