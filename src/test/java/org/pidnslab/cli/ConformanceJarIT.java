package org.pidnslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Path outDir = Files.createTempDirectory("pidns-jar");
    try {
      JarProcess.Result r = JarProcess.in(workDir).run(outDir, args);
      return new Run(r.status(), r.out(), r.err());
    } finally {
      Files.deleteIfExists(outDir.resolve("stdout"));
      Files.deleteIfExists(outDir.resolve("stderr"));
      Files.delete(outDir);
    }
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
