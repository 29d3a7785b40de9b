package org.pidnslab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.SysResult;
import org.pidnslab.kernel.Task;

/**
 * Pid allocation in a nearly full namespace, where every search must wrap around.
 *
 * <p>The machine: a level-1 namespace (a container) whose init wrote {@code pid_max} = {@code
 * pidMax}; every number of [1, pidMax) is held by a live task except one hole in the middle of
 * [300, pidMax). ns_last_pid is written so the cursor sits just past the hole. Each fork then
 * searches [hole + 1, pidMax) in vain, wraps to RESERVED_PIDS (300) and takes the hole again;
 * reaping the child frees it, so every measured fork wraps. Root (pid_max 4,194,304) holds a number
 * for every task too but never wraps.
 *
 * <ul>
 *   <li>{@link #fork}: fork alone; the previous child is exited and reaped in an untimed {@code
 *       Level.Invocation} setup.
 *   <li>{@link #forkExitReap}: fork + exit + waitpid, all timed.
 * </ul>
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WrapAroundBenchmark {

  /** The nearly full container; shared shape of the two states below. */
  @State(Scope.Thread)
  public abstract static class FullNamespace {
    /** The container's pid_max: about this many live tasks fill it. */
    @Param({"32768", "131072"})
    public int pidMax;

    Kernel kernel;
    Task parent;
    PidNamespace ns;
    int hole;
    int expectedTasks;

    /** Fills the container, opens the hole and puts the cursor right after it. */
    @Setup(Level.Trial)
    public void build() {
      kernel = Fixtures.newKernel();
      Task init = Fixtures.nest(kernel, 1);
      ns = init.activeNs();
      Fixtures.check(!kernel.writePidMax(init, pidMax).failed(), "writePidMax " + pidMax);
      parent = Fixtures.fork(kernel, init); // pid 2, no other children
      Fixtures.populate(kernel, init, pidMax - 3); // pids 3 .. pidMax - 1
      Fixtures.check(ns.pidAllocated() == pidMax - 1, "namespace not full: " + ns.pidAllocated());
      hole = (PidNamespace.RESERVED_PIDS + pidMax) / 2;
      Task victim = ns.findPidNs(hole).task();
      while (!victim.children().isEmpty()) { // a spawner: take the next worker instead
        victim = ns.findPidNs(++hole).task();
      }
      Fixtures.exitAndReap(kernel, victim);
      Fixtures.check(!kernel.writeNsLastPid(init, hole).failed(), "writeNsLastPid " + hole);
      expectedTasks = kernel.taskCount();
    }

    /** Checks that the last fork took the hole again and the population is unchanged. */
    @TearDown(Level.Trial)
    public void verify() {
      settle();
      Fixtures.check(ns.nsLastPid() == hole, "last pid " + ns.nsLastPid() + ", hole " + hole);
      Fixtures.check(kernel.taskCount() == expectedTasks, "task count " + kernel.taskCount());
    }

    /** Reaps the child a benchmark left pending, if any; none by default. */
    void settle() {}
  }

  /** The container for {@link #forkExitReap}: no per-invocation fixture. */
  @State(Scope.Thread)
  public static class CycleState extends FullNamespace {}

  /** The container for {@link #fork}: reaps the previous child outside the timing. */
  @State(Scope.Thread)
  public static class ForkState extends FullNamespace {
    Task pending;

    /** Exits and reaps the child the previous invocation forked (untimed). */
    @Setup(Level.Invocation)
    public void reapPending() {
      settle();
    }

    @Override
    void settle() {
      pending = Fixtures.reapPending(kernel, pending);
    }
  }

  /** Time of one wrapping fork() alone. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Task fork(ForkState s) {
    Task child = s.kernel.fork(s.parent, Fixtures.COMM).child();
    s.pending = child;
    return child;
  }

  /** Time of a wrapping fork() + exit() + waitpid(), all timed. */
  @Benchmark
  @BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
  public SysResult forkExitReap(CycleState s) {
    return Fixtures.forkExitReap(s.kernel, s.parent);
  }
}
