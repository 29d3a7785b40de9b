package org.pidnslab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.pidnslab.kernel.SyscallSequenceGenerator.Kind;
import org.pidnslab.kernel.SyscallSequenceGenerator.Op;
import org.pidnslab.kernel.SyscallSequenceGenerator.Profile;
import org.pidnslab.script.ScriptRun;
import org.pidnslab.script.StatePrinter;

/**
 * Drives a {@link Kernel} with random system calls and checks, after every call, the invariants of
 * the kernel rules (docs/kernel-rules.md) and the result the scenario language specifies. A failing
 * sequence is shrunk to a minimal {@code .pidns} script.
 */
final class KernelInvariantsSupport {
  private KernelInvariantsSupport() {}

  /** The properties checked after every step, each one test method. */
  enum Invariant {
    NO_EXCEPTION("no system call throws"),
    ONE_NUMBER_PER_LEVEL("every task holds exactly one number per level, root to its namespace"),
    NUMBERS_UNIQUE("numbers are unique in a namespace and find_pid_ns() maps them back"),
    VISIBILITY("a task is visible in N exactly when N is on its namespace's ancestor chain"),
    PID_ALLOCATED("pid_allocated counts the distinct live pids holding a number there"),
    PARENT_TREE("parent links form a tree rooted at init that matches the children lists"),
    CHILD_NAMESPACE_NESTING("a child lives in its parent's namespace or below it"),
    SESSIONS_AND_GROUPS("session leaders lead their group; a group stays in one session"),
    NO_RUNNING_TASK_IN_DEAD_NAMESPACE("no running task lives in a namespace whose init died"),
    NAMESPACE_LIFE("a namespace accepts pids exactly while its init runs"),
    EXITING_STATE("an E task is an init whose namespace still holds other pids"),
    ZOMBIE_STATE("a zombie has a running parent and no children"),
    ALLOCATION("forks take the numbers idr_alloc_cyclic gives, never a held one"),
    ERRNO_ALLOWED("every result is a value or an errno the spec allows for that call"),
    SPEC_RESULT("every call returns and does what the spec says"),
    SIGNAL_OUTCOME("kill kills exactly the tasks the signal rules allow"),
    REPARENTING("orphans go to the nearest living subreaper, else their father's namespace init"),
    FAILED_CALL_CHANGES_NOTHING("a failed call changes nothing but allocation cursors"),
    SCRIPT_REPLAY("the same calls as a .pidns script print the same results and state"),
    STATE_OUTPUT("the state prints as scenario-language.md describes it");

    final String behaviour;

    Invariant(String behaviour) {
      this.behaviour = behaviour;
    }
  }

  /** One broken property at one step. */
  record Violation(Invariant invariant, String message) {}

  // ------------------------------------------------------------------------------------ view

  /**
   * Everything the checks need about the state between two steps, computed from tasks and parent()
   * chains, not from the namespaces' own allocators.
   */
  static final class View {
    final List<Task> tasks;
    final Set<Pid> held = Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<PidNamespace, Map<Integer, Pid>> numbers = new IdentityHashMap<>();
    final Map<PidNamespace, PidNamespace[]> chains = new IdentityHashMap<>();
    final List<String> duplicates = new ArrayList<>();
    final Set<Task> exiting = Collections.newSetFromMap(new IdentityHashMap<>());

    View(Kernel k) {
      tasks = k.tasks();
      for (Task t : tasks) {
        if (t.state() == TaskState.EXITING) {
          exiting.add(t);
        }
        held.add(t.pid());
        held.add(t.pgrp());
        held.add(t.session());
      }
      for (PidNamespace ns : k.namespaces()) {
        numbers.put(ns, new HashMap<>());
      }
      for (Pid p : held) {
        PidNamespace[] chain = chain(p.namespace());
        for (int i = 0; i < chain.length && i <= p.level(); i++) {
          Map<Integer, Pid> m = numbers.computeIfAbsent(chain[i], x -> new HashMap<>());
          Pid other = m.put(p.nr(i), p);
          if (other != null && other != p) {
            duplicates.add(chain[i].name() + ":" + p.nr(i) + " held by " + p + " and " + other);
          }
        }
      }
    }

    /** The namespaces from root (index 0) to {@code ns}, walked through parent(). */
    PidNamespace[] chain(PidNamespace ns) {
      PidNamespace[] c = chains.get(ns);
      if (c == null) {
        List<PidNamespace> up = new ArrayList<>();
        for (PidNamespace n = ns; n != null; n = n.parent()) {
          up.add(n);
        }
        Collections.reverse(up);
        c = up.toArray(new PidNamespace[0]);
        chains.put(ns, c);
      }
      return c;
    }

    /** Whether {@code outer} is {@code inner} or one of its ancestors. */
    boolean onChain(PidNamespace inner, PidNamespace outer) {
      PidNamespace[] c = chain(inner);
      return outer.level() < c.length && c[outer.level()] == outer;
    }

    /** The number of {@code p} in {@code ns}, 0 if it has none there (independent pid_nr_ns). */
    int nrIn(Pid p, PidNamespace ns) {
      return onChain(p.namespace(), ns) && ns.level() <= p.level() ? p.nr(ns.level()) : 0;
    }

    /** The held pid with number {@code nr} in {@code ns}, or null. */
    Pid pidAt(PidNamespace ns, long nr) {
      if (nr <= 0 || nr > Integer.MAX_VALUE) {
        return null;
      }
      return numbers.getOrDefault(ns, Map.of()).get((int) nr);
    }

    Set<Integer> numbersIn(PidNamespace ns) {
      return numbers.getOrDefault(ns, Map.of()).keySet();
    }
  }

  // ------------------------------------------------------------------------------- invariants

