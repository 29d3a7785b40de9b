package org.pidnslab.host;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kernel release as {@code uname -r} prints it, e.g. {@code 6.18.44-fc-v1147}. */
public record KernelRelease(String text, int major, int minor) {
  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

  /** The release {@code text}; major and minor are 0 where it does not start with N.N. */
  public static KernelRelease of(String text) {
    Matcher m = VERSION.matcher(text == null ? "" : text);
    return m.find()
        ? new KernelRelease(text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
        : new KernelRelease(text == null ? "unknown" : text, 0, 0);
  }

  /** Whether this release is at least {@code major.minor}. */
  public boolean atLeast(int major, int minor) {
    return this.major > major || (this.major == major && this.minor >= minor);
  }

  /**
   * Whether pid_max is per PID namespace here (Linux 6.14 and later); before, it is one system-wide
   * value.
   */
  public boolean hasPerNamespacePidMax() {
    return atLeast(6, 14);
  }
}
