package org.pidnslab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pidnslab.kernel.Errno;
import org.pidnslab.kernel.KernelEvent;

/**
 * The words of {@code run --explain} and the window's log, checked against Linux 6.18 (the source
 * file and function of each are named in docs/kernel-rules.md): each test runs a scenario and
 * asserts the facts a line must state, and the false claims it must no longer make.
 */
class ExplainerTest {
  private final Explainer explainer = new Explainer();

  /** Runs {@code script} and returns the explained steps of its last statement. */
  private List<String> lastSteps(String script) throws ScriptError {
    List<Explained> all = outcomes(script);
    return all.get(all.size() - 1).steps();
  }

  private record Explained(ScriptRunner.Outcome outcome, List<String> steps) {}

  private List<Explained> outcomes(String script) throws ScriptError {
    ScriptRunner runner = new ScriptRunner();
    List<Explained> out = new ArrayList<>();
    for (ScriptParser.ParsedLine p : ScriptParser.parse(script)) {
      ScriptRunner.Outcome o = runner.execute(p.statement());
      out.add(new Explained(o, explainer.steps(o)));
    }
    return out;
  }

  private static String joined(List<String> steps) {
    return String.join("\n", steps);
  }

  @Test
  void eagainNamesTheSearchRangeFrom300AndTheIdrsEnospc() throws ScriptError {
    String s =
        "fork init a\nsysctl init ns_last_pid 299\nfork init b\nsysctl init pid_max 302\n"
            + "fork init c\nfork init d\n";
    String last = joined(lastSteps(s));
    assertTrue(last.contains("EAGAIN"), last);
    assertTrue(last.contains("[300, 302)"), last);
    assertTrue(last.contains("ENOSPC"), last);
    assertTrue(last.contains("idr_alloc_cyclic"), last);
    assertTrue(last.contains("below 300"), last);
    assertFalse(last.contains("no free number below its pid_max"), last);
  }

  @Test
  void eagainBeforeTheCursorPassed300SearchesFromOne() throws ScriptError {
    // pid_max 301 with 300 taken and the cursor at 300 (ns_last_pid 299): the search wraps to 1
    String s = "sysctl init pid_max 301\nsysctl init ns_last_pid 299\nfork init a\nfork init b\n";
    List<Explained> all = outcomes(s);
    assertEquals("300", all.get(2).outcome().result().toString());
    // the cursor is 301 now, past 300: the range is [300, 301), full
    String last = joined(all.get(3).steps());
    assertTrue(last.contains("[300, 301)") && last.contains("EAGAIN"), last);
  }

  @Test
  void theGenericEagainAndEnomemTextsStateTheRealReasons() {
    String eagain = Explainer.failure("fork", Errno.EAGAIN);
    assertTrue(eagain.contains("[300, pid_max)") && eagain.contains("ENOSPC"), eagain);
    assertTrue(eagain.contains("EAGAIN"), eagain);
    String enomem = Explainer.failure("fork", Errno.ENOMEM);
    assertTrue(enomem.contains("disable_pid_allocation") && enomem.contains("PIDNS_ADDING"));
  }

  @Test
  void theExitOfRootsInitSaysARealMachinePanics() throws ScriptError {
    String steps = joined(lastSteps("fork init a\nexit init\n"));
    assertTrue(steps.contains("a real machine panics"), steps);
    assertTrue(steps.contains("Attempted to kill init!"), steps);
    assertTrue(steps.contains("is_global_init"), steps);
    assertTrue(steps.contains("container"), steps);
    // the init of a child namespace exits without a panic
    String child = joined(lastSteps("clone init c newpid\nexit c\n"));
    assertFalse(child.contains("panic"), child);
  }

  @Test
  void setnsEsrchIsTheReapedTargetsMissingProcEntryNotAPidfd() {
    // 6.18: setns() on a pidfd of a zombie gives ESRCH (validate_nsset(), nsproxy cleared in
    // do_exit()); the Lab models open("/proc/TARGET/ns/pid"), which fails only once reaped
    String t = Explainer.failure("setns", Errno.ESRCH);
    assertTrue(t.startsWith("pidns_get:"), t);
    assertTrue(t.contains("/proc/TARGET/ns/pid") && t.contains("ENOENT"), t);
    assertTrue(t.contains("reaped") && t.contains("a zombie or E target still works"), t);
    assertFalse(t.contains("pidfd"), t);
    assertFalse(t.contains("validate_nsset"), t);
    assertFalse(t.contains("no longer exists"), t);
  }

  /** Lesson "When the init dies": v's parent is outside ns1; d is ns2's init inside ns1. */
  private static final String ZAP =
      "fork init o\nclone init c newpid\nfork c c1\nclone c1 d newpid\nfork d d1\n"
          + "setns o c\nfork o v\nexit c\n";

