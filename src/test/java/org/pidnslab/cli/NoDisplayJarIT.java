package org.pidnslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar asked for the window where there is no display (a server, an ssh session): two
 * lines that say so and what works instead, status 2, and no stack trace.
 */
class NoDisplayJarIT {
  private static final String FIRST =
      "pidns-lab: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot"
          + " open.";
  private static final String SECOND =
      "Without a window: 'pidns-lab run FILE' or 'pidns-lab export FILE -o OUT' (see --help);"
          + " for the window, a virtual display: xvfb-run -a pidns-lab";

  @TempDir Path home;

  @Test
  void theWindowWithNoDisplayExplainsItselfInTwoLines() throws Exception {
    for (String[] args : new String[][] {{}, {"gui"}, {"gui", "--script=x.pidns"}}) {
      ConformanceJarIT.Run r = ConformanceJarIT.runJar(Map.of("HOME", home.toString()), home, args);
      assertEquals(FIRST + "\n" + SECOND + "\n", r.err(), String.join(" ", args));
      assertEquals("", r.out());
      assertEquals(2, r.status());
    }
  }

  @Test
  void aDoubleClickedScriptWithNoDisplayGetsTheSameMessage() throws Exception {
    Files.writeString(home.resolve("demo.pidns"), "fork init a\n");
    ConformanceJarIT.Run r =
        ConformanceJarIT.runJar(Map.of("HOME", home.toString()), home, "demo.pidns");
    assertEquals(FIRST + "\n" + SECOND + "\n", r.err());
    assertEquals(2, r.status());
  }

  @Test
  void aDisplayThatDoesNotOpenIsOneLineAndTheSameHint() throws Exception {
    // a display number no X server listens on
    ConformanceJarIT.Run r =
        ConformanceJarIT.runJar(Map.of("HOME", home.toString(), "DISPLAY", ":97"), home);
    assertEquals(
        "pidns-lab: cannot open the display :97 (Unable to open DISPLAY).\n" + SECOND + "\n",
        r.err());
    assertEquals(2, r.status());
  }

  @Test
  void theCommandLineStillRunsWithNoDisplay() throws Exception {
    Files.writeString(home.resolve("demo.pidns"), "fork init a\n");
    ConformanceJarIT.Run r =
        ConformanceJarIT.runJar(Map.of("HOME", home.toString()), home, "run", "demo.pidns");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("fork init a = 2\n"), r.out());
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
