package org.pidnslab.export;

import java.util.Map;
import org.pidnslab.graph.AwtTextMetrics;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.DrawingBuilder;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.Theme;
import org.pidnslab.graph.WaitingNote;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;

/**
 * Everything a renderer paints: the drawing model of a state, built exactly as the window builds it
 * (text measured with {@link AwtTextMetrics} in the theme's typography), the notes under exiting
 * inits, and the theme.
 *
 * @param drawing the drawing model
 * @param notes the {@link WaitingNote} of each exiting task, by serial
 * @param theme colours and fonts
 */
public record Picture(Drawing drawing, Map<Integer, String> notes, Theme theme) {

  /** Copies the notes. */
  public Picture {
    notes = Map.copyOf(notes);
  }

  /**
   * The picture of {@code kernel}. The perspective of {@code options} may belong to another run of
   * the same script: it is found in {@code kernel} by its creation serial (none if it does not
   * exist there yet).
   */
  public static Picture of(Kernel kernel, DrawingOptions options, Theme theme) {
    DrawingOptions own = options.withPerspective(sameNamespace(kernel, options.perspective()));
    Drawing d = new DrawingBuilder(new AwtTextMetrics(theme.typography())).build(kernel, own);
    return new Picture(d, WaitingNote.all(kernel), theme);
  }

  private static PidNamespace sameNamespace(Kernel kernel, PidNamespace ns) {
    if (ns == null) {
      return null;
    }
    for (PidNamespace candidate : kernel.namespaces()) {
      if (candidate == ns) {
        return ns;
      }
    }
    for (PidNamespace candidate : kernel.namespaces()) {
      if (candidate.serial() == ns.serial()) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * The page's width: the drawing and a margin on both sides, as the window shows it, rounded up to
   * a whole unit so that a PNG at 1x and the SVG have exactly the same size.
   */
  public double width() {
    return Math.ceil(drawing.width() + 2 * DrawingPainter.MARGIN);
  }

  /** The page's height, margins included, rounded up to a whole unit. */
  public double height() {
    return Math.ceil(drawing.height() + 2 * DrawingPainter.MARGIN);
  }
}
