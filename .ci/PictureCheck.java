import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Checks a screenshot from CI: {@code java .ci/PictureCheck.java FILE WIDTH HEIGHT} exits 0 when
 * FILE is a WIDTHxHEIGHT picture with something drawn on it (many colours, no colour covering
 * nearly all of it), else prints one line saying what is wrong and exits 1. A single-file program:
 * the JDK runs it without a build and without ImageMagick.
 */
public final class PictureCheck {
  public static void main(String[] args) throws Exception {
    BufferedImage img = ImageIO.read(new File(args[0]));
    if (img == null) {
      fail(args[0] + ": not a picture");
    }
    int w = Integer.parseInt(args[1]);
    int h = Integer.parseInt(args[2]);
    if (img.getWidth() != w || img.getHeight() != h) {
      fail(args[0] + ": " + img.getWidth() + "x" + img.getHeight() + ", expected " + w + "x" + h);
    }
    Map<Integer, Integer> colours = new HashMap<>();
    for (int y = 0; y < h; y += 2) {
      for (int x = 0; x < w; x += 2) {
        colours.merge(img.getRGB(x, y), 1, Integer::sum);
      }
    }
    int most = colours.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    double share = most / (double) ((w / 2) * (h / 2));
    if (colours.size() < 16 || share > 0.97) {
      fail(args[0] + ": looks blank (" + colours.size() + " colours, one covers " + share + ")");
    }
    System.out.printf("%s: %dx%d, %d colours, the commonest covers %.0f %%%n",
        args[0], w, h, colours.size(), 100 * share);
  }

  private static void fail(String why) {
    System.out.println("picture check: " + why);
    System.exit(1);
  }
}
