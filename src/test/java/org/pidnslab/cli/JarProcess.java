package org.pidnslab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged fat jar as a user starts it ({@code java [JVM options] -jar pidns-lab.jar ARGS}, no
 * display), optionally as another user ({@code setpriv ...} in front); stdout and stderr go to
 * files, so an output of millions of lines costs no memory here.
 */
final class JarProcess {
  private final List<String> prefix = new ArrayList<>();
  private final List<String> jvm = new ArrayList<>();
  private Path dir = Path.of(".");
  private long timeoutSeconds = 60;

  /** A finished run: its status and where its output went. */
  record Result(int status, Path outFile, Path errFile, long millis) {
    String out() throws IOException {
      return Files.readString(outFile, StandardCharsets.UTF_8);
    }

    String err() throws IOException {
      return Files.readString(errFile, StandardCharsets.UTF_8);
    }

    /** The raw bytes of stderr, to look for control characters. */
    byte[] errBytes() throws IOException {
      return Files.readAllBytes(errFile);
    }
  }

  static JarProcess in(Path dir) {
    JarProcess p = new JarProcess();
    p.dir = dir;
    return p;
  }

  /** Runs the JVM behind {@code command} (e.g. setpriv and its options). */
  JarProcess as(List<String> command) {
    prefix.addAll(command);
    return this;
  }

  JarProcess jvm(String... options) {
    jvm.addAll(List.of(options));
    return this;
  }

  JarProcess timeout(long seconds) {
    timeoutSeconds = seconds;
    return this;
  }

  /** Starts the jar with {@code args}; output to temporary files in {@code outDir}. */
  Process start(Path outDir, String... args) throws IOException {
    String jar = System.getProperty("pidnslab.jar", "target/pidns-lab.jar");
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.add("-jar");
    cmd.add(Path.of(jar).toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().remove("DISPLAY"); // the CLI must not need one
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.redirectOutput(outDir.resolve("stdout").toFile());
    pb.redirectError(outDir.resolve("stderr").toFile());
    return pb.start();
  }

  /** Runs the jar with {@code args} to the end (failing the test after the timeout). */
  Result run(Path outDir, String... args) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = start(outDir, args);
    boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly().waitFor();
    }
    assertTrue(ended, "jar run did not end within " + timeoutSeconds + " s: " + List.of(args));
    return new Result(
        p.exitValue(),
        outDir.resolve("stdout"),
        outDir.resolve("stderr"),
        (System.nanoTime() - t0) / 1_000_000);
  }
}
