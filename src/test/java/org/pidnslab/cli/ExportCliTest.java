package org.pidnslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pidns-lab export}: every format, its options, and its one-line errors with status 2. */
class ExportCliTest {
  @TempDir Path dir;

  private static CliTest.Result cli(String... args) {
    return CliTest.cli(args);
  }

  private Path script() throws IOException {
    Path p = dir.resolve("s.pidns");
    Files.writeString(
        p, "clone init c newpid\nfork c c1\n# a nested one\nclone c1 d newpid\nexit c1\n");
    return p;
  }

  private static void assertOneLineError(CliTest.Result r, String expected) {
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
  }

  @Test
  void helpListsTheExportSubcommand() {
    assertTrue(cli("--help").out().contains("export"));
    CliTest.Result r = cli("export", "--help");
    assertEquals(0, r.status());
    assertTrue(r.out().contains("--format") && r.out().contains("--view"), r.out());
  }

  @Test
  void everyFormatIsWrittenAndReportsSuccessWithStatus0() throws Exception {
    Path s = script();
    for (String f : new String[] {"svg", "png", "pdf", "dot", "graphml", "json", "gif"}) {
      Path out = dir.resolve("out." + f);
      CliTest.Result r = cli("export", s.toString(), "--format", f, "-o", out.toString());
      assertEquals(0, r.status(), f + ": " + r.err());
      assertEquals("", r.err());
      assertTrue(Files.size(out) > 100, f);
    }
    assertTrue(Files.readString(dir.resolve("out.svg")).contains(">d</text>"));
  }

  @Test
  void atLineExportsTheStateAfterThatLine() throws Exception {
    Path out = dir.resolve("at.json");
    assertEquals(
        0,
        cli("export", script().toString(), "-f", "json", "--at", "2", "-o", out.toString())
            .status());
    String json = Files.readString(out);
    assertTrue(json.contains("\"comm\": \"c1\""), json);
    assertFalse(json.contains("\"comm\": \"d\""), "d is forked on line 4: " + json);
  }

  @Test
  void viewThemeScaleAndTransparencyShapeThePng() throws Exception {
    Path s = script();
    Path plain = dir.resolve("plain.png");
    Path fancy = dir.resolve("fancy.png");
    assertEquals(0, cli("export", s.toString(), "-f", "png", "-o", plain.toString()).status());
    CliTest.Result r =
        cli(
            "export",
            s.toString(),
            "-f",
            "png",
            "--view",
            "ns1",
            "--theme",
            "dark",
            "--scale",
            "2",
            "--transparent",
            "--layout",
            "circular",
            "-o",
            fancy.toString());
    assertEquals(0, r.status(), r.err());
    BufferedImage a = ImageIO.read(plain.toFile());
    BufferedImage b = ImageIO.read(fancy.toFile());
    assertTrue(b.getColorModel().hasAlpha());
    assertEquals(0, b.getRGB(0, 0) >>> 24, "transparent corner");
    assertTrue(b.getWidth() > a.getWidth(), "2x is larger");
  }

  @Test
  void anUnknownFormatIsAOneLineErrorAndWritesNothing() throws Exception {
    Path out = dir.resolve("x.bmp");
    CliTest.Result r = cli("export", script().toString(), "-f", "bmp", "-o", out.toString());
    assertOneLineError(r, "unknown format 'bmp'; try svg, png, pdf, dot, graphml, json, gif");
    assertFalse(Files.exists(out));
  }

  @Test
  void aScriptErrorReadsFileLineMessageAndKeepsTheOldOutput() throws Exception {
    Path s = dir.resolve("bad.pidns");
    Files.writeString(s, "fork init a\nfork ghost b\n");
    Path out = dir.resolve("keep.svg");
    Files.writeString(out, "precious");
    CliTest.Result r = cli("export", s.toString(), "-f", "svg", "-o", out.toString());
    assertOneLineError(r, s + ":2: ");
    assertTrue(r.err().startsWith(s + ":2: "), r.err());
    assertEquals("precious", Files.readString(out));
  }

  @Test
  void anUnknownNamespaceListsTheKnownOnes() throws Exception {
    Path out = dir.resolve("v.svg");
    CliTest.Result r =
        cli("export", script().toString(), "-f", "svg", "--view", "ns9", "-o", out.toString());
    assertOneLineError(r, "no namespace 'ns9' at that point; there are root, ns1, ns2");
    assertFalse(Files.exists(out));
  }

  @Test
  void anUnwritablePathIsAOneLineError() throws Exception {
    CliTest.Result r =
        cli("export", script().toString(), "-f", "png", "-o", dir.resolve("nope/x.png").toString());
    assertOneLineError(r, "no such directory");
    CliTest.Result d = cli("export", script().toString(), "-f", "png", "-o", dir.toString());
    assertOneLineError(d, "is a directory");
  }

  @Test
  void badOptionValuesAreOneLineErrors() throws Exception {
    String s = script().toString();
    String o = dir.resolve("o.png").toString();
    assertOneLineError(
        cli("export", s, "-f", "png", "--scale", "9", "-o", o), "--scale must be 1 to 8");
    assertOneLineError(cli("export", s, "-f", "png", "--theme", "neon", "-o", o), "no theme neon");
    assertOneLineError(
        cli("export", s, "-f", "png", "--layout", "radial", "-o", o), "unknown layout");
    assertOneLineError(
        cli("export", dir.resolve("none.pidns").toString(), "-f", "png", "-o", o), "no such file");
    assertFalse(Files.exists(Path.of(o)));
  }
}
