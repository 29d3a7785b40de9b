package org.pidnslab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pidnslab.script.ScriptError;
import org.pidnslab.script.ScriptTrace;
import org.pidnslab.script.StatePrinter;

/** The experiment's rules that the window tests do not reach: insertion points and long replays. */
public class ExperimentTest {
  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private final LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() {
    worker.shutdownNow();
  }

  private static String forks(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("fork init t").append(i).append('\n');
    }
    return b.toString();
  }

  /** Runs what the worker sent back to the "FX thread", as the window's Platform.runLater does. */
  private void drainFx() throws InterruptedException {
    Runnable r = fx.poll(30, TimeUnit.SECONDS);
    assertNotNull(r, "the replay came back");
    r.run();
  }

  @Test
  void aLongJumpReplaysInTheBackgroundAndTheLatestWishWins() throws Exception {
    Experiment ex = new Experiment(new LabModel());
    ex.useThreads(worker, fx::add);
    int n = Experiment.ASYNC_ABOVE + 1000;
    ex.load(forks(n), null, 0);
    ex.jumpTo(n);
    assertTrue(ex.busyProperty().get(), "a long jump runs in the background");
    assertEquals(0, ex.positionProperty().get(), "the old state stays on show meanwhile");
    assertThrows(ScriptError.class, () -> ex.perform("fork init late"));
    ex.jumpTo(Experiment.ASYNC_ABOVE + 10); // the user dragged on: this wins
    drainFx();
    // the first replay landed, then the pending wish started another long one
    assertTrue(ex.busyProperty().get());
    drainFx();
    assertFalse(ex.busyProperty().get());
    assertEquals(Experiment.ASYNC_ABOVE + 10, ex.positionProperty().get());
    assertEquals(Experiment.ASYNC_ABOVE + 11, ex.model().kernel().taskCount());
  }

  /** {@code tasks} forks, then {@code waits} waits that each walk all of init's children. */
  public static String slowScript(int tasks, int waits) {
    return forks(tasks) + "wait init\n".repeat(waits);
  }

  @Test
  void aCancelledReplayShowsTheExactStateWhereItStoppedAndReportedProgress() throws Exception {
    Experiment ex = new Experiment(new LabModel());
    ex.useThreads(worker, fx::add);
    String script = slowScript(3000, 60_000);
    ex.load(script, null, 0);
    ex.jumpTo(ex.stepCount());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (ex.replayProgress() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(ex.replayProgress() > 0, "the replay reports its progress");
    assertTrue(fx.isEmpty() && ex.busyProperty().get(), "still replaying");
    ex.cancelReplay();
    while (ex.busyProperty().get()) {
      drainFx();
    }
    int p = ex.positionProperty().get();
    assertTrue(p > 0 && p < ex.stepCount(), "stopped part way: " + p);
    Experiment exact = new Experiment(new LabModel());
    exact.load(script, null, p);
    assertEquals(printed(exact), printed(ex), "the state after the first " + p + " steps");
  }

  private static String printed(Experiment ex) {
    return String.join("\n", StatePrinter.lines(ex.model().kernel()));
  }

  @Test
  void aReplayOfAScriptEditedMeanwhileIsThrownAway() throws Exception {
    Experiment ex = new Experiment(new LabModel());
    ex.useThreads(worker, fx::add);
    int n = Experiment.ASYNC_ABOVE + 500;
    ex.load(forks(n), null, 0);
    ex.jumpTo(n);
    ex.edit("fork init only\n"); // while the long replay (to the end) runs
    drainFx();
    assertFalse(ex.busyProperty().get());
    assertEquals(1, ex.positionProperty().get(), "the player was on its way to the end: it stays");
    assertNotNull(ex.model().task("only"));
    assertNull(ex.model().task("t0"), "the old script's replay was not shown");
  }

  @Test
  void aClickAtPositionZeroGoesBeforeTheFirstStepsNarration() throws ScriptError {
    Experiment ex = new Experiment(new LabModel());
    ex.load("# Lesson: x\n\n# narrates a\nfork init a\n", null, 0);
    ex.perform("fork init first");
    assertEquals(
        "# Lesson: x\n\nfork init first\n# narrates a\nfork init a\n", ex.textProperty().get());
    assertEquals("narrates a", ex.captionOf(5));
  }

  @Test
  void aClickInFrontOfAScriptErrorGoesBeforeIt() throws ScriptError {
    Experiment ex = new Experiment(new LabModel());
    ex.load("fork init a\nfork ghost b\n", null, 99);
    assertEquals(1, ex.positionProperty().get());
    ex.perform("fork a ghost");
    assertEquals("fork init a\nfork a ghost\nfork ghost b\n", ex.textProperty().get());
    ScriptTrace t = ex.traceProperty().get();
    assertNull(t.stop(), "the click fixed the script");
    assertEquals(2, ex.positionProperty().get());
  }

  @Test
  void insertLineKeepsEveryOtherLine() {
    assertEquals("a\n", Experiment.insertLine("", 0, "a"));
    assertEquals("x\na\n", Experiment.insertLine("x", 1, "a"));
    assertEquals("x\na\n", Experiment.insertLine("x\n", 1, "a"));
    assertEquals("a\nx\ny", Experiment.insertLine("x\ny", 0, "a"));
  }

  @Test
  void undoAndRedoWalkTheHistoryOfChanges() throws ScriptError {
    Experiment ex = new Experiment(new LabModel());
    List<List<String>> states = new ArrayList<>();
    states.add(StatePrinter.lines(ex.model().kernel()));
    for (String s : List.of("fork init a", "clone a b newpid", "exit b")) {
      ex.perform(s);
      states.add(StatePrinter.lines(ex.model().kernel()));
    }
    for (int i = 2; i >= 0; i--) {
      ex.undo();
      assertEquals(states.get(i), StatePrinter.lines(ex.model().kernel()));
    }
    assertFalse(ex.canUndoProperty().get());
    for (int i = 1; i <= 3; i++) {
      ex.redo();
      assertEquals(states.get(i), StatePrinter.lines(ex.model().kernel()));
    }
    assertFalse(ex.canRedoProperty().get());
  }

  private final java.util.Deque<Runnable> background = new java.util.ArrayDeque<>();
  private final java.util.Deque<Runnable> fxQueue = new java.util.ArrayDeque<>();

  /** An experiment whose replays wait in queues the test runs itself, on {@code n} forks. */
  private Experiment queued(int n) {
    Experiment ex = new Experiment(new LabModel());
    ex.useThreads(background::add, fxQueue::add);
    ex.load(forks(n), null, 0);
    return ex;
  }

  /** Runs the background and "FX" queues until both are empty, in order. */
  private void drain() {
    while (!background.isEmpty() || !fxQueue.isEmpty()) {
      if (!background.isEmpty()) {
        background.poll().run();
      }
      if (!fxQueue.isEmpty()) {
        fxQueue.poll().run();
      }
    }
  }

  @Test
  void aStepForwardDuringALongJumpGoesOneStepBeyondTheJump() {
    int n = Experiment.ASYNC_ABOVE + 1000;
    Experiment ex = queued(n);
    ex.jumpTo(n - 10); // End or a timeline drag: a long replay in the background
    ex.stepForward(); // Page Down while it runs
    drain();
    assertFalse(ex.busyProperty().get());
    assertEquals(n - 9, ex.positionProperty().get());
  }

  @Test
  void aStepBackDuringALongJumpGoesOneStepBeforeTheJump() {
    int n = Experiment.ASYNC_ABOVE + 1000;
    Experiment ex = queued(n);
    ex.jumpTo(n);
    ex.stepBack();
    drain();
    assertEquals(n - 1, ex.positionProperty().get());
  }

  @Test
  void theFirstEditAfterOpeningAScriptCanBeUndone() {
    Experiment ex = new Experiment(new LabModel());
    ex.edit("fork init typed\n");
    ex.load("fork init a\n", null, 1); // a file opened right after typing
    ex.edit("fork init a\nfork init b\n");
    assertTrue(ex.canUndoProperty().get(), "the new script's first edit is an undo step");
  }

  @Test
  void windowsLineEndsAreReadAsLineEnds() throws ScriptError {
    Experiment ex = new Experiment(new LabModel());
    ex.load("fork init a\r\nfork init b\r\n", null, 99);
    assertEquals("fork init a\nfork init b\n", ex.textProperty().get());
    ex.perform("fork init c");
    assertEquals("fork init a\nfork init b\nfork init c\n", ex.textProperty().get());
  }

  @Test
  void undoBackToTheSavedScriptIsCleanAgain() throws ScriptError {
    Experiment ex = new Experiment(new LabModel());
    ex.load("fork init a\n", java.nio.file.Path.of("x.pidns"), 1);
    assertFalse(ex.dirtyProperty().get());
    ex.perform("fork init b");
    assertTrue(ex.dirtyProperty().get());
    ex.undo();
    assertFalse(ex.dirtyProperty().get());
  }

  @Test
  void undoKeepsABoundedHistory() throws ScriptError {
    Experiment ex = new Experiment(new LabModel());
    for (int i = 0; i < Experiment.UNDO_LIMIT + 20; i++) {
      ex.perform("fork init t" + i);
    }
    int undone = 0;
    while (ex.canUndoProperty().get()) {
      ex.undo();
      undone++;
    }
    assertEquals(Experiment.UNDO_LIMIT, undone);
    assertEquals(21, ex.model().kernel().taskCount(), "the oldest 20 clicks stay");
  }
}
