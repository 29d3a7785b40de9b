package org.pidnslab.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.graph.Theme;
import org.pidnslab.kernel.Kernel;

/** The facade: files written whole or not at all, PNG scale and transparency, the pixel cap. */
class ExporterTest {
  @TempDir Path dir;

  private static ExportRequest nested() throws ExportException {
    return ExportFixtures.request(ExportFixtures.state(ExportFixtures.NESTED), Theme.LIGHT);
  }

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
    }
  }

  @Test
  void everyFormatWritesAFileThatReplacesTheOldOneAndLeavesNoTemporaryFile() throws Exception {
    ExportRequest r = nested().withScenario(Scenario.of("fixture.pidns", ExportFixtures.SCRIPT));
    for (ExportFormat f : ExportFormat.values()) {
      Path out = dir.resolve("state." + f.extension());
      Files.writeString(out, "old");
      Exporter.export(f, r, out);
      assertTrue(Files.size(out) > 100, f + " wrote " + Files.size(out) + " bytes");
      assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aFailedExportLeavesTheOldFileUntouched() throws Exception {
    Path out = dir.resolve("anim.gif");
    Files.writeString(out, "the old animation");
    // a GIF needs a scenario; this request has none
    ExportException e =
        assertThrows(ExportException.class, () -> Exporter.export(ExportFormat.GIF, nested(), out));
    assertTrue(e.getMessage().contains("scenario"), e.getMessage());
    assertEquals("the old animation", Files.readString(out));
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aMissingDirectoryIsAnIoErrorNamingThePath() {
    Path out = dir.resolve("no/such/dir/x.svg");
    IOException e =
        assertThrows(IOException.class, () -> Exporter.export(ExportFormat.SVG, nested(), out));
    assertTrue(e.getMessage().contains("no such directory"), e.getMessage());
    assertTrue(!Files.exists(out));
  }

  @Test
  void pngAtTwiceTheScaleIsTwiceAsLargeAndTransparentKeepsAlpha() throws Exception {
    BufferedImage one = Exporter.image(nested());
    BufferedImage two = Exporter.image(nested().withScale(2));
    assertEquals(one.getWidth() * 2, two.getWidth());
    assertEquals(one.getHeight() * 2, two.getHeight());
    BufferedImage clear = Exporter.image(nested().withTransparentBackground(true));
    assertEquals(0, clear.getRGB(1, 1) >>> 24, "corner is transparent");
    assertEquals(0xFF, one.getRGB(1, 1) >>> 24, "corner is the canvas");
    Path out = dir.resolve("x.png");
    Exporter.export(ExportFormat.PNG, nested().withScale(2), out);
    BufferedImage read = ImageIO.read(out.toFile());
    assertEquals(two.getWidth(), read.getWidth());
    int[] a = two.getRGB(0, 0, two.getWidth(), two.getHeight(), null, 0, two.getWidth());
    int[] b = read.getRGB(0, 0, read.getWidth(), read.getHeight(), null, 0, read.getWidth());
    assertArrayEquals(a, b, "the file holds the clipboard image");
  }

  @Test
  void anImageOverTheCapIsRefusedWithAMessageThatSaysWhatToDo() throws Exception {
    Kernel k = new Kernel();
    for (int i = 0; i < 3000; i++) {
      k.fork(k.init(), "w" + i); // 3000 siblings: one very wide row
    }
    ExportRequest r = ExportFixtures.request(k, Theme.LIGHT).withScale(8);
    ExportException e = assertThrows(ExportException.class, () -> Exporter.image(r));
    assertTrue(
        e.getMessage().contains("megapixels") && e.getMessage().contains("SVG"), e.getMessage());
  }
}
