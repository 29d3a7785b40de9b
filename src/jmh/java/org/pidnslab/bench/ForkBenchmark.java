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
import org.pidnslab.kernel.SysResult;
import org.pidnslab.kernel.Task;

/**
 * fork() at nesting depth 0, 1, 8 and 32 with 10,000 or 100,000 live tasks already present.
 *
 * <p>The machine: {@code depth} namespaces nested with cloneNewPid below root, {@code population}
 * live tasks in the innermost one (so it and every ancestor hold a number for each), and one
 * dedicated parent there with no other children. No event listener is registered.
 *
 * <ul>
 *   <li>{@link #fork}: the fork alone. Each invocation forks one child; the child of the previous
 *       invocation is exited and reaped in an untimed {@code Level.Invocation} setup, so the
 *       population stays constant. Each sample includes one pair of timer reads.
 *   <li>{@link #forkExitReap}: the whole cycle, all timed: fork, exit of the child, waitpid by the
 *       parent.
 * </ul>
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ForkBenchmark {

  /** The nested machine with its population; shared shape of the two states below. */
  @State(Scope.Thread)
  public abstract static class Machine {
    /** Nesting level of the namespace the forking parent lives in. */
    @Param({"0", "1", "8", "32"})
    public int depth;

    /** Live tasks present in that namespace (and so in each ancestor) before measuring. */
    @Param({"10000", "100000"})
    public int population;

    Kernel kernel;
    Task parent;
    int expectedTasks;

    /** Builds the chain and the population, then the dedicated parent. */
    @Setup(Level.Trial)
    public void build() {
      kernel = Fixtures.newKernel();
      Task init = Fixtures.nest(kernel, depth);
      Fixtures.populate(kernel, init, population);
      parent = Fixtures.fork(kernel, init);
      Fixtures.check(parent.activeNs().level() == depth, "parent at the wrong level");
      expectedTasks = kernel.taskCount();
    }

    /** Checks that the measured calls left the population as it was. */
    @TearDown(Level.Trial)
    public void verify() {
      settle();
      Fixtures.check(
          kernel.taskCount() == expectedTasks,
          "task count " + kernel.taskCount() + ", expected " + expectedTasks);
    }

    /** Reaps the child a benchmark left pending, if any; none by default. */
    void settle() {}
  }

  /** The machine for {@link #forkExitReap}: no per-invocation fixture. */
  @State(Scope.Thread)
  public static class CycleState extends Machine {}

  /** The machine for {@link #fork}: reaps the previous invocation's child outside the timing. */
  @State(Scope.Thread)
  public static class ForkState extends Machine {
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

  /** Time of one fork() alone (the previous child is reaped outside the timing). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Task fork(ForkState s) {
    Task child = s.kernel.fork(s.parent, Fixtures.COMM).child();
    s.pending = child;
    return child;
  }

  /** Time of fork() + exit() of the child + waitpid() by the parent, all timed. */
  @Benchmark
  @BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
  public SysResult forkExitReap(CycleState s) {
    return Fixtures.forkExitReap(s.kernel, s.parent);
  }
}