  /** Checks every state invariant of {@code k}; appends what is broken to {@code out}. */
  static void checkState(Kernel k, View v, List<Violation> out) {
    List<PidNamespace> namespaces = k.namespaces();
    Task init = k.init();
    Set<Task> live = Collections.newSetFromMap(new IdentityHashMap<>());
    live.addAll(v.tasks);
    if (live.size() != v.tasks.size() || k.taskCount() != v.tasks.size()) {
      out.add(
          new Violation(
              Invariant.PARENT_TREE,
              "task list has duplicates or taskCount() " + k.taskCount() + " is wrong"));
    }
    Set<Task> reachesInit = Collections.newSetFromMap(new IdentityHashMap<>());
    if (!live.contains(init)) {
      out.add(new Violation(Invariant.PARENT_TREE, "root init is not in the task list"));
    }

    for (Task t : v.tasks) {
      Pid p = t.pid();
      PidNamespace ns = t.activeNs();
      PidNamespace[] chain = v.chain(ns);
      // ONE_NUMBER_PER_LEVEL
      if (t.state() == TaskState.DEAD) {
        out.add(new Violation(Invariant.PARENT_TREE, t.comm() + " is reaped but still listed"));
      }
      if (p.level() != ns.level() || p.namespace() != ns || chain.length != ns.level() + 1) {
        out.add(
            new Violation(
                Invariant.ONE_NUMBER_PER_LEVEL,
                t.comm() + " pid level " + p.level() + " but namespace level " + ns.level()));
      } else {
        for (int i = 0; i <= p.level(); i++) {
          Upid u = p.upid(i);
          if (u.ns() != chain[i] || u.ns() != ns.ancestorAt(i) || u.nr() < 1) {
            out.add(
                new Violation(
                    Invariant.ONE_NUMBER_PER_LEVEL,
                    t.comm()
                        + " level "
                        + i
                        + " holds "
                        + u
                        + ", expected a number in "
                        + chain[i]));
          }
        }
      }
      // VISIBILITY through the task's accessors, in the namespaces StatePrinter asks about
      for (PidNamespace n : chain) {
        checkVisible(v, t, " pid", p, t.pidNr(n), n, out);
        checkVisible(v, t, " pgid", t.pgrp(), t.pgidNr(n), n, out);
        checkVisible(v, t, " sid", t.session(), t.sidNr(n), n, out);
      }
      // PARENT_TREE
      Task parent = t.realParent();
      if (t == init) {
        if (parent != null) {
          out.add(new Violation(Invariant.PARENT_TREE, "root init has parent " + parent.comm()));
        }
      } else if (parent == null || !live.contains(parent)) {
        out.add(
            new Violation(
                Invariant.PARENT_TREE,
                t.comm()
                    + " has parent "
                    + (parent == null ? "null" : parent.comm() + " (" + parent.state() + ")")));
      } else {
        if (!parent.children().contains(t)) {
          out.add(
              new Violation(
                  Invariant.PARENT_TREE,
                  t.comm() + "'s parent " + parent.comm() + " does not list it as a child"));
        }
        // CHILD_NAMESPACE_NESTING
        if (!v.onChain(ns, parent.activeNs())) {
          out.add(
              new Violation(
                  Invariant.CHILD_NAMESPACE_NESTING,
                  t.comm()
                      + " in "
                      + ns
                      + " has parent "
                      + parent.comm()
                      + " in "
                      + parent.activeNs()));
        }
        // no cycles: the chain reaches init (or a task already known to) within n hops
        List<Task> path = new ArrayList<>();
        Task a = t;
        while (a != null
            && a != init
            && !reachesInit.contains(a)
            && path.size() <= v.tasks.size()) {
          path.add(a);
          a = a.realParent();
        }
        if (a == init || reachesInit.contains(a)) {
          reachesInit.addAll(path);
        } else {
          out.add(
              new Violation(
                  Invariant.PARENT_TREE, t.comm() + "'s parent chain does not reach init"));
        }
      }
      List<Task> children = t.children();
      Set<Task> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Task c : children) {
        if (c.realParent() != t || !live.contains(c) || !seen.add(c)) {
          out.add(
              new Violation(
                  Invariant.PARENT_TREE,
                  t.comm()
                      + " lists child "
                      + c.comm()
                      + " whose parent is "
                      + (c.realParent() == null ? "null" : c.realParent().comm())
                      + " (state "
                      + c.state()
                      + ")"));
        }
      }
      if (t.isAlive() && !v.onChain(t.pidNsForChildren(), ns)) {
        out.add(
            new Violation(
                Invariant.CHILD_NAMESPACE_NESTING,
                t.comm()
                    + "'s pid_ns_for_children "
                    + t.pidNsForChildren()
                    + " is not below "
                    + ns));
      }
      // SESSIONS_AND_GROUPS
      if (t.isSessionLeader() && (t.session() != p || t.pgrp() != p)) {
        out.add(
            new Violation(
                Invariant.SESSIONS_AND_GROUPS,
                t.comm()
                    + " leads a session but its sid/pgid are "
                    + t.session()
                    + "/"
                    + t.pgrp()));
      }
      // NO_RUNNING_TASK_IN_DEAD_NAMESPACE
      if (t.state() == TaskState.RUNNING) {
        for (PidNamespace n : chain) {
          if (!n.allocationEnabled()) {
            out.add(
                new Violation(
                    Invariant.NO_RUNNING_TASK_IN_DEAD_NAMESPACE,
                    t.comm() + " runs in " + ns + " but " + n + " no longer allocates pids"));
          }
        }
      }
      // EXITING_STATE
      if (t.state() == TaskState.EXITING) {
        if (!t.isNamespaceInit()) {
          out.add(
              new Violation(Invariant.EXITING_STATE, t.comm() + " is E but not a namespace init"));
        } else if (ns.allocationEnabled()
            || ns.pidAllocated() <= 1
            || v.numbersIn(ns).size() <= 1) {
          out.add(
              new Violation(
                  Invariant.EXITING_STATE,
                  t.comm()
                      + " is E but "
                      + ns
                      + " allocates="
                      + ns.allocationEnabled()
                      + " pidAllocated="
                      + ns.pidAllocated()
                      + " live numbers "
                      + new TreeSet<>(v.numbersIn(ns))));
        }
        for (Task c : children) {
          if (c.state() != TaskState.EXITING) {
            out.add(
                new Violation(
                    Invariant.EXITING_STATE,
                    t.comm() + " is E but still has child " + c.comm() + " in state " + c.state()));
          }
        }
      }
      // ZOMBIE_STATE
      if (t.state() == TaskState.ZOMBIE) {
        if (t != init && (parent == null || parent.state() != TaskState.RUNNING)) {
          out.add(
              new Violation(
                  Invariant.ZOMBIE_STATE,
                  t.comm()
                      + " is a zombie of "
                      + (parent == null ? "nobody" : parent.comm() + " (" + parent.state() + ")")));
        }
        if (!children.isEmpty()) {
          out.add(
              new Violation(
                  Invariant.ZOMBIE_STATE,
                  t.comm() + " is a zombie with children " + names(children)));
        }
      }
    }

    // VISIBILITY of every live pid in every namespace: pid_nr_ns() is 0 exactly off the chain
    PidNamespace[] allNs = namespaces.toArray(new PidNamespace[0]);
    for (Pid p : v.held) {
      PidNamespace[] c = v.chain(p.namespace());
      for (PidNamespace n : allNs) {
        int level = n.level();
        int expected = level < c.length && c[level] == n ? p.nr(level) : 0;
        if (Pid.pidNrNs(p, n) != expected) {
          checkVisible(v, null, "pid", p, Pid.pidNrNs(p, n), n, out);
        }
      }
    }

    // SESSIONS_AND_GROUPS: every member of a group is in the same session
    Map<Pid, Pid> sessionOfGroup = new IdentityHashMap<>();
    for (Task t : v.tasks) {
      Pid s = sessionOfGroup.putIfAbsent(t.pgrp(), t.session());
      if (s != null && s != t.session()) {
        out.add(
            new Violation(
                Invariant.SESSIONS_AND_GROUPS,
                "group " + t.pgrp() + " spans sessions " + s + " and " + t.session()));
      }
    }

    // NUMBERS_UNIQUE
    for (String d : v.duplicates) {
      out.add(new Violation(Invariant.NUMBERS_UNIQUE, d));
    }
    for (Map.Entry<PidNamespace, Map<Integer, Pid>> e : v.numbers.entrySet()) {
      for (Map.Entry<Integer, Pid> n : e.getValue().entrySet()) {
        Pid found = e.getKey().findPidNs(n.getKey());
        if (found != n.getValue()) {
          out.add(
              new Violation(
                  Invariant.NUMBERS_UNIQUE,
                  "find_pid_ns("
                      + n.getKey()
                      + ", "
                      + e.getKey()
                      + ") gives "
                      + found
                      + " instead of "
                      + n.getValue()));
        }
      }
    }

    // PID_ALLOCATED and the pid use counters
    for (PidNamespace ns : namespaces) {
      // NUMBERS_UNIQUE found every live (number, pid) in the idr; with the same count, the idr
      // holds nothing else
      Map<Integer, Pid> expected = v.numbers.getOrDefault(ns, Map.of());
      if (ns.idr.size() != expected.size() || ns.pidAllocated() != expected.size()) {
        List<Pid> idrPids = ns.pids();
        out.add(
            new Violation(
                Invariant.PID_ALLOCATED,
                ns
                    + " pidAllocated="
                    + ns.pidAllocated()
                    + ", idr holds "
                    + idrPids
                    + ", live pids holding a number there: "
                    + expected.values()));
      }
    }
    Map<Pid, int[]> uses = new IdentityHashMap<>();
    for (Task t : v.tasks) {
      uses.computeIfAbsent(t.pgrp(), x -> new int[2])[0]++;
      uses.computeIfAbsent(t.session(), x -> new int[2])[1]++;
    }
    for (Pid p : v.held) {
      int[] u = uses.getOrDefault(p, new int[2]);
      Task owner = p.task;
      boolean ownerOk = owner == null ? true : owner.pid() == p && live.contains(owner);
      if (p.freed || p.pgrpUsers != u[0] || p.sessionUsers != u[1] || !ownerOk) {
        out.add(
            new Violation(
                Invariant.PID_ALLOCATED,
                "pid "
                    + p
                    + " freed="
                    + p.freed
                    + " pgrpUsers="
                    + p.pgrpUsers
                    + " ("
                    + u[0]
                    + " tasks) sessionUsers="
                    + p.sessionUsers
                    + " ("
                    + u[1]
                    + " tasks) task="
                    + owner));
      }
    }
    for (Task t : v.tasks) {
      if (t.pid().task != t) {
        out.add(
            new Violation(Invariant.PID_ALLOCATED, t.comm() + "'s pid does not point back to it"));
      }
    }

