package org.pidnslab.bench;

import java.util.Set;
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
import org.openjdk.jmh.annotations.Warmup;
import org.pidnslab.graph.AutoCollapse;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.DrawingBuilder;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.LayoutChoice;
import org.pidnslab.kernel.Kernel;

/**
 * Big scenes (issue 14): the whole drawing with the compact layout against the tidy tree of the
 * same machine in the same run (the baseline: figures are reported as ratios to it), the summarised
 * view (the drawing with {@link AutoCollapse}'s plan for 1280x800), and the planner. Machines are
 * {@link LayoutBenchmark}'s ({@link Fixtures#processTree}, same seed).
 *
 * <ul>
 *   <li>{@link #tree}: {@code build} with {@link LayoutChoice#TREE}, the baseline.
 *   <li>{@link #compact}: {@code build} with {@link LayoutChoice#COMPACT}, aspect 16:10. Goal for
 *       10,000 tasks: ≤ 20 ms median.
 *   <li>{@link #summarised}: {@code build} with the compact layout and the collapsed parts the
 *       planner chose for a 1280x800 viewport and 10 px text (planned once, in the setup).
 *   <li>{@link #plan}: {@link AutoCollapse#plan} itself, which builds a few drawings.
 * </ul>
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompactBenchmark {

  /** A machine, a warm builder, and the planner's options for it. */
  @State(Scope.Thread)
  public static class Machine {
    /** How many tasks (not yet reaped) the machine has, init included. */
    @Param({"2000", "10000"})
    public int tasks;

    Kernel kernel;
    DrawingBuilder builder;
    DrawingOptions compact;
    DrawingOptions summarised;

    /** Builds the machine, draws it once each way and plans its summary. */
    @Setup(Level.Trial)
    public void build() {
      kernel = Fixtures.processTree(tasks, LayoutBenchmark.SEED);
      builder = new DrawingBuilder();
      compact = DrawingOptions.DEFAULT.withLayout(LayoutChoice.COMPACT);
      Drawing d = builder.build(kernel, compact);
      Fixtures.check(d.tasks().size() == tasks, "drew " + d.tasks().size() + " tasks");
      summarised = AutoCollapse.plan(builder, kernel, compact, 1280, 800, 10, Set.of());
      Drawing s = builder.build(kernel, summarised);
      Fixtures.check(!s.cards().isEmpty(), "the summary collapses something");
      builder.build(kernel, DrawingOptions.DEFAULT);
    }
  }

  /** The tidy tree's whole drawing: the baseline. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Drawing tree(Machine s) {
    return s.builder.build(s.kernel, DrawingOptions.DEFAULT);
  }

  /** The compact layout's whole drawing. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Drawing compact(Machine s) {
    return s.builder.build(s.kernel, s.compact);
  }

  /** The summarised view: compact, with the planner's collapsed parts. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public Drawing summarised(Machine s) {
    return s.builder.build(s.kernel, s.summarised);
  }

  /** The planner: what to collapse for 1280x800 and 10 px text. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public DrawingOptions plan(Machine s) {
    return AutoCollapse.plan(s.builder, s.kernel, s.compact, 1280, 800, 10, Set.of());
  }
}
