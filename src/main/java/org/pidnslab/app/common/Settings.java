package org.pidnslab.app.common;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the Lab remembers between runs: window size, theme, layout, recent files and whether to show
 * the welcome. Kept in java.util.prefs under a node that tests can redirect with {@code
 * -Dpidnslab.prefs=NODE}.
 */
public final class Settings {
  private final Preferences prefs;

  public Settings() {
    this(Preferences.userRoot().node(System.getProperty("pidnslab.prefs", "org/pidnslab/lab")));
  }

  public Settings(Preferences prefs) {
    this.prefs = prefs;
  }

  public double width() {
    return prefs.getDouble("width", 1280);
  }

  public double height() {
    return prefs.getDouble("height", 800);
  }

  public void size(double width, double height) {
    prefs.putDouble("width", width);
    prefs.putDouble("height", height);
  }

  /** Whether a window size was saved (a first start has none and fits the window to the screen). */
  public boolean hasSize() {
    return prefs.get("width", null) != null && prefs.get("height", null) != null;
  }

  /** Whether the window was maximised when it was last closed. */
  public boolean maximized() {
    return prefs.getBoolean("maximized", false);
  }

  public void maximized(boolean maximized) {
    prefs.putBoolean("maximized", maximized);
  }

  public String theme() {
    return prefs.get("theme", "LIGHT");
  }

  public void theme(String theme) {
    prefs.put("theme", theme);
  }

  /**
   * The layout the user chose: a {@code LayoutChoice} name, or "AUTO" (the default: by the scene's
   * size).
   */
  public String layout() {
    return prefs.get("layout", "AUTO");
  }

  public void layout(String layout) {
    prefs.put("layout", layout);
  }

  /** Whether the welcome is shown when the Lab starts ("Don't show this again" clears it). */
  public boolean showWelcome() {
    return prefs.getBoolean("showWelcome", true);
  }

  public void showWelcome(boolean show) {
    prefs.putBoolean("showWelcome", show);
  }

  /** Recently opened or saved scripts, newest first. */
  public java.util.List<java.nio.file.Path> recentFiles() {
    java.util.List<java.nio.file.Path> out = new java.util.ArrayList<>();
    for (String s : prefs.get("recent", "").split("\n")) {
      if (!s.isBlank()) {
        out.add(java.nio.file.Path.of(s));
      }
    }
    return out;
  }

  /** Puts {@code file} first in the recent files, keeping {@link #RECENT_LIMIT}. */
  public void addRecent(java.nio.file.Path file) {
    java.util.List<java.nio.file.Path> list = recentFiles();
    java.nio.file.Path abs = file.toAbsolutePath().normalize();
    list.remove(abs);
    list.add(0, abs);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(RECENT_LIMIT, list.size()); i++) {
      b.append(list.get(i)).append('\n');
    }
    prefs.put("recent", b.toString());
  }

  /** How many recent files the File menu lists. */
  static final int RECENT_LIMIT = 8;

  /** Writes the settings out now. */
  public void flush() {
    try {
      prefs.flush();
    } catch (BackingStoreException e) {
      // settings are a convenience: losing them must never stop the Lab
    }
  }
}
