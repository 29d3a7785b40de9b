package org.pidnslab.app.model;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.pidnslab.script.Narration;
import org.pidnslab.script.ScriptError;
import org.pidnslab.script.ScriptParser;
import org.pidnslab.script.ScriptTrace;
import org.pidnslab.script.Statement;

/**
 * The experiment as a script, and a player over it. The script text is the single source of truth:
 * the machine on show is always the state after the first {@link #positionProperty() position}
 * statements of the script, which is exactly what {@code pidns-lab run} prints for those lines.
 * Clicks are recorded as new lines at the position; stepping back, jumping and undo rebuild the
 * machine by replaying the script's prefix (the kernel part takes tens of milliseconds for 10,000
 * statements; long replays run on a background thread), so they are exact by construction.
 */
public final class Experiment {
  /** Edits closer together than this are one undo step (typing a word is one change). */
  static final long COALESCE_MILLIS = 1500;

  /** Replays longer than this many statements run off the FX thread, with progress shown. */
  static final int ASYNC_ABOVE = 2_000;

  /** Undo keeps this many changes (each holds a whole script). */
  static final int UNDO_LIMIT = 200;

  private final LabModel model;
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<ScriptTrace> trace =
      new ReadOnlyObjectWrapper<>(ScriptTrace.of(""));
  private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper();
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("Untitled");
  // counts loads, so views can tell a new script from a jump within one (a new one is framed whole)
  private final ReadOnlyIntegerWrapper loads = new ReadOnlyIntegerWrapper();
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper();
  private final ReadOnlyIntegerWrapper currentLine = new ReadOnlyIntegerWrapper();
  private final ReadOnlyObjectWrapper<Beat> beat = new ReadOnlyObjectWrapper<>(Beat.ANSWER);
  private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper();
  private final Deque<Snapshot> undo = new ArrayDeque<>();
  private final Deque<Snapshot> redo = new ArrayDeque<>();
  private String[] lines = {""}; // the text split into lines, for captions
  private long lastEdit = Long.MIN_VALUE / 2;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private volatile boolean cancelled;
  private volatile int replayDone;
  private volatile int replayTotal;
  private java.util.concurrent.Executor worker = Runnable::run;
  private java.util.concurrent.Executor fxThread = Runnable::run;
  private boolean threaded;
  private int pendingTarget = -1;
  private int inFlightTarget = -1;
  private String savedText = "";
  private Runnable beforeMove = () -> {};

  /** A script and how far it has run: what undo restores. */
  record Snapshot(String text, int position) {}

  /** An experiment on {@code model}, starting empty: init alone in root. */
  public Experiment(LabModel model) {
    this.model = model;
  }

  /**
   * Lets long replays run on {@code worker} and come back through {@code fxThread} (the window
   * passes a background thread and {@code Platform::runLater}). Without it, everything runs at once
   * on the caller's thread.
   */
  public void useThreads(
      java.util.concurrent.Executor worker, java.util.concurrent.Executor fxThread) {
    this.worker = worker;
    this.fxThread = fxThread;
    this.threaded = true;
  }

  /**
   * Runs before every step, jump, undo and redo: the editor hands over keystrokes it has not sent
   * yet, so they are not lost under the change.
   */
  public void setBeforeMove(Runnable r) {
    beforeMove = r;
  }

  /** Whether a long replay is running in the background: the picture is about to change. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /**
   * How far the running background replay is, from 0 to 1. Any thread may read it; the player bar
   * polls it while {@link #busyProperty() busy} (a replay of a million statements must not send the
   * FX thread a message per step).
   */
  public double replayProgress() {
    int total = replayTotal;
    return total == 0 ? 0 : (double) replayDone / total;
  }

  /**
   * Stops the running background replay (Esc): the machine on show becomes the state after the
   * statements it got through, exactly, and moves queued behind it are dropped.
   */
  public void cancelReplay() {
    if (busy.get()) {
      cancelled = true;
      pendingTarget = -1;
    }
  }

