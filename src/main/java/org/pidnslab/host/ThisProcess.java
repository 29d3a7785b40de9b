package org.pidnslab.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about this process and this machine, read from /proc (Linux only). */
final class ThisProcess {
  private ThisProcess() {}

  /** The effective uid (second field of {@code Uid:} in /proc/self/status), -1 if unknown. */
  static int effectiveUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("Uid:")) {
          return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or an unreadable /proc: unknown
    }
    return -1;
  }

  /** What {@code uname -r} prints (the kernel's osrelease), or null if unknown. */
  static String kernelRelease() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/osrelease"), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether this JVM runs on Linux. */
  static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
  }
}
