package org.pidnslab.kernel;

import java.util.List;

/**
 * A state change of the simulated kernel, emitted in the order the kernel makes it. Each event
 * carries the values a picture needs at that moment (numbers, names, reasons) besides the live
 * objects it is about, so a view can animate it later without asking the kernel what it was.
 */
public sealed interface KernelEvent {

  /** The task that made the system call this event belongs to, or null for the kernel itself. */
  default Task actor() {
    return null;
  }

  /** How a namespace came to be. */
  enum Creation {
    CLONE,
    UNSHARE
  }

  /** create_pid_namespace(): a new namespace, child of {@code parent}. */
  record NamespaceCreated(PidNamespace ns, PidNamespace parent, Task creator, Creation how)
      implements KernelEvent {
    @Override
    public Task actor() {
      return creator;
    }
  }

  /**
   * alloc_pid() reserved number {@code nr} at one level; one event per level, innermost first.
   *
   * @param forParent the task whose fork is allocating
   */
  record PidAllocated(Task forParent, PidNamespace ns, int nr) implements KernelEvent {
    @Override
    public Task actor() {
      return forParent;
    }
  }

  /**
   * alloc_pid() failed: at {@code failedNs} (EAGAIN: that level is full), or at publication
   * (ENOMEM: the target namespace's init is gone, {@code failedNs} is that namespace). {@code
   * released} are the numbers reserved at inner levels and given back; their cursors stay moved.
   * {@code cursorReset} is true when the target namespace never held a pid and got its cursor back.
   * {@code pidMin} is where the failed level's search range began: RESERVED_PIDS (300) once its
   * cursor has passed it, else 1 (the range ends below that level's pid_max).
   */
  record PidAllocFailed(
      Task forParent,
      PidNamespace target,
      PidNamespace failedNs,
      Errno errno,
      int pidMin,
      List<Upid> released,
      boolean cursorReset)
      implements KernelEvent {
    @Override
    public Task actor() {
      return forParent;
    }
  }

  /**
   * copy_process() finished: {@code child} exists with numbers {@code nspid} (root first) and is
   * its namespace's init when {@code becameInit}.
   */
  record TaskForked(Task parent, Task child, List<Upid> nspid, boolean becameInit)
      implements KernelEvent {
    @Override
    public Task actor() {
      return parent;
    }
  }

  /** unshare() or setns() pointed {@code task}'s pid_ns_for_children at {@code to}. */
  record PidNsForChildrenChanged(Task task, PidNamespace from, PidNamespace to, String syscall)
      implements KernelEvent {
    @Override
    public Task actor() {
      return task;
    }
  }

  /** What became of a signal. */
  enum SignalOutcome {
    /** Delivered: the target dies. */
    DELIVERED,
    /** Dropped: the target is a namespace init and the sender is inside its namespace. */
    INIT_PROTECTED_FROM_INSIDE,
    /** Dropped: SIGTERM to a namespace init has no handler, even from an ancestor namespace. */
    INIT_IGNORES_DEFAULT_SIGNAL,
    /** Dropped: the initial namespace's init ignores SIGKILL and SIGTERM from everyone. */
    GLOBAL_INIT_PROTECTED,
    /** Nothing to do: the target is a zombie or already exiting. */
    TARGET_ALREADY_EXITING
  }

  /**
   * A signal sent by {@code sender} (null when the kernel sends it, as zap_pid_ns_processes() does)
   * to {@code target}, with what became of it (sig_task_ignored(), send_signal_locked()).
   */
  record SignalSent(Task sender, Task target, Signal signal, SignalOutcome outcome)
      implements KernelEvent {
    @Override
    public Task actor() {
      return sender;
    }
  }

  /** do_exit() started: by exit() when {@code signal} is null, else killed by it. */
  record TaskExiting(Task task, int code, Signal signal) implements KernelEvent {}

  /**
   * zap_pid_ns_processes(): {@code init} left, allocation in {@code ns} is disabled, and every
   * other task with a number there ({@code victims}, in number order) gets SIGKILL.
   */
  record NamespaceZapped(PidNamespace ns, Task init, List<Task> victims) implements KernelEvent {}

  /**
   * The exiting init of {@code ns} must wait (state E) until the pids still in use there are freed:
   * zombies of outside parents, or groups and sessions outside tasks still use.
   */
  record InitWaiting(Task init, PidNamespace ns, List<PidHolder> waitingFor)
      implements KernelEvent {}

  /**
   * A pid an exiting init waits for, as it was when the init began to wait: the task using it as
   * its PID ({@code task}, with its {@code state} and {@code parent} then), or null when only a
   * process group or session still uses the number.
   */
  record PidHolder(Pid pid, Task task, TaskState state, Task parent) {}

  /** Why an orphan got its new parent (find_new_reaper()). */
  enum ReparentReason {
    /** The nearest living child subreaper among the exiting parent's ancestors, same level. */
    SUBREAPER,
    /** The init (child_reaper) of the exiting parent's active namespace. */
    NAMESPACE_INIT
  }

  /** forget_original_parent(): {@code child} of exiting {@code from} now belongs to {@code to}. */
  record Reparented(Task child, Task from, Task to, ReparentReason reason) implements KernelEvent {}

  /** exit_notify(): {@code task} is a zombie waiting for {@code parent} to reap it. */
  record TaskZombie(Task task, Task parent) implements KernelEvent {}

  /**
   * release_task(): {@code task} is gone, reaped by {@code reaper} through wait, or released by the
   * kernel when {@code autoreap} (its parent ignores SIGCHLD, as a dying init does).
   */
  record TaskReaped(Task task, Task reaper, boolean autoreap, List<Upid> nspid)
      implements KernelEvent {}

  /** free_pid(): the numbers of a pid nothing uses any more are free again, at every level. */
  record PidFreed(List<Upid> numbers) implements KernelEvent {}

  /** setsid(): {@code task} leads a new session and group numbered with its own pid. */
  record SessionCreated(Task task, Pid oldSession, Pid oldPgrp) implements KernelEvent {
    @Override
    public Task actor() {
      return task;
    }
  }

  /** setpgid(): {@code task} moved from group {@code from} to group {@code to}. */
  record ProcessGroupChanged(Task task, Pid from, Pid to) implements KernelEvent {
    @Override
    public Task actor() {
      return task;
    }
  }

  /** prctl(PR_SET_CHILD_SUBREAPER, 1) by {@code task}. */
  record SubreaperSet(Task task) implements KernelEvent {
    @Override
    public Task actor() {
      return task;
    }
  }

  /** A write of {@code value} to /proc/sys/kernel/{@code name} applying to {@code ns}. */
  record SysctlWritten(Task writer, PidNamespace ns, String name, int value)
      implements KernelEvent {
    @Override
    public Task actor() {
      return writer;
    }
  }
}
