package org.pidnslab.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simulated kernel: one initial PID namespace with its init, and one method per system call of
 * the scenario language. Each call returns what the caller would see (a value or an errno) and
 * changes nothing when it fails, except the allocation cursors a failed fork already moved, as in
 * the kernel. Every state change is announced to listeners as a {@link KernelEvent}, in the order
 * the kernel makes it.
 *
 * <p>Not thread-safe: one thread drives a kernel, as one script drives one machine.
 */
public final class Kernel {
  final PidAllocator pids = new PidAllocator(this);
  final ExitPath exitPath = new ExitPath(this);
  final SignalPath signalPath = new SignalPath(this);
  private final List<Consumer<? super KernelEvent>> listeners = new CopyOnWriteArrayList<>();
  private final List<PidNamespace> namespaces = new ArrayList<>();
  private final PidNamespace root;
  private final Task init;
  private Task firstTask;
  private Task lastTask;
  private int taskCount;
  private int nextTaskSerial;

  /** A fresh machine: namespace {@code root} with {@code init} as pid 1, sid 1, pgid 1. */
  public Kernel() {
    root = PidNamespace.createInitial();
    namespaces.add(root);
    Pid pid = pids.allocPid(root, null).pid();
    init = new Task("init", nextTaskSerial++, pid);
    init.pidNsForChildren = root;
    init.pgrp = pid;
    init.session = pid;
    init.leader = true;
    pid.task = init;
    pid.pgrpUsers = 1;
    pid.sessionUsers = 1;
    root.childReaper = init;
    linkTask(init);
  }

  // ---------------------------------------------------------------- listeners and queries

