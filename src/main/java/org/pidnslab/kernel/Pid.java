package org.pidnslab.kernel;

/**
 * A process identifier with one number per namespace level: struct pid in include/linux/pid.h.
 *
 * <p>The kernel stores {@code numbers[]} as {nr, ns} pairs. The namespace at level i is always the
 * level-i ancestor of the innermost namespace, so this class keeps only the numbers and rebuilds
 * the pairs on demand ({@link #numbers()}): 4 bytes a level instead of a 24-byte object.
 *
 * <p>One pid object serves as a task's PID and, by reference, as the PGID or SID of other tasks;
 * the counters below stand for the kernel's {@code tasks[PIDTYPE_PGID]} and {@code
 * tasks[PIDTYPE_SID]} lists. The numbers are freed when nothing uses the pid any more.
 */
public final class Pid {
  final int[] nrs;
  final PidNamespace ns;
  Task task; // tasks[PIDTYPE_PID]: the one task with this pid, null once reaped
  int pgrpUsers; // length of tasks[PIDTYPE_PGID]
  int sessionUsers; // length of tasks[PIDTYPE_SID]
  boolean freed; // free_pid() ran: the numbers are back in their namespaces

  Pid(PidNamespace ns) {
    this.ns = ns;
    this.nrs = new int[ns.level() + 1];
  }

  /** The level of the namespace the pid was allocated in. */
  public int level() {
    return nrs.length - 1;
  }

  /** The innermost namespace: numbers[level].ns, the active namespace of its task. */
  public PidNamespace namespace() {
    return ns;
  }

  /** The number at {@code level}, 0 for root. */
  public int nr(int level) {
    return nrs[level];
  }

  /** The {nr, ns} pair at {@code level}. */
  public Upid upid(int level) {
    return new Upid(nrs[level], ns.ancestorAt(level));
  }

  /** numbers[0..level], root first: what NSpid lists. */
  public Upid[] numbers() {
    Upid[] out = new Upid[nrs.length];
    for (int i = 0; i < nrs.length; i++) {
      out[i] = upid(i);
    }
    return out;
  }

  /** The task whose own pid this is, or null once it was reaped (pid_task(pid, PIDTYPE_PID)). */
  public Task task() {
    return task;
  }

  /** Whether some task has this pid as its process group (pid_task(pid, PIDTYPE_PGID) != NULL). */
  public boolean isProcessGroup() {
    return pgrpUsers > 0;
  }

  boolean inUse() {
    return task != null || pgrpUsers > 0 || sessionUsers > 0;
  }

  /**
   * The number of {@code pid} in {@code ns}, 0 when it has none there (pid_nr_ns()): the rule
   * behind every id that reads 0 across a namespace boundary.
   */
  public static int pidNrNs(Pid pid, PidNamespace ns) {
    if (pid == null || ns.level() > pid.level() || pid.ns.ancestorAt(ns.level()) != ns) {
      return 0;
    }
    return pid.nrs[ns.level()];
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < nrs.length; i++) {
      sb.append(i == 0 ? "" : "/").append(nrs[i]);
    }
    return sb.toString();
  }
}
