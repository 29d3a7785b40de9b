package org.pidnslab.script;

import java.time.Duration;

/**
 * When a long run must stop ({@code --timeout}): runs check it between statements, so a script of a
 * million statements that each walk every task can be given up on without killing the process.
 */
public final class Deadline {
  /** No limit. */
  public static final Deadline NONE = new Deadline(null, Long.MAX_VALUE);

  private final Duration limit;
  private final long endNanos;

  private Deadline(Duration limit, long endNanos) {
    this.limit = limit;
    this.endNanos = endNanos;
  }

  /** A deadline {@code limit} from now. */
  public static Deadline after(Duration limit) {
    return new Deadline(limit, System.nanoTime() + limit.toNanos());
  }

  /** Whether the time is up. */
  public boolean expired() {
    return limit != null && System.nanoTime() - endNanos >= 0;
  }

  /** What happened, for the error line: {@code timed out after 1.5 s (--timeout)}. */
  public String reason() {
    return "timed out after " + seconds(limit) + " s (--timeout)";
  }

  private static String seconds(Duration d) {
    return d == null
        ? "∞"
        : java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
  }
}
