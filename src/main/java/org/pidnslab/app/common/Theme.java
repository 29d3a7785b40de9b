package org.pidnslab.app.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The Lab's looks: light, dark, and a projector theme with large type and strong contrast. */
public enum Theme {
  LIGHT("Light"),
  DARK("Dark"),
  PROJECTOR("Projector (large type)");

  private final String title;

  Theme(String title) {
    this.title = title;
  }

  /** The menu text. */
  public String title() {
    return title;
  }

  /** Whether the theme has a dark background. */
  public boolean dark() {
    return this == DARK;
  }

  /** The drawing model's colours and type sizes for this theme. */
  public org.pidnslab.graph.Theme graphTheme() {
    return switch (this) {
      case LIGHT -> org.pidnslab.graph.Theme.LIGHT;
      case DARK -> org.pidnslab.graph.Theme.DARK;
      case PROJECTOR -> org.pidnslab.graph.Theme.PROJECTOR;
    };
  }

  /** Makes {@code scene} use this theme. */
  public void apply(Scene scene) {
    Application.setUserAgentStylesheet(
        dark()
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
    scene.getStylesheets().clear();
    scene.getStylesheets().add(Theme.class.getResource("lab.css").toExternalForm());
    if (this == PROJECTOR) {
      scene.getStylesheets().add(Theme.class.getResource("projector.css").toExternalForm());
    }
  }

  /** The theme saved under {@code name}, or LIGHT. */
  public static Theme parse(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      return LIGHT;
    }
  }
}
