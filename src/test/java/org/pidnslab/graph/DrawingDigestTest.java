package org.pidnslab.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;

/**
 * The drawings of a fixed set of states, every perspective and layout, are exactly the ones
 * recorded in {@code drawing-digests.txt}: every coordinate to the last bit, through a SHA-256 of
 * the records' text. It guards optimisations of the builder (the recorded digests were checked
 * against the previous, map-based builder before it was removed). When the picture is meant to
 * change, look at it, then rerun with {@code -Dpidnslab.updateDigests=true} and commit the file.
 */
class DrawingDigestTest {
  private static final Path FILE = Path.of("src/test/resources/graph/drawing-digests.txt");

  /** Made-up metrics that differ per character (no font needed, so digests travel). */
  private static final TextMetrics ODD_METRICS =
      new TextMetrics() {
        private final Typography typography = Typography.DEFAULT.scaled(1.1);

        @Override
        public Typography typography() {
          return typography;
        }

        @Override
        public double width(String text, TextRole role) {
          double w = 0;
          for (int i = 0; i < text.length(); i++) {
            w += 5.3 + (text.charAt(i) % 7) * 0.731 + role.ordinal() * 0.17;
          }
          return w;
        }

        @Override
        public double lineHeight(TextRole role) {
          return 13.7 + role.ordinal() * 1.3;
        }
      };

  /** Every drawing of {@code k} seen from each namespace, in each of {@code layouts}. */
  private static String drawings(Kernel k, List<LayoutChoice> layouts) {
    DrawingBuilder b = new DrawingBuilder(ODD_METRICS);
    List<PidNamespace> views = new ArrayList<>();
    views.add(null);
    views.addAll(NamespaceGraph.of(k).vertexSet());
    StringBuilder sb = new StringBuilder();
    for (LayoutChoice layout : layouts) {
      for (PidNamespace view : views) {
        sb.append(b.build(k, new DrawingOptions(view, layout))).append('\n');
      }
    }
    for (PidNamespace view : views) {
      sb.append(b.buildNamespaces(k, view)).append('\n');
    }
    return sb.toString();
  }

  private static Map<String, String> cases() {
    Map<String, String> out = new LinkedHashMap<>();
    for (long seed = 1; seed <= 30; seed++) {
      out.put(
          "random-" + seed,
          drawings(
              Scenes.random(seed, 20 + (int) seed * 9),
              List.of(LayoutChoice.TREE, LayoutChoice.CIRCULAR)));
    }
    out.put("machine", drawings(Scenes.machine().k, List.of(LayoutChoice.values())));
    out.put("deep-nesting", drawings(Scenes.deepNesting().k, List.of(LayoutChoice.values())));
    out.put("fresh", drawings(new Kernel(), List.of(LayoutChoice.values())));
    out.put("chain-in-namespaces", drawings(chainInNamespaces(), List.of(LayoutChoice.TREE)));
    Kernel big = DrawingBuilderTest.bigMachine(3_000);
    DrawingBuilder b = new DrawingBuilder(ODD_METRICS);
    PidNamespace some = big.tasks().get(big.taskCount() - 1).activeNs();
    out.put(
        "big-machine",
        b.build(big) + "\n" + b.build(big, DrawingOptions.DEFAULT.withPerspective(some)));
    out.put("simplified-outlines", outlines());
    return out;
  }

  private static Kernel chainInNamespaces() {
    Kernel k = new Kernel();
    Task outer = k.cloneNewPid(k.init(), "outer").child();
    Task t = outer;
    for (int i = 0; i < 600; i++) {
      t = k.fork(t, i % 3 == 0 ? "w" : "worker").child();
      if (i == 300) {
        t = k.cloneNewPid(t, "inner").child();
      }
    }
    k.fork(outer, "side");
    return k;
  }

  private static String outlines() {
    Random rnd = new Random(5);
    StringBuilder sb = new StringBuilder();
    for (int round = 0; round < 3_000; round++) {
      List<Point> pts = new ArrayList<>();
      int n = rnd.nextInt(40);
      double x = 0;
      double y = 0;
      for (int i = 0; i < n; i++) {
        switch (rnd.nextInt(5)) { // mostly axis-parallel steps, some repeats and diagonals
          case 0 -> x += rnd.nextInt(3);
          case 1 -> y += rnd.nextInt(3);
          case 2 -> x -= rnd.nextInt(3);
          case 3 -> y -= rnd.nextInt(3);
          default -> {
            x += rnd.nextInt(3) - 1;
            y += rnd.nextInt(3) - 1;
          }
        }
        pts.add(new Point(x, y));
      }
      sb.append(NamespaceHulls.simplify(pts)).append('\n');
    }
    return sb.toString();
  }

  private static String sha256(String s) throws NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyRecordedStateIsDrawnExactlyAsRecorded() throws Exception {
    Map<String, String> actual = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : cases().entrySet()) {
      actual.put(e.getKey(), sha256(e.getValue()));
    }
    if (Boolean.getBoolean("pidnslab.updateDigests")) {
      write(actual);
    }
    Map<String, String> recorded = new LinkedHashMap<>();
    for (String line : Files.readAllLines(FILE)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] kv = line.split("=", 2);
        recorded.put(kv[0], kv[1]);
      }
    }
    assertEquals(recorded, actual);
  }

  private static void write(Map<String, String> digests) throws IOException {
    StringBuilder sb =
        new StringBuilder("# SHA-256 of DrawingDigestTest's drawings; see its class comment\n");
    digests.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    Files.createDirectories(FILE.getParent());
    Files.writeString(FILE, sb.toString());
  }
}
