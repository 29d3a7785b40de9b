package org.pidnslab.export;

import java.util.Objects;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.script.ScriptError;
import org.pidnslab.script.ScriptParser;
import org.pidnslab.script.ScriptRunner;
import org.pidnslab.script.Statement;

/**
 * A {@code .pidns} script as the source of an export: its state after a given line, or its
 * statements one by one for an animation. Failed {@code expect}s do not stop it (an export shows
 * what happened); a script error does.
 *
 * @param name the file name used in error messages ({@code NAME:LINE: message})
 * @param text the script
 * @param lastLine the last line that counts: statements below it are left out
 */
public record Scenario(String name, String text, int lastLine) {

  /** Checks the arguments. */
  public Scenario {
    Objects.requireNonNull(name);
    Objects.requireNonNull(text);
    if (lastLine < 0) {
      throw new IllegalArgumentException("last line must be >= 0: " + lastLine);
    }
  }

  /** The whole script. */
  public static Scenario of(String name, String text) {
    return new Scenario(name, text, Integer.MAX_VALUE);
  }

  /** This scenario up to and including line {@code line}. */
  public Scenario until(int line) {
    return new Scenario(name, text, line);
  }

  /** What the animation shows after each statement. */
  @FunctionalInterface
  public interface StepListener {
    /** Called after {@code statement} ran on {@code kernel} (the same machine at every call). */
    void after(Statement statement, Kernel kernel) throws ExportException;
  }

  /** Runs the statements up to {@link #lastLine} on a fresh machine, calling {@code listener}. */
  public Kernel play(StepListener listener) throws ExportException {
    ScriptRunner runner = new ScriptRunner();
    for (ScriptParser.ParsedLine p : ScriptParser.parse(text)) {
      if (p.line() > lastLine) {
        break;
      }
      try {
        if (p.error() != null) {
          throw p.error();
        }
        runner.execute(p.statement());
      } catch (ScriptError e) {
        throw new ExportException(e.format(name), e);
      }
      listener.after(p.statement(), runner.kernel());
    }
    return runner.kernel();
  }

  /** The state after the statements up to {@link #lastLine}. */
  public Kernel state() throws ExportException {
    return play((s, k) -> {});
  }
}
