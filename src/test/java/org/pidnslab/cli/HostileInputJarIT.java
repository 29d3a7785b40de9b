package org.pidnslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar against the inputs and targets of issue 10, as real processes with real files
 * and heaps: every case ends with one line on stderr and status 2 (or runs), never a stack trace,
 * and a special or read-only target is never replaced.
 */
class HostileInputJarIT {
  private static final String LINE_TOO_LONG = ":1: line too long (over 4,194,304 characters)\n";

  @TempDir Path dir;

  private Path outDir() throws IOException {
    return Files.createTempDirectory(dir, "out");
  }

  private static void assertOneLine(JarProcess.Result r, String expected) throws IOException {
    assertEquals(2, r.status(), r.err());
    assertEquals(expected, r.err());
  }

  @Test
  void devZeroWithASmallHeapIsOneLine() throws Exception {
    JarProcess.Result r = JarProcess.in(dir).jvm("-Xmx512m").run(outDir(), "run", "/dev/zero");
    assertOneLine(r, "/dev/zero" + LINE_TOO_LONG);
    assertEquals("", r.out());
  }

  @Test
  void aTwoGigabyteSparseFileIsOneLine() throws Exception {
    Path big = dir.resolve("big.pidns");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(2L * 1024 * 1024 * 1024 + 1);
    }
    assertOneLine(
        JarProcess.in(dir).run(outDir(), "run", "big.pidns"), "big.pidns" + LINE_TOO_LONG);
    Path out = dir.resolve("big.svg");
    assertOneLine(
        JarProcess.in(dir).run(outDir(), "export", "big.pidns", "-f", "svg", "-o", "big.svg"),
        "big.pidns: too large to export (over 67,108,864 characters); 'pidns-lab run' reads any"
            + " length\n");
    assertFalse(Files.exists(out));
  }

  /** 300 MB of script runs in a 512 MB heap: it is read as it runs, not held. */
  @Test
  void aThreeHundredMegabyteScriptRunsInA512MegabyteHeap() throws Exception {
    Path s = dir.resolve("long.pidns");
    String comment = "# " + "x".repeat(1_000) + "\n";
    try (BufferedWriter w = Files.newBufferedWriter(s)) {
      w.write("fork init a\n");
      for (long n = 0; n < 300L * 1024 * 1024; n += comment.length()) {
        w.write(comment);
      }
      w.write("exit a\n");
    }
    JarProcess.Result r =
        JarProcess.in(dir).jvm("-Xmx512m").timeout(120).run(outDir(), "run", "long.pidns");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("1: fork init a = 2\n"), r.out());
    assertTrue(r.out().contains(": exit a = 0\n"), r.out());
  }

  /**
   * 2.1 million failing checks: every one reported, in a heap far smaller than the script's parse.
   */
  @Test
  void twoMillionFailingExpectsAreAllReportedInASmallHeap() throws Exception {
    Path s = dir.resolve("expects.pidns");
    try (BufferedWriter w = Files.newBufferedWriter(s)) {
      for (int i = 0; i < 1_050_000; i++) {
        w.write("expect init sid=2 pgid=2\n");
      }
    }
    JarProcess.Result r =
        JarProcess.in(dir).jvm("-Xmx64m").timeout(180).run(outDir(), "run", "expects.pidns");
    assertEquals(1, r.status());
    long lines;
    try (Stream<String> errLines = Files.lines(r.errFile())) {
      lines = errLines.count();
    }
    assertEquals(2_100_000, lines);
    try (BufferedReader in = Files.newBufferedReader(r.errFile())) {
      assertEquals("expects.pidns:1: expected sid=2, got sid=1", in.readLine());
    }
    assertTrue(r.out().startsWith("ns root level=0 parent=-\n"), r.out());
  }

  @Test
  void aGifOfTwoThousandForksFailsItsPixelLimitBeforeDrawing() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      sb.append("fork init t").append(i).append('\n');
    }
    Files.writeString(dir.resolve("forks.pidns"), sb);
    JarProcess.Result r =
        JarProcess.in(dir)
            .jvm("-Xmx256m")
            .run(outDir(), "export", "forks.pidns", "-f", "gif", "-o", "forks.gif");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().startsWith("pidns-lab export: the image would be "), r.err());
    assertTrue(r.err().contains("over the limit of 64 megapixels"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(Files.exists(dir.resolve("forks.gif")));
  }

  /**
   * What still runs out of memory ends with one line too: every label stays taken after its task is
   * reaped, so 400,000 forked, exited and reaped tasks outgrow a 32 MB heap.
   */
  @Test
  void anOutOfMemoryErrorIsOneLine() throws Exception {
    Path s = dir.resolve("labels.pidns");
    try (BufferedWriter w = Files.newBufferedWriter(s)) {
      for (int i = 0; i < 400_000; i++) {
        String t = "task_with_a_long_label_number_" + i;
        w.write("fork init " + t + "\nexit " + t + "\nwait init\n");
      }
    }
    JarProcess.Result r =
        JarProcess.in(dir).jvm("-Xmx32m").timeout(180).run(outDir(), "run", "labels.pidns");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("pidns-lab: out of memory: "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void terminalEscapesInAScriptReachTheTerminalEscaped() throws Exception {
    Files.writeString(dir.resolve("evil.pidns"), "fork init \u001b]0;OWNED\u0007\u001b[2J\n");
    JarProcess.Result r = JarProcess.in(dir).run(outDir(), "run", "evil.pidns");
    assertOneLine(r, "evil.pidns:1: '\\x1b]0;OWNED\\x07\\x1b[2J' is not a valid label\n");
    for (byte b : r.errBytes()) {
      assertTrue(b >= 0x20 || b == '\n', "raw control byte " + b);
    }
  }

  @Test
  void aBadOptionValueIsOneLine() throws Exception {
    Files.writeString(dir.resolve("s.pidns"), "fork init a\n");
    assertOneLine(
        JarProcess.in(dir)
            .run(outDir(), "export", "s.pidns", "-f", "svg", "-o", "s.svg", "--at", "99999999999"),
        "pidns-lab export: Invalid value for option '--at': '99999999999' is not an int (see"
            + " 'pidns-lab export --help')\n");
  }

  @Test
  void aTimeoutEndsALongRun() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      sb.append("fork init t").append(i).append('\n');
    }
    sb.append("kill init -1 SIGTERM\n".repeat(700_000)); // each walks every task
    Files.writeString(dir.resolve("slow.pidns"), sb);
    JarProcess.Result r = JarProcess.in(dir).run(outDir(), "run", "--timeout", "2", "slow.pidns");
    assertEquals(2, r.status(), r.err());
    assertTrue(
        r.err().matches("slow\\.pidns:\\d+: timed out after 2 s \\(--timeout\\)\\n"), r.err());
    assertTrue(r.millis() < 30_000, "took " + r.millis() + " ms");
  }

  /** A device node where this user may make one (root), a FIFO otherwise. */
  private Path specialFile(String name) throws Exception {
    Path p = dir.resolve(name);
    Process mknod =
        new ProcessBuilder("mknod", p.toString(), "c", "1", "3").start(); // as /dev/null
    if (mknod.waitFor() != 0) {
      assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor());
    }
    return p;
  }

  @Test
  void aDeviceTargetIsRefusedAndStaysADevice() throws Exception {
    Files.writeString(dir.resolve("s.pidns"), "fork init a\n");
    Path dev = specialFile("null.svg");
    JarProcess.Result r =
        JarProcess.in(dir).run(outDir(), "export", "s.pidns", "-f", "svg", "-o", "null.svg");
    assertOneLine(
        r,
        "pidns-lab export: null.svg: is not a regular file (a device, FIFO or socket); it is left"
            + " as it is\n");
    assertTrue(Files.exists(dev) && !Files.isRegularFile(dev), "the special file was replaced");
  }

  /**
   * As an ordinary user (nobody, when the tests run as root), a read-only file in the user's own
   * writable folder is not replaced; a writable one is, and keeps its mode.
   */
  @Test
  void anOrdinaryUserCannotReplaceAReadOnlyFile() throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectory(home);
    Files.writeString(home.resolve("s.pidns"), "fork init a\n");
    Files.writeString(home.resolve("ro.svg"), "old");
    Files.writeString(home.resolve("rw.svg"), "old");
    Files.setPosixFilePermissions(
        home.resolve("ro.svg"), PosixFilePermissions.fromString("r--r--r--"));
    Files.setPosixFilePermissions(
        home.resolve("rw.svg"), PosixFilePermissions.fromString("rw-rw----"));
    JarProcess jar = JarProcess.in(home);
    if (isRoot()) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      for (Path p :
          List.of(home, home.resolve("s.pidns"), home.resolve("ro.svg"), home.resolve("rw.svg"))) {
        Files.setOwner(
            p, p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
      }
      jar.as(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
    }
    Path out = Files.createTempDirectory(home, "out");
    JarProcess.Result r = jar.run(out, "export", "s.pidns", "-f", "svg", "-o", "ro.svg");
    assertOneLine(
        r, "pidns-lab export: ro.svg: is read-only (permission denied); it is left as it is\n");
    assertEquals("old", Files.readString(home.resolve("ro.svg")));
    JarProcess.Result w = jar.run(out, "export", "s.pidns", "-f", "svg", "-o", "rw.svg");
    assertEquals(0, w.status(), w.err());
    assertTrue(Files.readString(home.resolve("rw.svg")).startsWith("<?xml"));
    assertEquals(
        "rw-rw----",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("rw.svg"))));
  }

  private static boolean isRoot() throws Exception {
    Process id = new ProcessBuilder("id", "-u").start();
    String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    id.waitFor();
    return uid.equals("0");
  }

  /**
   * {@code kill -9} in the middle of an export leaves its {@code .part} file; the next export to
   * the same file removes it (once unchanged for a minute: the test ages it instead of waiting).
   */
  @Test
  void aPartFileLeftByAKilledExportGoesWithTheNextExport() throws Exception {
    StringBuilder sb = new StringBuilder(); // 510 small frames: about ten seconds of drawing
    for (int i = 0; i < 170; i++) {
      sb.append("fork init t").append(i).append("\nexit t").append(i).append("\nwait init\n");
    }
    Files.writeString(dir.resolve("many.pidns"), sb);
    Process p =
        JarProcess.in(dir).start(outDir(), "export", "many.pidns", "-f", "gif", "-o", "a.gif");
    Path part = null;
    for (int i = 0; i < 600 && part == null; i++) {
      try (Stream<Path> files = Files.list(dir)) {
        part =
            files
                .filter(f -> f.getFileName().toString().startsWith(".a.gif."))
                .findFirst()
                .orElse(null);
      }
      if (part == null) {
        assertTrue(p.isAlive(), "the export ended before its .part file was seen");
        Thread.sleep(50);
      }
    }
    assertTrue(part != null, "no .part file appeared");
    p.destroyForcibly(); // SIGKILL
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    assertTrue(Files.exists(part), "the killed export left no .part file");
    assertFalse(Files.exists(dir.resolve("a.gif")));
    Files.setLastModifiedTime(part, FileTime.from(Instant.now().minusSeconds(120)));
    Files.writeString(dir.resolve("s.pidns"), "fork init a\n");
    JarProcess.Result r =
        JarProcess.in(dir).run(outDir(), "export", "s.pidns", "-f", "gif", "-o", "a.gif");
    assertEquals(0, r.status(), r.err());
    assertFalse(Files.exists(part), "the stale .part file is still there");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of(),
          files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".part")).toList());
    }
  }
}
