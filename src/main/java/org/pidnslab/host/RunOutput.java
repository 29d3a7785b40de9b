package org.pidnslab.host;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.pidnslab.script.ScriptRun;

/**
 * What a run of a script printed and its exit status, from the simulation or from the kernel: the
 * three things {@code pidns-lab verify} compares.
 */
public record RunOutput(String stdout, String stderr, int exit) {
  /** The simulation's run, exactly as {@code pidns-lab run FILE} does it. */
  public static RunOutput simulate(String file, String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, false, StandardCharsets.UTF_8)) {
      exit = ScriptRun.run(file, text, o, e, false);
    }
    return new RunOutput(
        out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), exit);
  }

  /** The stdout lines. */
  public List<String> resultLines() {
    return stdout.lines().toList();
  }

  /**
   * The lines the diff compares: stdout, then stderr lines marked as such, then the exit status.
   */
  public List<String> comparedLines() {
    List<String> lines = new ArrayList<>(resultLines());
    stderr.lines().forEach(l -> lines.add("stderr: " + l));
    lines.add("exit status: " + exit);
    return lines;
  }
}
