package org.pidnslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, version, errors, and {@code run --explain}. */
class CliTest {
  @TempDir Path dir;

  /** What one command line printed and returned. */
  record Result(int status, String out, String err) {}

  /** Runs the command line in-process with {@code args}. */
  static Result cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        PidnsLabCommand.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path script(String text) throws IOException {
    Path p = dir.resolve("s.pidns");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void helpListsTheRunSubcommand() {
    Result r = cli("--help");
    assertEquals(0, r.status());
    assertTrue(r.out().contains("run"), r.out());
    assertTrue(r.out().contains("--version"), r.out());
  }

  @Test
  void unknownOptionGivesAClearErrorAndStatus2() {
    Result r = cli("--no-such-option");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
  }

  @Test
  void missingFileIsReportedInOneLineWithStatus2() {
    Result r = cli("run", dir.resolve("absent.pidns").toString());
    assertEquals(2, r.status());
    assertEquals(dir.resolve("absent.pidns") + ": no such file\n", r.err());
  }

  @Test
  void runPrintsResultsAndState() throws IOException {
    Result r = cli("run", script("fork init a\nexit a\n").toString());
    assertEquals(0, r.status());
    assertEquals(
        "1: fork init a = 2\n2: exit a = 0\nns root level=0 parent=-\n"
            + "task init ns=root state=R parent=- nspid=1 pgid=1 sid=1\n"
            + "task a ns=root state=Z parent=init nspid=2 pgid=1 sid=1\n",
        r.out());
  }

  @Test
  void explainShowsAllocPidInnermostFirstUnderTheResultLine() throws IOException {
    Path p =
        script(
            "clone init a newpid\nclone a b newpid\nfork b c\nfork b d\nfork b e\nfork b f\n"
                + "clone b g newpid\n");
    Result r = cli("run", "--explain", p.toString());
    assertEquals(0, r.status(), r.err());
    String[] lines = r.out().split("\n");
    int at = java.util.Arrays.asList(lines).indexOf("7: clone b g newpid = 6");
    assertTrue(at >= 0, r.out());
    assertEquals(
        "    create_pid_namespace: ns3 (level 3) is created below ns2, with its own pid_max 4194304",
        lines[at + 1]);
    assertEquals(
        "    alloc_pid: ns3 (level 3) gives 1, ns2 (level 2) gives 6, ns1 (level 1) gives 7, root gives 8",
        lines[at + 2]);
  }

  @Test
  void explainGivesTheReasonForAFailedCall() throws IOException {
    Result r =
        cli("run", "--explain", script("unshare init newpid\nunshare init newpid\n").toString());
    assertTrue(r.out().contains("2: unshare init newpid = EINVAL\n    copy_pid_ns: "), r.out());
  }

  @Test
  void scriptErrorStopsTheRunWithFileAndLine() throws IOException {
    Path p = script("fork init a\nfrobnicate a\nfork init b\n");
    Result r = cli("run", p.toString());
    assertEquals(2, r.status());
    assertEquals("1: fork init a = 2\n", r.out());
    assertEquals(p + ":2: unknown statement 'frobnicate'\n", r.err());
  }
}
