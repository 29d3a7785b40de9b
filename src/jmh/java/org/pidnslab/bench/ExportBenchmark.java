package org.pidnslab.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.infra.Blackhole;
import org.pidnslab.export.ExportException;
import org.pidnslab.export.ExportFormat;
import org.pidnslab.export.ExportRequest;
import org.pidnslab.export.Exporter;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.Theme;

/**
 * Exports of large states, in one run with Graphviz on the same graph: {@link Fixtures#processTree}
 * machines (seeded, the same as {@link LayoutBenchmark}'s), light theme, tree layout. Each export
 * includes building the drawing (layout, text widths) from the kernel, as {@code pidns-lab export}
 * does; the bytes go to a counting sink, not to disk.
 *
 * <ul>
 *   <li>{@link #svg}: 10,000 tasks. Goal ≤ 1 s.
 *   <li>{@link #png2x}: PNG at 2x, including the PNG encoding. The whole 10,000-task tree at 2x
 *       would be 1,050,726 x 1,932 pixels (2 gigapixels; over Java's array limit and no viewer
 *       opens it); the exporter refuses pictures over 64 megapixels with a message pointing to SVG
 *       and PDF. So PNG is measured on the largest machine of the same kind under the cap, 300
 *       tasks (33,540 x 1,680 pixels, 56 megapixels), and on 100 tasks. Goal ≤ 2 s.
 *   <li>{@link #dotSvg}: Graphviz {@code dot -Tsvg} on our DOT export of the 10,000-task machine
 *       (namespaces as clusters), run as an external process; single shot, as it takes about a
 *       minute. Skipped (fails fast) if {@code dot} is not installed.
 * </ul>
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch", "-Djava.awt.headless=true"})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExportBenchmark {

  /** A machine and its export request. */
  @State(Scope.Benchmark)
  public static class Machine {
    /** How many tasks the machine has. */
    @Param({"10000"})
    public int tasks;

    ExportRequest request;
    Path dot;

    /** Builds the machine and writes its DOT export for Graphviz. */
    @Setup(Level.Trial)
    public void build() throws IOException, ExportException {
      request =
          ExportRequest.of(
              Fixtures.processTree(tasks, LayoutBenchmark.SEED),
              DrawingOptions.DEFAULT,
              Theme.LIGHT);
      dot = Files.createTempFile("pidns-bench", ".dot");
      Exporter.export(ExportFormat.DOT, request, dot);
    }

    /** Deletes the DOT file. */
    @TearDown(Level.Trial)
    public void clean() throws IOException {
      Files.deleteIfExists(dot);
    }
  }

  /** A machine small enough for a PNG at 2x under the exporter's 64-megapixel cap. */
  @State(Scope.Benchmark)
  public static class SmallMachine {
    /** How many tasks the machine has. */
    @Param({"100", "300"})
    public int pngTasks;

    ExportRequest request;

    /** Builds the machine. */
    @Setup(Level.Trial)
    public void build() {
      request =
          ExportRequest.of(
                  Fixtures.processTree(pngTasks, LayoutBenchmark.SEED),
                  DrawingOptions.DEFAULT,
                  Theme.LIGHT)
              .withScale(2);
    }
  }

  /** Counts the bytes written, so nothing is optimised away and nothing is kept. */
  static final class Sink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /** The SVG document of 10,000 tasks. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public long svg(Machine m) throws IOException, ExportException {
    Sink out = new Sink();
    Exporter.write(ExportFormat.SVG, m.request, out);
    return out.count;
  }

  /** The PNG at 2x, encoded. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 5, time = 2)
  public long png2x(SmallMachine m) throws IOException, ExportException {
    Sink out = new Sink();
    Exporter.write(ExportFormat.PNG, m.request, out);
    return out.count;
  }

  /** Graphviz's {@code dot -Tsvg} on the DOT export of 10,000 tasks. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 2)
  public void dotSvg(Machine m, Blackhole bh) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("dot", "-Tsvg", m.dot.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    bh.consume(p.getInputStream().transferTo(new Sink()));
    if (p.waitFor() != 0) {
      throw new IllegalStateException("dot failed with status " + p.exitValue());
    }
  }
}
