package org.pidnslab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * kill() and its rules from kernel/signal.c: kill_something_info() picks the targets,
 * send_signal_locked() with sig_task_ignored() decides what a namespace init lets through.
 */
final class SignalPath {
  private final Kernel kernel;

  SignalPath(Kernel kernel) {
    this.kernel = kernel;
  }

  /**
   * kill_something_info(): {@code pidArg} as the sender sees pids: N one task, 0 the sender's
   * process group, -1 every task it can see but itself and its namespace's pid 1, -N group N.
   */
  SysResult killSomethingInfo(Task sender, int pidArg, Signal sig) {
    PidNamespace ns = sender.activeNs();
    if (pidArg > 0) {
      Pid pid = ns.findPidNs(pidArg); // find_vpid()
      Task target = pid == null ? null : pid.task;
      if (target == null) {
        return SysResult.fail(Errno.ESRCH);
      }
      sendSignal(sender, target, sig);
      return SysResult.ok(0);
    }
    if (pidArg == -1) {
      List<Task> targets = new ArrayList<>();
      for (Task t : kernel.tasks()) {
        if (t != sender && Pid.pidNrNs(t.pid, ns) > 1) {
          targets.add(t);
        }
      }
      return signalAll(sender, targets, sig);
    }
    Pid group = pidArg == 0 ? sender.pgrp : ns.findPidNs(-pidArg);
    if (group == null) {
      return SysResult.fail(Errno.ESRCH);
    }
    List<Task> members = new ArrayList<>();
    for (Task t : kernel.tasks()) {
      if (t.pgrp == group) {
        members.add(t); // __kill_pgrp_info(): every member, whatever namespace it lives in
      }
    }
    return signalAll(sender, members, sig);
  }

  /** Signals every target in turn; ESRCH when there is none. */
  private SysResult signalAll(Task sender, List<Task> targets, Signal sig) {
    if (targets.isEmpty()) {
      return SysResult.fail(Errno.ESRCH);
    }
    for (Task t : targets) {
      if (t.state != TaskState.DEAD) { // an earlier target's death may have released it
        sendSignal(sender, t, sig);
      }
    }
    return SysResult.ok(0);
  }

  /**
   * send_signal_locked(): a namespace init drops SIGKILL and SIGTERM unless the sender is the
   * kernel or cannot see it (an ancestor namespace: "force"), and then only SIGKILL kills; the
   * initial namespace's init ignores both from everyone (is_global_init()). Anyone else dies.
   *
   * @param sender null when the kernel sends (SEND_SIG_PRIV)
   */
  void sendSignal(Task sender, Task target, Signal sig) {
    KernelEvent.SignalOutcome outcome;
    if (target.state != TaskState.RUNNING || target.exiting) {
      outcome = KernelEvent.SignalOutcome.TARGET_ALREADY_EXITING;
    } else if (target.isNamespaceInit()) {
      boolean force = sender == null || Pid.pidNrNs(sender.pid, target.activeNs()) == 0;
      if (target.activeNs().level() == 0) {
        outcome = KernelEvent.SignalOutcome.GLOBAL_INIT_PROTECTED;
      } else if (!force) {
        outcome = KernelEvent.SignalOutcome.INIT_PROTECTED_FROM_INSIDE;
      } else if (sig != Signal.SIGKILL) {
        outcome = KernelEvent.SignalOutcome.INIT_IGNORES_DEFAULT_SIGNAL;
      } else {
        outcome = KernelEvent.SignalOutcome.DELIVERED;
      }
    } else {
      outcome = KernelEvent.SignalOutcome.DELIVERED;
    }
    kernel.emit(new KernelEvent.SignalSent(sender, target, sig, outcome));
    if (outcome == KernelEvent.SignalOutcome.DELIVERED) {
      kernel.exitPath.doExit(target, 128 + sig.number(), sig);
    }
  }
}
