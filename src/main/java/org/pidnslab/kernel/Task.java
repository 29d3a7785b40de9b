package org.pidnslab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A simulated process (one thread): the parts of struct task_struct, struct signal_struct and
 * struct nsproxy that PID namespaces touch. Read-only from outside the package; only {@link Kernel}
 * system calls change it.
 */
public final class Task {
  private final String comm;
  private final int serial;
  final Pid pid; // thread_pid
  Task realParent;
  // the parent's children list and this task's place in it (children / sibling list_heads)
  Task firstChild;
  Task lastChild;
  Task prevSibling;
  Task nextSibling;
  // the global task list in creation order (init_task.tasks)
  Task prevTask;
  Task nextTask;
  Pid pgrp; // signal->pids[PIDTYPE_PGID]
  Pid session; // signal->pids[PIDTYPE_SID]
  PidNamespace pidNsForChildren; // nsproxy->pid_ns_for_children
  TaskState state = TaskState.RUNNING;
  boolean exiting; // PF_EXITING: inside do_exit(), no longer a candidate reaper
  boolean fatalSignalPending; // __fatal_signal_pending(): a zap's SIGKILL queued, not yet acted on
  boolean leader; // signal->leader: a session leader
  boolean isChildSubreaper; // signal->is_child_subreaper
  boolean hasChildSubreaper; // signal->has_child_subreaper
  boolean ignoresSigchld; // SIGCHLD set to SIG_IGN: zap_pid_ns_processes() does this to an init
  int exitCode;

  Task(String comm, int serial, Pid pid) {
    this.comm = comm;
    this.serial = serial;
    this.pid = pid;
  }

  /** The task's name: its label in a scenario (task->comm). */
  public String comm() {
    return comm;
  }

  /** Creation order, 0 for init: a stable identity for views. */
  public int serial() {
    return serial;
  }

  /** The task's own pid (task_pid()). */
  public Pid pid() {
    return pid;
  }

  /** The namespace the task's pid was allocated in (task_active_pid_ns()). It never changes. */
  public PidNamespace activeNs() {
    return pid.ns;
  }

  /** Where the task's next child is created (nsproxy->pid_ns_for_children). */
  public PidNamespace pidNsForChildren() {
    return pidNsForChildren;
  }

  /** The real parent, null for the initial namespace's init. */
  public Task realParent() {
    return realParent;
  }

  /** The children in the kernel's list order: by fork, then by adoption. */
  public List<Task> children() {
    List<Task> out = new ArrayList<>();
    for (Task c = firstChild; c != null; c = c.nextSibling) {
      out.add(c);
    }
    return out;
  }

  /** The process group (task_pgrp()). */
  public Pid pgrp() {
    return pgrp;
  }

  /** The session (task_session()). */
  public Pid session() {
    return session;
  }

  /** R, E, Z, or X once reaped. */
  public TaskState state() {
    return state;
  }

  /** Whether the task leads its session (signal->leader). */
  public boolean isSessionLeader() {
    return leader;
  }

  /** Whether prctl(PR_SET_CHILD_SUBREAPER, 1) was called (signal->is_child_subreaper). */
  public boolean isChildSubreaper() {
    return isChildSubreaper;
  }

  /** Whether some ancestor was a subreaper when it mattered (signal->has_child_subreaper). */
  public boolean hasChildSubreaper() {
    return hasChildSubreaper;
  }

  /** The code given to exit(), or 128 + signal number for a task killed by a signal. */
  public int exitCode() {
    return exitCode;
  }

  /** Whether this task is its namespace's init (is_child_reaper() and SIGNAL_UNKILLABLE). */
  public boolean isNamespaceInit() {
    return pid.ns.childReaper == this;
  }

  /**
   * Whether the task is still a candidate for anything a living task does (find_alive_thread()).
   */
  public boolean isAlive() {
    return state == TaskState.RUNNING && !exiting;
  }

  /** The task's pid as seen from {@code ns}, 0 if invisible there (task_pid_nr_ns()). */
  public int pidNr(PidNamespace ns) {
    return Pid.pidNrNs(pid, ns);
  }

  /** The task's own pid as it sees it (task_pid_vnr()). */
  public int vnr() {
    return pid.nrs[pid.level()];
  }

  /** getppid() as seen from {@code ns}: 0 when the parent is outside it (task_ppid_nr_ns()). */
  public int ppidNr(PidNamespace ns) {
    return realParent == null ? 0 : Pid.pidNrNs(realParent.pid, ns);
  }

  /** getpgid() as seen from {@code ns} (task_pgrp_nr_ns()). */
  public int pgidNr(PidNamespace ns) {
    return Pid.pidNrNs(pgrp, ns);
  }

  /** getsid() as seen from {@code ns} (task_session_nr_ns()). */
  public int sidNr(PidNamespace ns) {
    return Pid.pidNrNs(session, ns);
  }

  @Override
  public String toString() {
    return comm + "(" + pid + ")";
  }
}