  /** The machine this experiment drives. */
  public LabModel model() {
    return model;
  }

  /** The script. */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** The dry run of the script: its steps, their results and where it stops. */
  public ReadOnlyObjectProperty<ScriptTrace> traceProperty() {
    return trace.getReadOnlyProperty();
  }

  /** How many steps (statements) of the script the machine on show has run. */
  public ReadOnlyIntegerProperty positionProperty() {
    return position.getReadOnlyProperty();
  }

  /** The number of steps a player can go through. */
  public int stepCount() {
    return trace.get().steps().size();
  }

  /** The file the script was opened from or saved to, or null. */
  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  /** What the window calls the script: its file's name, a lesson's title, or "Untitled". */
  public ReadOnlyStringProperty nameProperty() {
    return name.getReadOnlyProperty();
  }

  /** Whether the script changed since it was opened or saved. */
  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  /** Whether there is a change to undo. */
  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  /** Whether there is an undone change to redo. */
  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** The narration of the last step run (the comment lines above it), or null. */
  public ReadOnlyStringProperty captionProperty() {
    return caption.getReadOnlyProperty();
  }

  /** The line of the last step run, 1-based; 0 before the first step. */
  public ReadOnlyIntegerProperty currentLineProperty() {
    return currentLine.getReadOnlyProperty();
  }

  /**
   * Which beat of a narrated step is on show: {@link Beat#QUESTION} while the next step's caption
   * asks and the picture is still the one before it; {@link Beat#ANSWER} otherwise.
   */
  public ReadOnlyObjectProperty<Beat> beatProperty() {
    return beat.getReadOnlyProperty();
  }

  /**
   * The narration the caption shows: the next step's in the question beat, the last step's in the
   * answer beat; null when that step has none.
   */
  public ReadOnlyStringProperty questionProperty() {
    return question.getReadOnlyProperty();
  }

  /**
   * The answer beat's text: the last call's result line and every line of the kernel's explanation,
   * as {@code pidns-lab run --explain} gives them; null in the question beat, at the start and
   * after an expect.
   */
  public ReadOnlyStringProperty answerProperty() {
    return answer.getReadOnlyProperty();
  }

  /**
   * The line the player marks: the next statement's in the question beat, else the last step's (0
   * before the first step).
   */
  public int markedLine() {
    ScriptTrace.Step next = nextStep();
    return beat.get() == Beat.QUESTION && next != null ? next.line() : currentLine.get();
  }

  /**
   * The player's "next": asks the next step's question first when its caption has one (the picture
   * stays), else runs the step (the second beat, or the only one).
   */
  public void nextBeat() {
    ScriptTrace.Step next = nextStep();
    if (beat.get() == Beat.ANSWER && !busy.get() && Beat.asks(next, captionOf(next))) {
      ask(next);
    } else {
      stepForward();
    }
  }

  /**
   * The player's "back": from a question to the answer before it (nothing runs); from the answer of
   * a two-beat step to its question, the picture before the step rebuilt exactly; otherwise one
   * step back.
   */
  public void previousBeat() {
    if (beat.get() == Beat.QUESTION) {
      setPosition(position.get());
      return;
    }
    int p = effectivePosition();
    ScriptTrace.Step last = p == 0 || busy.get() ? null : trace.get().steps().get(p - 1);
    jumpTo(p - 1);
    // a long replay lands later, on the answer beat of the step before: a question cannot wait
    if (last != null && !busy.get() && Beat.asks(last, captionOf(last))) {
      ask(last);
    }
  }

  private String captionOf(ScriptTrace.Step s) {
    return s == null ? null : captionOf(s.line());
  }

  /** The question beat of {@code next}, the next step: its caption, no answer, nothing run. */
  private void ask(ScriptTrace.Step next) {
    question.set(captionOf(next));
    answer.set(null);
    beat.set(Beat.QUESTION);
  }

  /** The step the next {@link #stepForward()} runs, or null at the end. */
  public ScriptTrace.Step nextStep() {
    int p = position.get();
    return p < stepCount() ? trace.get().steps().get(p) : null;
  }

