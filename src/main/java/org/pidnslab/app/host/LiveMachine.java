package org.pidnslab.app.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.host.HostSnapshot;
import org.pidnslab.host.HostTask;
import org.pidnslab.host.SnapshotScript;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.SysResult;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;
import org.pidnslab.script.ScriptError;
import org.pidnslab.script.ScriptParser;
import org.pidnslab.script.ScriptRunner;
import org.pidnslab.script.Statement;

/**
 * This machine as a simulated one, so the Lab's graph can draw it: a snapshot becomes the script of
 * its shape with the real pids ({@link SnapshotScript#withRealPids}), played into a {@link
 * LabModel}. A newer snapshot becomes the system calls that lead from the one on show to it (exits
 * and reaps of processes that are gone, forks and clones of new ones), so the window tells the
 * change with the animations of those calls; where the calls cannot reach it exactly (a process
 * reparented to a subreaper the simulation does not know), the picture is rebuilt instead.
 */
final class LiveMachine {
  private final LabModel model;
  private Map<Integer, String> labels = Map.of();
  private HostSnapshot shown;
  // looked up for every figure and namespace name: kept, not searched (10,000 processes)
  private final Map<String, HostTask> byLabel = new HashMap<>();
  private final Map<PidNamespace, Long> inodes = new HashMap<>();

  LiveMachine(LabModel model) {
    this.model = model;
  }

  /** The snapshot on show, or null. */
  HostSnapshot shown() {
    return shown;
  }

  /** The label of the process with this pid (in the /proc read), or null. */
  String label(int pid) {
    return labels.get(pid);
  }

  /** The process behind a simulated task, or null. */
  HostTask process(Task t) {
    return t == null ? null : byLabel.get(t.comm());
  }

  /** The real namespace (its inode) behind a simulated one, 0 if none is known. */
  long inode(PidNamespace ns) {
    if (inodes.isEmpty() && shown != null) {
      for (HostTask h : shown.tasks()) {
        Task t = model.task(labels.get(h.pid()));
        if (t != null) {
          inodes.putIfAbsent(t.activeNs(), h.nsInode());
        }
      }
    }
    return inodes.getOrDefault(ns, 0L);
  }

  private void show(HostSnapshot s, Map<Integer, String> newLabels) {
    labels = new HashMap<>(newLabels);
    shown = s;
    byLabel.clear();
    inodes.clear();
    for (HostTask h : s.tasks()) {
      String l = labels.get(h.pid());
      if (l != null) {
        byLabel.put(l, h);
      }
    }
  }

  /** Prepares the model of {@code s} from scratch (any thread): {@link #adopt} shows it. */
  static Rebuilt prepare(HostSnapshot s) throws ScriptError {
    SnapshotScript.Placed placed = SnapshotScript.withRealPids(s);
    return new Rebuilt(s, placed.labels(), LabModel.prepare(statements(placed.text())));
  }

  /** A model of a snapshot, built off the FX thread. */
  record Rebuilt(HostSnapshot snapshot, Map<Integer, String> labels, LabModel.Replayed replayed) {}

  /** Shows a rebuilt model in one step. */
  void adopt(Rebuilt r) {
    model.adopt(r.replayed());
    show(r.snapshot(), r.labels());
  }

  /**
   * What {@link #changeTo} starts from, taken on the FX thread so that the work can go elsewhere:
   * the model's statements, the labels by pid and the snapshot on show.
   */
  Base base() {
    return new Base(model.history(), Map.copyOf(labels), shown);
  }

  /** The machine on show, as statements. */
  record Base(List<Statement> history, Map<Integer, String> labels, HostSnapshot shown) {}

  /**
   * The statements that turn the machine of {@code base} into {@code next}, worked out on a private
   * copy (any thread); null when they cannot reach it exactly (then rebuild).
   */
  static Change changeTo(Base base, HostSnapshot next) {
    if (base.shown() == null) {
      return null;
    }
    try {
      Delta d = new Delta(base, next);
      if (!d.plan()) {
        return null;
      }
      d.known.keySet().retainAll(d.byPid.keySet());
      return new Change(next, List.copyOf(d.statements), Map.copyOf(d.known));
    } catch (ScriptError e) {
      return null;
    }
  }