    // NAMESPACE_LIFE
    if (k.root().childReaper() != init) {
      out.add(new Violation(Invariant.NAMESPACE_LIFE, "root's child_reaper is not init"));
    }
    for (PidNamespace ns : namespaces) {
      Task reaper = ns.childReaper();
      Set<Integer> nrs = v.numbersIn(ns);
      if (reaper == null) {
        if (!ns.allocationEnabled() || !nrs.isEmpty() || ns.pidAllocated() != 0) {
          out.add(
              new Violation(
                  Invariant.NAMESPACE_LIFE,
                  ns
                      + " has no init but allocates="
                      + ns.allocationEnabled()
                      + " and holds "
                      + nrs));
        }
        continue;
      }
      if (reaper.activeNs() != ns || reaper.pid().nr(ns.level()) != 1) {
        out.add(
            new Violation(
                Invariant.NAMESPACE_LIFE, ns + "'s init " + reaper + " is not its pid 1"));
      }
      boolean running = reaper.isAlive();
      if (ns.allocationEnabled() != running) {
        out.add(
            new Violation(
                Invariant.NAMESPACE_LIFE,
                ns
                    + " allocates="
                    + ns.allocationEnabled()
                    + " while its init "
                    + reaper.comm()
                    + " is "
                    + reaper.state()));
      }
      if (reaper.state() == TaskState.ZOMBIE || reaper.state() == TaskState.DEAD) {
        for (Pid p : v.numbers.getOrDefault(ns, Map.of()).values()) {
          if (p != reaper.pid()) {
            out.add(
                new Violation(
                    Invariant.NAMESPACE_LIFE,
                    ns
                        + "'s init "
                        + reaper.comm()
                        + " is "
                        + reaper.state()
                        + " but "
                        + ns
                        + " still holds pid "
                        + p));
          }
        }
      }
    }
  }

  private static void checkVisible(
      View v, Task t, String what, Pid p, int nr, PidNamespace n, List<Violation> out) {
    int expected = v.nrIn(p, n);
    if (nr != expected) {
      out.add(
          new Violation(
              Invariant.VISIBILITY,
              (t == null ? "" : t.comm())
                  + what
                  + " "
                  + p
                  + " reads "
                  + nr
                  + " in "
                  + n
                  + ", expected "
                  + expected));
    }
  }

  static String names(List<Task> ts) {
    List<String> out = new ArrayList<>();
    for (Task t : ts) {
      out.add(t.comm());
    }
    return out.toString();
  }

  // ------------------------------------------------------------------------------ state lines

  /**
   * The final state as scenario-language.md describes it, built from the tasks and the View's own
   * pid_nr_ns: ns lines for the active namespaces of unreaped tasks in creation order, then one
   * task line per unreaped task with nspid/pgid/sid from root down, 0 where invisible.
   */
  static List<String> expectedStateLines(Kernel k, View v) {
    List<String> out = new ArrayList<>();
    Set<PidNamespace> active = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Task t : v.tasks) {
      active.add(t.activeNs());
    }
    for (PidNamespace ns : k.namespaces()) {
      if (active.contains(ns)) {
        out.add(
            "ns "
                + ns.name()
                + " level="
                + (v.chain(ns).length - 1)
                + " parent="
                + (ns.parent() == null ? "-" : ns.parent().name()));
      }
    }
    for (Task t : v.tasks) {
      PidNamespace[] chain = v.chain(t.activeNs());
      StringBuilder nspid = new StringBuilder();
      StringBuilder pgid = new StringBuilder();
      StringBuilder sid = new StringBuilder();
      for (int i = 0; i < chain.length; i++) {
        String sep = i == 0 ? "" : "/";
        nspid.append(sep).append(v.nrIn(t.pid(), chain[i]));
        pgid.append(sep).append(v.nrIn(t.pgrp(), chain[i]));
        sid.append(sep).append(v.nrIn(t.session(), chain[i]));
      }
      String state =
          switch (t.state()) {
            case RUNNING -> "R";
            case EXITING -> "E";
            case ZOMBIE -> "Z";
            case DEAD -> "X";
          };
      out.add(
          "task "
              + t.comm()
              + " ns="
              + t.activeNs().name()
              + " state="
              + state
              + " parent="
              + (t.realParent() == null ? "-" : t.realParent().comm())
              + " nspid="
              + nspid
              + " pgid="
              + pgid
              + " sid="
              + sid);
    }
    return out;
  }

  static void checkStateOutput(Kernel k, View v, List<Violation> out) {
    List<String> want = expectedStateLines(k, v);
    List<String> got = StatePrinter.lines(k);
    if (!want.equals(got)) {
      out.add(
          new Violation(
              Invariant.STATE_OUTPUT,
              "StatePrinter printed:\n"
                  + String.join("\n", got)
                  + "\nexpected:\n"
                  + String.join("\n", want)));
    }
  }

  // --------------------------------------------------------------------------------- snapshot

  /** Everything observable, optionally with every namespace's ns_last_pid. */
  static String snapshot(Kernel k, boolean cursors) {
    StringBuilder sb = new StringBuilder();
    for (String l : StatePrinter.lines(k)) {
      sb.append(l).append('\n');
    }
    for (PidNamespace ns : k.namespaces()) {
      sb.append(ns.name())
          .append(" max=")
          .append(ns.pidMax())
          .append(" adding=")
          .append(ns.allocationEnabled())
          .append(" allocated=")
          .append(ns.pidAllocated())
          .append(" reaper=")
          .append(ns.childReaper() == null ? "-" : ns.childReaper().comm());
      if (cursors) {
        sb.append(" last=").append(ns.nsLastPid());
      }
      sb.append('\n');
    }
    for (Task t : k.tasks()) {
      sb.append(t.comm())
          .append(" forChildren=")
          .append(t.pidNsForChildren().name())
          .append(" subreaper=")
          .append(t.isChildSubreaper())
          .append('/')
          .append(t.hasChildSubreaper())
          .append(" leader=")
          .append(t.isSessionLeader())
          .append(" children=")
          .append(names(t.children()))
          .append('\n');
    }
    return sb.toString();
  }

  /** Every namespace's ns_last_pid (PidNamespace has identity equality, Integer value equality). */
  static Map<PidNamespace, Integer> cursors(Kernel k) {
    Map<PidNamespace, Integer> m = new HashMap<>();
    for (PidNamespace ns : k.namespaces()) {
      m.put(ns, ns.nsLastPid());
    }
    return m;
  }

  // ------------------------------------------------------------------------- allocation model

  /** What alloc_pid() will do: numbers by level, or the errno and the first level that failed. */
  record AllocPrediction(int[] nrs, Errno errno, int failedLevel) {}

  /**
   * Predicts alloc_pid() from the cursors, pid_max values and live numbers: lowest free number at
   * or after max(cursor, pid_min) below pid_max, else from pid_min (pid_min is 300 once the cursor
   * passed 300), innermost level first; a full level gives EAGAIN, a dead namespace ENOMEM.
   *
   * @param freshTop whether the innermost level is a namespace clone is about to create below
   *     {@code ns} (its only number is 1)
   */
  static AllocPrediction predictAlloc(PidNamespace ns, boolean freshTop, View v) {
    int top = ns.level() + (freshTop ? 1 : 0);
    int[] nrs = new int[top + 1];
    if (freshTop) {
      nrs[top] = 1;
    }
    PidNamespace[] chain = v.chain(ns);
    for (int level = ns.level(); level >= 0; level--) {
      PidNamespace m = chain[level];
      Set<Integer> taken = v.numbersIn(m);
      int cursor = m.nsLastPid() + 1;
      int pidMin = cursor > PidNamespace.RESERVED_PIDS ? PidNamespace.RESERVED_PIDS : 1;
      int max = m.pidMax() - 1;
      int start = Math.max(cursor, pidMin);
      int got = lowestFree(taken, start, max);
      if (got < 0 && start > pidMin) {
        got = lowestFree(taken, pidMin, max);
      }
      if (got < 0) {
        return new AllocPrediction(nrs, Errno.EAGAIN, level);
      }
      nrs[level] = got;
    }
    if (!freshTop && !ns.allocationEnabled()) {
      return new AllocPrediction(nrs, Errno.ENOMEM, -1);
    }
    return new AllocPrediction(nrs, null, -1);
  }

  private static int lowestFree(Set<Integer> taken, int from, int max) {
    for (long n = from; n <= max; n++) {
      if (!taken.contains((int) n)) {
        return (int) n;
      }
    }
    return -1;
  }

  // ----------------------------------------------------------------------------------- driver

  /** A kernel with labels for its tasks, stepped one checked system call at a time. */
  static final class Driver {
    final Kernel kernel = new Kernel();
    final Map<String, Task> labels = new HashMap<>();
    final List<String> labelOrder = new ArrayList<>();
    final List<Op> applied = new ArrayList<>();
    final List<SysResult> results = new ArrayList<>();
    final Set<String> facts;
    View view;

    Driver(Set<String> facts) {
      this.facts = facts;
      labels.put("init", kernel.init());
      labelOrder.add("init");
      view = new View(kernel);
    }

    /** Whether {@code op} can be made now: a running actor, known labels, a real child. */
    boolean applicable(Op op) {
      Task actor = labels.get(op.actor());
      if (actor == null || !actor.isAlive()) {
        return false;
      }
      switch (op.kind()) {
        case FORK:
        case CLONE:
          return !labels.containsKey(op.other());
        case SETNS:
        case KILL_TASK:
          return labels.containsKey(op.other());
        case WAIT_CHILD:
          {
            Task c = labels.get(op.other());
            return c != null && c.realParent() == actor && c.state() != TaskState.DEAD;
          }
        default:
          return true;
      }
    }

    /** Makes the call and checks everything; the violations found, empty if none. */
    List<Violation> step(Op op) {
      List<Violation> out = new ArrayList<>();
      Task actor = labels.get(op.actor());
      View before = view;
      Map<PidNamespace, Integer> cursorsBefore = cursors(kernel);
      Expectation expectation = expect(op, actor, before, kernel, labels);
      String snap = expectation.quiet() ? snapshot(kernel, false) : null;
      Map<Task, Task> parentsBefore = new IdentityHashMap<>();
      for (Task t : before.tasks) {
        parentsBefore.put(t, t.realParent());
      }
      SysResult r;
      try {
        r = call(op, actor);
      } catch (RuntimeException e) {
        out.add(new Violation(Invariant.NO_EXCEPTION, op.scriptLine() + " threw " + describe(e)));
        return out;
      }
      applied.add(op);
      results.add(r);
      if (r.child() != null) {
        labels.put(r.child().comm(), r.child());
        labelOrder.add(r.child().comm());
      }
      facts.add(op.kind() + "=" + (r.failed() ? r.errno().name() : "ok"));
      try {
        view = new View(kernel);
        checkState(kernel, view, out);
        if (applied.size() % 8 == 0) {
          checkStateOutput(kernel, view, out);
        }
        checkErrno(op, r, out);
        expectation.verify(r, snap, cursorsBefore, out);
        recordFacts(op, r, before, parentsBefore);
      } catch (RuntimeException e) {
        out.add(
            new Violation(
                Invariant.NO_EXCEPTION, "checking after " + op.scriptLine() + ": " + describe(e)));
      }
      return out;
    }

    private SysResult call(Op op, Task actor) {
      switch (op.kind()) {
        case FORK:
          return kernel.fork(actor, op.other());
        case CLONE:
          return kernel.cloneNewPid(actor, op.other());
        case UNSHARE:
          return kernel.unshareNewPid(actor);
        case SETNS:
          return kernel.setns(actor, labels.get(op.other()));
        case EXIT:
          return kernel.exit(actor, (int) op.n());
        case WAIT_ANY:
          return kernel.waitpid(actor, null);
        case WAIT_CHILD:
          return kernel.waitpid(actor, labels.get(op.other()));
        case KILL_TASK:
          return kernel.killTask(actor, labels.get(op.other()), op.sig());
        case KILL_NR:
          return kernel.kill(actor, (int) op.n(), op.sig());
        case SETSID:
          return kernel.setsid(actor);
        case SETPGID:
          return kernel.setpgid(
              actor, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, op.n())));
        case SUBREAPER:
          return kernel.setChildSubreaper(actor);
        case NS_LAST_PID:
          return kernel.writeNsLastPid(actor, op.n());
        case PID_MAX:
          return kernel.writePidMax(actor, op.n());
        default:
          throw new AssertionError(op.kind());
      }
    }

    private void recordFacts(Op op, SysResult r, View before, Map<Task, Task> parentsBefore) {
      for (Task t : before.tasks) {
        if (t.state() != TaskState.DEAD && t.realParent() != parentsBefore.get(t)) {
          Task p = t.realParent();
          if (p.isChildSubreaper() && !p.isNamespaceInit()) {
            facts.add("orphan adopted by a subreaper");
          }
          if (p.activeNs() != t.activeNs()) {
            facts.add("orphan adopted from another namespace");
          }
          if (t.state() == TaskState.ZOMBIE) {
            facts.add("zombie adopted");
          }
        }
        if (t.state() != TaskState.EXITING && wasExiting(t, before)) {
          facts.add("E init finished by " + op.kind());
        }
      }
      int maxLevel = 0;
      boolean[] states = new boolean[TaskState.values().length];
      for (Task t : view.tasks) {
        states[t.state().ordinal()] = true;
        maxLevel = Math.max(maxLevel, t.activeNs().level());
      }
      for (TaskState st : TaskState.values()) {
        if (states[st.ordinal()]) {
          facts.add(STATE_FACTS.get(st));
        }
      }
      if (maxLevel == PidNamespace.MAX_PID_NS_LEVEL) {
        facts.add("level=32");
      }
      if (r.child() != null) {
        Pid p = r.child().pid();
        for (int i = 0; i <= p.level(); i++) {
          if (p.nr(i) >= PidNamespace.RESERVED_PIDS && p.nr(i) < 310) {
            facts.add("number in 300..309");
          }
        }
        if (p.level() > 0 && p.nr(p.level()) > 1 && p.nr(p.level()) < 10 && p.nr(0) >= 300) {
          facts.add("small inner number, large outer number");
        }
        for (int i = 0; i <= p.level(); i++) {
          PidNamespace at = r.child().activeNs().ancestorAt(i);
          int block = p.nr(i) & ~63;
          if (block > 0 && (p.nr(i) & 63) == 63 && fullBlock(at, block)) {
            facts.add("a 64-number idr leaf is full");
          }
        }
      }
    }
  }

  /** Whether every number of [block, block + 64) is taken in {@code ns}. */
  private static boolean fullBlock(PidNamespace ns, int block) {
    for (int n = block; n < block + 64; n++) {
      if (ns.findPidNs(n) == null) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code t} was E when {@code before} was taken (its state then is in the snapshot). */
  private static boolean wasExiting(Task t, View before) {
    return before.exiting.contains(t);
  }

  private static final Map<TaskState, String> STATE_FACTS = new EnumMap<>(TaskState.class);

  static {
    for (TaskState st : TaskState.values()) {
      STATE_FACTS.put(st, "state=" + st.letter());
    }
  }

  static String describe(Throwable e) {
    StackTraceElement[] st = e.getStackTrace();
    return e + (st.length > 0 ? " at " + st[0] : "");
  }

  // ------------------------------------------------------------------------------ errno table

  private static final Map<Kind, Set<Errno>> ALLOWED = new EnumMap<>(Kind.class);

  static {
    ALLOWED.put(Kind.FORK, EnumSet.of(Errno.EAGAIN, Errno.ENOMEM));
    ALLOWED.put(Kind.CLONE, EnumSet.of(Errno.EINVAL, Errno.ENOSPC, Errno.EAGAIN));
    ALLOWED.put(Kind.UNSHARE, EnumSet.of(Errno.EINVAL, Errno.ENOSPC));
    ALLOWED.put(Kind.SETNS, EnumSet.of(Errno.EINVAL, Errno.ESRCH));
    ALLOWED.put(Kind.EXIT, EnumSet.noneOf(Errno.class));
    ALLOWED.put(Kind.WAIT_ANY, EnumSet.of(Errno.ECHILD));
    ALLOWED.put(Kind.WAIT_CHILD, EnumSet.noneOf(Errno.class));
    ALLOWED.put(Kind.KILL_TASK, EnumSet.of(Errno.ESRCH));
    ALLOWED.put(Kind.KILL_NR, EnumSet.of(Errno.ESRCH));
    ALLOWED.put(Kind.SETSID, EnumSet.of(Errno.EPERM));
    ALLOWED.put(Kind.SETPGID, EnumSet.of(Errno.EPERM, Errno.EINVAL));
    ALLOWED.put(Kind.SUBREAPER, EnumSet.noneOf(Errno.class));
    ALLOWED.put(Kind.NS_LAST_PID, EnumSet.of(Errno.EINVAL));
    ALLOWED.put(Kind.PID_MAX, EnumSet.of(Errno.EINVAL));
  }

  static void checkErrno(Op op, SysResult r, List<Violation> out) {
    if (r.failed()) {
      if (!ALLOWED.get(op.kind()).contains(r.errno()) || r.value() != -1 || r.child() != null) {
        out.add(
            new Violation(
                Invariant.ERRNO_ALLOWED, op.scriptLine() + " = " + r + " is not allowed"));
      }
    } else {
      boolean forkLike = op.kind() == Kind.FORK || op.kind() == Kind.CLONE;
      boolean valueOk =
          switch (op.kind()) {
            case FORK, CLONE, SETSID -> r.value() > 0;
            case WAIT_ANY, WAIT_CHILD -> r.value() >= 0;
            default -> r.value() == 0;
          };
      if (!valueOk || forkLike != (r.child() != null)) {
        out.add(
            new Violation(
                Invariant.ERRNO_ALLOWED, op.scriptLine() + " = " + r + " is not a valid value"));
      }
    }
  }

  // ------------------------------------------------------------------------------ expectations

  /** What the spec says a call will do, computed before it runs and checked after. */
  interface Expectation {
    /**
     * Checks the call's result and effects.
     *
     * @param snapBefore the state before the call without cursors, or null when it was not taken
     *     (the call was expected to change something)
     */
    void verify(
        SysResult r,
        String snapBefore,
        Map<PidNamespace, Integer> cursorsBefore,
        List<Violation> out);

    /** Whether the call is expected to fail or do nothing, so the state before is worth keeping. */
    default boolean quiet() {
      return false;
    }

    /** {@code e}, marked as expected to change nothing. */
    static Expectation quiet(Expectation e) {
      return new Expectation() {
        @Override
        public void verify(
            SysResult r, String snap, Map<PidNamespace, Integer> cur, List<Violation> out) {
          e.verify(r, snap, cur, out);
        }

        @Override
        public boolean quiet() {
          return true;
        }
      };
    }
  }

  /** Whether the state without cursors changed since {@code snap} (false when not taken). */
  static String changedSince(String snap, Kernel k) {
    if (snap == null) {
      return null;
    }
    String after = snapshot(k, false);
    return after.equals(snap) ? null : diff(snap, after);
  }

  static Expectation expect(Op op, Task actor, View v, Kernel k, Map<String, Task> labels) {
    Objects.requireNonNull(actor);
    switch (op.kind()) {
      case FORK:
        return expectFork(op, actor, actor.pidNsForChildren(), false, v, k);
      case CLONE:
        {
          Errno e = copyPidNsErrno(actor);
          if (e != null) {
            return failsWith(op, e, k);
          }
          return expectFork(op, actor, actor.activeNs(), true, v, k);
        }
      case UNSHARE:
        {
          Errno e = copyPidNsErrno(actor);
          if (e != null) {
            return failsWith(op, e, k);
          }
          return expectUnshare(op, actor, k);
        }
      case SETNS:
        return expectSetns(op, actor, v, k, labels);
      case EXIT:
        return expectExit(op, actor, v, k);
      case WAIT_ANY:
      case WAIT_CHILD:
        return expectWait(op, actor, v, k, labels);
      case KILL_TASK:
      case KILL_NR:
        return expectKill(op, actor, v, k, labels);
      case SETSID:
        return expectSetsid(op, actor, v, k);
      case SETPGID:
        return expectSetpgid(op, actor, v, k);
      case SUBREAPER:
        return expectSubreaper(op, actor, k);
      case NS_LAST_PID:
        return expectSysctl(op, actor, op.n() < 0 || op.n() > actor.activeNs().pidMax(), k);
      case PID_MAX:
        return expectSysctl(
            op, actor, op.n() < PidNamespace.PID_MAX_MIN || op.n() > PidNamespace.PID_MAX_LIMIT, k);
      default:
        throw new AssertionError(op.kind());
    }
  }

  private static Errno copyPidNsErrno(Task t) {
    if (t.pidNsForChildren() != t.activeNs()) {
      return Errno.EINVAL;
    }
    if (t.activeNs().level() >= PidNamespace.MAX_PID_NS_LEVEL) {
      return Errno.ENOSPC;
    }
    return null;
  }

  /** Checks shared by every call: failures change nothing, cursors move only when allowed. */
  private static void common(
      Op op,
      SysResult r,
      String snapBefore,
      Map<PidNamespace, Integer> cursorsBefore,
      Kernel k,
      List<Violation> out) {
    boolean forkLike = op.kind() == Kind.FORK || op.kind() == Kind.CLONE;
    if (r.failed()) {
      String changed = changedSince(snapBefore, k);
      if (changed != null) {
        out.add(
            new Violation(
                Invariant.FAILED_CALL_CHANGES_NOTHING,
                op.scriptLine() + " = " + r + " changed the state:\n" + changed));
      }
      if (!forkLike && cursorsMoved(cursorsBefore, cursors(k))) {
        out.add(
            new Violation(
                Invariant.FAILED_CALL_CHANGES_NOTHING,
                op.scriptLine()
                    + " = "
                    + r
                    + " moved a cursor: "
                    + cursorsBefore
                    + " -> "
                    + cursors(k)));
      }
    }
    if (!forkLike && op.kind() != Kind.NS_LAST_PID && cursorsMoved(cursorsBefore, cursors(k))) {
      out.add(
          new Violation(
              Invariant.ALLOCATION,
              op.scriptLine() + " moved a cursor: " + cursorsBefore + " -> " + cursors(k)));
    }
  }

  /** Whether a namespace that existed before has another ns_last_pid now. */
  static boolean cursorsMoved(Map<PidNamespace, Integer> before, Map<PidNamespace, Integer> after) {
    for (Map.Entry<PidNamespace, Integer> e : before.entrySet()) {
      if (!e.getValue().equals(after.get(e.getKey()))) {
        return true;
      }
    }
    return false;
  }

  static String diff(String a, String b) {
    List<String> la = List.of(a.split("\n"));
    List<String> lb = List.of(b.split("\n"));
    StringBuilder sb = new StringBuilder();
    for (String l : la) {
      if (!lb.contains(l)) {
        sb.append("  - ").append(l).append('\n');
      }
    }
    for (String l : lb) {
      if (!la.contains(l)) {
        sb.append("  + ").append(l).append('\n');
      }
    }
    return sb.toString();
  }

  private static Expectation failsWith(Op op, Errno errno, Kernel k) {
    return Expectation.quiet(
        (r, snap, cur, out) -> {
          if (r.errno() != errno) {
            out.add(
                new Violation(
                    Invariant.SPEC_RESULT, op.scriptLine() + " = " + r + ", expected " + errno));
          }
          common(op, r, snap, cur, k, out);
        });
  }

  private static Expectation expectFork(
      Op op, Task parent, PidNamespace ns, boolean clone, View v, Kernel k) {
    AllocPrediction pred = predictAlloc(ns, clone, v);
    int nsCount = k.namespaces().size();
    int taskCount = k.taskCount();
    boolean innermostNeverHeld = !clone && ns.allocationEnabled() && ns.pidAllocated() == 0;
    PidNamespace[] chain = v.chain(ns);
    Pid parentPgrp = parent.pgrp();
    Pid parentSession = parent.session();
    boolean inheritsSubreaper = parent.hasChildSubreaper() || parent.isChildSubreaper();
    Expectation e =
        (r, snap, cur, out) -> {
          common(op, r, snap, cur, k, out);
          Map<PidNamespace, Integer> after = cursors(k);
          Map<PidNamespace, Integer> expectedCursors = new HashMap<>(cur);
          if (pred.errno() != null) {
            if (r.errno() != pred.errno()) {
              out.add(
                  new Violation(
                      Invariant.ALLOCATION,
                      op.scriptLine()
                          + " = "
                          + r
                          + ", expected "
                          + pred.errno()
                          + (pred.failedLevel() >= 0
                              ? " (level " + pred.failedLevel() + " is full)"
                              : "")));
              return;
            }
            if (k.namespaces().size() != nsCount || k.taskCount() != taskCount) {
              out.add(
                  new Violation(
                      Invariant.FAILED_CALL_CHANGES_NOTHING,
                      op.scriptLine() + " failed but created something"));
            }
            for (int level = ns.level(); level > pred.failedLevel(); level--) {
              expectedCursors.put(chain[level], pred.nrs()[level]);
            }
            if (innermostNeverHeld) {
              expectedCursors.put(ns, -1);
            }
            if (!after.equals(expectedCursors)) {
              out.add(
                  new Violation(
                      Invariant.ALLOCATION,
                      op.scriptLine()
                          + " = "
                          + r
                          + " left ns_last_pid "
                          + after
                          + ", expected "
                          + expectedCursors));
            }
            return;
          }
          if (r.failed()) {
            out.add(
                new Violation(
                    Invariant.ALLOCATION,
                    op.scriptLine()
                        + " = "
                        + r
                        + ", expected numbers "
                        + java.util.Arrays.toString(pred.nrs())));
            return;
          }
          Task child = r.child();
          Pid p = child.pid();
          int[] got = new int[p.level() + 1];
          for (int i = 0; i <= p.level(); i++) {
            got[i] = p.nr(i);
          }
          if (!java.util.Arrays.equals(got, pred.nrs())) {
            out.add(
                new Violation(
                    Invariant.ALLOCATION,
                    op.scriptLine()
                        + " gave numbers "
                        + java.util.Arrays.toString(got)
                        + ", idr_alloc_cyclic gives "
                        + java.util.Arrays.toString(pred.nrs())));
          }
          PidNamespace[] childChain = v.chain(child.activeNs());
          for (int i = 0; i <= p.level() && i < childChain.length; i++) {
            if (v.numbersIn(childChain[i]).contains(p.nr(i))) { // v: the numbers held before
              out.add(
                  new Violation(
                      Invariant.ALLOCATION,
                      op.scriptLine()
                          + " handed out "
                          + childChain[i]
                          + ":"
                          + p.nr(i)
                          + ", still held before"));
            }
            expectedCursors.put(childChain[i], p.nr(i));
          }
          if (!after.equals(expectedCursors)) {
            out.add(
                new Violation(
                    Invariant.ALLOCATION,
                    op.scriptLine()
                        + " left ns_last_pid "
                        + after
                        + ", expected "
                        + expectedCursors));
          }
          List<String> wrong = new ArrayList<>();
          if (!child.comm().equals(op.other())) {
            wrong.add("label " + child.comm());
          }
          if (r.value() != Pid.pidNrNs(p, parent.activeNs()) || r.value() <= 0) {
            wrong.add(
                "returned "
                    + r.value()
                    + " but the parent sees "
                    + Pid.pidNrNs(p, parent.activeNs()));
          }
          List<Task> tasks = k.tasks();
          if (tasks.get(tasks.size() - 1) != child || child.state() != TaskState.RUNNING) {
            wrong.add("not the last running task");
          }
          if (child.realParent() != parent) {
            wrong.add("parent " + child.realParent());
          }
          List<Task> siblings = parent.children();
          if (siblings.isEmpty() || siblings.get(siblings.size() - 1) != child) {
            wrong.add("not the parent's last child");
          }
          if (clone) {
            PidNamespace cns = child.activeNs();
            if (cns.parent() != parent.activeNs()
                || k.namespaces().size() != nsCount + 1
                || !cns.name().equals("ns" + nsCount)
                || cns.childReaper() != child
                || cns.pidMax() != PidNamespace.PID_MAX_LIMIT
                || p.nr(p.level()) != 1) {
              wrong.add(
                  "new namespace "
                      + cns
                      + " parent "
                      + cns.parent()
                      + " reaper "
                      + cns.childReaper());
            }
          } else {
            if (child.activeNs() != ns || k.namespaces().size() != nsCount) {
              wrong.add("born in " + child.activeNs() + " instead of " + ns);
            }
            if ((p.nr(p.level()) == 1) != child.isNamespaceInit()) {
              wrong.add(
                  "init status " + child.isNamespaceInit() + " with own number " + p.nr(p.level()));
            }
          }
          if (child.pidNsForChildren() != child.activeNs()) {
            wrong.add("pid_ns_for_children " + child.pidNsForChildren());
          }
          if (child.pgrp() != parentPgrp
              || child.session() != parentSession
              || child.isSessionLeader()) {
            wrong.add("group/session not inherited");
          }
          if (child.isChildSubreaper() || child.hasChildSubreaper() != inheritsSubreaper) {
            wrong.add(
                "subreaper flags " + child.isChildSubreaper() + "/" + child.hasChildSubreaper());
          }
          if (!wrong.isEmpty()) {
            out.add(
                new Violation(Invariant.SPEC_RESULT, op.scriptLine() + " = " + r + ": " + wrong));
          }
        };
    return pred.errno() != null ? Expectation.quiet(e) : e;
  }

  private static Expectation expectUnshare(Op op, Task t, Kernel k) {
    int nsCount = k.namespaces().size();
    return (r, snap, cur, out) -> {
      common(op, r, snap, cur, k, out);
      PidNamespace ns = t.pidNsForChildren();
      if (r.failed()
          || k.namespaces().size() != nsCount + 1
          || k.namespaces().get(nsCount) != ns
          || ns.parent() != t.activeNs()
          || ns.childReaper() != null
          || ns.pidAllocated() != 0
          || !ns.allocationEnabled()
          || !ns.name().equals("ns" + nsCount)) {
        out.add(
            new Violation(
                Invariant.SPEC_RESULT,
                op.scriptLine()
                    + " = "
                    + r
                    + ": pid_ns_for_children "
                    + ns
                    + " parent "
                    + ns.parent()));
      }
    };
  }

  private static Expectation expectSetns(
      Op op, Task t, View v, Kernel k, Map<String, Task> labels) {
    Task target = labels.get(op.other());
    Errno errno =
        target.state() == TaskState.DEAD
            ? Errno.ESRCH
            : v.onChain(target.activeNs(), t.activeNs()) ? null : Errno.EINVAL;
    if (errno != null) {
      return failsWith(op, errno, k);
    }
    PidNamespace ns = target.activeNs();
    return (r, snap, cur, out) -> {
      common(op, r, snap, cur, k, out);
      if (r.failed() || t.pidNsForChildren() != ns) {
        out.add(
            new Violation(
                Invariant.SPEC_RESULT,
                op.scriptLine()
                    + " = "
                    + r
                    + ", pid_ns_for_children "
                    + t.pidNsForChildren()
                    + " not "
                    + ns));
      }
    };
  }

  /**
   * The orphans' new parent by the spec, computed before the father dies: the nearest living child
   * subreaper among the father's ancestors in the father's own namespace, else that namespace's
   * init. (The kernel gates the walk on has_child_subreaper; the spec has no such flag, so this
   * also checks that the flag is set wherever it matters.)
   */
  private static Task expectedReaper(Task father) {
    PidNamespace ns = father.activeNs();
    for (Task r = father.realParent(); r != null && r.activeNs() == ns; r = r.realParent()) {
      if (r.isChildSubreaper() && r.isAlive()) {
        return r;
      }
    }
    return ns.childReaper();
  }

  /** Checks the orphans of an ordinary task that just died. */
  private static Expectation orphanCheck(Op op, Task father) {
    if (father.isNamespaceInit() || father.children().isEmpty()) {
      return (r, s, c, out) -> {};
    }
    List<Task> orphans = father.children();
    Task reaper = expectedReaper(father);
    return (r, s, c, out) -> {
      List<Task> kids = reaper.children();
      int n = orphans.size();
      boolean ok =
          reaper.isAlive()
              && kids.size() >= n
              && kids.subList(kids.size() - n, kids.size()).equals(orphans);
      for (Task o : orphans) {
        ok &= o.realParent() == reaper;
      }
      if (!ok) {
        List<String> got = new ArrayList<>();
        for (Task o : orphans) {
          got.add(o.comm() + "->" + (o.realParent() == null ? "-" : o.realParent().comm()));
        }
        out.add(
            new Violation(
                Invariant.REPARENTING,
                op.scriptLine()
                    + ": orphans of "
                    + father.comm()
                    + " should go to "
                    + reaper.comm()
                    + " (at the tail of its children), got "
                    + got
                    + ", "
                    + reaper.comm()
                    + "'s children "
                    + names(kids)));
      }
    };
  }

  private static Expectation expectExit(Op op, Task t, View v, Kernel k) {
    boolean nsInit = t.isNamespaceInit();
    PidNamespace ns = t.activeNs();
    List<Task> members = new ArrayList<>();
    for (Task o : v.tasks) {
      if (o != t && o.isAlive() && v.onChain(o.activeNs(), ns)) {
        members.add(o);
      }
    }
    Expectation orphans = orphanCheck(op, t);
    return (r, snap, cur, out) -> {
      common(op, r, snap, cur, k, out);
      orphans.verify(r, snap, cur, out);
      List<String> wrong = new ArrayList<>();
      if (r.failed() || r.value() != 0) {
        wrong.add("result " + r);
      }
      if (t == k.init() && (t.state() != TaskState.ZOMBIE || k.taskCount() != 1)) {
        wrong.add("exit init left " + names(k.tasks()) + ", init " + t.state());
      }
      if (!nsInit) {
        if (t.state() != TaskState.ZOMBIE) {
          wrong.add(t.comm() + " is " + t.state() + ", not a zombie");
        }
      } else {
        if (ns.allocationEnabled()) {
          wrong.add(ns + " still allocates");
        }
        for (Task m : members) {
          if (m.isAlive()) {
            wrong.add(m.comm() + " survived the zap of " + ns);
          }
        }
        TaskState want = ns.pidAllocated() > 1 ? TaskState.EXITING : TaskState.ZOMBIE;
        if (t.state() != want && !(want == TaskState.ZOMBIE && t.state() == TaskState.DEAD)) {
          wrong.add(
              t.comm()
                  + " is "
                  + t.state()
                  + " with "
                  + ns.pidAllocated()
                  + " pids left, expected "
                  + want);
        }
      }
      if (!wrong.isEmpty()) {
        out.add(new Violation(Invariant.SPEC_RESULT, op.scriptLine() + ": " + wrong));
      }
    };
  }

  private static Expectation expectWait(
      Op op, Task parent, View v, Kernel k, Map<String, Task> labels) {
    List<Task> children = parent.children();
    Task only = op.kind() == Kind.WAIT_CHILD ? labels.get(op.other()) : null;
    Task reaped = null;
    for (Task c : children) {
      if ((only == null || c == only) && c.state() == TaskState.ZOMBIE) {
        reaped = c;
        break;
      }
    }
    final Task z = reaped;
    final int nr = z == null ? 0 : v.nrIn(z.pid(), parent.activeNs());
    final Errno errno = children.isEmpty() ? Errno.ECHILD : null;
    Expectation e =
        (r, snap, cur, out) -> {
          common(op, r, snap, cur, k, out);
          if (errno != null) {
            if (r.errno() != errno) {
              out.add(
                  new Violation(
                      Invariant.SPEC_RESULT, op.scriptLine() + " = " + r + ", expected ECHILD"));
            }
            return;
          }
          if (r.failed() || r.value() != nr || (z != null && z.state() != TaskState.DEAD)) {
            out.add(
                new Violation(
                    Invariant.SPEC_RESULT,
                    op.scriptLine()
                        + " = "
                        + r
                        + ", expected "
                        + nr
                        + (z == null ? " (no zombie child)" : " reaping " + z.comm())));
          }
          String changed = z == null ? changedSince(snap, k) : null;
          if (changed != null) { // a wait that reaps nothing changes nothing
            out.add(
                new Violation(
                    Invariant.SPEC_RESULT,
                    op.scriptLine() + " reaped nothing but changed:\n" + changed));
          }
        };
    return z == null ? Expectation.quiet(e) : e;
  }

  /** Whether a signal from {@code sender} would take {@code target} down. */
  private static boolean killable(View v, Task sender, Task target, Signal sig, Kernel k) {
    if (!target.isAlive()) {
      return false;
    }
    if (!target.isNamespaceInit()) {
      return true;
    }
    if (target == k.init()) {
      return false;
    }
    boolean senderInside = v.nrIn(sender.pid(), target.activeNs()) != 0;
    return !senderInside && sig == Signal.SIGKILL;
  }

  private static Expectation expectKill(
      Op op, Task sender, View v, Kernel k, Map<String, Task> labels) {
    PidNamespace ns = sender.activeNs();
    List<Task> targets = new ArrayList<>();
    long n;
    if (op.kind() == Kind.KILL_TASK) {
      Task target = labels.get(op.other());
      n = target.state() == TaskState.DEAD ? 0 : v.nrIn(target.pid(), ns);
      if (n == 0) {
        return failsWith(op, Errno.ESRCH, k);
      }
    } else {
      n = op.n();
    }
    if (n > 0) {
      Pid p = v.pidAt(ns, n);
      if (p != null && p.task() != null) {
        targets.add(p.task());
      }
    } else if (n == -1) {
      for (Task t : v.tasks) {
        if (t != sender && v.nrIn(t.pid(), ns) > 1) {
          targets.add(t);
        }
      }
    } else {
      Pid group = n == 0 ? sender.pgrp() : v.pidAt(ns, -n);
      if (group != null) {
        for (Task t : v.tasks) {
          if (t.pgrp() == group) {
            targets.add(t);
          }
        }
      }
    }
    if (targets.isEmpty()) {
      return failsWith(op, Errno.ESRCH, k);
    }
    List<Task> dying = new ArrayList<>();
    for (Task t : targets) {
      if (killable(v, sender, t, op.sig(), k)) {
        dying.add(t);
      }
    }
    Expectation orphans =
        dying.size() == 1 && !dying.get(0).isNamespaceInit()
            ? orphanCheck(op, dying.get(0))
            : (r, s, c, out) -> {};
    Expectation e =
        (r, snap, cur, out) -> {
          common(op, r, snap, cur, k, out);
          if (r.failed() || r.value() != 0) {
            out.add(
                new Violation(Invariant.SPEC_RESULT, op.scriptLine() + " = " + r + ", expected 0"));
          }
          List<String> survivors = new ArrayList<>();
          for (Task t : dying) {
            if (t.isAlive()) {
              survivors.add(t.comm());
            }
          }
          if (!survivors.isEmpty()) {
            out.add(
                new Violation(
                    Invariant.SIGNAL_OUTCOME,
                    op.scriptLine() + ": " + survivors + " should have died"));
          }
          String changed = dying.isEmpty() ? changedSince(snap, k) : null;
          if (changed != null) {
            out.add(
                new Violation(
                    Invariant.SIGNAL_OUTCOME,
                    op.scriptLine()
                        + " reached only protected or dead tasks "
                        + names(targets)
                        + " but changed:\n"
                        + changed));
          }
          orphans.verify(r, snap, cur, out);
        };
    return dying.isEmpty() ? Expectation.quiet(e) : e;
  }

  private static Expectation expectSetsid(Op op, Task t, View v, Kernel k) {
    boolean groupExists = false;
    for (Task o : v.tasks) {
      groupExists |= o.pgrp() == t.pid();
    }
    if (t.isSessionLeader() || groupExists) {
      return failsWith(op, Errno.EPERM, k);
    }
    return (r, snap, cur, out) -> {
      common(op, r, snap, cur, k, out);
      if (r.failed()
          || r.value() != t.pid().nr(t.pid().level())
          || !t.isSessionLeader()
          || t.pgrp() != t.pid()
          || t.session() != t.pid()) {
        out.add(
            new Violation(
                Invariant.SPEC_RESULT, op.scriptLine() + " = " + r + ", sid " + t.session()));
      }
    };
  }

  private static Expectation expectSetpgid(Op op, Task t, View v, Kernel k) {
    long n = op.n();
    if (n < 0) {
      return failsWith(op, Errno.EINVAL, k);
    }
    int own = t.pid().nr(t.pid().level());
    if (n == 0) {
      n = own;
    }
    if (t.isSessionLeader()) {
      return failsWith(op, Errno.EPERM, k);
    }
    Pid group = t.pid();
    if (n != own) {
      group = v.pidAt(t.activeNs(), n);
      boolean memberInSession = false;
      for (Task o : v.tasks) {
        memberInSession |= group != null && o.pgrp() == group && o.session() == t.session();
      }
      if (!memberInSession) {
        return failsWith(op, Errno.EPERM, k);
      }
    }
    Pid want = group;
    return (r, snap, cur, out) -> {
      common(op, r, snap, cur, k, out);
      if (r.failed() || t.pgrp() != want) {
        out.add(
            new Violation(
                Invariant.SPEC_RESULT,
                op.scriptLine() + " = " + r + ", pgrp " + t.pgrp() + " not " + want));
      }
    };
  }

  private static Expectation expectSubreaper(Op op, Task t, Kernel k) {
    return (r, snap, cur, out) -> {
      common(op, r, snap, cur, k, out);
      List<String> missing = new ArrayList<>();
      List<Task> todo = new ArrayList<>(t.children());
      while (!todo.isEmpty()) {
        Task c = todo.remove(todo.size() - 1);
        if (c.isNamespaceInit()) {
          continue;
        }
        if (!c.hasChildSubreaper()) {
          missing.add(c.comm());
        }
        todo.addAll(c.children());
      }
      if (r.failed() || !t.isChildSubreaper() || !missing.isEmpty()) {
        out.add(
            new Violation(
                Invariant.SPEC_RESULT,
                op.scriptLine()
                    + " = "
                    + r
                    + ", descendants without has_child_subreaper "
                    + missing));
      }
    };
  }

  private static Expectation expectSysctl(Op op, Task t, boolean invalid, Kernel k) {
    if (invalid) {
      return failsWith(op, Errno.EINVAL, k);
    }
    PidNamespace ns = t.activeNs();
    return (r, snap, cur, out) -> {
      common(op, r, snap, cur, k, out);
      int got = op.kind() == Kind.PID_MAX ? ns.pidMax() : ns.nsLastPid();
      Map<PidNamespace, Integer> others = cursors(k);
      others.remove(ns);
      Map<PidNamespace, Integer> othersBefore = new HashMap<>(cur);
      othersBefore.remove(ns);
      if (r.failed() || got != op.n() || !others.equals(othersBefore)) {
        out.add(
            new Violation(
                Invariant.SPEC_RESULT, op.scriptLine() + " = " + r + ", " + ns + " reads " + got));
      }
    };
  }

  // --------------------------------------------------------------------------------- sequences

  /** The outcome of one sequence: the calls made and the first violations, if any. */
  record SequenceResult(
      long seed,
      Profile profile,
      List<Op> ops,
      int failedStep,
      List<Violation> violations,
      int steps,
      Set<String> facts) {}

  /**
   * Runs one random sequence of {@code length} calls; with {@code scriptReplay}, also replays it
   * through {@link ScriptRun} with random expects and compares the output.
   */
  static SequenceResult runSequence(
      long seed, Profile profile, boolean scriptSafe, boolean scriptReplay) {
    Random random = new Random(seed);
    int length =
        switch (profile) {
          case DEEP -> 45 + random.nextInt(36);
          case FILL -> 120 + random.nextInt(61);
          default -> 20 + random.nextInt(61);
        };
    Set<String> facts = new HashSet<>();
    Driver d = new Driver(facts);
    SyscallSequenceGenerator gen = new SyscallSequenceGenerator(profile, random, scriptSafe);
    List<Op> ops = new ArrayList<>();
    List<String> scriptLines = new ArrayList<>();
    List<String> expectedOut = new ArrayList<>();
    Random expectRandom = new Random(~seed);
    for (int i = 0; i < length; i++) {
      Op op;
      try {
        op = gen.next(d.kernel, d.labels, d.labelOrder);
      } catch (RuntimeException e) {
        return new SequenceResult(
            seed,
            profile,
            ops,
            i,
            List.of(new Violation(Invariant.NO_EXCEPTION, "generator: " + describe(e))),
            i,
            facts);
      }
      if (op == null) {
        facts.add("sequence ended: nothing runs");
        break;
      }
      ops.add(op);
      List<Violation> v = d.step(op);
      if (!v.isEmpty()) {
        return new SequenceResult(seed, profile, ops, i, v, i + 1, facts);
      }
      if (scriptReplay) {
        scriptLines.add(op.scriptLine());
        expectedOut.add(
            scriptLines.size()
                + ": "
                + op.scriptLine()
                + " = "
                + d.results.get(d.results.size() - 1));
        if (expectRandom.nextInt(6) == 0) {
          scriptLines.add(expectLine(d, expectRandom));
        }
      }
    }
    List<Violation> end = new ArrayList<>();
    checkStateOutput(d.kernel, d.view, end);
    if (!end.isEmpty()) {
      return new SequenceResult(seed, profile, ops, ops.size() - 1, end, ops.size(), facts);
    }
    if (scriptReplay) {
      Violation v = replayAsScript(seed, scriptLines, expectedOut, StatePrinter.lines(d.kernel));
      if (v != null) {
        return new SequenceResult(
            seed, profile, ops, ops.size() - 1, List.of(v), ops.size(), facts);
      }
      facts.add("script replayed");
    }
    return new SequenceResult(seed, profile, ops, -1, List.of(), ops.size(), facts);
  }

  /** An expect line that holds now, for a random label (reaped ones read "(reaped)"). */
  private static String expectLine(Driver d, Random random) {
    String label = d.labelOrder.get(random.nextInt(d.labelOrder.size()));
    Map<String, String> fields = StatePrinter.fields(d.labels.get(label));
    StringBuilder sb = new StringBuilder("expect ").append(label);
    int added = 0;
    for (Map.Entry<String, String> f : fields.entrySet()) {
      if (random.nextInt(3) == 0 || (added == 0 && f.getKey().equals("sid"))) {
        sb.append(' ').append(f.getKey()).append('=').append(f.getValue());
        added++;
      }
    }
    return sb.toString();
  }

  private static Violation replayAsScript(
      long seed, List<String> scriptLines, List<String> resultLines, List<String> state) {
    StringBuilder script = new StringBuilder();
    List<String> want = new ArrayList<>();
    int lineNo = 0;
    int result = 0;
    for (String l : scriptLines) {
      lineNo++;
      script.append(l).append('\n');
      if (!l.startsWith("expect ")) {
        String r = resultLines.get(result++);
        want.add(lineNo + r.substring(r.indexOf(':')));
      }
    }
    want.addAll(state);
    String expected = String.join("\n", want) + "\n";
    // half the replays (by the seed's bit count) run a second time with --explain
    boolean[] modes =
        Long.bitCount(seed) % 2 == 0 ? new boolean[] {false, true} : new boolean[] {false};
    for (boolean explain : modes) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status;
      try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
        status = ScriptRun.run("seed-" + seed + ".pidns", script.toString(), o, e, explain);
      } catch (RuntimeException ex) {
        return new Violation(
            Invariant.SCRIPT_REPLAY,
            "ScriptRun (explain=" + explain + ") threw " + describe(ex) + "\n" + script);
      }
      String got = out.toString(StandardCharsets.UTF_8);
      if (explain) { // --explain only adds indented, non-blank step lines under result lines
        StringBuilder kept = new StringBuilder();
        boolean underResult = false;
        for (String line : got.split("\n")) {
          if (line.startsWith("    ")) {
            if (!underResult || line.isBlank()) {
              return new Violation(
                  Invariant.SCRIPT_REPLAY, "misplaced explain line '" + line + "'\n" + script);
            }
          } else {
            underResult = !line.startsWith("ns ") && !line.startsWith("task ");
            kept.append(line).append('\n');
          }
        }
        got = kept.toString();
      }
      String errText = err.toString(StandardCharsets.UTF_8);
      Violation v = compareReplay(status, got, expected, errText, explain, script);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static Violation compareReplay(
      int status,
      String got,
      String expected,
      String errText,
      boolean explain,
      CharSequence script) {
    if (status != 0 || !got.equals(expected) || !errText.isEmpty()) {
      return new Violation(
          Invariant.SCRIPT_REPLAY,
          "status "
              + status
              + ", stderr: "
              + errText
              + "\nscript:\n"
              + script
              + "\ndiff (- kernel, + script"
              + (explain ? " --explain" : "")
              + "):\n"
              + diff(expected, got));
    }
    return null;
  }

  // -------------------------------------------------------------------------------- shrinking

  /**
   * Replays {@code ops} (skipping those that no longer apply); the applied ops if it still fails.
   */
  static List<Op> reproduces(List<Op> ops, Invariant invariant) {
    Driver d = new Driver(new HashSet<>());
    List<Op> applied = new ArrayList<>();
    for (Op op : ops) {
      if (!d.applicable(op)) {
        continue;
      }
      applied.add(op);
      List<Violation> v = d.step(op);
      if (invariant == Invariant.STATE_OUTPUT) {
        checkStateOutput(d.kernel, d.view, v);
      }
      for (Violation x : v) {
        if (x.invariant() == invariant) {
          return applied;
        }
      }
      if (!v.isEmpty()) {
        return null; // another failure first: not the same bug
      }
    }
    return null;
  }

  /** The first violation message of {@code invariant} when replaying {@code ops}. */
  static String messageOf(List<Op> ops, Invariant invariant) {
    Driver d = new Driver(new HashSet<>());
    for (Op op : ops) {
      if (!d.applicable(op)) {
        continue;
      }
      for (Violation x : d.step(op)) {
        if (x.invariant() == invariant) {
          return x.message();
        }
      }
    }
    return "(does not reproduce)";
  }

  /** Delta debugging: removes chunks of calls while the same invariant still breaks. */
  static List<Op> shrink(List<Op> ops, Invariant invariant) {
    List<Op> cur = reproduces(ops, invariant);
    if (cur == null) {
      return ops;
    }
    int budget = 4000;
    int chunk = Math.max(1, cur.size() / 2);
    while (budget > 0) {
      boolean progress = false;
      for (int start = 0; start < cur.size() && budget > 0; ) {
        List<Op> cand = new ArrayList<>(cur.subList(0, start));
        cand.addAll(cur.subList(Math.min(cur.size(), start + chunk), cur.size()));
        budget--;
        List<Op> r = cand.size() < cur.size() ? reproduces(cand, invariant) : null;
        if (r != null && r.size() < cur.size()) {
          cur = r;
          progress = true;
        } else {
          start += chunk;
        }
      }
      if (!progress) {
        if (chunk == 1) {
          break;
        }
        chunk = Math.max(1, chunk / 2);
      }
    }
    return cur;
  }

  static String script(List<Op> ops) {
    StringBuilder sb = new StringBuilder();
    for (Op op : ops) {
      sb.append(op.scriptLine()).append('\n');
    }
    return sb.toString();
  }

  /** The facts every campaign should reach, so the properties are not vacuous. */
  static final Set<String> REQUIRED_FACTS =
      new LinkedHashSet<>(
          List.of(
              "FORK=ok",
              "FORK=EAGAIN",
              "FORK=ENOMEM",
              "CLONE=ok",
              "CLONE=EINVAL",
              "CLONE=ENOSPC",
              "CLONE=EAGAIN",
              "UNSHARE=ok",
              "UNSHARE=EINVAL",
              "UNSHARE=ENOSPC",
              "SETNS=ok",
              "SETNS=EINVAL",
              "SETNS=ESRCH",
              "EXIT=ok",
              "WAIT_ANY=ok",
              "WAIT_ANY=ECHILD",
              "WAIT_CHILD=ok",
              "KILL_TASK=ok",
              "KILL_TASK=ESRCH",
              "KILL_NR=ok",
              "KILL_NR=ESRCH",
              "SETSID=ok",
              "SETSID=EPERM",
              "SETPGID=ok",
              "SETPGID=EPERM",
              "SETPGID=EINVAL",
              "SUBREAPER=ok",
              "NS_LAST_PID=ok",
              "NS_LAST_PID=EINVAL",
              "PID_MAX=ok",
              "PID_MAX=EINVAL",
              "state=R",
              "state=Z",
              "state=E",
              "level=32",
              "number in 300..309",
              "small inner number, large outer number",
              "sequence ended: nothing runs",
              "script replayed",
              "orphan adopted by a subreaper",
              "orphan adopted from another namespace",
              "zombie adopted",
              "E init finished by WAIT_ANY",
              "E init finished by WAIT_CHILD",
              "E init finished by SETPGID",
              "E init finished by SETSID",
              "E init finished by EXIT",
              "a 64-number idr leaf is full"));
}
