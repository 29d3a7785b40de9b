package org.pidnslab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;
import org.pidnslab.script.ScriptError;
import org.pidnslab.script.ScriptParser;
import org.pidnslab.script.ScriptRun;
import org.pidnslab.script.ScriptRunner;

/** "Start an experiment from this": the script of a snapshot, played by the simulation. */
class SnapshotScriptTest {
  static final long ROOT = ProcReaderTest.ROOT;
  static final long C1 = ProcReaderTest.C1;
  static final long C2 = ProcReaderTest.C2;

  @TempDir Path tmp;

  private HostSnapshot container() throws IOException {
    SyntheticProc proc = new SyntheticProc(tmp.resolve("proc"));
    proc.add("systemd", 0, ROOT, 1)
        .add("kthreadd", 0, ROOT, 2)
        .add("kworker/0:1", 2, ROOT, 3)
        .add("shim", 1, ROOT, 100)
        .add("c-init", 100, C1, 101, 1)
        .add("sh", 101, C1, 102, 2)
        .add("inner", 101, C2, 103, 3, 1)
        .add("inner-child", 103, C2, 104, 4, 2)
        .add("exec-ed", 100, C1, 105, 5) // docker exec: its parent is outside
        .add("defunct", 'Z', 102, C1, new int[] {106, 6}, new int[] {1, 0}, new int[] {1, 0})
        .add("leader", 'S', 101, C1, new int[] {107, 7}, new int[] {1, 7}, new int[] {1, 7});
    return new ProcReader(ProcFiles.of(proc.root()), "synthetic", () -> NamespaceParents.none("t"))
        .read();
  }

  /** Plays the script; fails on any script error or errno line. */
  private static ScriptRunner play(String script) throws ScriptError {
    ScriptRunner runner = new ScriptRunner();
    for (ScriptParser.ParsedLine p : ScriptParser.parse(script)) {
      if (p.error() != null) {
        throw p.error();
      }
      ScriptRunner.Outcome o = runner.execute(p.statement());
      String line = o.resultLine();
      assertFalse(line != null && line.matches(".* = E[A-Z]+$"), "a call failed: " + line);
    }
    return runner;
  }

  @Test
  void theSimulationPlaysTheShapeOfTheSnapshot() throws Exception {
    HostSnapshot s = container();
    String script = SnapshotScript.of(s);
    ScriptRunner runner = play(script);
    assertTrue(script.contains("setns shim_100 c-init_101"), script); // docker exec's shape
    Map<Integer, String> labels = new HashMap<>();
    for (String l : runner.labels().keySet()) {
      labels.put(l.equals("init") ? 1 : Integer.parseInt(l.replaceAll(".*_", "")), l);
    }
    Map<Long, PidNamespace> simNs = new HashMap<>();
    for (HostTask t : s.tasks()) {
      if (t.pid() == 2 || t.pid() == 3) {
        assertFalse(labels.containsKey(t.pid()), "kernel threads are left out");
        continue;
      }
      Task sim = runner.task(labels.get(t.pid()));
      assertNotNull(sim, "pid " + t.pid() + " is in the script:\n" + script);
      assertEquals(t.level(), sim.activeNs().level(), "level of " + t.pid());
      PidNamespace seen = simNs.putIfAbsent(t.nsInode(), sim.activeNs());
      if (seen != null) {
        assertEquals(seen, sim.activeNs(), "same namespace as the others of " + t.nsInode());
      }
      if (t.pid() != 1) {
        assertEquals(
            labels.get(t.ppid()),
            runner.labels().entrySet().stream()
                .filter(e -> e.getValue() == sim.realParent())
                .findFirst()
                .orElseThrow()
                .getKey(),
            "parent of " + t.pid());
      }
    }
    assertEquals(simNs.get(ROOT), simNs.get(C1).parent());
    assertEquals(simNs.get(C1), simNs.get(C2).parent());
    assertEquals(TaskState.ZOMBIE, runner.task(labels.get(106)).state());
    Task leader = runner.task(labels.get(107));
    assertTrue(leader.isSessionLeader(), "setsid for a session leader");
    assertEquals(leader.pidNr(leader.activeNs()), leader.sidNr(leader.activeNs()));
  }

  @Test
  void thisMachinesOwnSnapshotPlaysWithoutAnError() {
    HostSnapshot s = new ProcReader(Path.of("/proc")).read();
    String script = SnapshotScript.of(s);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        ScriptRun.run(
            "live.pidns",
            script,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8) + "\n" + script);
    assertFalse(out.toString(StandardCharsets.UTF_8).matches("(?s).* = E[A-Z]+\n.*"), script);
  }

  @Test
  void withRealPidsTheSimulationHoldsEveryRealPidAtEveryLevel() throws Exception {
    HostSnapshot s = container();
    SnapshotScript.Placed placed = SnapshotScript.withRealPids(s);
    ScriptRunner runner = play(placed.text());
    int checked = 0;
    for (HostTask t : s.tasks()) {
      String label = placed.labels().get(t.pid());
      if (t.pid() == 2 || t.pid() == 3) {
        assertFalse(placed.labels().containsKey(t.pid()), "kernel threads are left out");
        continue;
      }
      Task sim = runner.task(label);
      assertNotNull(sim, "pid " + t.pid() + ":\n" + placed.text());
      int[] nspid = new int[sim.pid().level() + 1];
      for (int level = 0; level < nspid.length; level++) {
        nspid[level] = sim.pid().nr(level);
      }
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          t.nspid(), nspid, "pids of " + t.pid() + ":\n" + placed.text());
      checked++;
    }
    assertEquals(9, checked);
  }

  @Test
  void withRealPidsPidsAboveTheDefaultPidMaxFit() throws Exception {
    SyntheticProc proc = new SyntheticProc(tmp.resolve("big"));
    proc.add("systemd", 0, ROOT, 1)
        .add("daemon", 1, ROOT, 3_999_000)
        .add("c-init", 3_999_000, C1, 4_000_000, 1)
        .add("worker", 4_000_000, C1, 40_000, 77);
    HostSnapshot s =
        new ProcReader(ProcFiles.of(proc.root()), "synthetic", () -> NamespaceParents.none("t"))
            .read();
    SnapshotScript.Placed placed = SnapshotScript.withRealPids(s);
    ScriptRunner runner = play(placed.text());
    Task worker = runner.task(placed.labels().get(40_000));
    assertEquals(40_000, worker.pid().nr(0), placed.text());
    assertEquals(77, worker.pid().nr(1), placed.text());
    assertEquals(3_999_000, runner.task(placed.labels().get(3_999_000)).pid().nr(0));
  }
}
