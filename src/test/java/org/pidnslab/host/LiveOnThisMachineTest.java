package org.pidnslab.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code live} finds a known tree of processes started in fresh PID namespaces with {@code
 * unshare}, with every pid at every level, and the namespace tree from NS_GET_PARENT. Needs root
 * (CI runs as root); every process started here is killed at the end.
 */
class LiveOnThisMachineTest {
  private Process outer;

  /**
   * ns A (below this machine's): sh = 1, sleep = 2, sleep = 3, unshare = 4; ns B (below A): sleep =
   * 5 in A and 1 in B. Numbers are deterministic: nothing else forks in a fresh namespace.
   */
  private static final List<String> TREE =
      List.of(
          "unshare",
          "--pid",
          "--fork",
          "--kill-child",
          "--mount-proc",
          "--",
          "sh",
          "-c",
          "sleep 600 & sleep 600 & unshare --pid --fork --kill-child --mount-proc -- sleep 600 & wait");

  @AfterEach
  void killEverything() throws InterruptedException {
    if (outer != null) {
      List<ProcessHandle> all = outer.descendants().toList();
      outer.destroyForcibly(); // --kill-child: SIGKILL to sh, the init of A, kills A and B
      outer.waitFor();
      all.forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aKnownTreeIsFoundExactly() throws Exception {
    assumeTrue(ThisProcess.effectiveUid() == 0, "unshare --pid needs root");
    outer = new ProcessBuilder(TREE).start();
    long deadline = System.currentTimeMillis() + 20_000;
    Map<String, ProcessHandle> byRole = roles();
    while (byRole.size() < 5 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50); // forked but not yet exec'd: wait until every process runs its program
      byRole = roles();
    }
    Map<String, ProcessHandle> found5 = byRole;
    assertEquals(5, byRole.size(), () -> "started: " + found5);
    HostSnapshot s = new ProcReader(Path.of("/proc")).read();
    Map<Long, HostTask> found = new HashMap<>();
    for (HostTask t : s.tasks()) {
      found.put((long) t.pid(), t);
    }
    HostTask sh = found.get(byRole.get("sh").pid());
    assertArrayEquals(new int[] {(int) byRole.get("sh").pid(), 1}, sh.nspid());
    int[] sleeps = {(int) byRole.get("sleep2").pid(), (int) byRole.get("sleep3").pid()};
    java.util.Arrays.sort(sleeps);
    assertArrayEquals(new int[] {sleeps[0], 2}, found.get((long) sleeps[0]).nspid());
    assertArrayEquals(new int[] {sleeps[1], 3}, found.get((long) sleeps[1]).nspid());
    HostTask unshare = found.get(byRole.get("unshare").pid());
    assertArrayEquals(new int[] {unshare.pid(), 4}, unshare.nspid());
    HostTask b = found.get(byRole.get("sleepB").pid());
    assertArrayEquals(new int[] {b.pid(), 5, 1}, b.nspid());
    assertEquals(unshare.pid(), b.ppid());
    assertEquals(sh.nsInode(), unshare.nsInode());
    assertEquals(sh.nsInode(), found.get((long) sleeps[0]).nsInode());
    assertTrue(b.nsInode() != sh.nsInode());
    HostNamespace nsA = s.namespace(sh.nsInode());
    HostNamespace nsB = s.namespace(b.nsInode());
    long top = found.get(ProcessHandle.current().pid()).nsInode();
    assertEquals(top, nsA.parent());
    assertEquals(nsA.inode(), nsB.parent());
    assertEquals("NS_GET_PARENT", nsB.parentFrom());
    assertEquals(4, nsA.tasks());
    assertEquals(1, nsB.tasks());
  }

  /** The processes of TREE by role, once each runs its own program. */
  private Map<String, ProcessHandle> roles() {
    Map<String, ProcessHandle> byRole = new HashMap<>();
    ProcessHandle sh = outer.children().findFirst().orElse(null);
    String shExe = sh == null ? "/unshare" : sh.info().command().orElse("/unshare");
    if (shExe.endsWith("/unshare")) { // not yet sh (or dash, which /bin/sh may be)
      return byRole;
    }
    byRole.put("sh", sh);
    for (ProcessHandle c : sh.children().sorted().toList()) {
      String exe = c.info().command().orElse("");
      if (exe.endsWith("/unshare")) {
        byRole.put("unshare", c);
        c.children()
            .filter(b -> b.info().command().orElse("").endsWith("/sleep"))
            .findFirst()
            .ifPresent(b -> byRole.put("sleepB", b));
      } else if (exe.endsWith("/sleep")) {
        byRole.put(byRole.containsKey("sleep2") ? "sleep3" : "sleep2", c);
      }
    }
    return byRole;
  }
}
