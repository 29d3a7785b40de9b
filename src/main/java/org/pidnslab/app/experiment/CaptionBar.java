package org.pidnslab.app.experiment;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.script.ScriptTrace;

/**
 * The caption over the graph while a script plays: the line just run with its result, and its
 * narration (the comment lines above it in the script), large enough to read at a projector.
 */
final class CaptionBar extends VBox {
  private final Label head = new Label();
  private final Label narration = new Label();

  CaptionBar(Experiment experiment) {
    super(2);
    setId("captionBar");
    getStyleClass().add("caption-bar");
    setPadding(new Insets(8, 14, 8, 14));
    setMaxHeight(USE_PREF_SIZE);
    setMinHeight(USE_PREF_SIZE); // above the graph: the graph shrinks, the caption never elides
    setMouseTransparent(true);
    head.setId("captionHead");
    head.getStyleClass().add("caption-head");
    narration.setId("caption");
    narration.getStyleClass().add("caption-text");
    narration.setWrapText(true);
    getChildren().addAll(head, narration);
    Runnable update =
        () -> {
          int p = experiment.positionProperty().get();
          String text = experiment.captionProperty().get();
          ScriptTrace.Step last =
              p == 0 || p > experiment.stepCount()
                  ? null
                  : experiment.traceProperty().get().steps().get(p - 1);
          boolean narrated = text != null;
          head.setText(
              last == null
                  ? ""
                  : last.line()
                      + ": "
                      + last.statement().text()
                      + (last.result() == null ? "" : " = " + last.result()));
          narration.setText(narrated ? text : "");
          narration.setVisible(narrated);
          narration.setManaged(narrated);
          setVisible(narrated);
          setManaged(narrated);
        };
    experiment.positionProperty().addListener((o, a, b) -> update.run());
    experiment.captionProperty().addListener((o, a, b) -> update.run());
    experiment.traceProperty().addListener((o, a, b) -> update.run());
    update.run();
  }
}
