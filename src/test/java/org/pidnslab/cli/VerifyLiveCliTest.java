package org.pidnslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.cli.CliTest.Result;
import org.pidnslab.export.MiniJson;
import org.pidnslab.host.Helper;
import org.pidnslab.host.SyntheticProc;

/**
 * {@code pidns-lab verify} and {@code pidns-lab live} as a user meets them: exit statuses, the
 * report's lines, one-line errors. verify runs on this machine's kernel (CI runs as root).
 */
class VerifyLiveCliTest {
  static final String CONFORMANCE = "src/test/resources/conformance/";

  @TempDir Path dir;

  @Test
  void anIdenticalRunSaysWhichKernelAndWhichKindOfRun() {
    Result r = CliTest.cli("verify", CONFORMANCE + "02-clone-newpid-init.pidns");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("kernel: Linux "), r.out());
    assertTrue(lines.get(0).contains("(uname -r)"), r.out());
    assertTrue(lines.get(1).startsWith("run: as root,"), r.out());
    assertTrue(lines.get(2).startsWith("identical: "), r.out());
    assertEquals("", r.err());
  }

  @Test
  void unprivilegedEvenAsRootOnRequest() {
    Result r = CliTest.cli("verify", "--unprivileged", CONFORMANCE + "19-subreaper.pidns");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("run: unprivileged, in a fresh user namespace"), r.out());
  }

  @Test
  void aDifferenceIsAUnifiedDiffWithItsKnownReason() {
    Result r = CliTest.cli("verify", "assets/lessons/15-the-32-level-limit.pidns");
    assertEquals(1, r.status(), r.err());
    assertTrue(r.out().contains("\n--- assets/lessons/15-the-32-level-limit.pidns (simulation"));
    assertTrue(r.out().contains("\n@@ "), r.out());
    assertTrue(r.out().contains("\nnote: line 51: the real run's root namespace is level 1"));
    assertTrue(
        r.out().endsWith("different: the kernel's output (+) is not the simulation's (-)\n"));
  }

  @Test
  void withoutTheHelperItIsOneLineAndExitThree() {
    String old = System.getProperty(Helper.PROPERTY);
    System.setProperty(Helper.PROPERTY, dir.resolve("no-helper-here").toString());
    try {
      Result r = CliTest.cli("verify", CONFORMANCE + "01-fork-tree.pidns");
      assertEquals(3, r.status());
      assertEquals("", r.out());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(
          r.err().startsWith("pidns-lab verify: cannot run on this kernel here: the native helper"),
          r.err());
    } finally {
      if (old == null) {
        System.clearProperty(Helper.PROPERTY);
      } else {
        System.setProperty(Helper.PROPERTY, old);
      }
    }
  }

  @Test
  void aMissingScriptIsExitTwo() {
    Result r = CliTest.cli("verify", dir.resolve("none.pidns").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().endsWith("none.pidns: no such file\n"), r.err());
  }

  private Path machine() throws Exception {
    SyntheticProc p = new SyntheticProc(dir.resolve("proc"));
    p.add("systemd", 0, 4026531836L, 1)
        .add("shim", 1, 4026531836L, 100)
        .add("c-init", 100, 4026532001L, 101, 1)
        .add("sh", 101, 4026532001L, 102, 2);
    return p.root();
  }

  @Test
  void liveShowsTheTreeAndEveryProcess() throws Exception {
    Result r = CliTest.cli("live", "--proc", machine().toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("2 PID namespaces, 4 processes"), r.out());
    assertTrue(
        r.out().contains("\n  pid:[4026532001] level=1 processes=2 parent from init's parent\n"),
        r.out());
    assertTrue(r.out().contains("\n  102 S sh ppid=101 nspid=102/2 pgid=1/0 sid=1/0\n"), r.out());
  }

  @Test
  void liveJsonIsTheDocumentedFormat() throws Exception {
    Result r = CliTest.cli("live", "--json", "--proc", machine().toString());
    assertEquals(0, r.status(), r.err());
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(r.out());
    assertEquals("pidns-lab/live", doc.get("format"));
    assertEquals(1.0, ((Number) doc.get("schemaVersion")).doubleValue());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> procs = (List<Map<String, Object>>) doc.get("processes");
    assertEquals(4, procs.size());
    Map<String, Object> sh = procs.get(3);
    assertEquals("sh", sh.get("comm"));
    assertEquals(
        List.of(102.0, 2.0),
        ((List<?>) sh.get("nspid")).stream().map(n -> ((Number) n).doubleValue()).toList());
  }

  @Test
  void liveScriptRunsInTheSimulation() throws Exception {
    Result r = CliTest.cli("live", "--script", "--proc", machine().toString());
    assertEquals(0, r.status(), r.err());
    Path script = dir.resolve("mine.pidns");
    Files.writeString(script, r.out());
    Result run = CliTest.cli("run", script.toString());
    assertEquals(0, run.status(), run.err() + "\n" + r.out());
    assertTrue(
        run.out().contains("task c-init_101 ns=ns1 state=R parent=shim_100 nspid=3/1"), run.out());
    assertTrue(
        run.out().contains("task sh_102 ns=ns1 state=R parent=c-init_101 nspid=4/2"), run.out());
  }

  @Test
  void liveOnAMissingDirectoryIsOneLine() {
    Result r = CliTest.cli("live", "--proc", dir.resolve("nope").toString());
    assertEquals(2, r.status());
    assertEquals(1, r.err().lines().count());
    assertFalse(r.err().contains("Exception"));
  }

  /**
   * A FIFO (or a {@code <(pipe)}) can be read once: the helper runs the text verify read, never
   * opening the path again (it blocked there, before its alarm, with no writer left).
   */
  @Test
  void aScriptFromAFifoIsReadOnceAndVerified() throws Exception {
    Path fifo = dir.resolve("s.pidns");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Thread writer =
        new Thread(
            () -> {
              try {
                Files.writeString(fifo, "fork init a\nfork a b\n");
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    writer.start();
    Result r = CliTest.cli("verify", "--timeout", "5", fifo.toString());
    writer.join();
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("identical: the kernel printed the same 6 lines"), r.out());
  }

  /** A FIFO nobody writes to blocked verify in open(), before --timeout could stop anything. */
  @Test
  void aFifoNobodyWritesToIsAnErrorAfterTheTimeoutNotAHang() throws Exception {
    Path fifo = dir.resolve("silent.pidns");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    try {
      // before the fix this hung for good: fail instead, well after the 2 s
      Result r =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
              Duration.ofSeconds(30),
              () -> CliTest.cli("verify", "--timeout", "2", fifo.toString()));
      assertEquals(2, r.status(), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().contains("not read within the 2 s of --timeout"), r.err());
    } finally {
      // lets the reader thread left in open() finish
      try (var w = new java.io.FileOutputStream(fifo.toFile())) {
        w.flush();
      }
    }
  }
}
