package org.pidnslab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * How tasks leave: kernel/exit.c (do_exit(), exit_notify(), forget_original_parent(),
 * find_child_reaper(), find_new_reaper(), release_task(), the zombie side of wait) and
 * zap_pid_ns_processes() from kernel/pid_namespace.c.
 */
final class ExitPath {
  private final Kernel kernel;

  ExitPath(Kernel kernel) {
    this.kernel = kernel;
  }

  /**
   * do_exit(): the task leaves. A namespace init first kills its namespace and may have to wait
   * (state E) for the namespace's last pids; everyone else passes its children on and becomes a
   * zombie at once.
   */
  void doExit(Task task, int code, Signal signal) {
    task.exiting = true;
    task.exitCode = code;
    if (kernel.hasListeners()) {
      kernel.emit(new KernelEvent.TaskExiting(task, code, signal));
    }
    if (task.isNamespaceInit()) {
      // find_child_reaper(): the father is the reaper and has no other thread
      zapPidNsProcesses(task.activeNs(), task);
      if (task.activeNs().pidAllocated > 1) {
        task.state = TaskState.EXITING;
        kernel.emit(
            new KernelEvent.InitWaiting(task, task.activeNs(), pidsStillInUse(task.activeNs())));
        return;
      }
    }
    exitNotify(task);
  }

  /** The zap of {@code init}'s namespace is over: it can finish exiting (woken by free_pid()). */
  void finishZap(Task init) {
    exitNotify(init);
  }

  /**
   * zap_pid_ns_processes(): disable allocation, make the init ignore SIGCHLD so children that die
   * from now on reap themselves, SIGKILL in one loop every other task with a number here (nested
   * namespaces included) that has no fatal signal pending yet, and reap the zombies the init
   * already had. The kernel queues every SIGKILL before any victim runs, so a nested init's own zap
   * finds its members already doomed and skips them: the Lab marks them pending first, then lets
   * them die one by one.
   */
  private void zapPidNsProcesses(PidNamespace ns, Task init) {
    ns.pidnsAdding = false; // disable_pid_allocation()
    init.ignoresSigchld = true;
    List<Task> victims = new ArrayList<>();
    for (Pid pid : ns.pids()) {
      Task t = pid.task;
      if (t != null
          && t != init
          && t.state == TaskState.RUNNING
          && !t.exiting
          && !t.fatalSignalPending) {
        victims.add(t);
      }
    }
    kernel.emit(new KernelEvent.NamespaceZapped(ns, init, List.copyOf(victims)));
    for (Task victim : victims) {
      victim.fatalSignalPending = true; // group_send_sig_info(SIGKILL, SEND_SIG_PRIV, ...)
    }
    for (Task victim : victims) {
      if (victim.isAlive()) { // an earlier victim's death may have taken it along already
        kernel.signalPath.sendSignal(null, victim, Signal.SIGKILL);
      }
    }
    // kernel_wait4(-1, __WALL) until ECHILD: init reaps the zombies it had before ignoring SIGCHLD
    for (Task child : init.children()) {
      if (child.state == TaskState.ZOMBIE) {
        releaseTask(child, init, false);
      }
    }
  }

  private static List<KernelEvent.PidHolder> pidsStillInUse(PidNamespace ns) {
    List<KernelEvent.PidHolder> out = new ArrayList<>();
    for (Pid pid : ns.pids()) {
      if (pid != ns.childReaper.pid) {
        Task t = pid.task;
        out.add(
            new KernelEvent.PidHolder(
                pid, t, t == null ? null : t.state, t == null ? null : t.realParent));
      }
    }
    return out;
  }

  /** exit_notify(): hand the children over, then become a zombie for the parent to reap. */
  private void exitNotify(Task task) {
    forgetOriginalParent(task);
    task.state = TaskState.ZOMBIE;
    Task parent = task.realParent;
    if (kernel.hasListeners()) {
      kernel.emit(new KernelEvent.TaskZombie(task, parent));
    }
    if (parent != null && parent.ignoresSigchld) {
      releaseTask(task, parent, true); // do_notify_parent() says autoreap
    }
  }

