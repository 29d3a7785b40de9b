package org.pidnslab.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Picks random system calls for a {@link Kernel}, one at a time, among its RUNNING tasks. Every
 * call is also a line of the scenario language, so a sequence can be replayed as a {@code .pidns}
 * script.
 */
final class SyscallSequenceGenerator {

  /** The mix of calls a sequence favours. */
  enum Profile {
    /** Everything, in moderate proportions. */
    MIXED,
    /** Small pid_max values and ns_last_pid writes: wrap-around past 300, EAGAIN, full levels. */
    WRAP,
    /** Many clones from the deepest task: 32-level nesting, ENOSPC, namespace death. */
    DEEP,
    /**
     * Long runs of forks after ns_last_pid writes just below a 64-number boundary: whole idr leaves
     * fill up, so the allocator must skip full subtrees, and small pid_max levels run out.
     */
    FILL
  }

  /** The system calls of the scenario language; KILL_TASK is kill by label. */
  enum Kind {
    FORK,
    CLONE,
    UNSHARE,
    SETNS,
    EXIT,
    WAIT_ANY,
    WAIT_CHILD,
    KILL_TASK,
    KILL_NR,
    SETSID,
    SETPGID,
    SUBREAPER,
    NS_LAST_PID,
    PID_MAX
  }

  /**
   * One system call.
   *
   * @param actor the label of the task making it
   * @param other the new child's label (fork, clone), the setns/kill target, or the waited child
   * @param n the number argument: exit code, kill pid, pgid, sysctl value
   * @param sig the signal of a kill
   * @param spelledOut whether an argument equal to its default is written anyway
   */
  record Op(Kind kind, String actor, String other, long n, Signal sig, boolean spelledOut) {

    /** The statement as a line of a script. */
    String scriptLine() {
      switch (kind) {
        case FORK:
          return "fork " + actor + " " + other;
        case CLONE:
          return "clone " + actor + " " + other + " newpid";
        case UNSHARE:
          return "unshare " + actor + " newpid";
        case SETNS:
          return "setns " + actor + " " + other;
        case EXIT:
          return "exit " + actor + (n == 0 && !spelledOut ? "" : " " + n);
        case WAIT_ANY:
          return "wait " + actor;
        case WAIT_CHILD:
          return "wait " + actor + " " + other;
        case KILL_TASK:
          return "kill " + actor + " " + other + signalWord();
        case KILL_NR:
          return "kill " + actor + " " + n + signalWord();
        case SETSID:
          return "setsid " + actor;
        case SETPGID:
          return "setpgid " + actor + (n == 0 && !spelledOut ? "" : " " + n);
        case SUBREAPER:
          return "subreaper " + actor;
        case NS_LAST_PID:
          return "sysctl " + actor + " ns_last_pid " + n;
        case PID_MAX:
          return "sysctl " + actor + " pid_max " + n;
        default:
          throw new AssertionError(kind);
      }
    }

    private String signalWord() {
      return sig == Signal.SIGKILL && !spelledOut ? "" : " " + sig.name();
    }

    /**
     * Whether the scenario language can write it (no negative pgid or sysctl values, every NUMBER
     * inside int).
     */
    boolean scriptable() {
      switch (kind) {
        case SETPGID:
        case NS_LAST_PID:
        case PID_MAX:
        case EXIT:
          return n >= 0 && n <= Integer.MAX_VALUE;
        case KILL_NR:
          return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE;
        default:
          return true;
      }
    }
  }

  private static final int[] MIXED_WEIGHTS = {20, 7, 4, 5, 9, 6, 4, 6, 7, 4, 6, 3, 3, 2};
  private static final int[] WRAP_WEIGHTS = {30, 5, 2, 4, 8, 6, 3, 4, 4, 2, 3, 1, 12, 8};
  private static final int[] DEEP_WEIGHTS = {6, 30, 6, 8, 10, 5, 3, 6, 6, 2, 3, 2, 2, 2};
  private static final int[] FILL_WEIGHTS = {60, 3, 1, 2, 4, 5, 1, 3, 3, 1, 1, 1, 8, 3};

  private final Profile profile;
  private final Random random;
  private final boolean scriptSafe;
  private final int[] weights;
  private final int totalWeight;
  private int nextLabel = 1;
  private int step;

  /** The rest of a planned scenario, each step built from the labels when its turn comes. */
  private final Deque<Function<Map<String, Task>, Op>> plan = new ArrayDeque<>();

