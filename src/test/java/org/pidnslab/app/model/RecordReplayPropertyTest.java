package org.pidnslab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;
import org.pidnslab.script.ScriptError;
import org.pidnslab.script.ScriptRun;
import org.pidnslab.script.StatePrinter;

/**
 * Property tests of the experiment over seeded random click sessions (plain JUnit,
 * java.util.Random): after every click, undo, redo, step, jump or edit, the machine on show is
 * exactly the state that {@code pidns-lab run} prints for the script's lines up to the current
 * step; a saved session replays to the state on show; stepping back k times and forward k times
 * returns to the same state.
 */
class RecordReplayPropertyTest {
  private static final int SESSIONS = 300;
  private static final int ACTIONS = 50;

  @TempDir Path dir;

  @Test
  void theStateOnShowIsAlwaysWhatPidnsLabRunGivesForTheLinesUpToTheStep() throws Exception {
    int checks = 0;
    int undos = 0;
    int backs = 0;
    for (int seed = 0; seed < SESSIONS; seed++) {
      Random r = new Random(seed);
      Experiment ex = new Experiment(new LabModel());
      for (int i = 0; i < ACTIONS; i++) {
        String did = act(ex, r);
        undos += did.startsWith("undo") ? 1 : 0;
        backs += did.startsWith("back") ? 1 : 0;
        assertEquals(
            prefixState(ex),
            shown(ex),
            "seed " + seed + " after " + did + "\n" + ex.textProperty().get());
        checks++;
      }
    }
    // the sessions must really exercise what they claim to
    assertTrue(undos > SESSIONS, "undos: " + undos);
    assertTrue(backs > SESSIONS, "step-backs: " + backs);
    assertTrue(checks == SESSIONS * ACTIONS);
  }

  @Test
  void aSavedSessionReplaysWithPidnsLabRunToTheStateOnShow() throws Exception {
    for (int seed = 1000; seed < 1000 + SESSIONS; seed++) {
      Random r = new Random(seed);
      Experiment ex = new Experiment(new LabModel());
      for (int i = 0; i < ACTIONS; i++) {
        click(ex, r);
      }
      Path file = dir.resolve("session-" + seed + ".pidns");
      org.pidnslab.script.AtomicFile.writeString(file, ex.textProperty().get());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int status =
          ScriptRun.run(
              file.toString(),
              Files.readString(file),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              false);
      assertEquals(0, status, "seed " + seed);
      assertEquals(stateLines(out.toString(StandardCharsets.UTF_8)), shown(ex), "seed " + seed);
    }
  }

  @Test
  void stepsBackThenForwardReturnToTheSameState() throws Exception {
    for (int seed = 2000; seed < 2000 + SESSIONS; seed++) {
      Random r = new Random(seed);
      Experiment ex = new Experiment(new LabModel());
      for (int i = 0; i < ACTIONS; i++) {
        click(ex, r);
      }
      List<String> before = shown(ex);
      String text = ex.textProperty().get();
      int k = 1 + r.nextInt(Math.max(1, ex.positionProperty().get()));
      for (int i = 0; i < k; i++) {
        ex.stepBack();
      }
      for (int i = 0; i < k; i++) {
        ex.stepForward();
      }
      assertEquals(before, shown(ex), "seed " + seed + " k=" + k);
      assertEquals(text, ex.textProperty().get(), "stepping changes no script");
    }
  }

  /** One random user action; returns what it was, for messages. */
  private static String act(Experiment ex, Random r) throws ScriptError {
    int p = r.nextInt(100);
    if (p < 60) {
      return "click " + click(ex, r);
    } else if (p < 70) {
      ex.undo();
      return "undo";
    } else if (p < 75) {
      ex.redo();
      return "redo";
    } else if (p < 85) {
      int k = 1 + r.nextInt(3);
      for (int i = 0; i < k; i++) {
        ex.stepBack();
      }
      return "back " + k;
    } else if (p < 90) {
      int to = r.nextInt(ex.stepCount() + 1);
      ex.jumpTo(to);
      return "jump " + to;
    } else if (p < 95) {
      ex.stepForward();
      return "forward";
    } else {
      return "edit " + edit(ex, r);
    }
  }

  /** Deletes or comments out a line, or adds a comment: the script may now stop early. */
  private static String edit(Experiment ex, Random r) {
    List<String> lines = new ArrayList<>(List.of(ex.textProperty().get().split("\n", -1)));
    int i = r.nextInt(lines.size());
    String what;
    switch (r.nextInt(3)) {
      case 0 -> {
        what = "delete line " + (i + 1);
        lines.remove(i);
      }
      case 1 -> {
        what = "comment out line " + (i + 1);
        lines.set(i, "# " + lines.get(i));
      }
      default -> {
        what = "narrate line " + (i + 1);
        lines.add(i, "# what happens here?");
      }
    }
    ex.edit(String.join("\n", lines));
    return what;
  }

  /** A click the window could make: a random call by a random running task. */
  static String click(Experiment ex, Random r) throws ScriptError {
    LabModel m = ex.model();
    List<Task> running = new ArrayList<>();
    for (Task t : m.kernel().tasks()) {
      if (t.state() == TaskState.RUNNING) {
        running.add(t);
      }
    }
    if (running.isEmpty()) {
      ex.undo(); // everything died: the user would undo
      return "undo (nothing runs)";
    }
    Task t = running.get(r.nextInt(running.size()));
    List<Task> all = new ArrayList<>(m.kernel().tasks());
    Task other = all.get(r.nextInt(all.size()));
    String me = t.comm();
    String s =
        switch (r.nextInt(14)) {
          case 0, 1, 2 -> "fork " + me + " " + m.proposeLabel(t);
          case 3 -> "clone " + me + " " + m.proposeLabel(t) + " newpid";
          case 4 -> "unshare " + me + " newpid";
          case 5 -> "setns " + me + " " + other.comm();
          case 6, 7 -> "exit " + me;
          case 8 -> "wait " + me;
          case 9 -> "kill " + me + " " + other.comm() + (r.nextBoolean() ? "" : " SIGTERM");
          case 10 -> "kill " + me + " " + (r.nextBoolean() ? "-1" : "0") + " SIGKILL";
          case 11 -> r.nextBoolean() ? "setsid " + me : "setpgid " + me;
          case 12 -> "subreaper " + me;
          default -> "sysctl " + me + " ns_last_pid " + r.nextInt(40);
        };
    ex.perform(s);
    return s;
  }

  private static List<String> shown(Experiment ex) {
    return StatePrinter.lines(ex.model().kernel());
  }

  /** What {@code pidns-lab run} prints as the state for the script's lines 1..current line. */
  private static List<String> prefixState(Experiment ex) {
    int line = ex.currentLineProperty().get();
    String[] lines = ex.textProperty().get().split("\n", -1);
    String prefix = String.join("\n", java.util.Arrays.copyOf(lines, Math.min(line, lines.length)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        ScriptRun.run(
            "prefix",
            prefix,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            false);
    if (status == ScriptRun.SCRIPT_ERROR) {
      fail("the lines up to the current step do not run:\n" + prefix);
    }
    return stateLines(out.toString(StandardCharsets.UTF_8));
  }

  private static List<String> stateLines(String output) {
    return output.lines().filter(l -> l.startsWith("ns ") || l.startsWith("task ")).toList();
  }
}
