package org.pidnslab.app.window;

import java.util.function.DoubleSupplier;
import javafx.scene.Node;
import javafx.scene.control.TabPane;

/**
 * The side panel's tabs, never narrower than their titles: at 1280x800 the panel's share of the
 * window cut "Namespaces" and "Lessons" to "espaces" and "Les", and the projector's larger type
 * needs more room still; so does the ps listing's last column. The titles stay whole words; the
 * picture gives up the width.
 */
final class SideTabs extends TabPane {
  private final DoubleSupplier content;
  private javafx.scene.control.SplitPane split;
  private boolean widening;

  /**
   * @param content the width one of the tabs needs to show whole (the ps listing's columns)
   */
  SideTabs(DoubleSupplier content) {
    this.content = content;
  }

  /**
   * Moves {@code split}'s last divider whenever this panel is narrower than its minimum: a split
   * pane honours a minimum only while a divider is dragged, not when the minimum grows (the theme's
   * font arrives after the first layout).
   */
  void keepWholeIn(javafx.scene.control.SplitPane split) {
    this.split = split;
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    if (split != null && !widening && getWidth() > 0 && getWidth() + 0.5 < minWidth(-1)) {
      widening = true; // once per pulse: the divider moves after this layout
      javafx.application.Platform.runLater(this::widen);
    }
  }

  private void widen() {
    widening = false;
    double need = minWidth(-1);
    if (split.getWidth() > 0 && getWidth() + 0.5 < need) {
      double bar = PaneRoom.bar(split);
      int last = split.getDividers().size() - 1;
      split.setDividerPosition(last, (split.getWidth() - need - bar) / split.getWidth());
    }
  }

  /**
   * The split pane asks this while it lays out, so the panel is wide enough in the very first frame
   * (and in a snapshot taken then), in whatever font the theme gives the titles.
   */
  @Override
  protected double computeMinWidth(double height) {
    Node area = lookup(".tab-header-area");
    double titles = area == null ? 0 : Math.ceil(area.prefWidth(-1)) + 2;
    return Math.max(Math.max(super.computeMinWidth(height), titles), content.getAsDouble());
  }
}