  /** The calls from the snapshot on show to {@code next}, and the labels of next's processes. */
  record Change(HostSnapshot next, List<Statement> statements, Map<Integer, String> labels) {}

  /** Notes the change as shown, once its statements ran on the model. */
  void changed(Change c) {
    show(c.next(), c.labels());
  }

  /**
   * The pids that the simulation does not hold as the real ones (a namespace it could not nest the
   * same way, a top process that is not pid 1): one line each, empty when every pid is real.
   */
  List<String> mismatches() {
    List<String> out = new ArrayList<>();
    if (shown == null) {
      return out;
    }
    for (HostTask h : shown.tasks()) {
      Task t = model.task(labels.get(h.pid()));
      if (t != null && !java.util.Arrays.equals(h.nspid(), pids(t))) {
        out.add(
            "pid "
                + h.pid()
                + " is drawn as "
                + t.pid().nr(0)
                + ": the simulation could not give it its real pid at every level");
      }
    }
    return out;
  }

  static int[] pids(Task t) {
    int[] p = new int[t.pid().level() + 1];
    for (int level = 0; level < p.length; level++) {
      p[level] = t.pid().nr(level);
    }
    return p;
  }

  private static List<Statement> statements(String text) throws ScriptError {
    List<Statement> out = new ArrayList<>();
    for (ScriptParser.ParsedLine p : ScriptParser.parse(text)) {
      if (p.error() != null) {
        throw p.error();
      }
      if (p.statement() != null) {
        out.add(p.statement());
      }
    }
    return out;
  }

  /**
   * The calls from the machine on show to {@code next}, tried on a private copy as they are made.
   */
  private static final class Delta {
    private final Base base;
    private final HostSnapshot next;
    private final ScriptRunner copy = new ScriptRunner();
    private final Map<Integer, String> known;
    private final List<Statement> statements = new ArrayList<>();
    private final Map<Integer, HostTask> byPid = new HashMap<>();

    Delta(Base base, HostSnapshot next) throws ScriptError {
      this.base = base;
      this.next = next;
      this.known = new HashMap<>(base.labels());
      for (Statement s : base.history()) {
        copy.execute(s);
      }
      for (HostTask t : next.tasks()) {
        byPid.put(t.pid(), t);
      }
    }

    /** Whether the calls reach {@code next} exactly. */
    boolean plan() throws ScriptError {
      // gone or now a zombie: exit, and reap what the real machine reaped
      List<Integer> old = new ArrayList<>(known.keySet());
      old.sort(Comparator.reverseOrder());
      for (int pid : old) {
        HostTask now = byPid.get(pid);
        Task t = copy.task(known.get(pid));
        if (t == null || t.state() == TaskState.DEAD || (now != null && now.state() != 'Z')) {
          continue;
        }
        if (t.state() == TaskState.RUNNING && !call("exit " + t.comm())) {
          return false;
        }
        Task parent = t.realParent();
        if (now == null
            && t.state() == TaskState.ZOMBIE
            && parent != null
            && parent.state() == TaskState.RUNNING
            && !call("wait " + parent.comm() + " " + t.comm())) {
          return false;
        }
      }
      // new processes, parents first
      List<HostTask> fresh = new ArrayList<>();
      for (HostTask t : next.tasks()) {
        if (!known.containsKey(t.pid()) && t.ppid() != 0 && isShownKind(t)) {
          fresh.add(t);
        }
      }
      boolean progress = true;
      while (!fresh.isEmpty() && progress) {
        progress = false;
        for (var it = fresh.iterator(); it.hasNext(); ) {
          HostTask t = it.next();
          if (known.containsKey(t.ppid()) && create(t)) {
            it.remove();
            progress = true;
          }
        }
      }
      return fresh.isEmpty() && matches();
    }

    /** Kernel threads (children of a process without a parent, such as kthreadd) are not drawn. */
    private boolean isShownKind(HostTask t) {
      HostTask p = byPid.get(t.ppid());
      return p == null || p.ppid() != 0 || p.pid() == base.shown().tasks().get(0).pid();
    }

