package org.pidnslab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;

/**
 * Retained heap per live task at nesting depth 0, 1, 8 and 32, and per empty namespace.
 *
 * <p>Run: {@code java -cp target/benchmarks.jar org.pidnslab.bench.MemoryFootprint [--histogram]}.
 * For each depth it builds a kernel with the chain of namespaces (the baseline), measures the used
 * heap after several full collections, forks {@value #TASKS} live tasks in the innermost namespace
 * (see {@link Fixtures#populate}), measures again and divides the difference by the task count.
 * Every depth is measured {@value #ROUNDS} times in the same process and the median is reported,
 * with bytes per level derived from the difference to depth 0. Empty namespaces are made by {@value
 * #EMPTY_NAMESPACES} tasks calling unshare(CLONE_NEWPID) each, measured against the same tasks
 * without. {@code --histogram} adds a per-class breakdown (from the JVM's class histogram) of what
 * one task costs.
 */
public final class MemoryFootprint {
  /** Live tasks forked per measurement. */
  public static final int TASKS = 100_000;

  /** Empty namespaces created per measurement. */
  public static final int EMPTY_NAMESPACES = 10_000;

  /** Measurements per configuration; the median is reported. */
  public static final int ROUNDS = 3;

  private static final int[] DEPTHS = {0, 1, 8, 32};
  private static final long PER_TASK_GOAL = 400;
  private static final long PER_LEVEL_GOAL = 24;
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private MemoryFootprint() {}

  /** Prints the footprint tables; {@code --histogram} adds the per-class breakdown. */
  public static void main(String[] args) throws Exception {
    boolean histogram = Arrays.asList(args).contains("--histogram");
    printJvm();
    Reference.reachabilityFence(measureTasks(Fixtures.newKernel(), 0, TASKS / 10, false));

    long empty = usedAfterGc();
    Kernel emptyKernel = new Kernel();
    long emptyKernelBytes = usedAfterGc() - empty;
    Reference.reachabilityFence(emptyKernel);
    System.out.printf("empty Kernel baseline: %,d bytes%n%n", emptyKernelBytes);

    double[] perTask = new double[DEPTHS.length];
    for (int d = 0; d < DEPTHS.length; d++) {
      double[] rounds = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        rounds[r] = measureTasks(Fixtures.newKernel(), DEPTHS[d], TASKS, histogram && r == 0);
      }
      perTask[d] = median(rounds);
    }

    System.out.printf("%d live tasks in the innermost namespace, median of %d:%n", TASKS, ROUNDS);
    System.out.println("depth | bytes/task | bytes/level vs depth 0 | vs depth 0 | goal 400+24*d");
    for (int d = 0; d < DEPTHS.length; d++) {
      int depth = DEPTHS[d];
      String perLevel =
          depth == 0 ? "-" : String.format(Locale.ROOT, "%.1f", (perTask[d] - perTask[0]) / depth);
      double goal = PER_TASK_GOAL + PER_LEVEL_GOAL * depth;
      System.out.printf(
          Locale.ROOT,
          "%5d | %10.1f | %22s | %9.2fx | %s (%.0f)%n",
          depth,
          perTask[d],
          perLevel,
          perTask[d] / perTask[0],
          perTask[d] <= goal ? "met" : "NOT met",
          goal);
    }
    double perLevel = (perTask[DEPTHS.length - 1] - perTask[0]) / DEPTHS[DEPTHS.length - 1];
    System.out.printf(
        Locale.ROOT,
        "per task at depth 0: %.1f bytes (goal <= %d: %s); "
            + "per level: %.1f bytes (goal <= %d: %s)%n%n",
        perTask[0],
        PER_TASK_GOAL,
        perTask[0] <= PER_TASK_GOAL ? "met" : "NOT met",
        perLevel,
        PER_LEVEL_GOAL,
        perLevel <= PER_LEVEL_GOAL ? "met" : "NOT met");

