package org.pidnslab.script;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.pidnslab.kernel.Errno;
import org.pidnslab.kernel.KernelEvent;
import org.pidnslab.kernel.Pid;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.Upid;

/**
 * Tells in plain English, one line a step, what the kernel did for a statement, naming the kernel
 * function of each step so a student can look it up: the text of {@code run --explain} and of the
 * window's event log.
 */
public final class Explainer {

  /** The steps of one statement: its events, or for a call that changed nothing, why not. */
  public List<String> steps(ScriptRunner.Outcome outcome) {
    List<String> out = explain(outcome.events());
    if (out.isEmpty() && outcome.result() != null) {
      String verb = outcome.statement().words().get(0);
      out.add(outcome.result().failed() ? failure(verb, outcome.result().errno()) : quiet(verb));
    }
    return out;
  }

  /** The steps behind a statement's events. */
  public List<String> explain(List<KernelEvent> events) {
    List<String> out = new ArrayList<>();
    List<KernelEvent.PidAllocated> allocation = new ArrayList<>();
    for (KernelEvent e : events) {
      if (e instanceof KernelEvent.PidAllocated a) {
        allocation.add(a);
        continue;
      }
      if (!allocation.isEmpty()) {
        out.add(allocLine(allocation));
        allocation.clear();
      }
      String line = describe(e);
      if (line != null) {
        out.add(line);
      }
    }
    if (!allocation.isEmpty()) {
      out.add(allocLine(allocation));
    }
    return out;
  }

  /** One sentence for one event, or null for events that only matter inside another line. */
  public String describe(KernelEvent event) {
    if (event instanceof KernelEvent.NamespaceCreated e) {
      return "create_pid_namespace: "
          + nsLevel(e.ns())
          + " is created below "
          + e.parent().name()
          + ", with its own pid_max "
          + e.ns().pidMax();
    } else if (event instanceof KernelEvent.PidAllocated e) {
      return allocLine(List.of(e));
    } else if (event instanceof KernelEvent.PidAllocFailed e) {
      return allocFailedLine(e);
    } else if (event instanceof KernelEvent.TaskForked e) {
      Task c = e.child();
      return "copy_process: "
          + c.comm()
          + " is born in "
          + c.activeNs().name()
          + " with NSpid "
          + numbers(e.nspid())
          + ", child of "
          + e.parent().comm()
          + (e.becameInit()
              ? "; as pid 1 it is " + c.activeNs().name() + "'s init (child_reaper)"
              : "");
    } else if (event instanceof KernelEvent.PidNsForChildrenChanged e) {
      String fn = e.syscall().equals("setns") ? "setns (pidns_install)" : "unshare (copy_pid_ns)";
      return fn
          + ": "
          + e.task().comm()
          + "'s pid_ns_for_children is now "
          + e.to().name()
          + "; "
          + e.task().comm()
          + " itself stays in "
          + e.task().activeNs().name();
    } else if (event instanceof KernelEvent.SignalSent e) {
      return signalLine(e);
    } else if (event instanceof KernelEvent.TaskExiting e) {
      return "do_exit: "
          + e.task().comm()
          + (e.signal() == null ? " exits with code " + e.code() : " dies of " + e.signal());
    } else if (event instanceof KernelEvent.NamespaceZapped e) {
      return "zap_pid_ns_processes: "
          + e.ns().name()
          + "'s init "
          + e.init().comm()
          + " is exiting: allocation disabled (forks into "
          + e.ns().name()
          + " now give ENOMEM), SIGKILL to "
          + (e.victims().isEmpty() ? "nobody else" : names(e.victims()));
    } else if (event instanceof KernelEvent.InitWaiting e) {
      return "zap_pid_ns_processes: "
          + e.init().comm()
          + " waits (state E) until "
          + e.ns().name()
          + "'s other pids are freed: "
          + e.waitingFor().stream().map(Explainer::holder).collect(Collectors.joining(", "));
    } else if (event instanceof KernelEvent.Reparented e) {
      return "find_new_reaper: "
          + e.child().comm()
          + " passes from "
          + e.from().comm()
          + " to "
          + e.to().comm()
          + (e.reason() == KernelEvent.ReparentReason.SUBREAPER
              ? " (the nearest child subreaper)"
              : " (init of " + e.from().activeNs().name() + ", the exiting parent's namespace)");
    } else if (event instanceof KernelEvent.TaskZombie e) {
      return "exit_notify: "
          + e.task().comm()
          + " is a zombie"
          + (e.parent() == null
              ? "; nobody can reap it"
              : ", for " + e.parent().comm() + " to reap");
    } else if (event instanceof KernelEvent.TaskReaped e) {
      return "release_task: "
          + e.task().comm()
          + (e.autoreap()
              ? " is released at once: its parent " + e.reaper().comm() + " ignores SIGCHLD"
              : " is reaped by " + e.reaper().comm());
    } else if (event instanceof KernelEvent.PidFreed e) {
      return "free_pid: " + numbers(e.numbers()) + " is free again in " + nsNames(e.numbers());
    } else if (event instanceof KernelEvent.SessionCreated e) {
      return "setsid: "
          + e.task().comm()
          + " leads a new session and process group, numbered "
          + e.task().pid();
    } else if (event instanceof KernelEvent.ProcessGroupChanged e) {
      return "setpgid: "
          + e.task().comm()
          + " moves from group "
          + e.from()
          + " to group "
          + e.to();
    } else if (event instanceof KernelEvent.SubreaperSet e) {
      return "prctl(PR_SET_CHILD_SUBREAPER): "
          + e.task().comm()
          + " adopts its descendants' orphans from now on";
    } else if (event instanceof KernelEvent.SysctlWritten e) {
      return e.name().equals("ns_last_pid")
          ? "pid_ns_ctl_handler: ns_last_pid of "
              + e.ns().name()
              + " is "
              + e.value()
              + ", so the next search starts at "
              + (e.value() + 1)
          : "pid_max of " + e.ns().name() + " is " + e.value() + ": its numbers stay below it";
    }
    return null;
  }