  @Test
  void theZapIgnoresSigchldSoLaterDeathsReapThemselvesAndNobodyIsAZombieForTheInit()
      throws ScriptError {
    List<String> steps = lastSteps(ZAP);
    String all = joined(steps);
    assertTrue(all.contains("SIG_IGN"), all);
    assertTrue(all.contains("c1's parent c ignores SIGCHLD, so c1 is never a zombie"), all);
    assertFalse(all.contains("c1 is a zombie, for c to reap"), all);
    assertFalse(all.contains("reaps its own children at once"), all);
    // v's parent o is outside: v is a zombie for o
    assertTrue(all.contains("exit_notify: v is a zombie, for o to reap"), all);
  }

  @Test
  void oneZapKillsTheNestedNamespaceTooAndTheNestedZapSkipsTheDoomed() throws ScriptError {
    List<Explained> all = outcomes(ZAP);
    List<KernelEvent> events = all.get(all.size() - 1).outcome().events();
    List<KernelEvent.NamespaceZapped> zaps = new ArrayList<>();
    int killsOfD1 = 0;
    for (KernelEvent e : events) {
      if (e instanceof KernelEvent.NamespaceZapped z) {
        zaps.add(z);
      } else if (e instanceof KernelEvent.SignalSent s && s.target().comm().equals("d1")) {
        killsOfD1++;
      }
    }
    assertEquals(2, zaps.size());
    assertEquals(
        List.of("c1", "d", "d1", "v"), zaps.get(0).victims().stream().map(t -> t.comm()).toList());
    assertEquals(List.of(), zaps.get(1).victims(), "d1 already has SIGKILL pending from c's zap");
    assertEquals(1, killsOfD1);
  }

  @Test
  void stateEIsTheLabsLabelAndTheKernelSleepsInZap() throws ScriptError {
    String all = joined(lastSteps(ZAP));
    assertTrue(all.contains("the Lab shows E, its label"), all);
    assertTrue(all.contains("ps shows S"), all);
    assertFalse(all.contains("waits (state E)"), all);
  }

  @Test
  void forksIntoADyingNamespaceSayTheInitIsStillInDoExit() throws ScriptError {
    String all = joined(lastSteps(ZAP + "fork o late\n"));
    assertTrue(all.contains("ENOMEM"), all);
    assertTrue(all.contains("disable_pid_allocation() cleared PIDNS_ADDING"), all);
    assertTrue(all.contains("c is still in do_exit"), all);
    assertFalse(all.contains("init is gone"), all);
  }

  @Test
  void signalsToAnInitAreDroppedBecauseNoHandlerIsInstalled() throws ScriptError {
    String inside = joined(lastSteps("clone init c newpid\nfork c c1\nkill c1 1\n"));
    assertTrue(inside.contains("no handler installed, so the default action is ignored"), inside);
    assertTrue(inside.contains("sender is inside"), inside);
    String outside = joined(lastSteps("fork init a\nclone a c newpid\nkill a c SIGTERM\n"));
    assertTrue(outside.contains("no handler installed, so the default action is ignored"));
    assertTrue(outside.contains("only SIGKILL and SIGSTOP are forced"), outside);
    assertFalse(outside.contains("has no default action"), outside);
  }

  @Test
  void unshareNamesCopyPidNsAndSwitchTaskNamespaces() throws ScriptError {
    String all = joined(lastSteps("fork init a\nunshare a newpid\n"));
    assertTrue(all.contains("create_pid_namespace"), all);
    assertTrue(all.contains("ksys_unshare → switch_task_namespaces"), all);
    assertFalse(all.contains("unshare (copy_pid_ns)"), all);
  }

  @Test
  void aSubreaperIsFoundByTheNearestLivingAncestorAtItsLevel() throws ScriptError {
    String all = joined(lastSteps("fork init s\nsubreaper s\n"));
    assertTrue(all.contains("nearest living subreaper"), all);
    assertTrue(all.contains("own pid level"), all);
    assertFalse(all.contains("adopts its descendants' orphans"), all);
  }

  @Test
  void nsLastPidSetsTheCursorOneAboveIt() throws ScriptError {
    String all = joined(lastSteps("sysctl init ns_last_pid 299\n"));
    assertTrue(all.contains("IDR cursor is 300"), all);
    assertTrue(all.contains("max(cursor, pid_min)"), all);
  }

  @Test
  void theZapsWaitLoopReapsTheZombiesTheInitAlreadyHad() throws ScriptError {
    // c1 is a zombie child of c before c exits: zap's kernel_wait4 loop reaps it
    String all = joined(lastSteps("clone init c newpid\nfork c c1\nexit c1\nexit c\n"));
    assertTrue(all.contains("release_task: c1 is reaped by c"), all);
  }
}