  /**
   * @param scriptSafe only arguments the scenario language can write (no negative pgid or sysctl
   *     values, kill numbers within int range)
   */
  SyscallSequenceGenerator(Profile profile, Random random, boolean scriptSafe) {
    this.profile = profile;
    this.random = random;
    this.scriptSafe = scriptSafe;
    this.weights =
        switch (profile) {
          case MIXED -> MIXED_WEIGHTS;
          case WRAP -> WRAP_WEIGHTS;
          case DEEP -> DEEP_WEIGHTS;
          case FILL -> FILL_WEIGHTS;
        };
    int sum = 0;
    for (int w : weights) {
      sum += w;
    }
    this.totalWeight = sum;
  }

  /**
   * The next call, made by a RUNNING task of {@code kernel}; null when no task runs any more.
   *
   * @param labels every label given so far, reaped tasks included
   */
  Op next(Kernel kernel, Map<String, Task> labels, List<String> labelOrder) {
    List<Task> running = new ArrayList<>();
    for (Task t : kernel.tasks()) {
      if (t.isAlive()) {
        running.add(t);
      }
    }
    if (running.isEmpty()) {
      return null;
    }
    int s = step++;
    if (s == 0 && profile == Profile.MIXED && random.nextInt(5) == 0) {
      planGroupAcrossNamespaces();
    }
    if (!plan.isEmpty() && random.nextInt(10) < 7) {
      Op planned = plan.poll().apply(labels);
      if (planned != null && runnable(planned, labels)) {
        return planned;
      }
      plan.clear(); // a random call got in the way: forget the rest
    }
    if (profile == Profile.WRAP && s == 0) {
      return new Op(Kind.PID_MAX, "init", null, 301 + random.nextInt(40), null, false);
    }
    if (profile == Profile.WRAP && s == 1) {
      int max = kernel.root().pidMax();
      return new Op(Kind.NS_LAST_PID, "init", null, max - random.nextInt(4), null, false);
    }
    if (profile == Profile.FILL && s == 0) {
      long[] maxes = {384, 448, 4194304};
      return new Op(Kind.PID_MAX, "init", null, maxes[random.nextInt(3)], null, false);
    }
    if (profile == Profile.FILL && s == 1) {
      long[] lasts = {0, 63, 319, 320};
      return new Op(Kind.NS_LAST_PID, "init", null, lasts[random.nextInt(4)], null, false);
    }
    if (profile == Profile.DEEP && random.nextInt(100) < 55) {
      Op deep = deepen(running);
      if (deep != null) {
        return deep;
      }
    }
    Kind kind = pickKind();
    Task actor = pickActor(running, kind);
    if (kind == Kind.EXIT && actor == kernel.init() && random.nextInt(12) != 0) {
      kind = Kind.FORK; // the root init's exit ends the sequence: make it rare
    }
    boolean spelled = random.nextBoolean();
    String a = actor.comm();
    switch (kind) {
      case FORK:
      case CLONE:
        return new Op(kind, a, "t" + nextLabel++, 0, null, false);
      case UNSHARE:
      case SETSID:
      case SUBREAPER:
      case WAIT_ANY:
        return new Op(kind, a, null, 0, null, false);
      case SETNS:
        return new Op(kind, a, pickSetnsTarget(kernel, actor, labelOrder), 0, null, false);
      case EXIT:
        return new Op(
            kind, a, null, random.nextInt(4) == 0 ? random.nextInt(256) : 0, null, spelled);
      case WAIT_CHILD:
        {
          List<Task> children = actor.children();
          if (children.isEmpty()) {
            return new Op(Kind.WAIT_ANY, a, null, 0, null, false);
          }
          return new Op(
              kind, a, children.get(random.nextInt(children.size())).comm(), 0, null, false);
        }
      case KILL_TASK:
        return new Op(kind, a, pickKillTarget(kernel, actor, labelOrder), 0, sig(), spelled);
      case KILL_NR:
        return new Op(kind, a, null, pickKillNumber(kernel, actor), sig(), spelled);
      case SETPGID:
        return new Op(kind, a, null, pickPgid(kernel, actor), null, spelled);
      case NS_LAST_PID:
        return new Op(kind, a, null, pickNsLastPid(actor.activeNs()), null, false);
      case PID_MAX:
        return new Op(kind, a, null, pickPidMax(), null, false);
      default:
        throw new AssertionError(kind);
    }
  }

