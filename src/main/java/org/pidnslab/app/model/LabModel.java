package org.pidnslab.app.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.KernelEvent;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.SysResult;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;
import org.pidnslab.script.Explainer;
import org.pidnslab.script.ScriptError;
import org.pidnslab.script.ScriptParser;
import org.pidnslab.script.ScriptRunner;
import org.pidnslab.script.Statement;

/**
 * The window's view-model: a simulated machine driven by statements of the scenario language, with
 * the selection, the perspective and the event log as observable properties. Every click becomes a
 * statement, so what the window does is exactly what {@code pidns-lab run} would do. Views read the
 * kernel after {@link #revisionProperty()} changes; they never change it.
 */
public final class LabModel {
  private ScriptRunner runner = new ScriptRunner();
  private final List<Statement> history = new ArrayList<>();
  private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
  private final ObjectProperty<Task> selected = new SimpleObjectProperty<>();
  private final ObjectProperty<PidNamespace> perspective = new SimpleObjectProperty<>();
  private final ObservableList<LogEntry> log = FXCollections.observableArrayList();
  private final List<Consumer<? super CallOutcome>> outcomeListeners = new CopyOnWriteArrayList<>();
  private final Explainer explainer = new Explainer();
  private final List<LogEntry> pendingLog = new ArrayList<>();
  private boolean batch;

  /** The log keeps this many newest entries: a 10,000-step script need not list every one. */
  static final int LOG_LIMIT = 2_000;

  /**
   * One line of the event log: the statement's result line and the kernel's steps.
   *
   * @param failed whether the call returned an errno
   */
  public record LogEntry(String resultLine, List<String> steps, boolean failed) {
    /** How many kernel steps the log and the caption show before they summarise the rest. */
    public static final int STEPS_SHOWN = 24;

    /**
     * The result line, then the kernel's steps indented below it, at most {@code shown} of them and
     * a count of the rest (kill -1 over thousands of tasks has thousands of steps).
     */
    public String text(int shown) {
      StringBuilder text = new StringBuilder(resultLine);
      int n = Math.min(steps.size(), shown);
      for (int i = 0; i < n; i++) {
        text.append("\n    ").append(steps.get(i));
      }
      if (steps.size() > n) {
        text.append("\n    … and ").append(steps.size() - n).append(" more steps");
      }
      return text.toString();
    }
  }

  /**
   * What a call from the window did.
   *
   * @param reason for a failed call, one sentence saying why; else null
   */
  public record CallOutcome(
      Statement statement, SysResult result, List<KernelEvent> events, String reason) {

    /** Whether the call returned an errno. */
    public boolean failed() {
      return result != null && result.failed();
    }
  }

  /** The simulated machine. Read it; change it only through {@link #run}. */
  public Kernel kernel() {
    return runner.kernel();
  }

  /** The task with {@code label}, or null. */
  public Task task(String label) {
    return runner.task(label);
  }

  /** Every statement run so far, in order: the experiment as a script. */
  public List<Statement> history() {
    return List.copyOf(history);
  }

