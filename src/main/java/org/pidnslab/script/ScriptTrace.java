package org.pidnslab.script;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pidnslab.kernel.KernelEvent;

/**
 * A dry run of a whole script on a private machine: what each statement returned, what kind of
 * thing happened at each step (for a timeline's ticks and a quiz's answers) and where the first
 * script error stops the run, exactly as {@code pidns-lab run} would stop there. A player steps
 * only through the statements before that error.
 */
public final class ScriptTrace {

  /** What a step did, as a timeline marks it. */
  public enum Mark {
    /** A task was created (fork or clone). */
    FORK,
    /** A task exited. */
    EXIT,
    /** A PID namespace was created (clone or unshare). */
    NS_CREATED,
    /** A namespace's init died and its namespace was zapped. */
    NS_DIED,
    /** The system call returned an errno. */
    FAILED,
    /** An expect did not hold. */
    EXPECT_FAILED
  }

  /**
   * One statement that ran.
   *
   * @param index the step's position, 0-based
   * @param result what the call returned as the output prints it, null for an expect
   * @param mismatches an expect's wrong fields, as {@code pidns-lab run} reports them
   */
  public record Step(
      int index, Statement statement, String result, List<String> mismatches, Set<Mark> marks) {

    /** The statement's line in the script, 1-based. */
    public int line() {
      return statement.line();
    }

    /** Whether the step is a system call (a quiz can ask for its result). */
    public boolean isCall() {
      return result != null;
    }
  }

  private final List<Step> steps;
  private final ScriptError stop;
  private final List<ScriptError> syntaxErrors;
  // the dry run's machine after the last step, until appended() takes it; a trace is used by one
  // thread (the window's), so this one mutable field needs no lock
  private ScriptRunner end;

  private ScriptTrace(
      List<Step> steps, ScriptError stop, List<ScriptError> syntaxErrors, ScriptRunner end) {
    this.steps = Collections.unmodifiableList(steps);
    this.stop = stop;
    this.syntaxErrors = Collections.unmodifiableList(syntaxErrors);
    this.end = stop == null ? end : null;
  }

  /** Runs {@code text} on a fresh machine and records every step up to the first error. */
  public static ScriptTrace of(String text) {
    List<ScriptParser.ParsedLine> lines = ScriptParser.parse(text);
    List<ScriptError> syntax = new ArrayList<>();
    for (ScriptParser.ParsedLine p : lines) {
      if (p.error() != null) {
        syntax.add(p.error());
      }
    }
    ScriptRunner runner = new ScriptRunner();
    List<Step> steps = new ArrayList<>();
    ScriptError stop = null;
    for (ScriptParser.ParsedLine p : lines) {
      if (p.error() != null) {
        stop = p.error();
        break;
      }
      try {
        ScriptRunner.Outcome o = runner.execute(p.statement());
        steps.add(
            new Step(
                steps.size(),
                p.statement(),
                o.result() == null ? null : o.result().toString(),
                o.mismatches(),
                marks(o)));
      } catch (ScriptError e) {
        stop = e;
        break;
      }
    }
    return new ScriptTrace(steps, stop, syntax, runner);
  }

  /**
   * The trace of this script with {@code s} added as its last line: what {@link #of} gives for the
   * longer text, without re-running the whole script (a click recorded at the end of a long
   * experiment). This trace hands its dry-run machine over, so it can be extended only once;
   * afterwards, or when the script stopped early, it runs everything again from {@code text}.
   *
   * @param text the whole new script, {@code s} on its last statement line
   */
  public ScriptTrace appended(Statement s, String text) {
    ScriptRunner runner = end;
    end = null;
    if (runner == null || (!steps.isEmpty() && s.line() <= steps.get(steps.size() - 1).line())) {
      return of(text);
    }
    List<Step> more = new ArrayList<>(steps.size() + 1);
    more.addAll(steps);
    try {
      ScriptRunner.Outcome o = runner.execute(s);
      more.add(
          new Step(
              more.size(),
              s,
              o.result() == null ? null : o.result().toString(),
              o.mismatches(),
              marks(o)));
      return new ScriptTrace(more, null, syntaxErrors, runner);
    } catch (ScriptError e) {
      return new ScriptTrace(more, e, syntaxErrors, null);
    }
  }

  /** The statements a player can step through, in order. */
  public List<Step> steps() {
    return steps;
  }

  /** The error that ends the run early (syntax or a script rule), or null if the whole ran. */
  public ScriptError stop() {
    return stop;
  }

  /** Every line with bad syntax, also those after {@link #stop()}. */
  public List<ScriptError> syntaxErrors() {
    return syntaxErrors;
  }

  /** The number of steps whose line is at most {@code line}: the position "run up to line". */
  public int stepsThrough(int line) {
    int lo = 0;
    int hi = steps.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (steps.get(mid).line() <= line) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static Set<Mark> marks(ScriptRunner.Outcome o) {
    Set<Mark> m = EnumSet.noneOf(Mark.class);
    if (o.result() != null && o.result().failed()) {
      m.add(Mark.FAILED);
    }
    if (!o.mismatches().isEmpty()) {
      m.add(Mark.EXPECT_FAILED);
    }
    for (KernelEvent e : o.events()) {
      if (e instanceof KernelEvent.TaskForked) {
        m.add(Mark.FORK);
      } else if (e instanceof KernelEvent.TaskExiting) {
        m.add(Mark.EXIT);
      } else if (e instanceof KernelEvent.NamespaceCreated) {
        m.add(Mark.NS_CREATED);
      } else if (e instanceof KernelEvent.NamespaceZapped) {
        m.add(Mark.NS_DIED);
      }
    }
    return m;
  }
}