  /**
   * Plans the one way an outside task can hold a dying namespace's pid without being in it: X
   * (root) joins the process group of K (a member of ns1 forked by P after unshare); when ns1's
   * init C exits, K dies and is reaped, but C stays E until X leaves K's group (setpgid, setsid) or
   * X itself is reaped.
   */
  private void planGroupAcrossNamespaces() {
    String p = "t" + nextLabel++;
    String c = "t" + nextLabel++;
    String k = "t" + nextLabel++;
    String x = "t" + nextLabel++;
    plan.add(l -> new Op(Kind.FORK, "init", p, 0, null, false));
    plan.add(l -> new Op(Kind.UNSHARE, p, null, 0, null, false));
    plan.add(l -> new Op(Kind.FORK, p, c, 0, null, false));
    plan.add(l -> new Op(Kind.FORK, p, k, 0, null, false));
    plan.add(l -> new Op(Kind.FORK, "init", x, 0, null, false));
    plan.add(l -> new Op(Kind.SETPGID, k, null, 0, null, random.nextBoolean()));
    plan.add(
        l ->
            l.containsKey(k) && l.containsKey(x)
                ? new Op(Kind.SETPGID, x, null, l.get(k).pidNr(l.get(x).activeNs()), null, true)
                : null);
    plan.add(l -> new Op(Kind.EXIT, c, null, 0, null, false));
    if (random.nextInt(4) != 0) {
      plan.add(l -> new Op(Kind.WAIT_CHILD, p, k, 0, null, false));
    }
    switch (random.nextInt(4)) {
      case 0 -> plan.add(l -> new Op(Kind.SETPGID, x, null, 0, null, false));
      case 1 -> plan.add(l -> new Op(Kind.SETSID, x, null, 0, null, false));
      case 2 -> {
        plan.add(l -> new Op(Kind.KILL_TASK, "init", x, 0, Signal.SIGTERM, true));
        plan.add(l -> new Op(Kind.WAIT_CHILD, "init", x, 0, null, false));
      }
      default -> {
        plan.add(l -> new Op(Kind.EXIT, x, null, 0, null, false));
        plan.add(l -> new Op(Kind.WAIT_ANY, "init", null, 0, null, false));
      }
    }
    if (random.nextBoolean()) {
      plan.add(l -> new Op(Kind.WAIT_CHILD, p, c, 0, null, false));
    }
  }