  /** The narration of {@code line}, or null. */
  public String captionOf(int line) {
    return Narration.captionAt(lines, line);
  }

  /** Line {@code n} (1-based) of the script as it stands, or null outside it. */
  String line(int n) {
    return n >= 1 && n <= lines.length ? lines[n - 1] : null;
  }

  /**
   * Makes a system call from the window and records it: the statement becomes a line of the script
   * right after the current step, and the position moves past it.
   *
   * @throws ScriptError when the statement is not valid now (bad syntax, a task that is not
   *     running...): nothing ran and nothing was recorded
   */
  public LabModel.CallOutcome perform(String statementText) throws ScriptError {
    if (busy.get()) {
      throw new ScriptError(0, "the script is still being replayed: try again in a moment");
    }
    String stmt = statementText.strip().replace("\r", "");
    int at = insertionIndex();
    Statement parsed = ScriptParser.parseStatement(at + 1, stmt);
    LabModel.CallOutcome outcome = model.run(parsed);
    Snapshot before = snapshot();
    String newText = insertLine(text.get(), at, stmt);
    boolean atEnd = position.get() == stepCount() && trace.get().stop() == null;
    setText(newText, atEnd ? trace.get().appended(parsed, newText) : ScriptTrace.of(newText));
    pushUndo(before);
    lastEdit = Long.MIN_VALUE / 2; // the next edit is a change of its own
    setPosition(position.get() + 1);
    return outcome;
  }

  /**
   * The script was edited: re-runs it. A player at the end stays at the (new) end; otherwise it
   * keeps its step count, as far as the script still reaches.
   */
  public void edit(String newText) {
    if (newText.equals(text.get())) {
      return;
    }
    newText = normalized(newText);
    long now = System.currentTimeMillis();
    Snapshot before = snapshot();
    boolean atEnd = effectivePosition() == stepCount();
    int was = effectivePosition();
    setText(newText);
    if (now - lastEdit > COALESCE_MILLIS) {
      pushUndo(before);
    } else {
      redo.clear();
      updateUndoFlags();
    }
    lastEdit = now;
    replayTo(atEnd ? stepCount() : Math.min(was, stepCount()));
  }

  /** Runs the next step, animated. */
  public void stepForward() {
    beforeMove.run();
    if (busy.get()) {
      pendingTarget = Math.min(effectivePosition() + 1, stepCount());
      return;
    }
    ScriptTrace.Step next = nextStep();
    if (next == null) {
      return;
    }
    try {
      model.run(next.statement());
      setPosition(position.get() + 1);
    } catch (ScriptError e) {
      replayTo(position.get() + 1); // cannot happen: the dry run got past this step
    }
  }

  /** Goes back one step: the state after the previous step, rebuilt exactly. */
  public void stepBack() {
    jumpTo(effectivePosition() - 1);
  }

  /**
   * Where the player is, or will be once the running background replay and the moves queued behind
   * it are done: what a step, an edit or an undo snapshot must start from.
   */
  private int effectivePosition() {
    if (!busy.get()) {
      return position.get();
    }
    return pendingTarget >= 0 ? pendingTarget : inFlightTarget;
  }

  /**
   * Shows the state after {@code steps} steps (clamped to the script): the next step animates, a
   * longer jump shows the final picture at once.
   */
  public void jumpTo(int steps) {
    beforeMove.run();
    int k = Math.max(0, Math.min(steps, stepCount()));
    if (busy.get()) {
      pendingTarget = k; // the latest wish wins when the running replay is done
      return;
    }
    int p = position.get();
    if (k == p) {
      if (beat.get() == Beat.QUESTION) {
        setPosition(p); // Home, End or a line click leave the question for this step's answer
      }
      return;
    }
    if (k == p + 1) {
      stepForward();
    } else if (k > p && (k - p <= ASYNC_ABOVE || !threaded)) {
      try {
        model.advance(statements(p, k));
        setPosition(k);
      } catch (ScriptError e) {
        replayTo(k);
      }
    } else {
      replayTo(k);
    }
  }