  /** Registers a listener for every later event. */
  public void addListener(Consumer<? super KernelEvent> listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  /** Removes a listener added before. */
  public void removeListener(Consumer<? super KernelEvent> listener) {
    listeners.remove(listener);
  }

  boolean hasListeners() {
    return !listeners.isEmpty();
  }

  void emit(KernelEvent event) {
    for (Consumer<? super KernelEvent> l : listeners) {
      l.accept(event);
    }
  }

  /** The initial namespace (init_pid_ns). */
  public PidNamespace root() {
    return root;
  }

  /** The initial namespace's init: pid 1 of root. */
  public Task init() {
    return init;
  }

  /** Every task not yet reaped, in creation order (the kernel's task list). */
  public List<Task> tasks() {
    List<Task> out = new ArrayList<>(taskCount);
    for (Task t = firstTask; t != null; t = t.nextTask) {
      out.add(t);
    }
    return out;
  }

  /** How many tasks are not yet reaped. */
  public int taskCount() {
    return taskCount;
  }

  /** Every namespace ever created, in creation order, dead ones included. */
  public List<PidNamespace> namespaces() {
    return Collections.unmodifiableList(namespaces);
  }

  // ---------------------------------------------------------------- system calls

  /**
   * fork() by {@code parent}: a child named {@code comm} in the parent's pid_ns_for_children
   * (kernel_clone(), copy_process()). Returns the child's pid as the parent sees it.
   */
  public SysResult fork(Task parent, String comm) {
    requireRunning(parent);
    return copyProcess(parent, comm, parent.pidNsForChildren, null);
  }

  /**
   * clone(CLONE_NEWPID) by {@code parent}: a new namespace below the parent's active one, with the
   * child as its pid 1 (copy_namespaces(), copy_pid_ns(), create_pid_namespace()).
   */
  public SysResult cloneNewPid(Task parent, String comm) {
    requireRunning(parent);
    Errno refused = copyPidNsCheck(parent);
    if (refused != null) {
      return SysResult.fail(refused);
    }
    PidNamespace ns = PidNamespace.createChild(parent.activeNs());
    return copyProcess(parent, comm, ns, ns);
  }

  /**
   * unshare(CLONE_NEWPID): the caller stays where it is; a new namespace below its active one
   * becomes its pid_ns_for_children, so its next child is that namespace's init.
   */
  public SysResult unshareNewPid(Task task) {
    requireRunning(task);
    Errno refused = copyPidNsCheck(task);
    if (refused != null) {
      return SysResult.fail(refused);
    }
    PidNamespace ns = PidNamespace.createChild(task.activeNs());
    register(ns, task, KernelEvent.Creation.UNSHARE);
    PidNamespace from = task.pidNsForChildren;
    task.pidNsForChildren = ns;
    emit(new KernelEvent.PidNsForChildrenChanged(task, from, ns, "unshare"));
    return SysResult.ok(0);
  }

  /**
   * setns(/proc/TARGET/ns/pid, CLONE_NEWPID) (pidns_install()): the target's active namespace
   * becomes the caller's pid_ns_for_children; it must be the caller's active namespace or a
   * descendant (EINVAL), and the target must not be reaped (ESRCH).
   */
  public SysResult setns(Task task, Task target) {
    requireRunning(task);
    if (target.state == TaskState.DEAD) {
      return SysResult.fail(Errno.ESRCH);
    }
    PidNamespace ns = target.activeNs();
    if (!ns.isSameOrDescendantOf(task.activeNs())) {
      return SysResult.fail(Errno.EINVAL);
    }
    PidNamespace from = task.pidNsForChildren;
    task.pidNsForChildren = ns;
    emit(new KernelEvent.PidNsForChildrenChanged(task, from, ns, "setns"));
    return SysResult.ok(0);
  }

  /** _exit(code): see {@link ExitPath#doExit}. Returns 0 for the scenario output's sake. */
  public SysResult exit(Task task, int code) {
    requireRunning(task);
    exitPath.doExit(task, code, null);
    return SysResult.ok(0);
  }

  /**
   * waitpid(-1 or child's pid, WNOHANG): reaps one zombie child and returns its pid as the parent
   * sees it; 0 when there are children but none (or not {@code child}) is a zombie; ECHILD without
   * children.
   *
   * @param child the one child to wait for, or null for any
   */
  public SysResult waitpid(Task parent, Task child) {
    requireRunning(parent);
    return exitPath.waitpid(parent, child);
  }

  /** kill(pidArg, sig) with pids as the sender sees them (kill_something_info()). */
  public SysResult kill(Task sender, int pidArg, Signal sig) {
    requireRunning(sender);
    return signalPath.killSomethingInfo(sender, pidArg, sig);
  }

  /**
   * kill() aimed at a task by identity: its pid as the sender sees it, ESRCH when the sender cannot
   * see it or it was reaped.
   */
  public SysResult killTask(Task sender, Task target, Signal sig) {
    requireRunning(sender);
    int nr = target.state == TaskState.DEAD ? 0 : target.pidNr(sender.activeNs());
    if (nr == 0) {
      return SysResult.fail(Errno.ESRCH);
    }
    return signalPath.killSomethingInfo(sender, nr, sig);
  }

  /**
   * setsid() (ksys_setsid()): EPERM for a session leader or when a process group already has the
   * caller's pid; else a new session and group numbered with the caller's pid, which is returned as
   * the caller sees it.
   */
  public SysResult setsid(Task task) {
    requireRunning(task);
    if (task.leader || task.pid.isProcessGroup()) {
      return SysResult.fail(Errno.EPERM);
    }
    Pid oldSession = task.session;
    Pid oldPgrp = task.pgrp;
    task.leader = true;
    changeSession(task, task.pid);
    changePgrp(task, task.pid);
    emit(new KernelEvent.SessionCreated(task, oldSession, oldPgrp));
    pids.releaseIfUnused(oldPgrp);
    pids.releaseIfUnused(oldSession);
    return SysResult.ok(task.vnr());
  }

  /**
   * setpgid(0, pgid) (ksys_setpgid()): pgid 0 means the caller's own pid. EPERM for a session
   * leader, and for a group that the caller cannot see or that has no member in its session.
   */
  public SysResult setpgid(Task task, int pgid) {
    requireRunning(task);
    if (pgid < 0) {
      return SysResult.fail(Errno.EINVAL);
    }
    int own = task.vnr();
    if (pgid == 0) {
      pgid = own;
    }
    if (task.leader) {
      return SysResult.fail(Errno.EPERM);
    }
    Pid pgrp = task.pid;
    if (pgid != own) {
      pgrp = task.activeNs().findPidNs(pgid); // find_vpid()
      Task member = pgrp == null ? null : anyMemberOf(pgrp); // pid_task(pgrp, PIDTYPE_PGID)
      if (member == null || member.session != task.session) {
        return SysResult.fail(Errno.EPERM);
      }
    }
    Pid old = task.pgrp;
    if (old != pgrp) {
      changePgrp(task, pgrp);
      emit(new KernelEvent.ProcessGroupChanged(task, old, pgrp));
      pids.releaseIfUnused(old);
    }
    return SysResult.ok(0);
  }

  /**
   * prctl(PR_SET_CHILD_SUBREAPER, 1): orphans of the caller's descendants come here before they go
   * to the namespace init. Existing descendants learn it at once, except below a namespace init
   * (walk_process_tree() with propagate_has_child_subreaper()).
   */
  public SysResult setChildSubreaper(Task task) {
    requireRunning(task);
    task.isChildSubreaper = true;
    propagateHasChildSubreaper(task);
    emit(new KernelEvent.SubreaperSet(task));
    return SysResult.ok(0);
  }

  /**
   * A write to /proc/sys/kernel/ns_last_pid of the caller's active namespace
   * (pid_ns_ctl_handler()): 0 ≤ value ≤ pid_max, and the next search starts at value + 1.
   */
  public SysResult writeNsLastPid(Task task, long value) {
    requireRunning(task);
    PidNamespace ns = task.activeNs();
    if (value < 0 || value > ns.pidMax) {
      return SysResult.fail(Errno.EINVAL);
    }
    ns.idr.setCursor((int) value + 1);
    emit(new KernelEvent.SysctlWritten(task, ns, "ns_last_pid", (int) value));
    return SysResult.ok(0);
  }

  /**
   * A write to /proc/sys/kernel/pid_max of the caller's active namespace (per namespace since
   * 6.14): PID_MAX_MIN ≤ value ≤ PID_MAX_LIMIT.
   */
  public SysResult writePidMax(Task task, long value) {
    requireRunning(task);
    PidNamespace ns = task.activeNs();
    if (value < PidNamespace.PID_MAX_MIN || value > PidNamespace.PID_MAX_LIMIT) {
      return SysResult.fail(Errno.EINVAL);
    }
    ns.pidMax = (int) value;
    emit(new KernelEvent.SysctlWritten(task, ns, "pid_max", (int) value));
    return SysResult.ok(0);
  }

  // ---------------------------------------------------------------- internals

  /**
   * copy_pid_ns(): a new namespace needs the caller's pid_ns_for_children to still be its active
   * namespace (EINVAL after unshare or setns), and room below it (ENOSPC).
   */
  private static Errno copyPidNsCheck(Task task) {
    if (task.pidNsForChildren != task.activeNs()) {
      return Errno.EINVAL;
    }
    if (task.activeNs().level() + 1 > PidNamespace.MAX_PID_NS_LEVEL) {
      return Errno.ENOSPC;
    }
    return null;
  }

  /**
   * copy_process(): allocate the child's pid in {@code ns}, link it to its parent, its parent's
   * group and session, and make it the namespace's init if its number there is 1.
   *
   * @param created the namespace this clone just created, named only if the clone succeeds
   */
  private SysResult copyProcess(Task parent, String comm, PidNamespace ns, PidNamespace created) {
    PidAllocator.Allocation a = pids.allocPid(ns, parent);
    if (a.pid() == null) {
      return SysResult.fail(a.errno());
    }
    if (created != null) {
      register(created, parent, KernelEvent.Creation.CLONE);
    }
    pids.announce(a.pid(), parent);
    Pid pid = a.pid();
    Task child = new Task(comm, nextTaskSerial++, pid);
    child.realParent = parent;
    child.pidNsForChildren = ns;
    child.pgrp = parent.pgrp;
    child.session = parent.session;
    child.hasChildSubreaper = parent.hasChildSubreaper || parent.isChildSubreaper;
    pid.task = child;
    child.pgrp.pgrpUsers++;
    child.session.sessionUsers++;
    boolean becameInit = pid.nrs[pid.level()] == 1; // is_child_reaper()
    if (becameInit) {
      ns.childReaper = child;
    }
    ExitPath.linkChild(parent, child);
    linkTask(child);
    if (hasListeners()) {
      emit(new KernelEvent.TaskForked(parent, child, List.of(pid.numbers()), becameInit));
    }
    return SysResult.forked(Pid.pidNrNs(pid, parent.activeNs()), child);
  }

  private void register(PidNamespace ns, Task creator, KernelEvent.Creation how) {
    ns.assignSerial(namespaces.size());
    namespaces.add(ns);
    emit(new KernelEvent.NamespaceCreated(ns, ns.parent(), creator, how));
  }

  private Task anyMemberOf(Pid pgrp) {
    if (!pgrp.isProcessGroup()) {
      return null;
    }
    for (Task t = firstTask; t != null; t = t.nextTask) {
      if (t.pgrp == pgrp) {
        return t;
      }
    }
    return null;
  }

  private static void changePgrp(Task task, Pid to) {
    task.pgrp.pgrpUsers--;
    task.pgrp = to;
    to.pgrpUsers++;
  }

  private static void changeSession(Task task, Pid to) {
    task.session.sessionUsers--;
    task.session = to;
    to.sessionUsers++;
  }

  private static void propagateHasChildSubreaper(Task task) {
    // iterative, like walk_process_tree(): a fork chain can be ~32k generations deep
    java.util.ArrayDeque<Task> todo = new java.util.ArrayDeque<>();
    todo.push(task);
    while (!todo.isEmpty()) {
      for (Task c = todo.pop().firstChild; c != null; c = c.nextSibling) {
        if (c.hasChildSubreaper || c.isNamespaceInit()) {
          continue; // already known below, or never leaves its namespace
        }
        c.hasChildSubreaper = true;
        todo.push(c);
      }
    }
  }

  private static void requireRunning(Task task) {
    if (task.state != TaskState.RUNNING || task.exiting) {
      throw new IllegalStateException(task.comm() + " is not running: " + task.state());
    }
  }

  private void linkTask(Task t) {
    t.prevTask = lastTask;
    if (lastTask == null) {
      firstTask = t;
    } else {
      lastTask.nextTask = t;
    }
    lastTask = t;
    taskCount++;
  }

  void unlinkTask(Task t) {
    if (t.prevTask == null) {
      firstTask = t.nextTask;
    } else {
      t.prevTask.nextTask = t.nextTask;
    }
    if (t.nextTask == null) {
      lastTask = t.prevTask;
    } else {
      t.nextTask.prevTask = t.prevTask;
    }
    t.prevTask = null;
    t.nextTask = null;
    taskCount--;
  }
}
