package org.pidnslab.app.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.host.HostSnapshot;
import org.pidnslab.host.ProcReader;
import org.pidnslab.host.SyntheticProc;
import org.pidnslab.kernel.TaskState;
import org.pidnslab.script.Statement;

/** This machine as a model: a newer snapshot as the calls that lead to it, or a rebuild. */
class LiveMachineTest {
  static final long ROOT = 4026531836L;
  static final long C1 = 4026532001L;

  @TempDir Path tmp;

  private SyntheticProc proc() throws Exception {
    SyntheticProc p = new SyntheticProc(tmp.resolve("proc"));
    p.add("systemd", 0, ROOT, 1)
        .add("shim", 1, ROOT, 100)
        .add("c-init", 100, C1, 101, 1)
        .add("sh", 101, C1, 102, 2);
    return p;
  }

  private HostSnapshot read(SyntheticProc p) {
    return new ProcReader(p.root()).read();
  }

  /** A machine showing {@code p} in {@code model}. */
  private LiveMachine shown(SyntheticProc p, LabModel model) throws Exception {
    LiveMachine m = new LiveMachine(model);
    m.adopt(LiveMachine.prepare(read(p)));
    return m;
  }

  private static void remove(Path dir) throws Exception {
    try (var walk = Files.walk(dir)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private static List<String> words(List<Statement> statements) {
    return statements.stream().map(s -> String.join(" ", s.words())).toList();
  }

  @Test
  void aProcessGoneAndOneNewAreExitWaitAndAForkWithItsRealPids() throws Exception {
    SyntheticProc p = proc();
    LabModel model = new LabModel();
    LiveMachine m = shown(p, model);
    remove(p.root().resolve("102"));
    p.add("top", 101, C1, 103, 3);
    HostSnapshot next = read(p);
    LiveMachine.Change c = LiveMachine.changeTo(m.base(), next);
    assertNotNull(c);
    List<String> calls = words(c.statements());
    assertEquals("exit sh_102", calls.get(0), calls::toString);
    assertEquals("wait c-init_101 sh_102", calls.get(1), calls::toString);
    assertEquals("fork c-init_101 top_103", calls.get(calls.size() - 1), calls::toString);
    model.advance(c.statements());
    m.changed(c);
    assertEquals(103, model.task("top_103").pid().nr(0));
    assertEquals(3, model.task("top_103").pid().nr(1));
    assertTrue(m.mismatches().isEmpty(), m.mismatches()::toString);
    assertEquals("top", m.process(model.task("top_103")).comm());
  }

  @Test
  void nothingChangedIsNoCalls() throws Exception {
    SyntheticProc p = proc();
    LiveMachine m = shown(p, new LabModel());
    LiveMachine.Change c = LiveMachine.changeTo(m.base(), read(p));
    assertNotNull(c);
    assertTrue(c.statements().isEmpty(), c.statements()::toString);
  }

  /** Calls that would take a process still there with them are given up: the picture is rebuilt. */
  @Test
  void callsThatWouldKillAProcessStillThereAreGivenUp() throws Exception {
    SyntheticProc p = proc();
    LiveMachine m = shown(p, new LabModel());
    // a racy read: the container's init gone, its sh still listed (its exit would kill sh)
    remove(p.root().resolve("101"));
    assertNull(LiveMachine.changeTo(m.base(), read(p)));
  }

  @Test
  void aProcessNowAZombieIsAnExitAndStaysDrawn() throws Exception {
    SyntheticProc p = proc();
    LabModel model = new LabModel();
    LiveMachine m = shown(p, model);
    remove(p.root().resolve("102"));
    p.add("sh", 'Z', 101, C1, new int[] {102, 2}, new int[] {1, 0}, new int[] {1, 0});
    LiveMachine.Change c = LiveMachine.changeTo(m.base(), read(p));
    assertNotNull(c);
    assertEquals(List.of("exit sh_102"), words(c.statements()));
    model.advance(c.statements());
    assertEquals(TaskState.ZOMBIE, model.task("sh_102").state());
  }
}
