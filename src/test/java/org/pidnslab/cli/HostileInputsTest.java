package org.pidnslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pidnslab.script.ScriptParser;

/**
 * A fuzz corpus of hostile inputs for {@code run} and {@code export}: random binary files, every
 * control character and every Unicode space in every part of a statement, huge lines and files, and
 * special files. Whatever the input, the command ends with status 0, 1 or 2, a status 2 with
 * exactly one line on stderr, and no stack trace and no raw control character on either stream. The
 * counts are in docs/development.md; {@link #theCorpusHasTheDocumentedSize} keeps them true.
 */
class HostileInputsTest {
  static final int BINARY = 200;

  @TempDir static Path dir;

  /** One hostile script: a name, and how to make its bytes. */
  record Case(String name, Supplier<byte[]> bytes) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The templates a character is put into: verb, label, number, separator, comment, end, value. */
  private static final List<String> TEMPLATES =
      List.of(
          "fo%sk init a\n",
          "fork init a%sb\n",
          "fork init a\nexit a 1%s2\n",
          "fork%sinit a\n",
          "fork init a # %s comment\n",
          "fork init a%s\n",
          "expect init state=R%s\n");

  static List<Case> binary() {
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < BINARY; i++) {
      long seed = 10_000 + i;
      out.add(
          new Case(
              "binary-" + i,
              () -> {
                Random r = new Random(seed);
                byte[] b = new byte[r.nextInt(r.nextBoolean() ? 64 : 16_384)];
                r.nextBytes(b);
                if (r.nextBoolean()) { // half of them start like a script
                  byte[] head = "fork init a\n".getBytes(StandardCharsets.US_ASCII);
                  System.arraycopy(head, 0, b, 0, Math.min(head.length, b.length));
                }
                return b;
              }));
    }
    return out;
  }

  /** C0 (but newline), DEL and C1: 31 + 1 + 32 = 64 characters, in every template. */
  static List<Case> control() {
    List<Character> chars = new ArrayList<>();
    for (char c = 0; c < 0x20; c++) {
      if (c != '\n') {
        chars.add(c);
      }
    }
    chars.add('\u007f');
    for (char c = 0x80; c < 0xa0; c++) {
      chars.add(c);
    }
    List<Case> out = new ArrayList<>();
    for (char c : chars) {
      for (int t = 0; t < TEMPLATES.size(); t++) {
        String text = String.format(TEMPLATES.get(t), c);
        out.add(new Case(String.format("control-%02x-%d", (int) c, t), () -> utf8(text)));
      }
    }
    return out;
  }

  /** Every space that is not space or tab, and invisible format characters, as separators. */
  static List<Case> spaces() {
    String chars =
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f"
            + "\u205f\u3000\u2028\u2029\u200b\u200e\u202e\ufeff\u000b\u000c";
    List<Case> out = new ArrayList<>();
    for (char c : chars.toCharArray()) {
      for (String t : List.of("fork%sinit a\n", "fork init a%s\n", "%sfork init a\n")) {
        String text = String.format(t, c);
        out.add(
            new Case(String.format("space-%04x-%s", (int) c, t.indexOf('%')), () -> utf8(text)));
      }
    }
    return out;
  }

  static List<Case> huge() {
    int max = ScriptParser.MAX_LINE_CHARS;
    return List.of(
        new Case("line-at-limit", () -> utf8("#" + "x".repeat(max - 1) + "\nfork init a\n")),
        new Case("line-over-limit", () -> utf8("fork init a\n#" + "x".repeat(max) + "\n")),
        new Case("nul-line-16MB", () -> new byte[16 * 1024 * 1024]),
        new Case("label-4M", () -> utf8("fork init " + "a".repeat(max - 20) + "\n")),
        new Case("number-1M-digits", () -> utf8("kill init " + "9".repeat(1_000_000) + "\n")),
        new Case("lines-200k", () -> utf8("expect init state=Z\n".repeat(200_000))));
  }

  static Stream<Arguments> corpus() {
    return Stream.of(binary(), control(), spaces(), huge())
        .flatMap(List::stream)
        .map(Arguments::of);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void runAndExportEndCleanly(Case c) throws IOException {
    Path file = dir.resolve(c.name() + ".pidns");
    Files.write(file, c.bytes().get());
    try {
      assertClean(c.name(), CliTest.cli("run", file.toString()));
      Path out = dir.resolve(c.name() + ".json");
      CliTest.Result e = CliTest.cli("export", file.toString(), "-f", "json", "-o", out.toString());
      assertClean(c.name(), e);
      assertEquals(e.status() == 0, Files.exists(out), "a failed export wrote its file");
      Files.deleteIfExists(out);
    } finally {
      Files.delete(file);
    }
  }

  /** The rules every command line obeys, whatever its input. */
  static void assertClean(String name, CliTest.Result r) {
    String context = name + "\n--- stderr:\n" + r.err();
    assertTrue(r.status() >= 0 && r.status() <= 2, "status " + r.status() + ": " + context);
    if (r.status() == 2) {
      assertEquals(1, r.err().lines().count(), "not one line: " + context);
    }
    assertTrue(r.err().isEmpty() || r.err().endsWith("\n"), context);
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), context);
    assertNoRawControls("stderr", r.err(), context);
    assertNoRawControls("stdout", r.out(), context);
  }

  private static void assertNoRawControls(String what, String s, String context) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = Character.getType(c) == Character.CONTROL && c != '\n';
      int at = i;
      assertFalse(
          control,
          () -> what + " has raw U+" + Integer.toHexString(c) + " at " + at + ": " + context);
    }
  }

  @Test
  void specialFilesAsScripts() throws Exception {
    Path fifo = dir.resolve("fifo.pidns");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream o = Files.newOutputStream(fifo)) {
                o.write(utf8("fork init a\n"));
              } catch (IOException e) {
                throw new RuntimeException(e);
              }
            });
    CliTest.Result r = CliTest.cli("run", fifo.toString());
    writer.join();
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("1: fork init a = 2\n"));

    assertClean("dev-null", CliTest.cli("run", "/dev/null"));
    assertEquals(0, CliTest.cli("run", "/dev/null").status());
    CliTest.Result zero = CliTest.cli("run", "/dev/zero");
    assertClean("dev-zero", zero);
    assertEquals("/dev/zero:1: line too long (over 4,194,304 characters)\n", zero.err());
    Path out = dir.resolve("z.svg");
    CliTest.Result zeroExport =
        CliTest.cli("export", "/dev/zero", "-f", "svg", "-o", out.toString());
    assertClean("dev-zero-export", zeroExport);
    assertEquals(2, zeroExport.status());

    Path loop = dir.resolve("loop.pidns");
    Files.createSymbolicLink(loop, loop.getFileName());
    CliTest.Result l = CliTest.cli("run", loop.toString());
    assertClean("symlink-loop", l);
    assertEquals(2, l.status());
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.pidns"), Path.of("nowhere"));
    assertEquals(dangling + ": no such file\n", CliTest.cli("run", dangling.toString()).err());
    CliTest.Result d = CliTest.cli("run", dir.toString());
    assertClean("directory", d);
    assertEquals(2, d.status());
    CliTest.Result proc = CliTest.cli("run", "/proc/self/status");
    assertClean("proc-status", proc);
    assertEquals(2, proc.status());
  }

  @Test
  void theCorpusHasTheDocumentedSize() {
    assertEquals(BINARY, binary().size());
    assertEquals(448, control().size());
    assertEquals(72, spaces().size());
    assertEquals(6, huge().size());
    assertEquals(726, corpus().count());
  }
}
