package org.pidnslab.script;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.pidnslab.kernel.Errno;
import org.pidnslab.kernel.KernelEvent;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;
import org.pidnslab.kernel.Upid;

/**
 * Tells in plain English, one line a step, what the kernel did for a statement, naming the kernel
 * function of each step so a student can look it up: the text of {@code run --explain} and of the
 * window's event log.
 */
public final class Explainer {
  /** Said whenever the initial namespace's init exits: the Lab goes on where Linux stops. */
  public static final String GLOBAL_INIT_PANIC =
      " — a real machine panics here (do_exit(): is_global_init(), \"Attempted to kill init!\");"
          + " the Lab goes on as the init of a container would";

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
    for (int i = 0; i < events.size(); i++) {
      KernelEvent e = events.get(i);
      if (e instanceof KernelEvent.PidAllocated a) {
        allocation.add(a);
        continue;
      }
      if (!allocation.isEmpty()) {
        out.add(allocLine(allocation));
        allocation.clear();
      }
      if (i + 1 < events.size() && selfReaped(e, events.get(i + 1))) {
        out.add(selfReapLine((KernelEvent.TaskReaped) events.get(++i)));
        continue;
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
      // ksys_unshare() installs what copy_pid_ns() made; setns() what pidns_install() accepted
      String fn =
          e.syscall().equals("setns")
              ? "setns (pidns_install, commit_nsset)"
              : "unshare (ksys_unshare → switch_task_namespaces)";
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
          + (e.signal() == null ? " exits with code " + e.code() : " dies of " + e.signal())
          + (isGlobalInit(e.task()) ? GLOBAL_INIT_PANIC : "");
    } else if (event instanceof KernelEvent.NamespaceZapped e) {
      String init = e.init().comm();
      return "zap_pid_ns_processes (from find_child_reaper): "
          + e.ns().name()
          + "'s init"
          + (init.equals("init") ? "" : " " + init) // not "root's init init"
          + " is exiting: disable_pid_allocation() (forks into "
          + e.ns().name()
          + " now give ENOMEM); "
          + e.init().comm()
          + "'s SIGCHLD becomes SIG_IGN (children dying from now on reap themselves); one loop"
          + " sends SIGKILL to every task with a pid here not already doomed: "
          + (e.victims().isEmpty() ? "nobody" : names(e.victims()));
    } else if (event instanceof KernelEvent.InitWaiting e) {
      return "zap_pid_ns_processes: "
          + e.init().comm()
          + " sleeps until "
          + e.ns().name()
          + "'s other pids are freed (the Lab shows E, its label for an init exiting in"
          + " zap_pid_ns_processes; ps shows S): "
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
              ? ", a zombie adopted by "
                  + e.reaper().comm()
                  + ", is released at once: "
                  + e.reaper().comm()
                  + " ignores SIGCHLD (reparent_leader)"
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
          + " is a child subreaper: when a descendant at its own pid level exits,"
          + " find_new_reaper() gives that task's orphans to the nearest living subreaper above it";
    } else if (event instanceof KernelEvent.SysctlWritten e) {
      return e.name().equals("ns_last_pid")
          ? "pid_ns_ctl_handler: ns_last_pid of "
              + e.ns().name()
              + " is "
              + e.value()
              + ", so its IDR cursor is "
              + (e.value() + 1)
              + ": idr_alloc_cyclic() starts the next search there, at max(cursor, pid_min)"
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
        return "alloc_pid: some level from the child's namespace up to root has no free number in"
            + " its search range, [300, pid_max) once its cursor has passed 300 (numbers below"
            + " 300 may be free), else [1, pid_max): idr_alloc_cyclic() gives ENOSPC, which"
            + " alloc_pid() returns as EAGAIN";
      case "fork ENOMEM":
      case "clone ENOMEM":
        return "alloc_pid: the child's namespace takes no new pids: disable_pid_allocation()"
            + " cleared PIDNS_ADDING when its init began to exit (zap_pid_ns_processes)";
      case "clone EINVAL":
      case "unshare EINVAL":
        return "copy_pid_ns: pid_ns_for_children is no longer the caller's own namespace (after unshare or setns)";
      case "clone ENOSPC":
      case "unshare ENOSPC":
        return "create_pid_namespace: namespaces nest at most 32 levels below root (MAX_PID_NS_LEVEL)";
      case "setns EINVAL":
        return "pidns_install: the target's namespace is neither the caller's own nor nested below it";
      case "setns ESRCH":
        return "pidns_get: the target has been reaped (release_task()), so /proc/TARGET is gone:"
            + " the statement models open(\"/proc/TARGET/ns/pid\") + setns(fd, CLONE_NEWPID),"
            + " and open() fails with ENOENT, which the language reports as ESRCH (a zombie or E"
            + " target still works: its pid still leads to its namespace)";
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
          .append(" has no free number in [")
          .append(e.pidMin())
          .append(", ")
          .append(e.failedNs().pidMax())
          .append("): idr_alloc_cyclic() gives ENOSPC, which alloc_pid() returns as EAGAIN");
      if (e.pidMin() == PidNamespace.RESERVED_PIDS) {
        sb.append(" (its cursor is past RESERVED_PIDS, so numbers below 300 are not searched,")
            .append(" free or not)");
      }
    } else {
      Task init = e.failedNs().childReaper();
      sb.append("but ")
          .append(e.failedNs().name())
          .append(" takes no new pids: disable_pid_allocation() cleared PIDNS_ADDING when its init")
          .append(
              init != null && init.state() == TaskState.EXITING
                  ? " began to exit, and " + init.comm() + " is still in do_exit"
                  : " began to exit")
          .append(": ENOMEM");
    }
    if (!e.released().isEmpty()) {
      sb.append("; the numbers taken are given back, the cursors stay moved");
    }
    if (e.cursorReset()) {
      sb.append("; ").append(e.target().name()).append(" never held a pid, so its cursor is reset");
    }
    return sb.toString();
  }

