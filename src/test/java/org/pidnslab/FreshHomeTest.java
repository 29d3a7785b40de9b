package org.pidnslab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/** The tests run as a new user: home, settings and autosaves in a directory of the run's own. */
class FreshHomeTest {
  @Test
  void settingsAndAutosavesLiveInTheRunsOwnHome() throws Exception {
    Path home = FreshHome.home();
    assertTrue(Path.of(System.getProperty("user.home")).equals(home));
    assertTrue(
        home.startsWith(Path.of("target").toAbsolutePath())
            || home.startsWith(Path.of(System.getProperty("java.io.tmpdir"))),
        home.toString());
    Preferences node = Preferences.userRoot().node("org/pidnslab/fresh-home-test");
    node.put("probe", "1");
    node.flush();
    try (var files = Files.walk(home.resolve(".java/.userPrefs"))) {
      assertTrue(
          files.anyMatch(p -> p.toString().endsWith("fresh-home-test/prefs.xml")),
          "java.util.prefs writes into the fresh home");
    }
    node.removeNode();
    assertTrue(FreshHome.stateDir().startsWith(home));
  }
}
