package org.pidnslab.script;

import java.io.PrintStream;
import java.util.List;

/**
 * A whole run of a script as {@code pidns-lab run} does it: result lines and the final state on
 * {@code out}, expect mismatches and the script error on {@code err}, and the exit status.
 */
public final class ScriptRun {
  /** Exit status: the script ran and every expect held. */
  public static final int OK = 0;

  /** Exit status: an expect failed. */
  public static final int EXPECT_FAILED = 1;

  /** Exit status: a script error stopped the run. */
  public static final int SCRIPT_ERROR = 2;

  private ScriptRun() {}

  /**
   * Runs {@code text}, naming it {@code file} in messages.
   *
   * @param explain whether to print the kernel's steps under each result line
   * @return the exit status
   */
  public static int run(
      String file, String text, PrintStream out, PrintStream err, boolean explain) {
    ScriptRunner runner = new ScriptRunner();
    Explainer explainer = new Explainer();
    int status = OK;
    for (ScriptParser.ParsedLine p : ScriptParser.parse(text)) {
      ScriptRunner.Outcome outcome;
      try {
        if (p.error() != null) {
          throw p.error();
        }
        outcome = runner.execute(p.statement());
      } catch (ScriptError e) {
        out.flush();
        err.print(e.format(file) + "\n");
        return SCRIPT_ERROR;
      }
      if (outcome.resultLine() != null) {
        out.print(outcome.resultLine() + "\n");
        if (explain) {
          for (String step : explainer.steps(outcome)) {
            out.print("    " + step + "\n");
          }
        }
      }
      List<String> mismatches = outcome.mismatches();
      if (!mismatches.isEmpty()) {
        out.flush();
        for (String m : mismatches) {
          err.print(file + ":" + p.line() + ": " + m + "\n");
        }
        status = EXPECT_FAILED;
      }
    }
    for (String line : StatePrinter.lines(runner.kernel())) {
      out.print(line + "\n");
    }
    return status;
  }
}
