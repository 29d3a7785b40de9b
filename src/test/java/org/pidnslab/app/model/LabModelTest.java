package org.pidnslab.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pidnslab.kernel.KernelEvent;
import org.pidnslab.script.ScriptError;

/** The window's view-model, without a window: statements in, state, log and events out. */
class LabModelTest {

  @Test
  void aStatementRunsOnTheKernelAndLandsInTheLogWithTheKernelsSteps() throws ScriptError {
    LabModel m = new LabModel();
    m.run("clone init c newpid");
    assertEquals("2/1", m.task("c").pid().toString());
    LabModel.LogEntry e = m.log().get(0);
    assertEquals("clone init c newpid = 2", e.resultLine());
    assertTrue(
        e.steps().contains("alloc_pid: ns1 (level 1) gives 1, root gives 2"), e.steps().toString());
    assertFalse(e.failed());
  }

  @Test
  void aFailedCallCarriesItsErrnoAndAOneSentenceReason() throws ScriptError {
    LabModel m = new LabModel();
    m.run("unshare init newpid");
    LabModel.CallOutcome o = m.run("unshare init newpid");
    assertTrue(o.failed());
    assertEquals("EINVAL", o.result().errno().name());
    assertTrue(o.reason().startsWith("copy_pid_ns:"), o.reason());
    assertTrue(m.log().get(1).failed());
  }

  @Test
  void aScriptErrorChangesNothingAndIsReported() throws ScriptError {
    LabModel m = new LabModel();
    m.run("fork init a");
    m.run("exit a");
    int before = m.revisionProperty().get();
    ScriptError e = assertThrows(ScriptError.class, () -> m.run("fork a b"));
    assertEquals("task 'a' is not running (it is a zombie)", e.getMessage());
    assertEquals(before, m.revisionProperty().get());
    assertEquals(2, m.history().size());
  }

  @Test
  void listenersGetTheEventsInKernelOrderBeforeTheRedraw() throws ScriptError {
    LabModel m = new LabModel();
    List<KernelEvent> seen = new ArrayList<>();
    m.addOutcomeListener(o -> seen.addAll(o.events()));
    m.run("clone init c newpid");
    assertTrue(seen.get(0) instanceof KernelEvent.NamespaceCreated);
    assertTrue(seen.get(1) instanceof KernelEvent.PidAllocated a && a.ns().level() == 1);
    assertTrue(seen.get(2) instanceof KernelEvent.PidAllocated a && a.ns().level() == 0);
    assertTrue(seen.get(3) instanceof KernelEvent.TaskForked);
  }

  @Test
  void proposedLabelsAreFreeAndFollowTheParent() throws ScriptError {
    LabModel m = new LabModel();
    assertEquals("p1", m.proposeLabel(m.kernel().init()));
    m.run("fork init p1");
    assertEquals("p2", m.proposeLabel(m.kernel().init()));
    assertEquals("p11", m.proposeLabel(m.task("p1")));
  }

  @Test
  void reapingTheSelectedTaskClearsTheSelectionAndAnEmptiedPerspectiveFallsBackToRoot()
      throws ScriptError {
    LabModel m = new LabModel();
    m.run("clone init c newpid");
    m.selectedProperty().set(m.task("c"));
    m.perspectiveProperty().set(m.task("c").activeNs());
    m.run("kill init c");
    m.run("wait init");
    assertNull(m.selectedProperty().get());
    assertNull(m.perspectiveProperty().get());
  }

  @Test
  void theHistoryIsTheExperimentAsAScript() throws ScriptError {
    LabModel m = new LabModel();
    m.run("fork init a");
    m.run("kill a 1   # comment");
    assertEquals(
        List.of("fork init a", "kill a 1"), m.history().stream().map(s -> s.text()).toList());
  }

  @Test
  void actionsNeedARunningSelectedTask() throws ScriptError {
    LabModel m = new LabModel();
    assertFalse(Syscall.FORK.availability(null).enabled());
    m.run("fork init a");
    m.run("exit a");
    Availability z = Syscall.FORK.availability(m.task("a"));
    assertFalse(z.enabled());
    assertTrue(z.reason().contains("zombie"), z.reason());
    assertTrue(Syscall.WAIT.availability(m.kernel().init()).enabled());
  }

  @Test
  void psListsWhatANamespaceSeesWithInvisibleIdsAsZero() throws ScriptError {
    LabModel m = new LabModel();
    m.run("fork init a");
    m.run("setsid a");
    m.run("clone a c newpid");
    m.run("fork c c1");
    List<PsListing.Row> rows = PsListing.of(m.kernel(), m.task("c").activeNs());
    assertEquals(2, rows.size());
    PsListing.Row init = rows.get(0);
    assertEquals(1, init.pid());
    assertEquals(0, init.ppid());
    assertEquals(0, init.pgid());
    assertEquals(0, init.sid());
    assertEquals(2, rows.get(1).pid());
    assertEquals(1, rows.get(1).ppid());
  }

  @Test
  void findByLabelOrByPidAsSeenFromANamespace() throws ScriptError {
    LabModel m = new LabModel();
    m.run("clone init c newpid");
    m.run("fork c c1");
    assertEquals(m.task("c1"), TaskFinder.find(m.kernel(), m::task, "ns1:2"));
    assertEquals(m.task("c1"), TaskFinder.find(m.kernel(), m::task, "root:3"));
    assertEquals(m.task("c"), TaskFinder.find(m.kernel(), m::task, " c "));
    assertNull(TaskFinder.find(m.kernel(), m::task, "ns9:1"));
    assertNull(TaskFinder.find(m.kernel(), m::task, "ns1:x"));
  }
}
