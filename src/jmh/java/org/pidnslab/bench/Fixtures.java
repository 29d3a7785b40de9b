package org.pidnslab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.SysResult;
import org.pidnslab.kernel.Task;

/**
 * Builds the machines the benchmarks and {@link MemoryFootprint} measure: a kernel whose root
 * namespace allows {@link PidNamespace#PID_MAX_LIMIT} pids, a chain of nested namespaces made with
 * {@code clone(CLONE_NEWPID)}, and a population of live tasks in the innermost namespace.
 *
 * <p>Every task is forked with the same {@link #COMM} string, so task names cost nothing in the
 * footprint. Workers are spread over spawner parents of {@link #CHILDREN_PER_SPAWNER} children
 * each, so no child list is long.
 */
public final class Fixtures {
  /** The name every fixture task gets (one shared string). */
  public static final String COMM = "worker";

  /** How many children one spawner task parents. */
  public static final int CHILDREN_PER_SPAWNER = 1000;

  private Fixtures() {}

  /** A fresh kernel whose root namespace has pid_max = PID_MAX_LIMIT (4,194,304). */
  public static Kernel newKernel() {
    Kernel kernel = new Kernel();
    SysResult r = kernel.writePidMax(kernel.init(), PidNamespace.PID_MAX_LIMIT);
    check(!r.failed(), "writePidMax on root: " + r);
    return kernel;
  }

  /**
   * Nests {@code depth} namespaces below root, each made by the previous init with cloneNewPid, and
   * returns the init of the innermost one (root's init when {@code depth} is 0).
   */
  public static Task nest(Kernel kernel, int depth) {
    Task init = kernel.init();
    for (int i = 0; i < depth; i++) {
      init = forked(kernel.cloneNewPid(init, COMM), "cloneNewPid at level " + i);
    }
    check(init.activeNs().level() == depth, "nesting reached level " + init.activeNs().level());
    return init;
  }

  /**
   * Forks exactly {@code count} live tasks in {@code init}'s pid_ns_for_children: spawners forked
   * by {@code init}, each parenting up to {@link #CHILDREN_PER_SPAWNER} workers (spawners count).
   */
  public static void populate(Kernel kernel, Task init, int count) {
    int created = 0;
    while (created < count) {
      Task spawner = fork(kernel, init);
      created++;
      for (int i = 0; i < CHILDREN_PER_SPAWNER && created < count; i++) {
        fork(kernel, spawner);
        created++;
      }
    }
  }

  /** Task names of {@link #processTree}: what a busy machine's {@code ps} shows. */
  private static final String[] NAMES = {
    "systemd", "sshd", "bash", "sh", "nginx", "worker", "postgres", "python3", "java", "node",
    "sleep", "cron", "containerd", "runc", "make", "cc1", "ld", "git", "ssh-agent", "dbus-daemon"
  };

  /**
   * A realistic process tree of exactly {@code tasks} tasks (init included) made with the kernel's
   * own system calls, the same for the same {@code seed}. Each step picks a living task as the
   * parent by preferential attachment (a task's chance grows with the children it already forked,
   * so a few shells, servers and inits fork most tasks and the tree is bushy and shallow, as on a
   * real machine) and, mostly, forks it. About one step in 60 is a {@code clone(CLONE_NEWPID)} (a
   * container; namespaces nest up to level 5), one in 200 an {@code unshare(CLONE_NEWPID)} whose
   * next fork starts the new namespace (both only by a task whose children still go to its own
   * namespace, as the kernel demands), and one in 30 an exit of a task that is not a namespace init
   * (it stays as a zombie, its children are reparented). Names come from a pool of 20 common
   * commands, with one in ten unique ({@code job-N}).
   */
  public static Kernel processTree(int tasks, long seed) {
    Kernel kernel = new Kernel();
    Random rnd = new Random(seed);
    // every task once at birth and once more per child: picking uniformly from it is preferential
    List<Task> pool = new ArrayList<>(List.of(kernel.init()));
    int step = 0;
    while (kernel.taskCount() < tasks) {
      step++;
      Task p = pool.get(rnd.nextInt(pool.size()));
      if (!p.isAlive()) {
        continue;
      }
      int dice = rnd.nextInt(600);
      String comm = rnd.nextInt(10) == 0 ? "job-" + step : NAMES[rnd.nextInt(NAMES.length)];
      boolean mayNest = p.activeNs().level() < 5 && p.pidNsForChildren() == p.activeNs();
      SysResult r;
      if (dice < 20) {
        if (!p.isNamespaceInit()) {
          kernel.exit(p, 0);
        }
        continue;
      } else if (dice < 23 && mayNest) {
        r = kernel.unshareNewPid(p);
        check(!r.failed(), "unshare by " + p + " failed: " + r);
        continue;
      } else if (dice < 33 && mayNest) {
        r = kernel.cloneNewPid(p, comm);
      } else {
        r = kernel.fork(p, comm);
      }
      Task child = forked(r, "fork by " + p);
      pool.add(child);
      pool.add(p);
    }
    check(kernel.taskCount() == tasks, "task count " + kernel.taskCount());
    return kernel;
  }

  /** Forks one child of {@code parent}, failing loudly if the fork fails. */
  public static Task fork(Kernel kernel, Task parent) {
    return forked(kernel.fork(parent, COMM), "fork by " + parent);
  }

  /** Exits {@code child} and reaps it through its parent's waitpid, failing loudly otherwise. */
  public static void exitAndReap(Kernel kernel, Task child) {
    Task parent = child.realParent();
    kernel.exit(child, 0);
    SysResult r = kernel.waitpid(parent, child);
    if (r.failed() || r.value() <= 0) { // no message built on the hot path
      throw new IllegalStateException("waitpid by " + parent + " for " + child + ": " + r);
    }
  }

  /** The timed cycle both fork benchmarks measure: fork, exit of the child, waitpid by parent. */
  public static SysResult forkExitReap(Kernel kernel, Task parent) {
    Task child = kernel.fork(parent, COMM).child();
    kernel.exit(child, 0);
    return kernel.waitpid(parent, child);
  }

  /** Reaps the child a timed fork left behind (untimed), if any; returns null to clear it. */
  public static Task reapPending(Kernel kernel, Task pending) {
    if (pending != null) {
      exitAndReap(kernel, pending);
    }
    return null;
  }

  /** Throws {@link IllegalStateException} with {@code message} unless {@code condition}. */
  public static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  private static Task forked(SysResult r, String what) {
    check(!r.failed(), what + " failed: " + r);
    return r.child();
  }
}
