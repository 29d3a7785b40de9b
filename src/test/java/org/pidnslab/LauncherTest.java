package org.pidnslab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.Launcher.Route;

/** How the launcher chooses between the window and the command line; JavaFX is never started. */
class LauncherTest {
  @TempDir Path dir;

  private static Route route(String... args) {
    return Launcher.route(args, Files::isRegularFile);
  }

  private Path script(String name) throws IOException {
    return Files.writeString(dir.resolve(name), "fork init a\n");
  }

  @Test
  void noArgumentOpensTheWindow() {
    Route r = route();
    assertTrue(r.gui());
    assertArrayEquals(new String[0], r.args());
  }

  @Test
  void guiPassesTheRestToTheWindow() {
    Route r = route("gui", "--script=x.pidns", "--exit=true");
    assertTrue(r.gui());
    assertArrayEquals(new String[] {"--script=x.pidns", "--exit=true"}, r.args());
  }

  @Test
  void aDoubleClickedScriptOpensInTheWindowByAbsolutePath() throws IOException {
    Path s = script("demo.pidns");
    Path relative = Path.of("").toAbsolutePath().relativize(s);
    for (String arg : new String[] {s.toString(), relative.toString(), s.toUri().toString()}) {
      Route r = route(arg);
      assertTrue(r.gui(), arg);
      assertArrayEquals(new String[] {"--open=" + s.toAbsolutePath().normalize()}, r.args(), arg);
    }
  }

  @Test
  void aScriptPathWithSpacesArrivesWhole() throws IOException {
    Path s = script("my lesson.pidns");
    assertArrayEquals(new String[] {"--open=" + s}, route(s.toString()).args());
    assertArrayEquals(new String[] {"--open=" + s}, route(s.toUri().toString()).args());
  }

  @Test
  void runAndExportStayOnTheCommandLine() throws IOException {
    Path s = script("demo.pidns");
    for (String[] args :
        new String[][] {
          {"run", s.toString()}, {"export", s.toString()}, {"--version"}, {"--help"}, {"run"}
        }) {
      Route r = route(args);
      assertFalse(r.gui(), String.join(" ", args));
      assertArrayEquals(args, r.args());
    }
  }

  @Test
  void aMissingScriptOrAnotherFileGoesToTheCommandLineWhichReportsIt() throws IOException {
    Path other = Files.writeString(dir.resolve("notes.txt"), "x");
    Files.createDirectory(dir.resolve("dir.pidns"));
    for (String arg :
        new String[] {
          dir.resolve("absent.pidns").toString(),
          other.toString(),
          dir.resolve("dir.pidns").toString()
        }) {
      Route r = route(arg);
      assertFalse(r.gui(), arg);
      assertArrayEquals(new String[] {arg}, r.args());
    }
  }

  @Test
  void aScriptWithMoreArgumentsIsForTheCommandLine() throws IOException {
    Path s = script("demo.pidns");
    assertFalse(route(s.toString(), "--explain").gui());
  }

  @Test
  void theWindowNeedsDisplayOrWaylandUnlessAHeadlessPlatformIsChosen() {
    String missing = Launcher.noDisplay(Map.of(), null);
    assertTrue(missing.startsWith("pidns-lab: no display found"), missing);
    assertEquals(2, missing.lines().count(), missing);
    assertTrue(missing.contains("pidns-lab run FILE") && missing.contains("xvfb-run"), missing);
    assertEquals(missing, Launcher.noDisplay(Map.of("DISPLAY", " "), null));
    assertNull(Launcher.noDisplay(Map.of("DISPLAY", ":0"), null));
    assertNull(Launcher.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), null));
    assertNull(Launcher.noDisplay(Map.of(), "Monocle"));
  }

  @Test
  void aDisplayThatWouldNotOpenIsRecognisedThroughTheWrappers() {
    Throwable gtk = new UnsupportedOperationException("Unable to open DISPLAY");
    assertEquals(
        "Unable to open DISPLAY",
        Launcher.cannotOpenDisplay(new RuntimeException("launch failed", gtk)));
    assertNull(Launcher.cannotOpenDisplay(new IllegalStateException("something else")));
    assertNull(Launcher.cannotOpenDisplay(new UnsupportedOperationException("no clipboard")));
  }
}
