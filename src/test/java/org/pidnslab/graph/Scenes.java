package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.SysResult;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/** Kernel states for the graph tests, built with the kernel's own system calls. */
final class Scenes {
  final Kernel k = new Kernel();
  final Map<String, Task> tasks = new HashMap<>();

  Scenes() {
    tasks.put("init", k.init());
  }

  Task t(String label) {
    Task t = tasks.get(label);
    if (t == null) {
      throw new IllegalArgumentException("no task " + label);
    }
    return t;
  }

  Scenes fork(String parent, String child) {
    return remember(child, k.fork(t(parent), child));
  }

  Scenes clone(String parent, String child) {
    return remember(child, k.cloneNewPid(t(parent), child));
  }

  Scenes unshare(String task) {
    require(k.unshareNewPid(t(task)));
    return this;
  }

  Scenes setns(String task, String target) {
    require(k.setns(t(task), t(target)));
    return this;
  }

  Scenes exit(String task) {
    require(k.exit(t(task), 0));
    return this;
  }

  Scenes waitFor(String parent, String child) {
    require(k.waitpid(t(parent), t(child)));
    return this;
  }

  Scenes subreaper(String task) {
    require(k.setChildSubreaper(t(task)));
    return this;
  }

  PidNamespace ns(String task) {
    return t(task).activeNs();
  }

  private Scenes remember(String label, SysResult r) {
    require(r);
    tasks.put(label, r.child());
    return this;
  }

  private static void require(SysResult r) {
    if (r.failed()) {
      throw new IllegalStateException("system call failed: " + r);
    }
  }

  /**
   * A small machine: a container (ns1) with a nested one (ns2), a job in an unshared namespace
   * (ns3), a zombie, a subreaper that entered ns2 by setns, and a plain task.
   *
   * <pre>
   * init ─ sshd ─ container(ns1 init) ─ bash ─ inner(ns2 init) ─ sleep
   *      │                            └ nginx ─ worker1, worker2
   *      ├ cron ─ job(ns3 init) ─ step
   *      ├ zombie (Z)
   *      ├ systemd-user (subreaper) ─ entered (ns2, after setns)
   *      └ q
   * </pre>
   */
  static Scenes machine() {
    return new Scenes()
        .fork("init", "sshd")
        .clone("sshd", "container")
        .fork("container", "bash")
        .fork("container", "nginx")
        .fork("nginx", "worker1")
        .fork("nginx", "worker2")
        .clone("bash", "inner")
        .fork("inner", "sleep")
        .fork("init", "cron")
        .unshare("cron")
        .fork("cron", "job")
        .fork("job", "step")
        .fork("init", "zombie")
        .exit("zombie")
        .fork("init", "systemd-user")
        .subreaper("systemd-user")
        .setns("systemd-user", "inner")
        .fork("systemd-user", "entered")
        .fork("init", "q");
  }

  /** A chain of 32 nested namespaces with a side task every fourth level and a leaf at the end. */
  static Scenes deepNesting() {
    Scenes s = new Scenes();
    String cur = "init";
    for (int i = 1; i <= 32; i++) {
      s.clone(cur, "n" + i);
      if (i % 4 == 0) {
        s.fork(cur, "side" + i);
      }
      cur = "n" + i;
    }
    return s.fork(cur, "leaf");
  }

  /**
   * A random history of {@code steps} system calls: mostly forks, some clones, unshares, setns,
   * exits, waits and subreapers, by random running tasks. Failed calls are simply part of it.
   */
  static Kernel random(long seed, int steps) {
    Random rnd = new Random(seed);
    Kernel k = new Kernel();
    int names = 0;
    for (int i = 0; i < steps; i++) {
      List<Task> running = new ArrayList<>();
      List<Task> all = k.tasks();
      for (Task t : all) {
        if (t.isAlive()) {
          running.add(t);
        }
      }
      if (running.isEmpty()) {
        break;
      }
      Task t = running.get(rnd.nextInt(running.size()));
      int dice = rnd.nextInt(100);
      if (dice < 55) {
        k.fork(t, "t" + names++);
      } else if (dice < 65) {
        if (t.activeNs().level() < PidNamespace.MAX_PID_NS_LEVEL) {
          k.cloneNewPid(t, "c" + names++);
        }
      } else if (dice < 69) {
        if (t.activeNs().level() < PidNamespace.MAX_PID_NS_LEVEL) {
          k.unshareNewPid(t);
        }
      } else if (dice < 74) {
        Task target = all.get(rnd.nextInt(all.size()));
        if (target.state() != TaskState.DEAD) {
          k.setns(t, target);
        }
      } else if (dice < 86) {
        if (t != k.init()) {
          k.exit(t, 0);
        }
      } else if (dice < 96) {
        k.waitpid(t, null);
      } else {
        k.setChildSubreaper(t);
      }
    }
    return k;
  }
}
