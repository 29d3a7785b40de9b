package org.pidnslab.app.window;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time spent since it was made: by the whole process and by the threads that draw a picture
 * (the FX thread, the renderer, the layout thread). On a machine shared with other builds the wall
 * clock waits for the CPU; the CPU time does not, so before/after comparisons read these.
 */
final class CpuClock {
  private static final String[] THREADS = {
    "JavaFX Application Thread", "QuantumRenderer", "pidns-lab-layout"
  };
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final long process = processNanos();
  private final Map<String, Long> start = perThread();

  /** "process N ms (FX a, render b, layout c)" since this clock was made. */
  String since() {
    Map<String, Long> now = perThread();
    StringBuilder s = new StringBuilder();
    s.append(String.format("process %.0f ms (", (processNanos() - process) / 1e6));
    String sep = "";
    for (String name : THREADS) {
      long d = now.getOrDefault(name, 0L) - start.getOrDefault(name, 0L);
      s.append(sep).append(String.format("%s %.0f", shortName(name), d / 1e6));
      sep = ", ";
    }
    return s.append(")").toString();
  }

  private static String shortName(String name) {
    return name.startsWith("JavaFX") ? "FX" : name.startsWith("Quantum") ? "render" : "layout";
  }

  private Map<String, Long> perThread() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      for (String name : THREADS) {
        if (info.getThreadName().startsWith(name)) {
          long t = threads.getThreadCpuTime(info.getThreadId());
          out.merge(name, Math.max(0, t), Long::sum);
        }
      }
    }
    return out;
  }

  private static long processNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