  /** Shows the state after the last step at or before {@code line}. */
  public void jumpToLine(int line) {
    jumpTo(trace.get().stepsThrough(line));
  }

  /** Undoes the last recorded call or edit, exactly. */
  public void undo() {
    beforeMove.run();
    if (!undo.isEmpty()) {
      redo.push(snapshot());
      restore(undo.pop());
    }
  }

  /** Redoes the last undone change. */
  public void redo() {
    beforeMove.run();
    if (!redo.isEmpty()) {
      undo.push(snapshot());
      restore(redo.pop());
    }
  }

  /**
   * Replaces the experiment with a script (a file, a lesson, a restored autosave).
   *
   * @param at how many steps to run; clamped to the script
   */
  public void load(String script, Path from, int at) {
    load(script, from, at, from == null ? "Untitled" : from.getFileName().toString());
  }

  /**
   * Replaces the experiment with a script that has a name of its own (a lesson).
   *
   * @param at how many steps to run; clamped to the script
   */
  public void load(String script, Path from, int at, String title) {
    script = normalized(script);
    undo.clear();
    redo.clear();
    updateUndoFlags();
    lastEdit = Long.MIN_VALUE / 2;
    savedText = script;
    setText(script);
    file.set(from);
    name.set(title);
    loads.set(loads.get() + 1);
    replayTo(Math.max(0, Math.min(at, stepCount())));
    dirty.set(false);
  }

  /**
   * How many scripts were loaded (a file, a lesson, a restore, a clear); changes just before a new
   * script's machine is built. The picture frames a new script whole, and the window moves the
   * keyboard to the picture, so Page Down steps at once.
   */
  public ReadOnlyIntegerProperty loadsProperty() {
    return loads.getReadOnlyProperty();
  }

  /** Starts over: an empty script, init alone in root. */
  public void clear() {
    load("", null, 0);
  }

  /** The script is not in its file (a restored autosave). */
  public void markUnsaved() {
    savedText = null;
    dirty.set(true);
  }

  /** The script was saved to {@code to}. */
  public void saved(Path to) {
    savedText = text.get();
    file.set(to);
    name.set(to.getFileName().toString());
    dirty.set(false);
  }

  private void restore(Snapshot s) {
    setText(s.text());
    lastEdit = Long.MIN_VALUE / 2;
    updateUndoFlags();
    replayTo(Math.min(s.position(), stepCount()));
  }

  private void replayTo(int k) {
    if (busy.get()) {
      pendingTarget = k;
      return;
    }
    List<Statement> todo = statements(0, k);
    if (k <= ASYNC_ABOVE || !threaded) {
      model.adopt(prepared(todo));
      setPosition(k);
      return;
    }
    busy.set(true);
    cancelled = false;
    replayDone = 0;
    replayTotal = k;
    inFlightTarget = k;
    ScriptTrace basis = trace.get();
    worker.execute(
        () -> {
          LabModel.Replayed prepared;
          try {
            prepared =
                prepared(
                    todo,
                    done -> {
                      replayDone = done;
                      return !cancelled;
                    });
          } catch (RuntimeException | Error e) {
            // never leave the window refusing every click: the old picture stays on show
            prepared = null;
            e.printStackTrace();
          }
          LabModel.Replayed r = prepared;
          fxThread.execute(
              () -> {
                busy.set(false);
                inFlightTarget = -1;
                int next = pendingTarget;
                pendingTarget = -1;
                if (r == null) {
                  return;
                }
                if (trace.get() != basis) {
                  // the script changed meanwhile: this replay is of an old text
                  int target = r.size() < k ? r.size() : next >= 0 ? next : k;
                  replayTo(Math.min(target, stepCount()));
                  return;
                }
                model.adopt(r);
                setPosition(r.size()); // k, or where a cancelled replay stopped
                if (next >= 0 && r.size() == k) {
                  jumpTo(next);
                }
              });
        });
  }

