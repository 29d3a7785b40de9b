package org.pidnslab.app.graphview;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.pidnslab.graph.LayoutChoice;

/**
 * Says that a big picture is being laid out in the background ("Laying out 2,000 tasks…"), over the
 * graph, so a blank or stale view never looks like the final one. The layouts report no progress of
 * their own, so the indicator turns without a percentage.
 */
final class LayoutProgress extends VBox {
  private final Label text = new Label();

  LayoutProgress() {
    ProgressIndicator spinner = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
    spinner.setMaxSize(48, 48);
    getChildren().addAll(spinner, text);
    setId("layoutProgress");
    getStyleClass().add("layout-progress");
    setAlignment(Pos.CENTER);
    setSpacing(8);
    setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    setMouseTransparent(true);
    setVisible(false);
  }

  /** Shows the indicator for a picture of {@code tasks} tasks in {@code layout}. */
  void show(int tasks, LayoutChoice layout) {
    String n = String.format(Locale.ROOT, "%,d", tasks);
    text.setText(
        "Laying out "
            + n
            + " tasks"
            + (layout == LayoutChoice.FR ? " (force-directed: this takes a while)" : "")
            + "…");
    setVisible(true);
  }

  void hide() {
    setVisible(false);
  }

  /** What the indicator says (tests read it). */
  String message() {
    return text.getText();
  }
}
