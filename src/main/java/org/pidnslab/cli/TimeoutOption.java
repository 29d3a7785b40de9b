package org.pidnslab.cli;

import java.math.BigDecimal;
import java.time.Duration;
import org.pidnslab.script.Deadline;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --timeout SECONDS} of {@code run} and {@code export}: a script of a million statements
 * that each walk 30,000 tasks runs for minutes, and a build must be able to give up on it.
 */
final class TimeoutOption {
  /** The longest timeout accepted: a year. */
  static final long MAX_SECONDS = 366L * 24 * 3600;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      converter = Seconds.class,
      description =
          "Stop with exit status 2 if the run takes longer than SECONDS (a decimal, e.g. 30 or"
              + " 0.5). Default: no limit.")
  Duration timeout;

  /** The deadline of a command started now. */
  Deadline start() {
    return timeout == null ? Deadline.NONE : Deadline.after(timeout);
  }

  /** A positive decimal number of seconds, at most {@link #MAX_SECONDS}. */
  static final class Seconds implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      BigDecimal s;
      try {
        s = new BigDecimal(value);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a number of seconds");
      }
      if (s.signum() <= 0 || s.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
        throw new TypeConversionException(
            "'" + value + "' must be more than 0 and at most " + MAX_SECONDS + " seconds");
      }
      return Duration.ofNanos(Math.max(1, s.movePointRight(9).longValue()));
    }
  }
}
