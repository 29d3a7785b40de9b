package org.pidnslab.app.window;

import javafx.geometry.Rectangle2D;
import org.pidnslab.app.common.Settings;

/**
 * How big the main window opens: as it was left, or, on a first start, fitted to the screen.
 *
 * @param width the scene's width
 * @param height the scene's height
 * @param maximized whether the stage opens maximised (then width and height are the screen's)
 */
record WindowSize(double width, double height, boolean maximized) {
  /**
   * The size the window's layout needs to show the script, the drawing and the side panel side by
   * side without squeezing any (the size the Lab opened at before it looked at the screen).
   */
  static final double COMFORTABLE_WIDTH = 1280;

  static final double COMFORTABLE_HEIGHT = 800;

  /** The share of the screen a first window takes, leaving room to see what is behind it. */
  static final double SHARE = 0.8;

  /**
   * The first window on a screen whose usable area (without panels) is {@code screen}: {@link
   * #SHARE} of it where that is still comfortable, centred; maximised on smaller screens, where a
   * window any smaller would squeeze the layout and any larger would hide behind the panels.
   */
  static WindowSize firstStart(Rectangle2D screen) {
    double w = Math.floor(screen.getWidth() * SHARE);
    double h = Math.floor(screen.getHeight() * SHARE);
    if (w >= COMFORTABLE_WIDTH && h >= COMFORTABLE_HEIGHT) {
      return new WindowSize(w, h, false);
    }
    return new WindowSize(screen.getWidth(), screen.getHeight(), true);
  }

  /** The saved size and state, or {@link #firstStart} where nothing was saved. */
  static WindowSize forStart(Settings settings, Rectangle2D screen) {
    if (settings.maximized()) {
      return new WindowSize(screen.getWidth(), screen.getHeight(), true);
    }
    if (settings.hasSize()) {
      return new WindowSize(settings.width(), settings.height(), false);
    }
    return firstStart(screen);
  }

  /** Remembers how the window was left, for the next start. */
  static void remember(Settings settings, boolean maximized, double width, double height) {
    settings.maximized(maximized);
    if (!maximized) {
      settings.size(width, height); // a maximised window keeps the size it had before
    }
  }
}