  /** forget_original_parent(): every child of the exiting {@code father} gets a new parent. */
  private void forgetOriginalParent(Task father) {
    if (father.firstChild == null) {
      return;
    }
    Task childReaper = father.activeNs().childReaper; // find_child_reaper()
    Task reaper = findNewReaper(father, childReaper);
    KernelEvent.ReparentReason reason =
        reaper == childReaper
            ? KernelEvent.ReparentReason.NAMESPACE_INIT
            : KernelEvent.ReparentReason.SUBREAPER;
    if (reaper == father) {
      return; // a zapped init keeps what is left; nothing can be left by now
    }
    List<Task> orphans = father.children();
    for (Task child : orphans) {
      unlinkChild(father, child);
      child.realParent = reaper;
      linkChild(reaper, child); // list_splice_tail_init(): orphans keep their order, at the tail
      kernel.emit(new KernelEvent.Reparented(child, father, reaper, reason));
    }
    for (Task child : orphans) {
      // reparent_leader(): an adopted zombie is released at once if its new parent ignores SIGCHLD
      if (child.state == TaskState.ZOMBIE && reaper.ignoresSigchld) {
        releaseTask(child, reaper, true);
      }
    }
  }

  /**
   * find_new_reaper(): the nearest living child subreaper among the father's ancestors at the
   * father's own pid level, else the init of the father's active namespace.
   */
  Task findNewReaper(Task father, Task childReaper) {
    if (father.hasChildSubreaper) {
      int nsLevel = father.pid.level();
      for (Task r = father.realParent; r != null && r.pid.level() == nsLevel; r = r.realParent) {
        if (r.isChildSubreaper && r.isAlive()) {
          return r;
        }
      }
    }
    return childReaper;
  }

  /**
   * waitpid(pid or -1, WNOHANG) for a zombie child (do_wait(), wait_task_zombie()): the first
   * zombie in children order, or {@code only}.
   */
  SysResult waitpid(Task parent, Task only) {
    if (parent.firstChild == null) {
      return SysResult.fail(Errno.ECHILD);
    }
    for (Task c = parent.firstChild; c != null; c = c.nextSibling) {
      if ((only == null || c == only) && c.state == TaskState.ZOMBIE) {
        int nr = Pid.pidNrNs(c.pid, parent.activeNs());
        releaseTask(c, parent, false);
        return SysResult.ok(nr);
      }
    }
    if (only != null && only.realParent != parent) {
      return SysResult.fail(Errno.ECHILD);
    }
    return SysResult.ok(0);
  }

  /**
   * release_task(): unlink the zombie and drop its PID, PGID and SID links; numbers nothing uses
   * any more are freed (which may let a waiting init finish).
   */
  void releaseTask(Task task, Task reaper, boolean autoreap) {
    if (task.realParent != null) {
      unlinkChild(task.realParent, task);
    }
    kernel.unlinkTask(task);
    task.state = TaskState.DEAD;
    if (kernel.hasListeners()) {
      kernel.emit(new KernelEvent.TaskReaped(task, reaper, autoreap, List.of(task.pid.numbers())));
    }
    Pid pid = task.pid;
    Pid pgrp = task.pgrp;
    Pid session = task.session;
    pid.task = null;
    pgrp.pgrpUsers--;
    session.sessionUsers--;
    kernel.pids.releaseIfUnused(pid);
    kernel.pids.releaseIfUnused(pgrp);
    kernel.pids.releaseIfUnused(session);
  }

  static void linkChild(Task parent, Task child) {
    child.prevSibling = parent.lastChild;
    child.nextSibling = null;
    if (parent.lastChild == null) {
      parent.firstChild = child;
    } else {
      parent.lastChild.nextSibling = child;
    }
    parent.lastChild = child;
  }

  private static void unlinkChild(Task parent, Task child) {
    if (child.prevSibling == null) {
      parent.firstChild = child.nextSibling;
    } else {
      child.prevSibling.nextSibling = child.nextSibling;
    }
    if (child.nextSibling == null) {
      parent.lastChild = child.prevSibling;
    } else {
      child.nextSibling.prevSibling = child.prevSibling;
    }
    child.prevSibling = null;
    child.nextSibling = null;
  }
}
