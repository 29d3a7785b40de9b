package org.pidnslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged fat jar, run as a user runs it ({@code java -jar target/pidns-lab.jar run FILE} from
 * the script's folder, no display), reproduces every shared conformance script.
 */
class ConformanceJarIT {
  private static final Path DIR = Path.of("src/test/resources/conformance");

  static Stream<String> scripts() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".pidns"))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** Output of one jar run. */
  record Run(int status, String out, String err) {}

  static Run runJar(Path workDir, String... args) throws IOException, InterruptedException {
    return runJar(Map.of(), workDir, args);
  }

  /**
   * Runs the jar with no display ({@code DISPLAY} and {@code WAYLAND_DISPLAY} unset), then with the
   * environment variables {@code env} set.
   */
  static Run runJar(Map<String, String> env, Path workDir, String... args)
      throws IOException, InterruptedException {
    String jar = System.getProperty("pidnslab.jar", "target/pidns-lab.jar");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(Path.of(jar).toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
    pb.environment().remove("DISPLAY"); // the CLI must not need one
    pb.environment().remove("WAYLAND_DISPLAY");
    pb.environment().putAll(env);
    Path out = Files.createTempFile("pidns-out", ".txt");
    Path err = Files.createTempFile("pidns-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jar run timed out");
    Run r =
        new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void packagedJarReproducesTheKernelsOutput(String name) throws Exception {
    String base = name.replaceFirst("\\.pidns$", "");
    Run r = runJar(DIR, "run", name);
    assertEquals(Files.readString(DIR.resolve(base + ".expected")), r.out(), "stdout");
    assertEquals(
        Integer.parseInt(Files.readString(DIR.resolve(base + ".exitcode")).strip()),
        r.status(),
        "exit status");
    Path stderr = DIR.resolve(base + ".stderr");
    assertEquals(Files.exists(stderr) ? Files.readString(stderr) : "", r.err(), "stderr");
  }

  @Test
  void unknownOptionIsAUsageErrorWithStatus2() throws Exception {
    Run r = runJar(Path.of("."), "run", "--frobnicate", "x.pidns");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("Unknown option: '--frobnicate'"), r.err());
  }

  @Test
  void versionNamesTheBuild() throws Exception {
    Run r = runJar(Path.of("."), "--version");
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("pidns-lab "), r.out());
    assertTrue(!r.out().contains("unknown"), "version must come from the build: " + r.out());
  }
}
