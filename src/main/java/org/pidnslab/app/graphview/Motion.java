package org.pidnslab.app.graphview;

import javafx.animation.Interpolator;
import javafx.util.Duration;

/**
 * The one easing and duration scale every animation of the Lab uses, and the speed control's
 * settings: a picture that moves the same way everywhere is easier to read.
 */
public enum Motion {
  INSTANT("Instant", 0),
  FAST("Fast", 0.4),
  NORMAL("Normal", 1),
  SLOW("Slow (classroom)", 2.2);

  /** The shared easing: a gentle start and stop. */
  public static final Interpolator EASING = Interpolator.SPLINE(0.25, 0.1, 0.25, 1);

  /** The base duration of one step of a story (a fork, an exit...) at NORMAL speed. */
  public static final double STEP_MS = 420;

  private final String title;
  private final double factor;

  Motion(String title, double factor) {
    this.title = title;
    this.factor = factor;
  }

  /** The speed control's text. */
  public String title() {
    return title;
  }

  /** {@code steps} base steps at this speed. */
  public Duration steps(double steps) {
    return Duration.millis(STEP_MS * steps * factor);
  }

  /** Whether nothing moves at this speed. */
  public boolean instant() {
    return factor == 0;
  }

  /** The toolbar's speed chooser ("speed: Normal"), set to {@link #NORMAL}. */
  static javafx.scene.control.ComboBox<Motion> chooser() {
    javafx.scene.control.ComboBox<Motion> speed = new javafx.scene.control.ComboBox<>();
    speed.setId("speed");
    speed.getItems().setAll(values());
    speed.setValue(NORMAL);
    speed.setTooltip(
        new javafx.scene.control.Tooltip(
            "Animation speed; Instant shows the final picture at once"));
    speed.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(Motion m) {
            return m == null ? "" : "speed: " + m.title();
          }

          @Override
          public Motion fromString(String s) {
            return NORMAL;
          }
        });
    return speed;
  }
}
