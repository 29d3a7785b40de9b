package org.pidnslab.app.common;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * A transient notification over the graph: a failed call's errno and its one-sentence reason. It
 * never takes the focus and never blocks input; it fades by itself.
 */
public final class Toast extends StackPane {
  private final Label text = new Label();
  private SequentialTransition running;

  public Toast() {
    setId("toast");
    getStyleClass().add("toast");
    text.setId("toastText");
    text.setWrapText(true);
    text.setMaxWidth(520);
    getChildren().add(text);
    setMouseTransparent(true);
    setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    StackPane.setAlignment(this, Pos.BOTTOM_CENTER);
    setVisible(false);
  }

  /** Shows {@code message} for a few seconds. */
  public void show(String message, boolean error) {
    text.setText(message);
    getStyleClass().removeAll("error", "info");
    getStyleClass().add(error ? "error" : "info");
    if (running != null) {
      running.stop();
    }
    setOpacity(1);
    setVisible(true);
    FadeTransition fade = new FadeTransition(Duration.millis(600), this);
    fade.setToValue(0);
    running = new SequentialTransition(new PauseTransition(Duration.seconds(4)), fade);
    running.setOnFinished(e -> setVisible(false));
    running.play();
  }

  /** The message on show, or null. */
  public String message() {
    return isVisible() ? text.getText() : null;
  }
}