    /** A fork (or a clone for a new namespace's init) that gives {@code t} its real pids. */
    private boolean create(HostTask t) throws ScriptError {
      Task parent = copy.task(known.get(t.ppid()));
      if (parent == null || parent.state() != TaskState.RUNNING) {
        return false;
      }
      PidNamespace target = namespaceOf(t.nsInode());
      String label = SnapshotScript.labelFor(t);
      if (copy.task(label) != null) {
        return false;
      }
      if (target == null) {
        boolean newInit = t.innermostPid() == 1 && t.level() == parent.activeNs().level() + 1;
        if (!newInit
            || !settle(parent, parent.activeNs())
            || !place(t, parent.activeNs())
            || !call("clone " + parent.comm() + " " + label + " newpid")) {
          return false;
        }
      } else if (!target.isSameOrDescendantOf(parent.activeNs())
          || !settle(parent, target)
          || !place(t, target)
          || !call("fork " + parent.comm() + " " + label)) {
        return false;
      }
      known.put(t.pid(), label);
      return true;
    }

    /** The simulated namespace of the real one {@code inode}, or null. */
    private PidNamespace namespaceOf(long inode) {
      for (Map.Entry<Integer, String> e : known.entrySet()) {
        HostTask h = byPid.get(e.getKey());
        Task t = copy.task(e.getValue());
        if (h != null && h.nsInode() == inode && t != null && t.isAlive()) {
          return t.activeNs();
        }
      }
      return null;
    }

    /** Makes {@code who}'s next child land in {@code ns} (setns to a task living there). */
    private boolean settle(Task who, PidNamespace ns) throws ScriptError {
      if (who.pidNsForChildren() == ns) {
        return true;
      }
      Task there = runningIn(ns);
      return there != null && call("setns " + who.comm() + " " + there.comm());
    }

    /** Writes ns_last_pid at each level of {@code ns} so the next fork gets {@code t}'s pids. */
    private boolean place(HostTask t, PidNamespace ns) throws ScriptError {
      if (ns.level() >= t.nspid().length) {
        return false;
      }
      for (int level = 0; level <= ns.level(); level++) {
        Task writer = runningIn(ns.ancestorAt(level));
        if (writer == null
            || !call("sysctl " + writer.comm() + " ns_last_pid " + (t.nspid()[level] - 1))) {
          return false;
        }
      }
      return true;
    }

    private Task runningIn(PidNamespace ns) {
      for (Task t : copy.labels().values()) {
        if (t.activeNs() == ns && t.state() == TaskState.RUNNING) {
          return t;
        }
      }
      return null;
    }

    /** Runs one call on the copy; false if it failed (then the plan is given up). */
    private boolean call(String text) throws ScriptError {
      Statement s =
          ScriptParser.parseStatement(base.history().size() + statements.size() + 1, text);
      SysResult r = copy.execute(s).result();
      statements.add(s);
      return r == null || !r.failed();
    }

    /**
     * Whether the copy now holds every drawn process of {@code next} as it is, and none that is
     * gone (a zombie its parent could not reap, a process a namespace's end took with it).
     */
    private boolean matches() {
      for (Map.Entry<Integer, String> e : base.labels().entrySet()) {
        Task t = copy.task(e.getValue());
        if (!byPid.containsKey(e.getKey()) && t != null && t.state() != TaskState.DEAD) {
          return false;
        }
      }
      for (HostTask h : next.tasks()) {
        String l = known.get(h.pid());
        if (l == null) {
          continue; // not drawn (kernel threads)
        }
        Task t = copy.task(l);
        if (t == null
            || t.state() == TaskState.DEAD
            || !java.util.Arrays.equals(h.nspid(), pids(t))
            || (h.state() == 'Z') != (t.state() == TaskState.ZOMBIE)) {
          return false;
        }
        Task p = t.realParent();
        String realParent = known.get(h.ppid());
        if (p != null && realParent != null && !p.comm().equals(realParent)) {
          return false; // reparented where the simulation would not have put it
        }
      }
      return true;
    }
  }
}
