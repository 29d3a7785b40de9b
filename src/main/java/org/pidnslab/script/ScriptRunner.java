package org.pidnslab.script;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.pidnslab.kernel.Errno;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.KernelEvent;
import org.pidnslab.kernel.SysResult;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * Drives a {@link Kernel} one statement at a time: resolves labels, checks the script rules (known
 * and free labels, running actors, waits for real children) and makes the system call.
 */
public final class ScriptRunner {
  private final Kernel kernel;
  private final Map<String, Task> labels = new HashMap<>();

  /** A runner on a fresh machine. */
  public ScriptRunner() {
    this(new Kernel());
  }

  /** A runner on {@code kernel}, whose init is labelled {@code init}. */
  public ScriptRunner(Kernel kernel) {
    this.kernel = kernel;
    labels.put("init", kernel.init());
  }

  /** The machine this runner drives. */
  public Kernel kernel() {
    return kernel;
  }

  /** The task with this label, reaped ones included; null if no statement ever created it. */
  public Task task(String label) {
    return labels.get(label);
  }

  /** Every label ever given, with its task. */
  public Map<String, Task> labels() {
    return Collections.unmodifiableMap(labels);
  }

  /**
   * What one statement did.
   *
   * @param result the system call's result, null for an expect
   * @param mismatches for an expect, one {@code expected F=V, got F=W} per wrong field
   * @param events the kernel events the statement caused, in order
   */
  public record Outcome(
      Statement statement, SysResult result, List<String> mismatches, List<KernelEvent> events) {

    /** The result line, {@code LINE: words = RESULT}, or null for an expect. */
    public String resultLine() {
      return result == null ? null : statement.line() + ": " + statement.text() + " = " + result;
    }
  }

  /** Runs one statement; a script error leaves the machine as it was. */
  public Outcome execute(Statement s) throws ScriptError {
    if (s instanceof Statement.Expect e) {
      return new Outcome(s, null, check(e), List.of());
    }
    Task actor = running(s.line(), s.actor());
    List<KernelEvent> events = new ArrayList<>();
    Consumer<KernelEvent> recorder = events::add;
    kernel.addListener(recorder);
    try {
      SysResult r = call(s, actor);
      if (r.child() != null) {
        labels.put(r.child().comm(), r.child());
      }
      return new Outcome(s, r, List.of(), List.copyOf(events));
    } finally {
      kernel.removeListener(recorder);
    }
  }

  private SysResult call(Statement s, Task actor) throws ScriptError {
    int line = s.line();
    if (s instanceof Statement.Fork f) {
      return kernel.fork(actor, freeLabel(line, f.child()));
    } else if (s instanceof Statement.Clone c) {
      return kernel.cloneNewPid(actor, freeLabel(line, c.child()));
    } else if (s instanceof Statement.Unshare) {
      return kernel.unshareNewPid(actor);
    } else if (s instanceof Statement.Setns n) {
      return kernel.setns(actor, known(line, n.target()));
    } else if (s instanceof Statement.Exit x) {
      return kernel.exit(actor, (int) x.code());
    } else if (s instanceof Statement.Wait w) {
      Task child = w.child() == null ? null : known(line, w.child());
      if (child != null && (child.realParent() != actor || child.state() == TaskState.DEAD)) {
        throw new ScriptError(
            line, "task '" + w.child() + "' is not a child of '" + w.actor() + "'");
      }
      return kernel.waitpid(actor, child);
    } else if (s instanceof Statement.Kill k) {
      if (k.targetLabel() != null) {
        return kernel.killTask(actor, known(line, k.targetLabel()), k.signal());
      }
      int n = (int) k.targetNumber(); // the parser keeps NUMBERs inside int
      if (n == Integer.MIN_VALUE) {
        return SysResult.fail(Errno.ESRCH); // kill_something_info(): -INT_MIN has no group
      }
      return kernel.kill(actor, n, k.signal());
    } else if (s instanceof Statement.Setsid) {
      return kernel.setsid(actor);
    } else if (s instanceof Statement.Setpgid p) {
      return kernel.setpgid(actor, (int) p.pgid()); // the parser keeps NUMBERs inside int
    } else if (s instanceof Statement.Subreaper) {
      return kernel.setChildSubreaper(actor);
    } else if (s instanceof Statement.Sysctl y) {
      return y.name().equals("pid_max")
          ? kernel.writePidMax(actor, y.value())
          : kernel.writeNsLastPid(actor, y.value());
    }
    throw new IllegalArgumentException("not a system call: " + s);
  }

  private List<String> check(Statement.Expect e) throws ScriptError {
    Map<String, String> actual = StatePrinter.fields(known(e.line(), e.actor()));
    List<String> out = new ArrayList<>();
    for (Statement.Check c : e.checks()) {
      String got = actual.get(c.field());
      if (!got.equals(c.value())) {
        out.add("expected " + c.field() + "=" + c.value() + ", got " + c.field() + "=" + got);
      }
    }
    return out;
  }

  private Task known(int line, String label) throws ScriptError {
    Task t = labels.get(label);
    if (t == null) {
      throw new ScriptError(line, "unknown task '" + label + "'");
    }
    return t;
  }

  private Task running(int line, String label) throws ScriptError {
    Task t = known(line, label);
    switch (t.state()) {
      case RUNNING:
        return t;
      case ZOMBIE:
        throw new ScriptError(line, "task '" + label + "' is not running (it is a zombie)");
      case EXITING:
        throw new ScriptError(line, "task '" + label + "' is not running (it is exiting)");
      default:
        throw new ScriptError(line, "task '" + label + "' is not running (it was reaped)");
    }
  }

  private String freeLabel(int line, String label) throws ScriptError {
    if (labels.containsKey(label)) {
      throw new ScriptError(line, "label '" + label + "' is already taken");
    }
    return label;
  }
}
