package org.pidnslab.kernel;

import java.util.ArrayList;
import java.util.List;

/** The number side of kernel/pid.c: alloc_pid(), free_pid() and the pid-use bookkeeping. */
final class PidAllocator {
  private final Kernel kernel;

  PidAllocator(Kernel kernel) {
    this.kernel = kernel;
  }

  /** The outcome of {@link #allocPid}: a pid, or why there is none. */
  record Allocation(Pid pid, Errno errno) {}

  /**
   * Reserves one number at every level from {@code ns} up to root, innermost first (alloc_pid()). A
   * full level fails with EAGAIN, a namespace whose init is gone with ENOMEM; the numbers already
   * reserved are given back but the cursors they moved stay moved, except that a namespace that
   * never held a pid gets its cursor reset so its first task is still pid 1.
   */
  Allocation allocPid(PidNamespace ns, Task forParent) {
    Pid pid = new Pid(ns);
    PidNamespace tmp = ns;
    PidNamespace failedNs = null;
    Errno errno = null;
    int failedMin = 1;
    int i;
    for (i = ns.level(); i >= 0; i--) {
      int pidMin = tmp.idr.cursor() > PidNamespace.RESERVED_PIDS ? PidNamespace.RESERVED_PIDS : 1;
      int nr = tmp.idr.allocCyclic(pid, pidMin, tmp.pidMax);
      if (nr < 0) {
        errno = Errno.EAGAIN; // the idr's -ENOSPC, reported as EAGAIN since 4.1
        failedNs = tmp;
        failedMin = pidMin;
        break;
      }
      pid.nrs[i] = nr;
      tmp = tmp.parent();
    }
    if (errno == null && !ns.pidnsAdding) {
      errno = Errno.ENOMEM; // kept on purpose by the kernel for a namespace whose init is gone
      failedNs = ns;
      i = -1;
    }
    if (errno != null) {
      List<Upid> released = new ArrayList<>();
      for (int j = ns.level(); j > i; j--) { // innermost first, the order they were taken
        PidNamespace at = ns.ancestorAt(j);
        at.idr.remove(pid.nrs[j]);
        released.add(new Upid(pid.nrs[j], at));
      }
      boolean reset = ns.pidnsAdding && ns.pidAllocated == 0;
      if (reset) {
        ns.idr.setCursor(0); // "On failure to allocate the first pid, reset the state"
      }
      if (kernel.hasListeners()) {
        kernel.emit(
            new KernelEvent.PidAllocFailed(
                forParent, ns, failedNs, errno, failedMin, List.copyOf(released), reset));
      }
      return new Allocation(null, errno);
    }
    for (int j = ns.level(); j >= 0; j--) {
      ns.ancestorAt(j).pidAllocated++;
    }
    return new Allocation(pid, null);
  }

  /** Emits one PidAllocated event per level, innermost first, as alloc_pid() took them. */
  void announce(Pid pid, Task forParent) {
    if (!kernel.hasListeners()) {
      return;
    }
    for (int j = pid.level(); j >= 0; j--) {
      kernel.emit(new KernelEvent.PidAllocated(forParent, pid.ns.ancestorAt(j), pid.nrs[j]));
    }
  }

  /** Drops one use of {@code pid} and frees its numbers when it was the last (put_pid/free_pid). */
  void releaseIfUnused(Pid pid) {
    if (!pid.freed && !pid.inUse()) {
      freePid(pid);
    }
  }

  /**
   * Frees the pid's number at every level at once (free_pid()), then wakes any init waiting in
   * zap_pid_ns_processes() for its namespace to empty.
   */
  private void freePid(Pid pid) {
    pid.freed = true;
    for (int i = 0; i <= pid.level(); i++) {
      PidNamespace at = pid.ns.ancestorAt(i);
      at.idr.remove(pid.nrs[i]);
      at.pidAllocated--;
    }
    if (kernel.hasListeners()) {
      kernel.emit(new KernelEvent.PidFreed(List.of(pid.numbers())));
    }
    for (int i = pid.level(); i >= 0; i--) {
      PidNamespace at = pid.ns.ancestorAt(i);
      Task init = at.childReaper;
      if (init != null && init.state == TaskState.EXITING && at.pidAllocated == 1) {
        kernel.exitPath.finishZap(init);
      }
    }
  }
}