  /** Increases after every state change; views redraw on it. */
  public ReadOnlyIntegerProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }

  /** The selected task, or null. */
  public ObjectProperty<Task> selectedProperty() {
    return selected;
  }

  /** The namespace the picture is seen from, or null for the full view from root. */
  public ObjectProperty<PidNamespace> perspectiveProperty() {
    return perspective;
  }

  /** The event log, newest last. */
  public ObservableList<LogEntry> log() {
    return log;
  }

  /** Calls {@code listener} after every statement run, before views redraw. */
  public void addOutcomeListener(Consumer<? super CallOutcome> listener) {
    outcomeListeners.add(Objects.requireNonNull(listener));
  }

  /**
   * Runs one statement of the scenario language, e.g. {@code fork init a}.
   *
   * @throws ScriptError when the statement is not valid here (bad syntax, unknown label, a task
   *     that is not running): nothing changed
   */
  public CallOutcome run(String statementText) throws ScriptError {
    return run(ScriptParser.parseStatement(history.size() + 1, statementText));
  }

  /**
   * Runs one parsed statement, keeping its line number (a script's line, for the log).
   *
   * @throws ScriptError when the statement is not valid here: nothing changed
   */
  public CallOutcome run(Statement s) throws ScriptError {
    ScriptRunner.Outcome o = runner.execute(s);
    history.add(s);
    String reason =
        o.result() != null && o.result().failed()
            ? Explainer.failure(s.words().get(0), o.result().errno())
            : null;
    CallOutcome outcome = new CallOutcome(s, o.result(), o.events(), reason);
    if (o.resultLine() != null) {
      pendingLog.add(
          new LogEntry(
              o.resultLine().substring(o.resultLine().indexOf(' ') + 1),
              explainer.steps(o),
              outcome.failed()));
    }
    if (batch) {
      return outcome; // the checks below and the redraw run once, at the end of the batch
    }
    settleViews();
    for (Consumer<? super CallOutcome> l : outcomeListeners) {
      l.accept(outcome);
    }
    revision.set(revision.get() + 1);
    return outcome;
  }

  /**
   * Runs parsed statements as one step (no animation, one redraw), keeping their line numbers.
   *
   * @throws ScriptError at the first statement that is not valid; the ones before it ran
   */
  public void advance(List<Statement> statements) throws ScriptError {
    batch = true;
    try {
      for (Statement s : statements) {
        run(s);
      }
    } finally {
      endBatch();
    }
  }

  /**
   * A machine rebuilt from statements, not yet on show: {@link #prepare} makes it on any thread (a
   * long script replays off the FX thread), {@link #adopt} shows it.
   */
  public static final class Replayed {
    private final ScriptRunner runner;
    private final List<Statement> history;
    private final List<LogEntry> logTail;

    private Replayed(ScriptRunner runner, List<Statement> history, List<LogEntry> logTail) {
      this.runner = runner;
      this.history = history;
      this.logTail = logTail;
    }

    /** How many statements it ran. */
    public int size() {
      return history.size();
    }
  }

  /**
   * Runs {@code statements} on a fresh machine of its own. Touches nothing shared, so it may run on
   * any thread.
   *
   * @throws ScriptError at the first statement that is not valid
   */
  public static Replayed prepare(List<Statement> statements) throws ScriptError {
    return prepare(statements, done -> true);
  }

  /**
   * Runs {@code statements} as {@link #prepare(List)} does, asking {@code keepGoing} with the
   * number done before each one: when it says no, the machine after the statements done so far
   * comes back (a cancelled replay still shows an exact state, an earlier one).
   */
  public static Replayed prepare(
      List<Statement> statements, java.util.function.IntPredicate keepGoing) throws ScriptError {
    ScriptRunner r = new ScriptRunner();
    java.util.ArrayDeque<ScriptRunner.Outcome> last = new java.util.ArrayDeque<>();
    int done = 0;
    for (Statement s : statements) {
      if (!keepGoing.test(done)) {
        break;
      }
      done++;
      ScriptRunner.Outcome o = r.execute(s);
      if (o.resultLine() != null) {
        last.addLast(o);
        if (last.size() > LOG_LIMIT) {
          last.removeFirst();
        }
      }
    }
    Explainer explainer = new Explainer();
    List<LogEntry> tail = new ArrayList<>(last.size());
    for (ScriptRunner.Outcome o : last) {
      tail.add(
          new LogEntry(
              o.resultLine().substring(o.resultLine().indexOf(' ') + 1),
              explainer.steps(o),
              o.result().failed()));
    }
    return new Replayed(r, List.copyOf(statements.subList(0, done)), tail);
  }

  /**
   * Shows a rebuilt machine in one step: the state after its statements is exactly what {@code
   * pidns-lab run} gives for the same lines. The selection and the perspective survive when a task
   * with the same label and a namespace with the same name exist.
   */
  public void adopt(Replayed r) {
    Task sel = selected.get();
    String selLabel = sel == null ? null : sel.comm();
    PidNamespace view = perspective.get();
    String viewName = view == null ? null : view.name();
    runner = r.runner;
    history.clear();
    history.addAll(r.history);
    log.clear();
    pendingLog.clear();
    pendingLog.addAll(r.logTail);
    Task again = selLabel == null ? null : runner.task(selLabel);
    selected.set(again);
    PidNamespace ns = null;
    for (PidNamespace candidate : kernel().namespaces()) {
      if (candidate.name().equals(viewName)) {
        ns = candidate;
      }
    }
    perspective.set(ns);
    endBatch();
  }

  /** After calls: the log catches up, and a dead selection or an unused perspective is let go. */
  private void settleViews() {
    flushLog();
    Task sel = selected.get();
    if (sel != null && sel.state() == TaskState.DEAD) {
      selected.set(null);
    }
    PidNamespace view = perspective.get();
    if (view != null && !inUse(view)) {
      perspective.set(null);
    }
  }

  /** Ends a batch: the log, the selection and perspective checks and one redraw. */
  private void endBatch() {
    batch = false;
    settleViews();
    revision.set(revision.get() + 1);
  }

  /** Moves new entries to the observable log in one change, keeping the newest LOG_LIMIT. */
  private void flushLog() {
    if (pendingLog.isEmpty()) {
      return;
    }
    int keep = Math.min(pendingLog.size(), LOG_LIMIT);
    List<LogEntry> fresh = pendingLog.subList(pendingLog.size() - keep, pendingLog.size());
    int drop = Math.max(0, log.size() + keep - LOG_LIMIT);
    if (drop > 0) {
      log.remove(0, drop);
    }
    log.addAll(fresh);
    pendingLog.clear();
  }

  /**
   * A free label for a new child of {@code parent}: the parent's label with the next free number
   * ({@code a} → {@code a1}, {@code a2}...), {@code p1}, {@code p2}... for init's children.
   */
  public String proposeLabel(Task parent) {
    String base = parent == null || parent == kernel().init() ? "p" : parent.comm();
    for (int n = 1; ; n++) {
      String candidate = base + n;
      if (runner.task(candidate) == null) {
        return candidate;
      }
    }
  }

  /** Whether a label is free for a new task. */
  public boolean isFreeLabel(String label) {
    return runner.task(label) == null;
  }

  /** Namespaces that can still be shown: the active namespace of some task not yet reaped. */
  public List<PidNamespace> namespacesInUse() {
    java.util.Set<PidNamespace> active = new java.util.HashSet<>();
    for (Task t : kernel().tasks()) {
      active.add(t.activeNs());
    }
    List<PidNamespace> out = new ArrayList<>();
    for (PidNamespace ns : kernel().namespaces()) {
      if (active.contains(ns)) {
        out.add(ns);
      }
    }
    return out;
  }

  private boolean inUse(PidNamespace ns) {
    for (Task t : kernel().tasks()) {
      if (t.activeNs() == ns) {
        return true;
      }
    }
    return false;
  }
}
