package org.pidnslab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.pidnslab.host.HostSnapshot;
import org.pidnslab.host.ProcReader;
import org.pidnslab.host.SnapshotJson;
import org.pidnslab.host.SnapshotScript;

/**
 * {@code pidns-lab live}'s snapshot of a machine with {@code processes} processes, read from a
 * synthetic /proc folder (status files of real size and the ns/pid links) in /tmp: one tenth in the
 * host namespace, the rest in 100 containers at levels 1 to 3, as a busy container host. Goal: ≤
 * 200 ms for 10,000 processes. The files stay in the page cache, as /proc has no disk.
 *
 * <ul>
 *   <li>{@link #snapshot}: {@link ProcReader#read}: list, read every status and link, build the
 *       namespace tree.
 *   <li>{@link #json}, {@link #script}: the snapshot as JSON and as a script (not read again).
 * </ul>
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@State(Scope.Benchmark)
public class LiveSnapshotBenchmark {
  @Param({"10000"})
  int processes;

  Path root;
  ProcReader reader;
  HostSnapshot taken;

  @Setup(Level.Trial)
  public void machine() throws IOException {
    root = Files.createTempDirectory("pidns-lab-proc");
    long host = 4026531836L;
    int containers = 100;
    int perContainer = processes * 9 / 10 / containers;
    write(1, 0, host, new int[] {1});
    int pid = 2;
    for (; pid <= processes / 10; pid++) {
      write(pid, 1, host, new int[] {pid});
    }
    for (int c = 0; c < containers; c++) {
      int depth = 1 + c % 3;
      long ns = 4026532000L + c;
      int parent = 1;
      for (int i = 1; i <= perContainer && pid <= processes; i++, pid++) {
        int[] nspid = new int[depth + 1];
        nspid[0] = pid;
        for (int l = 1; l <= depth; l++) {
          nspid[l] = l == depth ? i : 1000 * l + i;
        }
        write(pid, i == 1 ? parent : pid - i + 1, ns, nspid);
      }
    }
    reader = new ProcReader(root);
    taken = reader.read();
    if (taken.tasks().size() != processes) {
      throw new IllegalStateException(taken.tasks().size() + " processes read");
    }
  }

  private void write(int pid, int ppid, long ns, int[] nspid) throws IOException {
    Path dir = Files.createDirectories(root.resolve(Integer.toString(pid)).resolve("ns"));
    StringBuilder ids = new StringBuilder();
    for (int n : nspid) {
      ids.append(ids.length() == 0 ? "" : "\t").append(n);
    }
    // the lines of a real status file, so that parsing costs what it costs on /proc
    String status =
        "Name:\tworker\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t%1$d\nNgid:\t0\nPid:\t%1$d\nPPid:\t%2$d\nTracerPid:\t0\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nFDSize:\t64\nGroups:\t\nNStgid:\t%3$s\nNSpid:\t%3$s\nNSpgid:\t%3$s\nNSsid:\t%3$s\nKthread:\t0\nVmPeak:\t    8316 kB\nVmSize:\t    8316 kB\nVmLck:\t       0 kB\nVmPin:\t       0 kB\nVmHWM:\t    4720 kB\nVmRSS:\t    4720 kB\nRssAnon:\t     604 kB\nRssFile:\t    4116 kB\nRssShmem:\t       0 kB\nVmData:\t     716 kB\nVmStk:\t     132 kB\nVmExe:\t     516 kB\nVmLib:\t    1932 kB\nVmPTE:\t      56 kB\nVmSwap:\t       0 kB\nHugetlbPages:\t       0 kB\nCoreDumping:\t0\nTHP_enabled:\t1\nuntag_mask:\t0xffffffffffffffff\nThreads:\t1\nSigQ:\t0/15431\nSigPnd:\t0000000000000000\nShdPnd:\t0000000000000000\nSigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\nSigCgt:\t0000000000000000\nCapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\nCapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\nNoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\nSpeculation_Store_Bypass:\tthread vulnerable\nSpeculationIndirectBranch:\tconditional enabled\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\nMems_allowed:\t00000000,00000001\nMems_allowed_list:\t0\nvoluntary_ctxt_switches:\t1\nnonvoluntary_ctxt_switches:\t0\n"
            .formatted(pid, ppid, ids);
    Files.writeString(dir.getParent().resolve("status"), status, StandardCharsets.UTF_8);
    Files.createSymbolicLink(dir.resolve("pid"), Path.of("pid:[" + ns + "]"));
  }

  @TearDown(Level.Trial)
  public void removeMachine() throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public HostSnapshot snapshot() {
    return reader.read();
  }

  @Benchmark
  public String json() {
    return SnapshotJson.of(taken);
  }

  @Benchmark
  public String script() {
    return SnapshotScript.of(taken);
  }
}