    System.out.printf(
        "%d empty namespaces (pid_max 4,194,304), median of %d:%n", EMPTY_NAMESPACES, ROUNDS);
    for (int level : new int[] {1, 32}) {
      double[] rounds = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        rounds[r] = measureEmptyNamespaces(level);
      }
      System.out.printf(
          Locale.ROOT, "  empty namespace at level %2d: %.1f bytes each%n", level, median(rounds));
    }
  }

  /**
   * Builds the chain for {@code depth} on {@code kernel}, then forks {@code count} tasks, and
   * returns the retained heap per task.
   */
  private static double measureTasks(Kernel kernel, int depth, int count, boolean histogram)
      throws Exception {
    Task init = Fixtures.nest(kernel, depth);
    Map<String, long[]> before = histogram ? classHistogram() : null;
    long base = usedAfterGc();
    Fixtures.populate(kernel, init, count);
    long used = usedAfterGc();
    if (histogram) {
      printBreakdown(depth, before, classHistogram(), count);
    }
    Fixtures.check(init.activeNs().pidAllocated() >= count, "population missing");
    Reference.reachabilityFence(kernel);
    return (double) (used - base) / count;
  }

  /** Heap per empty namespace made by unshare(CLONE_NEWPID) below a namespace at level - 1. */
  private static double measureEmptyNamespaces(int level) {
    Kernel kernel = Fixtures.newKernel();
    Task init = Fixtures.nest(kernel, level - 1);
    List<Task> tasks = new ArrayList<>(EMPTY_NAMESPACES);
    for (int i = 0; i < EMPTY_NAMESPACES; i++) {
      tasks.add(Fixtures.fork(kernel, init));
    }
    long base = usedAfterGc();
    for (Task t : tasks) {
      Fixtures.check(!kernel.unshareNewPid(t).failed(), "unshare by " + t);
    }
    long used = usedAfterGc();
    PidNamespace last = tasks.get(tasks.size() - 1).pidNsForChildren();
    Fixtures.check(
        last.level() == level && last.pidMax() == PidNamespace.PID_MAX_LIMIT, "namespace " + last);
    Reference.reachabilityFence(kernel);
    return (double) (used - base) / EMPTY_NAMESPACES;
  }

  /** Used heap after full collections, once two in a row agree. */
  private static long usedAfterGc() {
    long last = -1;
    for (int i = 0; i < 10; i++) {
      System.gc();
      long used = MEMORY.getHeapMemoryUsage().getUsed();
      if (used == last) {
        return used;
      }
      last = used;
    }
    return last;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void printJvm() throws Exception {
    System.out.printf(
        "JVM %s %s, %d CPUs, max heap %d MiB, GC %s, UseCompressedOops=%s, ObjectAlignment=%s%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getGarbageCollectorMXBeans().get(0).getName(),
        vmOption("UseCompressedOops"),
        vmOption("ObjectAlignmentInBytes"));
  }

  private static String vmOption(String name) throws Exception {
    Object value =
        ManagementFactory.getPlatformMBeanServer()
            .invoke(
                new ObjectName("com.sun.management:type=HotSpotDiagnostic"),
                "getVMOption",
                new Object[] {name},
                new String[] {String.class.getName()});
    return String.valueOf(((CompositeData) value).get("value"));
  }

  /** Class name to {instances, bytes} of live objects, from the JVM's GC.class_histogram. */
  private static Map<String, long[]> classHistogram() throws Exception {
    String text =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    Map<String, long[]> out = new HashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[0].endsWith(":")) {
        out.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
    }
    return out;
  }

  private static void printBreakdown(
      int depth, Map<String, long[]> before, Map<String, long[]> after, int count) {
    System.out.printf("breakdown per task at depth %d (classes adding >= 0.5 byte/task):%n", depth);
    after.entrySet().stream()
        .map(
            e -> {
              long[] b = before.getOrDefault(e.getKey(), new long[2]);
              return Map.entry(
                  e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]});
            })
        .filter(e -> e.getValue()[1] >= count / 2)
        .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]))
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "  %-40s %8.2f objects/task %8.1f bytes/task%n",
                    e.getKey(),
                    (double) e.getValue()[0] / count,
                    (double) e.getValue()[1] / count));
    System.out.println();
  }
}
