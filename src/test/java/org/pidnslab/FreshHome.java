package org.pidnslab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Every test run starts as a new user: before any test, the home directory, java.util.prefs and the
 * autosave directory point into an empty directory ({@code -Dpidnslab.testHome}, which the build
 * sets to {@code target/test-home}; a temporary one otherwise), wiped at the start of the run. So
 * no test depends on, or changes, the settings and autosaves of the machine it runs on. Registered
 * in {@code META-INF/services}; {@link #jvmArgs()} gives the same home to a Lab a test starts as a
 * process of its own.
 */
public final class FreshHome implements LauncherSessionListener {
  private static Path home;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    home();
  }

  /** The test run's home, created empty on first use. */
  public static synchronized Path home() {
    if (home == null) {
      try {
        String given = System.getProperty("pidnslab.testHome");
        Path h =
            given == null || given.isBlank()
                ? Files.createTempDirectory("pidns-lab-home")
                : Path.of(given).toAbsolutePath();
        wipe(h);
        Files.createDirectories(h);
        home = h;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // java.util.prefs reads these when Preferences is first used: no test has run yet
      System.setProperty("user.home", home.toString());
      System.setProperty("java.util.prefs.userRoot", home.resolve(".java/.userPrefs").toString());
      System.setProperty(
          "java.util.prefs.systemRoot", home.resolve(".java/.systemPrefs").toString());
      // an XDG_STATE_HOME of the machine (the build sets one inside the home) must not be used
      System.setProperty("pidnslab.stateDir", stateDir().toString());
    }
    return home;
  }

  /** Where the Labs of this test run keep their autosaves. */
  public static Path stateDir() {
    return home().resolve(".local/state/pidns-lab");
  }

  /** JVM options that give a Lab started as a process the same fresh home. */
  public static List<String> jvmArgs() {
    return List.of(
        "-Duser.home=" + home(),
        "-Djava.util.prefs.userRoot=" + System.getProperty("java.util.prefs.userRoot"),
        "-Djava.util.prefs.systemRoot=" + System.getProperty("java.util.prefs.systemRoot"));
  }

  private static void wipe(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
