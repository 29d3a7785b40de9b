package org.pidnslab.host;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pidnslab.kernel.PidNamespace;

/**
 * "Start an experiment from this": a {@code .pidns} script whose run builds the shape of a snapshot
 * in the simulation: the same namespaces nested the same way, each process in its namespace under
 * its parent, session and group leaders, zombies. Pids differ (the simulation numbers from 1).
 * Kernel threads (children of a process without a parent, such as kthreadd) are left out; so is
 * anything beyond the simulation's 32,767 pids.
 */
public final class SnapshotScript {
  /** Room below the simulation's pid_max of 32768 in root. */
  static final int MAX_TASKS = 32000;

  private final HostSnapshot snapshot;
  private final Map<Integer, HostTask> byPid = new HashMap<>();
  private final Map<Integer, List<HostTask>> children = new HashMap<>();
  private final Map<Integer, String> label = new HashMap<>();
  private final Map<String, Long> pfc = new HashMap<>(); // label -> pid_ns_for_children
  private final Map<Long, String> firstIn = new HashMap<>(); // namespace -> a task created in it
  private final Map<Long, Long> simParent =
      new HashMap<>(); // namespace -> its parent in the script
  private final List<String> out = new ArrayList<>();
  private final List<HostTask> emitted = new ArrayList<>();
  private final boolean realPids;

  private SnapshotScript(HostSnapshot snapshot, boolean realPids) {
    this.snapshot = snapshot;
    this.realPids = realPids;
  }

  /** The script's text. */
  public static String of(HostSnapshot snapshot) {
    return new SnapshotScript(snapshot, false).build();
  }

  /**
   * A script that builds the same shape with the real pids at every level, for drawing the machine
   * as it is ("This machine"): before each fork or clone it writes {@code ns_last_pid} of every
   * level so that the kernel's cyclic allocation hands out exactly the real numbers.
   *
   * @return the text, and the label of each process it creates, by its pid in the /proc read
   */
  public static Placed withRealPids(HostSnapshot snapshot) {
    SnapshotScript s = new SnapshotScript(snapshot, true);
    String text = s.build();
    return new Placed(text, Map.copyOf(s.label));
  }

  /**
   * A script with the real pids, and the label of each process it creates by its pid in the /proc
   * read.
   */
  public record Placed(String text, Map<Integer, String> labels) {}

  private String build() {
    List<HostTask> tasks = new ArrayList<>(snapshot.tasks());
    tasks.sort(Comparator.comparingInt(HostTask::pid));
    for (HostTask t : tasks) {
      byPid.put(t.pid(), t);
    }
    HostTask init = chooseInit(tasks);
    out.add("# The shape of this machine's PID namespaces, made by 'pidns-lab live --script'.");
    out.add(
        "# Linux "
            + (snapshot.release() == null ? "(unknown)" : snapshot.release())
            + ", "
            + snapshot.procRoot()
            + " read as "
            + snapshot.reader()
            + ". The simulation numbers pids from 1: they differ from the real ones.");
    if (init == null) {
      out.add("# (no processes were read)");
      return String.join("\n", out) + "\n";
    }
    int kernelThreads = 0;
    for (HostTask t : tasks) {
      if (t == init) {
        continue;
      }
      HostTask p = byPid.get(t.ppid());
      if (p != null && p != t) {
        children.computeIfAbsent(p.pid(), k -> new ArrayList<>()).add(t);
      } else if (t.ppid() != 0) {
        children.computeIfAbsent(init.pid(), k -> new ArrayList<>()).add(t); // parent not seen
      }
    }
    if (realPids && tasks.get(tasks.size() - 1).pid() >= PidNamespace.PID_MAX_DEFAULT) {
      out.add(
          "sysctl init pid_max "
              + PidNamespace.PID_MAX_LIMIT
              + "   # room for this machine's pids");
    }
    label.put(init.pid(), "init");
    pfc.put("init", init.nsInode());
    firstIn.put(init.nsInode(), "init");
    emitted.add(init);
    out.add("# init is pid " + init.pid() + " (" + SnapshotText.printable(init.comm()) + ")");
    leaderCalls(init, "init");
    Deque<HostTask> queue = new ArrayDeque<>(children.getOrDefault(init.pid(), List.of()));
    int stalled = 0;
    while (!queue.isEmpty() && emitted.size() < MAX_TASKS) {
      HostTask t = queue.poll();
      long ns = t.nsInode();
      boolean waitsForInit =
          !firstIn.containsKey(ns) && t.innermostPid() != 1 && initOf(ns) != null;
      if (waitsForInit && stalled <= queue.size()) {
        queue.add(t); // create the namespace with its real init first
        stalled++;
        continue;
      }
      stalled = 0;
      emit(t);
      queue.addAll(children.getOrDefault(t.pid(), List.of()));
    }
    for (HostTask t : tasks) {
      if (!label.containsKey(t.pid())) {
        kernelThreads++;
      }
    }
    List<HostTask> zombies = new ArrayList<>();
    for (HostTask t : emitted) {
      if (t.state() == 'Z' && !label.get(t.pid()).equals(firstIn.get(t.nsInode()))) {
        zombies.add(t);
      }
    }
    for (HostTask z : zombies) {
      out.add("exit " + label.get(z.pid()) + "   # a zombie: its parent has not reaped it");
    }
    if (kernelThreads > 0) {
      out.add(
          "# left out: "
              + Plural.processes(kernelThreads)
              + " (kernel threads, or beyond the simulation's pids)");
    }
    return String.join("\n", out) + "\n";
  }

