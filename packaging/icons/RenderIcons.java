import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * Renders the application icon SVG to the square PNGs the desktop, jpackage and the window use.
 *
 * <p>Run through Maven, which puts Batik on the class path: {@code mvn -B -q -Picons
 * exec:exec@render-icons}. Arguments: the SVG file and the output folder; the PNGs are named
 * {@code <svg name>-<size>.png}.
 */
public final class RenderIcons {
  static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256, 512);

  public static void main(String[] args) throws Exception {
    Path svg = Path.of(args[0]);
    Path dir = Path.of(args[1]);
    String base = svg.getFileName().toString().replaceFirst("\\.svg$", "");
    Files.createDirectories(dir);
    for (int size : SIZES) {
      PNGTranscoder t = new PNGTranscoder();
      t.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) size);
      t.addTranscodingHint(PNGTranscoder.KEY_HEIGHT, (float) size);
      Path png = dir.resolve(base + "-" + size + ".png");
      try (OutputStream out = Files.newOutputStream(png)) {
        t.transcode(new TranscoderInput(svg.toUri().toString()), new TranscoderOutput(out));
      }
      System.out.println(png + " (" + Files.size(png) + " bytes)");
    }
  }
}
