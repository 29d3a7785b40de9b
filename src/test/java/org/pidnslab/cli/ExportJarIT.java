package org.pidnslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code java -jar target/pidns-lab.jar export ...} as a build server runs it: no DISPLAY, every
 * format, and the error path.
 */
class ExportJarIT {
  private static final Path SCRIPT =
      Path.of("assets/scenarios/when-init-dies.pidns").toAbsolutePath();

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"svg", "png", "pdf", "dot", "graphml", "json", "gif"})
  void thePackagedJarExportsEveryFormatWithoutADisplay(String format) throws Exception {
    Path out = dir.resolve("diagram." + format);
    ConformanceJarIT.Run r =
        ConformanceJarIT.runJar(
            dir, "export", SCRIPT.toString(), "--at", "12", "-f", format, "-o", out.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err(), "no warnings");
    byte[] head = Files.readAllBytes(out);
    String start = new String(head, 0, Math.min(head.length, 64), StandardCharsets.ISO_8859_1);
    switch (format) {
      case "svg" -> assertTrue(start.startsWith("<?xml"), start);
      case "pdf" -> assertTrue(start.startsWith("%PDF-"), start);
      case "gif" -> assertTrue(start.startsWith("GIF89a"), start);
      case "png" -> assertTrue(ImageIO.read(out.toFile()).getWidth() > 100);
      case "dot" -> assertTrue(start.startsWith("strict digraph pidns {"), start);
      case "json" -> assertTrue(start.startsWith("{"), start);
      default -> assertTrue(start.contains("graphml"), start);
    }
  }

  @Test
  void anUnknownFormatExitsWith2AndOneLineOnStderr() throws Exception {
    Path out = dir.resolve("x.tiff");
    ConformanceJarIT.Run r =
        ConformanceJarIT.runJar(
            dir, "export", SCRIPT.toString(), "-f", "tiff", "-o", out.toString());
    assertEquals(2, r.status());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("unknown format 'tiff'"), r.err());
    assertTrue(!Files.exists(out));
  }
}
