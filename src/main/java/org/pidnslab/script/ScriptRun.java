package org.pidnslab.script;

import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * A whole run of a script as {@code pidns-lab run} does it: result lines and the final state on
 * {@code out}, expect mismatches and the script error on {@code err}, and the exit status. The
 * script is read as it runs ({@link ScriptParser#stream}), so its length costs time, not memory;
 * every error line has its control characters escaped ({@link SafeText}).
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
    return run(file, new StringReader(text), out, err, explain, Deadline.NONE);
  }

  /**
   * Runs the script read from {@code in}, stopping with a one-line error (status 2) when {@code
   * deadline} passes or the script cannot be read.
   */
  public static int run(
      String file,
      Reader in,
      PrintStream out,
      PrintStream err,
      boolean explain,
      Deadline deadline) {
    ScriptRunner runner = new ScriptRunner();
    Explainer explainer = new Explainer();
    int status = OK;
    Iterator<ScriptParser.ParsedLine> lines = ScriptParser.stream(in);
    try {
      while (lines.hasNext()) {
        ScriptParser.ParsedLine p = lines.next();
        ScriptRunner.Outcome outcome;
        try {
          if (deadline.expired()) {
            throw new ScriptError(p.line(), deadline.reason());
          }
          if (p.error() != null) {
            throw p.error();
          }
          outcome = runner.execute(p.statement());
        } catch (ScriptError e) {
          return fail(out, err, e.format(file));
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
            err.print(SafeText.escapeControls(file + ":" + p.line() + ": " + m) + "\n");
          }
          status = EXPECT_FAILED;
        }
      }
    } catch (UncheckedIOException e) {
      return fail(
          out, err, SafeText.escapeControls(file + ": cannot read: " + e.getCause().getMessage()));
    }
    for (String line : StatePrinter.lines(runner.kernel())) {
      out.print(line + "\n");
    }
    return status;
  }

  private static int fail(PrintStream out, PrintStream err, String line) {
    out.flush();
    err.print(line + "\n");
    return SCRIPT_ERROR;
  }
}
