package org.pidnslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line against bad values and hostile scripts, in-process: one line and status 2, never
 * the usage, a stack trace or a raw control character. The same cases through the packaged jar,
 * with real files and limits, are in {@code HostileInputJarIT}.
 */
class CliSafetyTest {
  @TempDir Path dir;

  private Path script(String text) throws IOException {
    Path p = dir.resolve("s.pidns");
    Files.writeString(p, text);
    return p;
  }

  static void assertOneLine(CliTest.Result r, String expected) {
    assertEquals(2, r.status(), r.err());
    assertEquals(expected + "\n", r.err());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "export s.pidns -f svg -o x.svg --at 99999999999|pidns-lab export: Invalid value for"
            + " option '--at': '99999999999' is not an int (see 'pidns-lab export --help')",
        "export s.pidns -f svg -o x.svg --scale x|pidns-lab export: Invalid value for option"
            + " '--scale': 'x' is not an int (see 'pidns-lab export --help')",
        "run --timeout 0 s.pidns|pidns-lab run: Invalid value for option '--timeout': '0' must be"
            + " more than 0 and at most 31622400 seconds (see 'pidns-lab run --help')",
        "run --timeout soon s.pidns|pidns-lab run: Invalid value for option '--timeout': 'soon' is"
            + " not a number of seconds (see 'pidns-lab run --help')",
        "export s.pidns -f svg -o x.svg --timeout -1|pidns-lab export: Invalid value for option"
            + " '--timeout': '-1' must be more than 0 and at most 31622400 seconds (see 'pidns-lab"
            + " export --help')",
        "run|pidns-lab run: Missing required parameter: 'FILE' (see 'pidns-lab run --help')",
        "frobnicate|pidns-lab: Unmatched argument at index 0: 'frobnicate' (see 'pidns-lab --help')"
      })
  void aBadOptionValueIsOneLineNotTheUsage(String args, String line) {
    CliTest.Result r = CliTest.cli(args.split(" "));
    assertOneLine(r, line);
    assertEquals("", r.out());
  }

  @Test
  void aBadArgumentIsShownEscaped() {
    CliTest.Result r = CliTest.cli("run", "a.pidns", "b\u001b[2J");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("'b\\x1b[2J'"), r.err());
    assertFalse(r.err().contains("\u001b"), r.err());
  }

  @Test
  void terminalEscapesOfAScriptAreShownEscapedByRunAndExport() throws IOException {
    Path s = script("fork init \u001b]0;OWNED\u0007\u001b[2J\n");
    String expected = s + ":1: '\\x1b]0;OWNED\\x07\\x1b[2J' is not a valid label";
    assertOneLine(CliTest.cli("run", s.toString()), expected);
    assertOneLine(
        CliTest.cli("export", s.toString(), "-f", "json", "-o", dir.resolve("o.json").toString()),
        expected);
    Path named = dir.resolve("x\u001b[2J.pidns");
    Files.writeString(named, "bogus\n");
    assertOneLine(
        CliTest.cli("run", named.toString()),
        dir + "/x\\x1b[2J.pidns:1: unknown statement 'bogus'");
  }

  @Test
  void aDirectoryAsScriptIsOneLine() {
    assertOneLine(CliTest.cli("run", dir.toString()), dir + ": is a directory");
    assertOneLine(
        CliTest.cli("export", dir.toString(), "-f", "svg", "-o", dir.resolve("o.svg").toString()),
        dir + ": is a directory");
  }

  @Test
  void exportToADashWritesStandardOutput() throws IOException {
    Path s = script("fork init a\n");
    CliTest.Result r = CliTest.cli("export", s.toString(), "-f", "dot", "-o", "-");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("strict digraph pidns {"), r.out());
    assertFalse(Files.exists(Path.of("-")), "a file named '-' was written");
  }

  @Test
  void exportRefusesAFifoAndAReadOnlyFileAndLeavesThem() throws Exception {
    Path s = script("fork init a\n");
    Path fifo = dir.resolve("fifo.svg");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    assertOneLine(
        CliTest.cli("export", s.toString(), "-f", "svg", "-o", fifo.toString()),
        "pidns-lab export: "
            + fifo
            + ": is not a regular file (a device, FIFO or socket); it is left as it is");
    assertFalse(Files.isRegularFile(fifo));
    Path ro = dir.resolve("ro.svg");
    Files.writeString(ro, "old");
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
    assertOneLine(
        CliTest.cli("export", s.toString(), "-f", "svg", "-o", ro.toString()),
        "pidns-lab export: " + ro + ": is read-only (permission denied); it is left as it is");
    assertEquals("old", Files.readString(ro));
  }

  @Test
  void aTimeoutStopsRunAndExportWithOneLine() throws IOException {
    StringBuilder sb = new StringBuilder("fork init a\n");
    for (int i = 0; i < 200_000; i++) {
      sb.append("kill init -1\n");
    }
    Path s = script(sb.toString());
    CliTest.Result r = CliTest.cli("run", "--timeout", "0.001", s.toString());
    assertEquals(2, r.status());
    assertTrue(
        r.err().matches("\\Q" + s + "\\E:\\d+: timed out after 0\\.001 s \\(--timeout\\)\\n"),
        r.err());
    Path out = dir.resolve("t.svg");
    CliTest.Result e =
        CliTest.cli(
            "export", s.toString(), "-f", "svg", "-o", out.toString(), "--timeout", "0.001");
    assertEquals(2, e.status());
    assertTrue(
        e.err().matches("\\Q" + s + "\\E:\\d+: timed out after 0\\.001 s \\(--timeout\\)\\n"),
        e.err());
    assertFalse(Files.exists(out));
  }
}
