package org.pidnslab.bench;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
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
import org.pidnslab.graph.AwtTextMetrics;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.DrawingBuilder;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.LayoutChoice;
import org.pidnslab.graph.NamespaceDrawing;
import org.pidnslab.graph.TaskGraph;
import org.pidnslab.graph.TidyTreeLayout;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.Task;

/**
 * The task picture: the tidy tree layout alone, the whole {@link DrawingBuilder#build} (tree
 * layout, no perspective) and the namespace panel, on realistic process trees ({@link
 * Fixtures#processTree}: random forks, containers nested up to level 5, some unshares and zombies;
 * seeded, so every run draws the same machines).
 *
 * <ul>
 *   <li>{@link #tidyTree}: {@link TidyTreeLayout#compute} on the task graph of 2,000 or 10,000
 *       tasks, configured as the builder configures it (node sizes looked up in a map, the gaps of
 *       {@link DrawingBuilder#spacing()}, a separation function, levels aligned towards the root).
 *       Goals: ≤ 20 ms and ≤ 100 ms.
 *   <li>{@link #build}: {@code build(kernel, DrawingOptions.DEFAULT)}: the task graph, measuring
 *       every box, the layout, edges, hulls, the namespace panel. One builder serves the whole
 *       trial, as in the window, so its text-width cache is warm. Goal: ≤ 40 ms for 5,000 tasks.
 *   <li>{@link #buildFresh}: the same with a new builder and new {@link AwtTextMetrics} each time,
 *       as the window's background layout thread draws large pictures.
 *   <li>{@link #buildChain}: the whole drawing of a fork chain of 10,000 tasks inside one
 *       namespace, whose hull is a stack of 10,001 bands.
 *   <li>{@link #buildNamespaces}: the namespace panel alone.
 *   <li>{@link #taskGraph}: the JGraphT snapshot of the process tree alone (part of build).
 * </ul>
 *
 * <p>SampleTime gives the median (p50) and percentiles, AverageTime the mean, both in ms.
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LayoutBenchmark {

  /** The seed of every machine: one picture per size. */
  public static final long SEED = 0x1A40_2025L;

  /** A machine of {@code tasks} tasks and a builder whose caches are warm. */
  @State(Scope.Thread)
  public static class Machine {
    /** How many tasks (not yet reaped) the machine has, init included. */
    @Param({"500", "2000", "5000", "10000"})
    public int tasks;

    Kernel kernel;
    DrawingBuilder builder;

    /** Builds the machine and draws it once (fills the builder's width cache). */
    @Setup(Level.Trial)
    public void build() {
      kernel = Fixtures.processTree(tasks, SEED);
      builder = new DrawingBuilder();
      Drawing d = builder.build(kernel, DrawingOptions.DEFAULT);
      Fixtures.check(d.tasks().size() == tasks, "drew " + d.tasks().size() + " tasks");
    }
  }

  /** A fork chain inside one namespace: one hull of one band per level. */
  @State(Scope.Thread)
  public static class Chain {
    /** How many tasks the chain has (plus init and the namespace's init). */
    @Param({"10000"})
    public int chain;

    Kernel kernel;
    DrawingBuilder builder;

    /** Builds the chain and draws it once. */
    @Setup(Level.Trial)
    public void build() {
      kernel = Fixtures.newKernel();
      Task t = Fixtures.nest(kernel, 1);
      for (int i = 0; i < chain; i++) {
        t = Fixtures.fork(kernel, t);
      }
      builder = new DrawingBuilder();
      builder.build(kernel, DrawingOptions.DEFAULT);
    }
  }

  /** The task graph of a machine with node sizes, for the layout alone. */
  @State(Scope.Thread)
  public static class Tree {
    /** How many tasks. */
    @Param({"2000", "10000"})
    public int tasks;

    Graph<Task, DefaultEdge> graph;
    Map<Task, double[]> size;
    LayoutChoice.Spacing spacing;

    /** Builds the machine, its graph, and every task's box size from one drawing. */
    @Setup(Level.Trial)
    public void build() {
      Kernel kernel = Fixtures.processTree(tasks, SEED);
      graph = TaskGraph.of(kernel);
      DrawingBuilder builder = new DrawingBuilder();
      spacing = builder.spacing();
      Drawing d = builder.build(kernel, DrawingOptions.DEFAULT);
      Map<Integer, double[]> bySerial = new java.util.HashMap<>();
      d.tasks().forEach(n -> bySerial.put(n.serial(), new double[] {n.box().w(), n.box().h()}));
      size = new IdentityHashMap<>();
      for (Task t : graph.vertexSet()) {
        size.put(t, bySerial.get(t.serial()));
      }
    }
  }

  /** The tidy tree layout alone, configured like the builder's. */
  @Benchmark
  @BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
  public TidyTreeLayout.Result<Task> tidyTree(Tree s) {
    LayoutChoice.Spacing sp = s.spacing;
    Map<Task, double[]> size = s.size;
    return new TidyTreeLayout<Task, DefaultEdge>()
        .width(t -> size.get(t)[0])
        .height(t -> size.get(t)[1])
        .levelGap(sp.levelGap())
        .siblingGap(sp.siblingGap())
        .subtreeGap(sp.subtreeGap())
        .separation(
            (a, b, siblings) ->
                a.activeNs() == b.activeNs()
                    ? (siblings ? sp.siblingGap() : sp.subtreeGap())
                    : sp.subtreeGap() + 16)
        .alignment(TidyTreeLayout.LevelAlignment.TOWARDS_ROOT)
        .compute(s.graph);
  }

  /** The whole drawing: tree layout, no perspective. */
  @Benchmark
  @BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
  public Drawing build(Machine s) {
    return s.builder.build(s.kernel, DrawingOptions.DEFAULT);
  }

  /**
   * The whole drawing by a fresh builder with fresh metrics (empty width caches), as the window's
   * background layout thread makes one for every large picture.
   */
  @Benchmark
  @BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
  public Drawing buildFresh(Machine s) {
    return new DrawingBuilder(new AwtTextMetrics()).build(s.kernel, DrawingOptions.DEFAULT);
  }

  /** The whole drawing of a chain of 10,000 tasks inside a namespace. */
  @Benchmark
  @BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
  public Drawing buildChain(Chain s) {
    return s.builder.build(s.kernel, DrawingOptions.DEFAULT);
  }

  /** The namespace tree panel alone. */
  @Benchmark
  @BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
  public NamespaceDrawing buildNamespaces(Machine s) {
    return s.builder.buildNamespaces(s.kernel, null);
  }

  /** The JGraphT snapshot of the process tree alone. */
  @Benchmark
  @BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
  public Graph<Task, DefaultEdge> taskGraph(Machine s) {
    return TaskGraph.of(s.kernel);
  }
}
