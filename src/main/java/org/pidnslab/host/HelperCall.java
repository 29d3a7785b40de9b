package org.pidnslab.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the native helper as a child process: an argument list (never a shell, never a command line
 * made of script text), output captured in temporary files, bounded by a timeout after which it is
 * stopped (SIGTERM: the helper then kills every process of its run) and, if need be, killed.
 */
final class HelperCall {
  /** What the helper printed and its exit status; {@code timedOut} if it had to be stopped. */
  record Result(int exit, String out, String err, boolean timedOut) {}

  private HelperCall() {}

  static Result run(List<String> command, Path directory, Duration timeout) throws IOException {
    return run(command, directory, Path.of("/dev/null"), null, timeout);
  }

  /**
   * Runs {@code command} with {@code input} as its stdin and, unless null, {@code tmpdir} as its
   * TMPDIR.
   */
  static Result run(List<String> command, Path directory, Path input, Path tmpdir, Duration timeout)
      throws IOException {
    Path out = Files.createTempFile("pidns-lab-out", ".txt");
    Path err = Files.createTempFile("pidns-lab-err", ".txt");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(input.toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      if (directory != null) {
        pb.directory(directory.toFile());
      }
      if (tmpdir != null) {
        pb.environment().put("TMPDIR", tmpdir.toString());
      }
      Process p = pb.start();
      boolean timedOut = false;
      try {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          timedOut = true;
          p.destroy(); // SIGTERM: the helper kills its namespaces' processes and exits
          if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly(); // its init dies with it (PR_SET_PDEATHSIG)
            p.waitFor(5, TimeUnit.SECONDS);
          }
        }
      } catch (InterruptedException e) {
        p.destroy();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      return new Result(
          p.isAlive() ? -1 : p.exitValue(),
          // lenient decoding, as 'run' reads scripts: a stray byte becomes U+FFFD on both sides
          new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
          new String(Files.readAllBytes(err), StandardCharsets.UTF_8),
          timedOut);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
