package org.pidnslab.app.model;

import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * Every statement of the scenario language as a window action: its button text, keyboard shortcut,
 * the kernel function students can look up, and when it makes sense.
 */
public enum Syscall {
  FORK(
      "Fork",
      "F",
      "fork()",
      "kernel_clone → copy_process → alloc_pid",
      "Create a child in the selected task's pid_ns_for_children"),
  CLONE(
      "Clone NEWPID",
      "C",
      "clone(CLONE_NEWPID)",
      "copy_pid_ns → create_pid_namespace",
      "Create a child as pid 1 of a new namespace below the selected task's own"),
  UNSHARE(
      "Unshare NEWPID",
      "U",
      "unshare(CLONE_NEWPID)",
      "ksys_unshare → unshare_nsproxy_namespaces → copy_pid_ns; switch_task_namespaces",
      "The selected task's next child becomes pid 1 of a new namespace; the task itself stays"),
  SETNS(
      "Setns…",
      "N",
      "setns(fd, CLONE_NEWPID)",
      "pidns_install",
      "Then click a task: its namespace becomes where the selected task's next children are born"),
  EXIT(
      "Exit",
      "X",
      "_exit(0)",
      "do_exit → exit_notify → forget_original_parent → find_child_reaper, find_new_reaper",
      "The selected task exits; its children are reparented"),
  WAIT(
      "Wait",
      "W",
      "waitpid(-1, WNOHANG)",
      "do_wait → wait_task_zombie → release_task",
      "Reap one zombie child of the selected task"),
  KILL(
      "Kill…",
      "K",
      "kill(pid, sig)",
      "kill_something_info → send_signal_locked → prepare_signal → sig_ignored → sig_task_ignored",
      "Then click the target task (SIGKILL); more targets and SIGTERM in the context menu"),
  SETSID(
      "Setsid",
      "S",
      "setsid()",
      "ksys_setsid",
      "The selected task starts a new session and process group"),
  SETPGID(
      "Setpgid",
      "G",
      "setpgid(0, 0)",
      "ksys_setpgid",
      "The selected task leads a new process group (join another from the context menu)"),
  SUBREAPER(
      "Subreaper",
      "R",
      "prctl(PR_SET_CHILD_SUBREAPER, 1)",
      "find_new_reaper",
      "When a descendant at the selected task's pid level exits, its orphans go to the nearest"
          + " living subreaper above it, before the namespace's init"),
  SYSCTL(
      "Sysctl…",
      "Y",
      "write /proc/sys/kernel/{ns_last_pid,pid_max}",
      "pid_ns_ctl_handler",
      "Write ns_last_pid or pid_max of the selected task's namespace");

  private final String text;
  private final String key;
  private final String call;
  private final String kernelFunctions;
  private final String help;

  Syscall(String text, String key, String call, String kernelFunctions, String help) {
    this.text = text;
    this.key = key;
    this.call = call;
    this.kernelFunctions = kernelFunctions;
    this.help = help;
  }

  /** The button and menu text. */
  public String text() {
    return text;
  }

  /** The keyboard shortcut: one letter. */
  public String key() {
    return key;
  }

  /** The system call it stands for. */
  public String call() {
    return call;
  }

  /** The kernel functions the action goes through, for students to look up. */
  public String kernelFunctions() {
    return kernelFunctions;
  }

  /** The tooltip of an enabled action. */
  public String tooltip() {
    return call + ": " + help + "  [" + key + "]\nKernel: " + kernelFunctions;
  }

  /** Whether the action makes sense with {@code selected} as the calling task. */
  public Availability availability(Task selected) {
    if (selected == null) {
      return Availability.no("Select a task first: it makes the system call");
    }
    if (selected.state() == TaskState.ZOMBIE) {
      return Availability.no(
          selected.comm()
              + " is a zombie: it has exited and makes no system calls. Select a running task"
              + " (or its parent, to wait for it)");
    }
    if (selected.state() == TaskState.EXITING) {
      return Availability.no(
          selected.comm()
              + " is exiting (E, the Lab's label): it sleeps in zap_pid_ns_processes (ps shows S)"
              + " and makes no system calls. Select a running task");
    }
    if (selected.state() != TaskState.RUNNING) {
      return Availability.no(selected.comm() + " was reaped: select a running task");
    }
    return Availability.OK;
  }
}
