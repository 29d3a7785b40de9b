package org.pidnslab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every script a real Linux 6.18 kernel was recorded on and requires byte-identical stdout,
 * stderr (where recorded) and exit status: {@code conformance/} holds the shared reference scripts,
 * {@code kernel-recorded/} the ones this project replayed on a real kernel itself.
 */
class ConformanceTest {

  static Stream<Path> recordedScripts() throws IOException, URISyntaxException {
    Stream<Path> all = Stream.empty();
    for (String dir : List.of("conformance", "kernel-recorded")) {
      var url = ConformanceTest.class.getResource("/" + dir);
      if (url == null) {
        continue;
      }
      try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
        List<Path> scripts = files.filter(p -> p.toString().endsWith(".pidns")).sorted().toList();
        all = Stream.concat(all, scripts.stream());
      }
    }
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordedScripts")
  void simulatorPrintsWhatTheRealKernelPrinted(Path script) throws IOException {
    String base = script.getFileName().toString().replaceFirst("\\.pidns$", "");
    Path dir = script.getParent();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status =
          ScriptRun.run(script.getFileName().toString(), Files.readString(script), o, e, false);
    }
    assertEquals(
        Files.readString(dir.resolve(base + ".expected")),
        out.toString(StandardCharsets.UTF_8),
        "stdout of " + base);
    assertEquals(
        Integer.parseInt(Files.readString(dir.resolve(base + ".exitcode")).strip()),
        status,
        "exit status of " + base);
    Path stderr = dir.resolve(base + ".stderr");
    if (Files.exists(stderr)) {
      assertEquals(
          Files.readString(stderr), err.toString(StandardCharsets.UTF_8), "stderr of " + base);
    }
  }
}