  /** A task that died while its parent ignored SIGCHLD: exit_notify() released it at once. */
  private static boolean selfReaped(KernelEvent e, KernelEvent next) {
    return e instanceof KernelEvent.TaskZombie z
        && next instanceof KernelEvent.TaskReaped r
        && r.autoreap()
        && r.task() == z.task();
  }

  private static String selfReapLine(KernelEvent.TaskReaped r) {
    return "exit_notify: "
        + r.task().comm()
        + "'s parent "
        + r.reaper().comm()
        + " ignores SIGCHLD, so "
        + r.task().comm()
        + " is never a zombie: it goes straight to EXIT_DEAD and release_task() frees it";
  }

  private static boolean isGlobalInit(Task t) {
    return t.activeNs().level() == 0 && t.isNamespaceInit();
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
            + "'s init (SIGNAL_UNKILLABLE) with no handler installed, so the default action is"
            + " ignored; the sender is inside that namespace, so nothing forces it";
      case INIT_IGNORES_DEFAULT_SIGNAL:
        return "sig_task_ignored: "
            + base
            + " is dropped: "
            + e.target().comm()
            + " is a namespace init with no handler installed, so the default action is ignored;"
            + " from an ancestor only SIGKILL and SIGSTOP are forced through";
      case GLOBAL_INIT_PROTECTED:
        return "sig_task_ignored: "
            + base
            + " is dropped: root's init has no handler installed, so the default action is"
            + " ignored, and every sender is inside its namespace, so nothing forces it";
      default:
        return "kill: " + base + " changes nothing: it is already exiting";
    }
  }

  private static String holder(KernelEvent.PidHolder h) {
    String nr = h.pid().toString();
    if (h.task() == null) {
      return nr + " (still a process group or session id)";
    }
    return nr
        + " ("
        + h.task().comm()
        + ", "
        + h.state().letter()
        + ", parent "
        + h.parent().comm()
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
