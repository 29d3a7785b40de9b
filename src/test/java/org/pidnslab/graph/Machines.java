package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.SysResult;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * Big seeded random machines for the layout and collapse tests, built in linear time with the
 * kernel's own calls: each new task's parent is picked by {@code shape}, one task in 25 starts a
 * namespace of its own, and one in 15 exits (zombies stay, inits of busy namespaces go to E).
 */
final class Machines {
  private Machines() {}

  /** How the parent of the next task is picked. */
  enum Shape {
    /** A few parents get most children: wide, bushy trees (servers with worker pools). */
    BUSHY,
    /** Usually the newest task: long chains, deep trees. */
    DEEP,
    /** Any running task alike. */
    UNIFORM
  }

  static Kernel random(long seed, int tasks, Shape shape) {
    Random rnd = new Random(seed);
    Kernel k = new Kernel();
    List<Task> running = new ArrayList<>(List.of(k.init()));
    int names = 0;
    while (k.taskCount() < tasks) {
      int size = running.size();
      int pick =
          switch (shape) {
            case BUSHY -> (int) (size * Math.pow(rnd.nextDouble(), 6)); // mostly the first few
            case DEEP -> rnd.nextInt(8) == 0 ? rnd.nextInt(size) : size - 1;
            case UNIFORM -> rnd.nextInt(size);
          };
      Task p = running.get(pick);
      if (p.state() != TaskState.RUNNING) { // killed when its namespace's init exited
        running.remove(pick);
        continue;
      }
      boolean nest = rnd.nextInt(25) == 0 && p.activeNs().level() < PidNamespace.MAX_PID_NS_LEVEL;
      SysResult r = nest ? k.cloneNewPid(p, "c" + names++) : k.fork(p, "t" + names++);
      if (r.failed()) {
        throw new IllegalStateException("fork failed: " + r);
      }
      running.add(r.child());
      if (rnd.nextInt(15) == 0 && running.size() > 2) {
        int victim = 1 + rnd.nextInt(running.size() - 1);
        if (running.get(victim).state() == TaskState.RUNNING) {
          k.exit(running.get(victim), 0);
        }
        running.remove(victim);
      }
    }
    return k;
  }

  /** init with {@code n} children, every one a leaf. */
  static Kernel fan(int n) {
    Kernel k = new Kernel();
    for (int i = 0; i < n; i++) {
      k.fork(k.init(), "w" + i);
    }
    return k;
  }

  /** A fork chain of {@code n} tasks below init. */
  static Kernel chain(int n) {
    Kernel k = new Kernel();
    Task t = k.init();
    for (int i = 0; i < n; i++) {
      t = k.fork(t, "t" + i).child();
    }
    return k;
  }
}
