package org.pidnslab.app;

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
class ExperimentTest {
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

  @Test
  void aReplayOfAScriptEditedMeanwhileIsThrownAway() throws Exception {
    Experiment ex = new Experiment(new LabModel());
    ex.useThreads(worker, fx::add);
    int n = Experiment.ASYNC_ABOVE + 500;
    ex.load(forks(n), null, 0);
    ex.jumpTo(n);
    ex.edit("fork init only\n"); // while the long replay runs
    drainFx();
    assertFalse(ex.busyProperty().get());
    assertEquals(0, ex.positionProperty().get(), "the jump never landed; the edit kept step 0");
    assertEquals(1, ex.model().kernel().taskCount(), "the old script's replay was not shown");
    assertNull(ex.model().task("t0"));
    ex.stepForward();
    assertNotNull(ex.model().task("only"));
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
}