  /** Whether a planned call can be made now: a running actor, known labels, a real child. */
  private static boolean runnable(Op op, Map<String, Task> labels) {
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

  /**
   * A clone by the deepest running task that can still clone; at level 32 (MAX_PID_NS_LEVEL) a
   * clone or unshare, which must fail with ENOSPC.
   */
  private Op deepen(List<Task> running) {
    Task deepest = null;
    for (Task t : running) {
      if (t.pidNsForChildren() == t.activeNs()
          && (deepest == null || t.activeNs().level() >= deepest.activeNs().level())) {
        deepest = t;
      }
    }
    if (deepest == null) {
      return null;
    }
    if (deepest.activeNs().level() >= PidNamespace.MAX_PID_NS_LEVEL && random.nextInt(3) == 0) {
      return new Op(Kind.UNSHARE, deepest.comm(), null, 0, null, false);
    }
    return new Op(Kind.CLONE, deepest.comm(), "t" + nextLabel++, 0, null, false);
  }

  private Kind pickKind() {
    int r = random.nextInt(totalWeight);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return Kind.values()[i];
      }
    }
    throw new AssertionError();
  }

  private Task pickActor(List<Task> running, Kind kind) {
    int r = random.nextInt(100);
    if (profile == Profile.FILL && kind == Kind.FORK && r < 50) {
      return running.get(0); // init: fill the root level
    }
    int deepBias = profile == Profile.DEEP && (kind == Kind.CLONE || kind == Kind.FORK) ? 70 : 20;
    if (r < deepBias) {
      Task deepest = running.get(0);
      for (Task t : running) {
        if (t.activeNs().level() >= deepest.activeNs().level()) {
          deepest = t;
        }
      }
      return deepest;
    }
    if (r < deepBias + 15) {
      return running.get(running.size() - 1);
    }
    if (kind == Kind.EXIT && random.nextInt(3) == 0) {
      List<Task> inits = new ArrayList<>();
      for (Task t : running) {
        if (t.isNamespaceInit() && t.activeNs().level() > 0) {
          inits.add(t);
        }
      }
      if (!inits.isEmpty()) {
        return inits.get(random.nextInt(inits.size()));
      }
    }
    return running.get(random.nextInt(running.size()));
  }

  private Signal sig() {
    return random.nextInt(5) < 3 ? Signal.SIGKILL : Signal.SIGTERM;
  }

  private String anyLabel(List<String> labelOrder) {
    return labelOrder.get(random.nextInt(labelOrder.size()));
  }

  private String pickSetnsTarget(Kernel kernel, Task actor, List<String> labelOrder) {
    if (random.nextInt(10) < 7) {
      List<Task> inside = new ArrayList<>();
      for (Task t : kernel.tasks()) {
        if (t.activeNs().isSameOrDescendantOf(actor.activeNs())) {
          inside.add(t);
        }
      }
      if (!inside.isEmpty()) {
        return inside.get(random.nextInt(inside.size())).comm();
      }
    }
    return anyLabel(labelOrder);
  }

  private String pickKillTarget(Kernel kernel, Task actor, List<String> labelOrder) {
    if (random.nextBoolean()) {
      List<Task> visible = new ArrayList<>();
      for (Task t : kernel.tasks()) {
        if (t.pidNr(actor.activeNs()) != 0) {
          visible.add(t);
        }
      }
      if (!visible.isEmpty()) {
        return visible.get(random.nextInt(visible.size())).comm();
      }
    }
    return anyLabel(labelOrder);
  }

  /** A pid as the actor sees it: a task's, a group's, or something else. */
  private long pickKillNumber(Kernel kernel, Task actor) {
    int r = random.nextInt(100);
    PidNamespace ns = actor.activeNs();
    List<Task> tasks = kernel.tasks();
    Task some = tasks.get(random.nextInt(tasks.size()));
    if (r < 25) {
      return some.pidNr(ns);
    } else if (r < 40) {
      return 0;
    } else if (r < 55) {
      return -1;
    } else if (r < 75) {
      return -(long) some.pgidNr(ns);
    } else if (r < 85) {
      return 1 + random.nextInt(20);
    } else if (r < 92) {
      return -2 - random.nextInt(20);
    } else if (r < 96) {
      return random.nextBoolean() ? Integer.MAX_VALUE : -Integer.MAX_VALUE;
    } else {
      return scriptSafe ? -Integer.MAX_VALUE : Integer.MIN_VALUE;
    }
  }

  private long pickPgid(Kernel kernel, Task actor) {
    int r = random.nextInt(100);
    PidNamespace ns = actor.activeNs();
    List<Task> tasks = kernel.tasks();
    Task some = tasks.get(random.nextInt(tasks.size()));
    if (r < 30) {
      return 0;
    } else if (r < 60) {
      return some.pgidNr(ns);
    } else if (r < 80) {
      return some.pidNr(ns);
    } else if (r < 90) {
      return 1 + random.nextInt(30);
    } else if (r < 95) {
      return Integer.MAX_VALUE;
    } else {
      return scriptSafe ? actor.vnr() : -1 - random.nextInt(3);
    }
  }

  private long pickNsLastPid(PidNamespace ns) {
    int r = random.nextInt(100);
    int max = ns.pidMax();
    if (profile == Profile.FILL && r < 50) { // back below a block that may be full by now
      long[] lows = {58, 61, 62, 63, 120, 127, 250, 299, 310, 319, 383};
      return Math.min(lows[random.nextInt(lows.length)], max);
    }
    if (r < 30) {
      return Math.max(0, max - random.nextInt(6));
    } else if (r < 40) { // just below an idr node boundary (64, 4096, 262144)
      long b = IDR_BOUNDARIES[random.nextInt(IDR_BOUNDARIES.length)] - 1 - random.nextInt(3);
      return Math.min(b, max);
    } else if (r < 55) {
      return random.nextInt(11);
    } else if (r < 70) {
      return 295 + random.nextInt(11);
    } else if (r < 80) {
      return (long) max + 1 + random.nextInt(2);
    } else if (r < 85) {
      // the largest NUMBER the language takes (a larger one is a script error, not EINVAL)
      return scriptSafe ? Integer.MAX_VALUE : -1 - random.nextInt(2);
    } else {
      return random.nextInt(max + 1);
    }
  }

  private static final long[] IDR_BOUNDARIES = {64, 128, 320, 384, 4096, 262144};

  private long pickPidMax() {
    int r = random.nextInt(100);
    if (r < 60) {
      return 301 + random.nextInt(40);
    } else if (r < 70) {
      return 300;
    } else if (r < 80) {
      return PidNamespace.PID_MAX_LIMIT;
    } else if (r < 85) {
      return PidNamespace.PID_MAX_LIMIT + 1L;
    } else if (r < 90) {
      return scriptSafe ? 0 : -1;
    } else {
      return 301 + random.nextInt(1700);
    }
  }
}
