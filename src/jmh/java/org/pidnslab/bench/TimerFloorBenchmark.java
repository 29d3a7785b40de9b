package org.pidnslab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under every SampleTime number: an empty benchmark with the same untimed {@code
 * Level.Invocation} setup as the fork-alone benchmarks, so what it reports is the cost of the timer
 * reads each sample includes.
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TimerFloorBenchmark {

  /** A state with an empty per-invocation setup, like {@code ForkBenchmark.ForkState}. */
  @State(Scope.Thread)
  public static class PerInvocation {
    int calls;

    /** Does almost nothing, untimed. */
    @Setup(Level.Invocation)
    public void touch() {
      calls++;
    }
  }

  /** An empty operation, sampled like the forks. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public int empty(PerInvocation s) {
    return s.calls;
  }
}