  private void emit(HostTask t) {
    HostTask p = byPid.get(t.ppid());
    String pl = p != null && label.containsKey(p.pid()) ? label.get(p.pid()) : "init";
    long pns = p != null && label.containsKey(p.pid()) ? p.nsInode() : emitted.get(0).nsInode();
    String me = labelFor(t);
    long ns = t.nsInode();
    String note = "   # pid " + t.pid() + " " + nsName(ns);
    if (ns == pns) {
      settle(pl, pns);
      placePids(t, chain(ns));
      out.add("fork " + pl + " " + me + note);
    } else if (!firstIn.containsKey(ns)) {
      HostNamespace real = snapshot.namespace(ns);
      long wanted = real == null || real.parent() == 0 ? pns : real.parent();
      String creator = pl;
      long creatorNs = pns;
      if (wanted != pns && firstIn.containsKey(wanted)) {
        creator = firstIn.get(wanted); // its real parent is elsewhere: keep the namespace tree
        creatorNs = wanted;
        note += ", created by " + creator + " (its parent " + pl + " is in another namespace)";
      }
      settle(creator, creatorNs);
      placePids(t, chain(creatorNs)); // its own level starts at 1 in the new namespace
      out.add("clone " + creator + " " + me + " newpid" + note);
      firstIn.put(ns, me);
      simParent.put(ns, creatorNs);
      pl = creator;
    } else if (isAncestorOrSelf(pns, ns)) {
      if (pfc.get(pl) != ns) {
        out.add("setns " + pl + " " + firstIn.get(ns));
        pfc.put(pl, ns);
      }
      placePids(t, chain(ns));
      out.add("fork " + pl + " " + me + note);
    } else {
      String in = firstIn.get(ns);
      settle(in, ns);
      placePids(t, chain(ns));
      out.add("fork " + in + " " + me + note + ", real parent " + pl);
      pl = in;
    }
    label.put(t.pid(), me);
    pfc.put(me, ns);
    emitted.add(t);
    leaderCalls(t, me);
  }

  /**
   * With real pids: sets the cursor of each namespace in {@code outer} (outermost first, the levels
   * the script gives {@code t} before any new namespace of its own) to one below {@code t}'s pid
   * there, written by a task of that namespace (ns_last_pid applies to the writer's namespace).
   * Where the script's nesting does not match the real one the numbers are left to the simulation.
   */
  private void placePids(HostTask t, List<Long> outer) {
    if (!realPids || outer.size() > t.nspid().length) {
      return;
    }
    for (int level = 0; level < outer.size(); level++) {
      String writer = firstIn.get(outer.get(level));
      if (writer != null) {
        out.add("sysctl " + writer + " ns_last_pid " + (t.nspid()[level] - 1));
      }
    }
  }

  /** {@code ns} and its ancestors in the script, outermost first. */
  private List<Long> chain(long ns) {
    List<Long> c = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Long k = ns; k != null && seen.add(k); k = simParent.get(k)) {
      c.add(0, k);
    }
    return c;
  }

  /** Makes {@code who}'s next child land in its own namespace {@code ns}. */
  private void settle(String who, long ns) {
    if (pfc.get(who) != ns) {
      out.add("setns " + who + " " + who);
      pfc.put(who, ns);
    }
  }

  /** setsid for a session leader, setpgid for a group leader, as seen inside its namespace. */
  private void leaderCalls(HostTask t, String me) {
    int pid = t.innermostPid();
    if (HostTask.innermost(t.nssid()) == pid) {
      if (!me.equals("init")) {
        out.add("setsid " + me);
      }
    } else if (HostTask.innermost(t.nspgid()) == pid) {
      out.add("setpgid " + me);
    }
  }

  private boolean isAncestorOrSelf(long ancestor, long ns) {
    Set<Long> seen = new HashSet<>();
    for (Long k = ns; k != null && seen.add(k); k = simParent.get(k)) {
      if (k == ancestor) {
        return true;
      }
    }
    return false;
  }

  private HostTask initOf(long ns) {
    for (HostTask t : snapshot.tasks()) {
      if (t.nsInode() == ns && t.innermostPid() == 1) {
        return t;
      }
    }
    return null;
  }

  /** The top namespace's pid 1, else its lowest pid (tasks are sorted by pid). */
  private static HostTask chooseInit(List<HostTask> tasks) {
    HostTask first = null;
    for (HostTask t : tasks) {
      if (t.level() == 0) {
        if (t.pid() == 1) {
          return t;
        }
        first = first == null ? t : first;
      }
    }
    return first;
  }

  /** The label the script gives {@code t}: its name made a LABEL, then its pid. */
  public static String labelFor(HostTask t) {
    StringBuilder sb = new StringBuilder();
    for (char c : t.comm().toCharArray()) {
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == '-';
      sb.append(ok ? c : '_');
    }
    if (sb.length() == 0 || !(Character.isLetter(sb.charAt(0)) || sb.charAt(0) == '_')) {
      sb.insert(0, 'p');
    }
    return sb.append('_').append(t.pid()).toString();
  }

  private static String nsName(long ns) {
    return ns > 0 ? "in pid:[" + ns + "]" : "in an unidentified namespace at level " + -ns;
  }
}
