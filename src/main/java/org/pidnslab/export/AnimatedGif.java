package org.pidnslab.export;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.pidnslab.graph.Theme;
import org.pidnslab.graph.Typography;
import org.pidnslab.script.Narration;
import org.pidnslab.script.ScriptParser;
import org.pidnslab.script.Statement;

/**
 * A scenario as an animated GIF: one frame per statement showing the state after it, under a
 * caption bar with the statement ({@code line N: fork init a}) and its narration (the comment lines
 * above it, {@link Narration}). Every frame has the same size, the union of the pictures' pages,
 * with the picture centred; the animation loops forever, and a frame stays longer the longer its
 * caption is.
 */
final class AnimatedGif {
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final int MIN_DELAY_CS = 150;
  private static final int MAX_DELAY_CS = 700;
  private static final int LAST_FRAME_EXTRA_CS = 200;

  private AnimatedGif() {}

  /**
   * Plays the request's scenario and writes the animation to {@code out}. It plays twice: once to
   * measure every frame (the GIF's size comes first in the file), failing as soon as the frames
   * seen so far already pass the pixel limit, and once to paint and write each frame in turn, so
   * only one picture and one image are held at a time.
   */
  static void write(ExportRequest request, OutputStream out) throws ExportException, IOException {
    Scenario scenario = request.scenario();
    if (scenario == null) {
      throw new ExportException("an animation needs a scenario script");
    }
    Theme theme = request.theme();
    Typography ty = theme.typography();
    Font titleFont = font(ty, ty.labelSize(), true);
    Font captionFont = font(ty, ty.labelSize(), false);
    double pad = 10 * ty.scale();
    double lineH = ty.labelSize() * 1.35;
    int scale = request.scale();
    Narration narration = Narration.of(scenario.text());
    int frames = statementsUpTo(scenario);
    double minBar = Math.ceil(pad * 2 + lineH);
    double[] page = new double[2];
    scenario.play(
        (s, kernel) -> {
          Picture p = Picture.of(kernel, request.options(), theme);
          page[0] = Math.max(page[0], p.width());
          page[1] = Math.max(page[1], p.height());
          // at least this big: fail before drawing a single frame
          Raster.check(
              (long) Math.ceil(Math.max(page[0], 480 * ty.scale()) * scale),
              (long) Math.ceil((page[1] + minBar) * scale) * frames,
              scale);
        });
    if (frames == 0) {
      throw new ExportException(scenario.name() + ": no statements to animate");
    }
    double width = Math.max(page[0], 480 * ty.scale());
    int[] captionLines = {0};
    scenario.play(
        (s, kernel) ->
            captionLines[0] =
                Math.max(captionLines[0], caption(narration, s, captionFont, width, pad).size()));
    // whole units, so the picture's top edge does not blend into the bar's rule
    double bar = Math.ceil(pad * 2 + lineH * (1 + captionLines[0]));
    int w = (int) Math.ceil(width * scale);
    int h = (int) Math.ceil((page[1] + bar) * scale);
    Raster.check(w, (long) h * frames, scale);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.prepareWriteSequence(null);
      int[] index = {0};
      scenario.play(
          (s, kernel) -> {
            Picture picture = Picture.of(kernel, request.options(), theme);
            List<String> caption = caption(narration, s, captionFont, width, pad);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
              g.setColor(Colors.web(theme.background()));
              g.fillRect(0, 0, w, h); // every pixel, the rounded-up last row and column included
              g.scale(scale, scale);
              DrawingPainter.setQualityHints(g);
              String title = "line " + s.line() + ": " + s.text();
              captionBar(g, title, caption, theme, width, bar, pad, lineH, titleFont, captionFont);
              g.translate((width - picture.width()) / 2, bar);
              DrawingPainter.paint(g, picture, true);
            } finally {
              g.dispose();
            }
            int chars = caption.stream().mapToInt(String::length).sum();
            int delay = Math.min(MAX_DELAY_CS, MIN_DELAY_CS + chars * 4);
            if (index[0] == frames - 1) {
              delay += LAST_FRAME_EXTRA_CS;
            }
            try {
              writeFrame(writer, img, delay, index[0] == 0);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            index[0]++;
          });
      writer.endWriteSequence();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      writer.dispose();
    }
  }

  /** How many statements the scenario plays: those up to its last line, before any bad line. */
  private static int statementsUpTo(Scenario scenario) {
    int n = 0;
    for (Iterator<ScriptParser.ParsedLine> it =
            ScriptParser.stream(new StringReader(scenario.text()));
        it.hasNext(); ) {
      ScriptParser.ParsedLine p = it.next();
      if (p.line() > scenario.lastLine() || p.error() != null) {
        break;
      }
      n++;
    }
    return n;
  }

  /** The caption of {@code s}, wrapped to the frame. */
  private static List<String> caption(
      Narration narration, Statement s, Font font, double width, double pad) {
    String caption = narration.caption(s.line());
    return caption == null ? List.of() : wrap(caption, font, width - 2 * pad);
  }

  private static void captionBar(
      Graphics2D g,
      String title,
      List<String> caption,
      Theme theme,
      double width,
      double bar,
      double pad,
      double lineH,
      Font titleFont,
      Font captionFont) {
    g.setColor(Colors.web(theme.ghostFill()));
    g.fill(new Rectangle2D.Double(0, 0, width, bar));
    g.setColor(Colors.web(theme.edge()));
    g.fill(new Rectangle2D.Double(0, bar - 1, width, 1));
    double baseline = pad + titleFont.getSize2D();
    g.setFont(titleFont);
    g.setColor(Colors.web(theme.foreground()));
    g.drawString(title, (float) pad, (float) baseline);
    g.setFont(captionFont);
    g.setColor(Colors.web(theme.mutedForeground()));
    for (String line : caption) {
      baseline += lineH;
      g.drawString(line, (float) pad, (float) baseline);
    }
  }

  private static Font font(Typography ty, double size, boolean bold) {
    return new Font(ty.family(), bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
  }

  /** {@code text} broken at spaces into lines no wider than {@code max}. */
  static List<String> wrap(String text, Font font, double max) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      String tried = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && font.getStringBounds(tried, FRC).getWidth() > max) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(tried);
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static void writeFrame(ImageWriter writer, BufferedImage img, int delayCs, boolean first)
      throws IOException {
    ImageWriteParam param = writer.getDefaultWriteParam();
    IIOMetadata meta =
        writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
    String format = meta.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(delayCs));
    control.setAttribute("transparentColorIndex", "0");
    if (first) {
      // NETSCAPE2.0 application extension: loop count 0, i.e. forever
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      app.setUserObject(new byte[] {1, 0, 0});
      child(root, "ApplicationExtensions").appendChild(app);
    }
    meta.setFromTree(format, root);
    writer.writeToSequence(new IIOImage(img, null, meta), param);
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }
}
