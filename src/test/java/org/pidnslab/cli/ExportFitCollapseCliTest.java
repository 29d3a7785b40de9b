package org.pidnslab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pidns-lab export} with {@code --layout auto|compact}, {@code --collapse} and {@code
 * --fit}.
 */
class ExportFitCollapseCliTest {
  private static final String HOST = Path.of("assets/scenarios/container-host.pidns").toString();

  @TempDir Path dir;

  private static void assertOneLineError(CliTest.Result r, String expected) {
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
  }

  /** A script of {@code containers} namespaces of {@code workers} forks each: a big machine. */
  private Path bigScript(int containers, int workers) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < containers; c++) {
      sb.append("clone init c").append(c).append(" newpid\n");
      for (int w = 0; w < workers; w++) {
        sb.append("fork c").append(c).append(" w").append(c).append('.').append(w).append('\n');
      }
    }
    Path p = dir.resolve("big.pidns");
    Files.writeString(p, sb);
    return p;
  }

  @Test
  void fitScalesThePngDownToTheBoxKeepingItsShape() throws Exception {
    Path script = bigScript(4, 40);
    Path full = dir.resolve("full.png");
    Path fitted = dir.resolve("fitted.png");
    String s = script.toString();
    assertEquals(
        0,
        CliTest.cli("export", s, "-f", "png", "--layout", "tree", "-o", full.toString()).status());
    CliTest.Result r =
        CliTest.cli(
            "export",
            s,
            "-f",
            "png",
            "--layout",
            "tree",
            "--fit",
            "800x600",
            "-o",
            fitted.toString());
    assertEquals(0, r.status(), r.err());
    BufferedImage big = ImageIO.read(full.toFile());
    BufferedImage small = ImageIO.read(fitted.toFile());
    assertTrue(big.getWidth() > 800, "the tree is wider than the box: " + big.getWidth());
    assertTrue(small.getWidth() <= 800 && small.getHeight() <= 600, small.toString());
    assertTrue(small.getWidth() == 800 || small.getHeight() == 600, "touches the box");
    double before = (double) big.getWidth() / big.getHeight();
    double after = (double) small.getWidth() / small.getHeight();
    assertTrue(Math.abs(after - before) / before < 0.05, before + " vs " + after);
  }

  @Test
  void theCompactLayoutOfAFittedPngAimsAtTheBoxsShape() throws Exception {
    for (String box : new String[] {"1600x900", "900x1600"}) {
      Path out = dir.resolve(box + ".png");
      CliTest.Result r =
          CliTest.cli("export", HOST, "-f", "png", "--fit", box, "-o", out.toString());
      assertEquals(0, r.status(), r.err());
      BufferedImage img = ImageIO.read(out.toFile());
      double shape = (double) img.getWidth() / img.getHeight();
      double want = box.startsWith("1600") ? 16.0 / 9 : 9.0 / 16;
      assertTrue(
          shape > want / 1.6 && shape < want * 1.6,
          box + ": " + img.getWidth() + "x" + img.getHeight());
    }
  }

  @Test
  void fitNeverScalesUp() throws Exception {
    Path s = dir.resolve("s.pidns");
    Files.writeString(s, "fork init a\n");
    Path plain = dir.resolve("plain.png");
    Path fitted = dir.resolve("fitted.png");
    assertEquals(
        0, CliTest.cli("export", s.toString(), "-f", "png", "-o", plain.toString()).status());
    assertEquals(
        0,
        CliTest.cli(
                "export", s.toString(), "-f", "png", "--fit", "4000x4000", "-o", fitted.toString())
            .status());
    assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(fitted));
  }

  @Test
  void badFitAndCollapseValuesAreOneLineErrorsThatLeaveTheOutputAlone() throws Exception {
    Path out = dir.resolve("keep.png");
    Files.writeString(out, "old");
    for (String bad :
        new String[] {"abc", "100", "0x100", "100x0", "1920x", "x1080", "99999999x2", "10x10"}) {
      assertOneLineError(
          CliTest.cli("export", HOST, "-f", "png", "--fit", bad, "-o", out.toString()), "--fit");
    }
    assertOneLineError(
        CliTest.cli("export", HOST, "-f", "svg", "--fit", "800x600", "-o", out.toString()),
        "--fit applies to png only");
    assertOneLineError(
        CliTest.cli("export", HOST, "-f", "png", "--collapse", "some", "-o", out.toString()),
        "unknown --collapse 'some'; try auto or none");
    assertOneLineError(
        CliTest.cli("export", HOST, "-f", "png", "--layout", "grid", "-o", out.toString()),
        "try auto, tree, compact, fr or circular");
    assertEquals("old", Files.readString(out));
  }

  @Test
  void collapseAutoFoldsTheHostIntoCardsAndNoneDrawsEveryTask() throws Exception {
    Path folded = dir.resolve("folded.svg");
    Path all = dir.resolve("all.svg");
    CliTest.Result r =
        CliTest.cli("export", HOST, "-f", "svg", "--collapse", "auto", "-o", folded.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(0, CliTest.cli("export", HOST, "-f", "svg", "-o", all.toString()).status());
    String f = Files.readString(folded);
    String a = Files.readString(all);
    assertTrue(f.contains("503 tasks: 503 R"), "the app container's card");
    assertFalse(f.contains(">gunicorn.w500<"), "a folded worker");
    assertTrue(a.contains(">gunicorn.w500<"), "--collapse none is the default");
    assertFalse(a.contains("tasks: "));
    assertTrue(f.length() * 5 < a.length(), f.length() + " vs " + a.length());
  }

  @Test
  void collapseAutoWithFitKeepsTheTextReadableInThatBox() throws Exception {
    Path out = dir.resolve("host.png");
    CliTest.Result r =
        CliTest.cli(
            "export",
            HOST,
            "-f",
            "png",
            "--collapse",
            "auto",
            "--fit",
            "1280x800",
            "-o",
            out.toString());
    assertEquals(0, r.status(), r.err());
    BufferedImage img = ImageIO.read(out.toFile());
    assertTrue(img.getWidth() <= 1280 && img.getHeight() <= 800);
  }

  @Test
  void aTenThousandTaskMachineExportsToAPngOfBoundedShapeFittedOrCollapsed() throws Exception {
    Path script = bigScript(50, 199); // 50 inits with 199 workers each, and init: 10,001 tasks
    String s = script.toString();
    // drawn whole at 1x it is over the pixel limit, and the message says what to do
    assertOneLineError(
        CliTest.cli("export", s, "-f", "png", "-o", dir.resolve("whole.png").toString()), "--fit");
    String[][] ways = {{"--fit", "3840x2160"}, {"--collapse", "auto"}};
    for (String[] way : ways) {
      Path out = dir.resolve(way[0].substring(2) + ".png");
      CliTest.Result r =
          CliTest.cli("export", s, "-f", "png", way[0], way[1], "-o", out.toString());
      assertEquals(0, r.status(), r.err());
      BufferedImage img = ImageIO.read(out.toFile());
      double shape = (double) img.getWidth() / img.getHeight();
      assertTrue(shape <= 4 && shape >= 0.25, img.getWidth() + "x" + img.getHeight());
      assertTrue(img.getWidth() >= 1000, "a picture, not a strip: " + img.getWidth());
    }
  }

  @Test
  void smallScriptsKeepTheTreeByDefault() throws Exception {
    Path s = dir.resolve("s.pidns");
    Files.writeString(s, "clone init c newpid\nfork c a\nfork c b\n");
    Path auto = dir.resolve("auto.svg");
    Path tree = dir.resolve("tree.svg");
    Path compact = dir.resolve("compact.svg");
    assertEquals(
        0, CliTest.cli("export", s.toString(), "-f", "svg", "-o", auto.toString()).status());
    assertEquals(
        0,
        CliTest.cli("export", s.toString(), "-f", "svg", "--layout", "tree", "-o", tree.toString())
            .status());
    assertEquals(
        0,
        CliTest.cli(
                "export",
                s.toString(),
                "-f",
                "svg",
                "--layout",
                "compact",
                "-o",
                compact.toString())
            .status());
    assertEquals(Files.readString(tree), Files.readString(auto));
    assertFalse(Files.readString(tree).equals(Files.readString(compact)));
  }
}
