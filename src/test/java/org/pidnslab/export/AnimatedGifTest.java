package org.pidnslab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.Theme;
import org.pidnslab.script.ScriptParser;

/** The animated export: one frame per statement, all of one size, looping, with delays. */
class AnimatedGifTest {

  private static byte[] gif(Scenario s) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exporter.write(ExportFormat.GIF, ExportRequest.of(s, DrawingOptions.DEFAULT, Theme.LIGHT), out);
    return out.toByteArray();
  }

  private static IIOMetadataNode find(IIOMetadataNode root, String name) {
    if (root.getNodeName().equals(name)) {
      return root;
    }
    for (int i = 0; i < root.getLength(); i++) {
      IIOMetadataNode hit = find((IIOMetadataNode) root.item(i), name);
      if (hit != null) {
        return hit;
      }
    }
    return null;
  }

  @Test
  void oneFrameOfOneSizePerStatementLoopingForever() throws Exception {
    Scenario s = Scenario.of("fixture.pidns", ExportFixtures.SCRIPT);
    byte[] bytes = gif(s);
    int statements = ScriptParser.parse(ExportFixtures.SCRIPT).size();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      assertEquals(statements, reader.getNumImages(true));
      BufferedImage first = reader.read(0);
      for (int i = 0; i < statements; i++) {
        BufferedImage frame = reader.read(i);
        assertEquals(first.getWidth(), frame.getWidth(), "frame " + i);
        assertEquals(first.getHeight(), frame.getHeight(), "frame " + i);
        IIOMetadataNode meta =
            (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
        int delay =
            Integer.parseInt(find(meta, "GraphicControlExtension").getAttribute("delayTime"));
        assertTrue(delay >= 150, "frame " + i + " shows for " + delay + " cs");
      }
      IIOMetadataNode meta =
          (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
      IIOMetadataNode app = find(meta, "ApplicationExtension");
      assertEquals("NETSCAPE", app.getAttribute("applicationID"));
      // frames differ: the first shows two tasks, the last the dying namespace
      assertTrue(
          ImageDiff.of(first, reader.read(statements - 1), 1, 48).fractionOver() > 0.01,
          "the story moves");
    }
  }

  @Test
  void untilALineTheAnimationStopsThere() throws Exception {
    byte[] bytes = gif(Scenario.of("fixture.pidns", ExportFixtures.SCRIPT).until(3));
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      assertEquals(2, reader.getNumImages(true), "lines 2 and 3");
    }
  }

  @Test
  void captionsWrapAtTheWidthWithoutLosingWords() {
    java.awt.Font f = new java.awt.Font("DejaVu Sans", java.awt.Font.PLAIN, 13);
    String text = "the init of ns1 dies and zap_pid_ns_processes() kills every task in it";
    List<String> lines = AnimatedGif.wrap(text, f, 150);
    assertTrue(lines.size() > 2, lines.toString());
    assertEquals(text, String.join(" ", lines));
  }

  @Test
  void aScriptErrorNamesFileAndLine() {
    Scenario bad = Scenario.of("bad.pidns", "fork init a\nfork nobody b\n");
    ExportException e = assertThrows(ExportException.class, () -> gif(bad));
    assertTrue(e.getMessage().startsWith("bad.pidns:2: "), e.getMessage());
  }
}
