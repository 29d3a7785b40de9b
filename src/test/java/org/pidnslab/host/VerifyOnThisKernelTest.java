package org.pidnslab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pidns-lab verify} on this machine's kernel (CI runs as root): every conformance script and
 * every lesson gives "identical"; a wrong simulation is a difference; the nesting limit of the real
 * run is explained; a missing helper is "cannot run here". The kernel-recorded corpus runs in
 * {@code KernelCorpusVerifyIT}.
 */
class VerifyOnThisKernelTest {
  @TempDir Path tmp;

  static List<Path> conformance() throws IOException {
    return KernelScripts.in(KernelScripts.CONFORMANCE);
  }

  static List<Path> lessons() throws IOException {
    return KernelScripts.in(KernelScripts.LESSONS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conformance")
  void everyConformanceScriptIsIdentical(Path script) throws Exception {
    Verification v = KernelScripts.verify(script, RunMode.forThisProcess());
    assertTrue(v.identical(), () -> KernelScripts.report(v));
    assertTrue(v.notes().isEmpty());
  }

  /**
   * Every lesson is identical; the 32-level lesson up to the line the real run cannot nest (its
   * root is the machine's level 1), as its recording ({@code .replay-until}) is.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("lessons")
  void everyLessonIsIdentical(Path lesson) throws Exception {
    Path until =
        Path.of("src/test/resources/lessons")
            .resolve(lesson.getFileName().toString().replace(".pidns", ".replay-until"));
    Path script = lesson;
    if (Files.exists(until)) {
      List<String> lines = Files.readAllLines(lesson);
      int stop = lines.indexOf(Files.readString(until).strip());
      script = tmp.resolve(lesson.getFileName());
      Files.write(script, lines.subList(0, stop));
    }
    Verification v = KernelScripts.verify(script, RunMode.forThisProcess());
    assertTrue(v.identical(), () -> KernelScripts.report(v));
  }

  @Test
  void theNestingLimitOfTheRealRunIsExplainedNotBare() throws Exception {
    Verification v =
        KernelScripts.verify(
            KernelScripts.LESSONS.resolve("15-the-32-level-limit.pidns"), RunMode.forThisProcess());
    assertFalse(v.identical());
    assertTrue(v.diff().contains("+51: clone n31 n32 newpid = ENOSPC"), v.diff()::toString);
    assertTrue(
        v.notes().get(0).startsWith("line 51: the real run's root namespace is level 1"),
        v.notes()::toString);
  }

  @Test
  void aWrongSimulationIsReportedAsADifference() throws Exception {
    Path script = KernelScripts.CONFORMANCE.resolve("01-fork-tree.pidns");
    String expected = Files.readString(KernelScripts.CONFORMANCE.resolve("01-fork-tree.expected"));
    String wrong = expected.replaceFirst("(?m)^(3: fork init a) = 2$", "$1 = 7");
    assertFalse(wrong.equals(expected), "the expectation was changed");
    RunOutput kernel =
        new KernelRunner(KernelScripts.helper())
            .run(
                "01-fork-tree.pidns",
                script.toAbsolutePath().getParent(),
                RunMode.forThisProcess(),
                Duration.ofSeconds(60));
    assertEquals(expected, kernel.stdout(), "the kernel printed its recording");
    Verification v =
        Verification.of(
            "01-fork-tree.pidns",
            new RunOutput(wrong, "", 0),
            kernel,
            RunMode.forThisProcess(),
            KernelRelease.of(ThisProcess.kernelRelease()));
    assertFalse(v.identical());
    assertTrue(v.diff().contains("-3: fork init a = 7"), v.diff()::toString);
    assertTrue(v.diff().contains("+3: fork init a = 2"), v.diff()::toString);
  }

  @Test
  void withoutTheHelperItCannotRunAndSaysWhatWouldMakeItWork() {
    Verifier v = new Verifier(Optional.empty(), RunMode.ROOT, Duration.ofSeconds(5));
    CannotRun e = assertThrows(CannotRun.class, () -> v.verify("x.pidns", "fork init a\n"));
    assertTrue(e.getMessage().contains("pidns-lab-helper is not installed"), e.getMessage());
    assertTrue(e.remedy().contains("C compiler"), e.remedy());
    assertFalse(e.line().contains("\n"));
  }

  @Test
  void aRunPastItsTimeoutIsStoppedAndLeavesNothingBehind() throws Exception {
    StringBuilder long_ = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      long_.append("fork init t").append(i).append('\n');
    }
    // a name no other run on this machine has: the helper and its tasks carry it in their
    // command line (they never exec), so other builds' helpers do not count
    String name = "long-" + java.util.UUID.randomUUID() + ".pidns";
    Path script = Files.writeString(tmp.resolve(name), long_);
    CannotRun e =
        assertThrows(
            CannotRun.class,
            () ->
                new KernelRunner(KernelScripts.helper())
                    .run(name, tmp, RunMode.forThisProcess(), Duration.ofSeconds(1)));
    assertTrue(e.getMessage().startsWith("the run did not finish within 1 s"), e.getMessage());
    assertEquals("try a longer --timeout", e.remedy());
    assertEquals(List.of(), processesNamed(name), "no process of the run is left");
  }

  /** The pids of this machine's processes whose command line holds {@code word}. */
  private static List<String> processesNamed(String word) throws IOException {
    List<String> found = new java.util.ArrayList<>();
    try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path d : dirs) {
        try {
          String cmdline = new String(Files.readAllBytes(d.resolve("cmdline")));
          if (cmdline.contains(word)) {
            found.add(d.getFileName() + ": " + cmdline.replace('\0', ' '));
          }
        } catch (IOException gone) {
          // exited while the folder was read
        }
      }
    }
    return found;
  }

  @Test
  void onAnotherSystemItSaysThatFirst() {
    String os = System.getProperty("os.name");
    System.setProperty("os.name", "Mac OS X");
    try {
      Verifier v = new Verifier(Optional.empty(), RunMode.ROOT, Duration.ofSeconds(5));
      CannotRun e = assertThrows(CannotRun.class, () -> v.verify("x.pidns", "fork init a\n"));
      assertEquals("this is Mac OS X, and PID namespaces are Linux's", e.getMessage());
      assertEquals("run verify on Linux", e.remedy());
    } finally {
      System.setProperty("os.name", os);
    }
  }
}
