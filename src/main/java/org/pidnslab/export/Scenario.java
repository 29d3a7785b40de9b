package org.pidnslab.export;

import java.io.StringReader;
import java.util.Iterator;
import java.util.Objects;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.script.Deadline;
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
 * @param deadline when playing must stop (an {@link ExportException} then)
 */
public record Scenario(String name, String text, int lastLine, Deadline deadline) {

  /** Checks the arguments. */
  public Scenario {
    Objects.requireNonNull(name);
    Objects.requireNonNull(text);
    Objects.requireNonNull(deadline);
    if (lastLine < 0) {
      throw new IllegalArgumentException("last line must be >= 0: " + lastLine);
    }
  }

  /** A scenario with no deadline. */
  public Scenario(String name, String text, int lastLine) {
    this(name, text, lastLine, Deadline.NONE);
  }

  /** The whole script. */
  public static Scenario of(String name, String text) {
    return new Scenario(name, text, Integer.MAX_VALUE);
  }

  /** This scenario up to and including line {@code line}. */
  public Scenario until(int line) {
    return new Scenario(name, text, line, deadline);
  }

  /** This scenario, stopping when {@code d} passes. */
  public Scenario withDeadline(Deadline d) {
    return new Scenario(name, text, lastLine, d);
  }

  /** Throws once the deadline has passed; {@code line} is where the work got to. */
  void checkDeadline(int line) throws ExportException {
    if (deadline.expired()) {
      ScriptError e = new ScriptError(line, deadline.reason());
      throw new ExportException(e.format(name), e);
    }
  }

  /** What the animation shows after each statement. */
  @FunctionalInterface
  public interface StepListener {
    /** Called after {@code statement} ran on {@code kernel} (the same machine at every call). */
    void after(Statement statement, Kernel kernel) throws ExportException;
  }

  /**
   * Runs the statements up to {@link #lastLine} on a fresh machine, calling {@code listener}. The
   * text is parsed as it runs, so only the machine grows with the script.
   */
  public Kernel play(StepListener listener) throws ExportException {
    ScriptRunner runner = new ScriptRunner();
    for (Iterator<ScriptParser.ParsedLine> it = ScriptParser.stream(new StringReader(text));
        it.hasNext(); ) {
      ScriptParser.ParsedLine p = it.next();
      if (p.line() > lastLine) {
        break;
      }
      checkDeadline(p.line());
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