  private static LabModel.Replayed prepared(List<Statement> statements) {
    return prepared(statements, done -> true);
  }

  private static LabModel.Replayed prepared(
      List<Statement> statements, java.util.function.IntPredicate keepGoing) {
    try {
      return LabModel.prepare(statements, keepGoing);
    } catch (ScriptError e) {
      throw new IllegalStateException("the dry run got past these statements", e);
    }
  }

  private List<Statement> statements(int from, int to) {
    return trace.get().steps().subList(from, to).stream().map(ScriptTrace.Step::statement).toList();
  }

  private void setText(String t) {
    setText(t, ScriptTrace.of(t));
  }

  private void setText(String t, ScriptTrace dryRun) {
    dirty.set(!t.equals(savedText)); // an undo back to the saved text is clean again
    lines = t.split("\n", -1);
    text.set(t);
    trace.set(dryRun);
  }

  private void setPosition(int p) {
    ScriptTrace.Step last = p == 0 ? null : trace.get().steps().get(p - 1);
    currentLine.set(last == null ? 0 : last.line());
    caption.set(last == null ? null : Narration.captionAt(lines, last.line()));
    question.set(caption.get());
    answer.set(last == null ? null : answerOf(last));
    beat.set(Beat.ANSWER);
    position.set(p); // last: its listeners read the line, the caption and the beat
  }

  /**
   * The answer of {@code last}, the step just run: its log entry (the model logs every call as it
   * runs, so the newest entry is this step's when it is a call).
   */
  private String answerOf(ScriptTrace.Step last) {
    List<LabModel.LogEntry> log = model.log();
    if (!last.isCall() || log.isEmpty()) {
      return null;
    }
    return log.get(log.size() - 1).text(LabModel.LogEntry.STEPS_SHOWN);
  }

  private Snapshot snapshot() {
    return new Snapshot(text.get(), effectivePosition());
  }

  private void pushUndo(Snapshot s) {
    undo.push(s);
    if (undo.size() > UNDO_LIMIT) {
      undo.removeLast();
    }
    redo.clear();
    updateUndoFlags();
  }

  private void updateUndoFlags() {
    canUndo.set(!undo.isEmpty());
    canRedo.set(!redo.isEmpty());
  }

  /**
   * Where a recorded statement goes (0-based line index): at the end when the player is at the end
   * of a script that runs to its end; before the first step's narration at position 0; otherwise
   * right after the current step's line.
   */
  private int insertionIndex() {
    ScriptTrace t = trace.get();
    String[] lines = text.get().split("\n", -1);
    int p = position.get();
    if (p == t.steps().size() && t.stop() == null) {
      return endIndex(lines);
    }
    if (p > 0) {
      return t.steps().get(p - 1).line();
    }
    int first = t.steps().isEmpty() ? t.stop().line() : t.steps().get(0).line();
    int i = first - 1;
    while (i > 0 && lines[i - 1].strip().startsWith("#")) {
      i--;
    }
    return i;
  }

  private static int endIndex(String[] lines) {
    int n = lines.length;
    return n > 0 && lines[n - 1].isEmpty() ? n - 1 : n;
  }

  /** Line ends as the editor keeps them: {@code \n} only (a file may come with CRLF). */
  static String normalized(String script) {
    return script.indexOf('\r') < 0 ? script : script.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** {@code script} with {@code line} inserted as line index {@code at}, ending with a newline. */
  static String insertLine(String script, int at, String line) {
    if (script.isEmpty()) {
      return line + "\n";
    }
    String[] lines = script.split("\n", -1);
    StringBuilder b = new StringBuilder(script.length() + line.length() + 2);
    for (int i = 0; i < lines.length; i++) {
      if (i == at) {
        b.append(line).append('\n');
      }
      b.append(lines[i]);
      if (i < lines.length - 1) {
        b.append('\n');
      }
    }
    if (at >= lines.length) {
      if (!script.endsWith("\n")) {
        b.append('\n');
      }
      b.append(line).append('\n');
    }
    return b.toString();
  }
}
