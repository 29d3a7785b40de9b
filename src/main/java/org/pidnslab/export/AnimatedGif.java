package org.pidnslab.export;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
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

  /** One frame before painting: the picture, the statement line and the caption lines. */
  private record Frame(Picture picture, String title, List<String> caption) {}

  private AnimatedGif() {}

  /** Plays the request's scenario and writes the animation to {@code out}. */
  static void write(ExportRequest request, OutputStream out) throws ExportException, IOException {
    Scenario scenario = request.scenario();
    if (scenario == null) {
      throw new ExportException("an animation needs a scenario script");
    }
    Theme theme = request.theme();
    Narration narration = Narration.of(scenario.text());
    List<Picture> pictures = new ArrayList<>();
    List<Statement> statements = new ArrayList<>();
    scenario.play(
        (s, kernel) -> {
          pictures.add(Picture.of(kernel, request.options(), theme));
          statements.add(s);
        });
    if (pictures.isEmpty()) {
      throw new ExportException(scenario.name() + ": no statements to animate");
    }
    double pageW = 0;
    double pageH = 0;
    for (Picture p : pictures) {
      pageW = Math.max(pageW, p.width());
      pageH = Math.max(pageH, p.height());
    }
    Typography ty = theme.typography();
    Font titleFont = font(ty, ty.labelSize(), true);
    Font captionFont = font(ty, ty.labelSize(), false);
    double pad = 10 * ty.scale();
    double width = Math.max(pageW, 480 * ty.scale());
    List<Frame> frames = new ArrayList<>();
    int captionLines = 0;
    for (int i = 0; i < pictures.size(); i++) {
      Statement s = statements.get(i);
      String caption = narration.caption(s.line());
      List<String> lines =
          caption == null ? List.of() : wrap(caption, captionFont, width - 2 * pad);
      captionLines = Math.max(captionLines, lines.size());
      frames.add(new Frame(pictures.get(i), "line " + s.line() + ": " + s.text(), lines));
    }
    double lineH = ty.labelSize() * 1.35;
    // whole units, so the picture's top edge does not blend into the bar's rule
    double bar = Math.ceil(pad * 2 + lineH * (1 + captionLines));
    int scale = request.scale();
    int w = (int) Math.ceil(width * scale);
    int h = (int) Math.ceil((pageH + bar) * scale);
    Raster.check(w, (long) h * frames.size(), scale);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.prepareWriteSequence(null);
      for (int i = 0; i < frames.size(); i++) {
        Frame f = frames.get(i);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
          g.setColor(Colors.web(theme.background()));
          g.fillRect(0, 0, w, h); // every pixel, the rounded-up last row and column included
          g.scale(scale, scale);
          DrawingPainter.setQualityHints(g);
          captionBar(g, f, theme, width, bar, pad, lineH, titleFont, captionFont);
          g.translate((width - f.picture().width()) / 2, bar);
          DrawingPainter.paint(g, f.picture(), true);
        } finally {
          g.dispose();
        }
        int chars = f.caption().stream().mapToInt(String::length).sum();
        int delay = Math.min(MAX_DELAY_CS, MIN_DELAY_CS + chars * 4);
        if (i == frames.size() - 1) {
          delay += LAST_FRAME_EXTRA_CS;
        }
        writeFrame(writer, img, delay, i == 0);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
  }

  private static void captionBar(
      Graphics2D g,
      Frame f,
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
    g.drawString(f.title(), (float) pad, (float) baseline);
    g.setFont(captionFont);
    g.setColor(Colors.web(theme.mutedForeground()));
    for (String line : f.caption()) {
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