  /**
   * One sentence saying why a call failed, for a statement that caused no event.
   *
   * @param verb the statement's first word
   */
  public static String failure(String verb, Errno errno) {
    switch (verb + " " + errno) {
      case "fork EAGAIN":
      case "clone EAGAIN":
        return "alloc_pid: some level from the child's namespace up to root has no free number below its pid_max";
      case "fork ENOMEM":
      case "clone ENOMEM":
        return "alloc_pid: the init of the child's namespace has exited, so it takes no new tasks";
      case "clone EINVAL":
      case "unshare EINVAL":
        return "copy_pid_ns: pid_ns_for_children is no longer the caller's own namespace (after unshare or setns)";
      case "clone ENOSPC":
      case "unshare ENOSPC":
        return "create_pid_namespace: namespaces nest at most 32 levels below root (MAX_PID_NS_LEVEL)";
      case "setns EINVAL":
        return "pidns_install: the target's namespace is neither the caller's own nor nested below it";
      case "setns ESRCH":
        return "the target was reaped, so /proc/TARGET/ns/pid no longer exists";
      case "wait ECHILD":
        return "do_wait: the caller has no children";
      case "kill ESRCH":
        return "kill_something_info: no task the sender can see matches that pid or group";
      case "setsid EPERM":
        return "ksys_setsid: the caller leads a session already, or a process group has its id";
      case "setpgid EPERM":
        return "ksys_setpgid: a session leader cannot move, and the group must have a member in the caller's session that it can see";
      case "sysctl EINVAL":
        return "proc_dointvec_minmax: the value is out of range";
      default:
        return errno.name() + ": " + errno.strerror();
    }
  }

  /** Why a successful call caused no state change. */
  private static String quiet(String verb) {
    switch (verb) {
      case "wait":
        return "do_wait: there are children but no zombie among them, so WNOHANG returns 0";
      case "setpgid":
        return "ksys_setpgid: the caller is in that group already";
      default:
        return verb + ": nothing changed";
    }
  }

  private static String allocLine(List<KernelEvent.PidAllocated> levels) {
    return "alloc_pid: "
        + levels.stream()
            .map(a -> nsLevel(a.ns()) + " gives " + a.nr())
            .collect(Collectors.joining(", "));
  }

  private static String allocFailedLine(KernelEvent.PidAllocFailed e) {
    StringBuilder sb = new StringBuilder("alloc_pid: ");
    for (Upid u : e.released()) {
      sb.append(nsLevel(u.ns())).append(" gives ").append(u.nr()).append(", ");
    }
    if (e.errno() == Errno.EAGAIN) {
      sb.append(nsLevel(e.failedNs()))
          .append(" has no free number below its pid_max ")
          .append(e.failedNs().pidMax())
          .append(": EAGAIN");
    } else {
      sb.append("but ")
          .append(e.failedNs().name())
          .append("'s init is gone (PIDNS_ADDING cleared): ENOMEM");
    }
    if (!e.released().isEmpty()) {
      sb.append("; the numbers taken are given back, the cursors stay moved");
    }
    if (e.cursorReset()) {
      sb.append("; ").append(e.target().name()).append(" never held a pid, so its cursor is reset");
    }
    return sb.toString();
  }

  private static String signalLine(KernelEvent.SignalSent e) {
    String who = e.sender() == null ? "the kernel" : e.sender().comm();
    String base = e.signal() + " from " + who + " to " + e.target().comm();
    switch (e.outcome()) {
      case DELIVERED:
        return (e.sender() == null ? "zap_pid_ns_processes: " : "kill: ") + base + " is delivered";
      case INIT_PROTECTED_FROM_INSIDE:
        return "sig_task_ignored: "
            + base
            + " is dropped: "
            + e.target().comm()
            + " is "
            + e.target().activeNs().name()
            + "'s init and the sender is inside that namespace";
      case INIT_IGNORES_DEFAULT_SIGNAL:
        return "sig_task_ignored: "
            + base
            + " is dropped: a namespace init has no default action for it, even from an ancestor";
      case GLOBAL_INIT_PROTECTED:
        return "sig_task_ignored: "
            + base
            + " is dropped: the initial init ignores it from everyone";
      default:
        return "kill: " + base + " changes nothing: it is already exiting";
    }
  }

  private static String holder(Pid pid) {
    Task t = pid.task();
    String nr = pid.toString();
    if (t == null) {
      return nr + " (still a process group or session id)";
    }
    return nr
        + " ("
        + t.comm()
        + ", "
        + t.state().letter()
        + ", parent "
        + t.realParent().comm()
        + ")";
  }

  private static String nsLevel(PidNamespace ns) {
    return ns.level() == 0 ? ns.name() : ns.name() + " (level " + ns.level() + ")";
  }

  private static String names(List<Task> tasks) {
    return tasks.stream().map(Task::comm).collect(Collectors.joining(", "));
  }

  private static String numbers(List<Upid> upids) {
    return upids.stream().map(u -> Integer.toString(u.nr())).collect(Collectors.joining("/"));
  }

  private static String nsNames(List<Upid> upids) {
    return upids.stream().map(u -> u.ns().name()).collect(Collectors.joining(", "));
  }
}
