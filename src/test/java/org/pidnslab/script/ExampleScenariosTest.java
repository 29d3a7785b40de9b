package org.pidnslab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example the project ships runs cleanly: its expect lines are its own test. */
class ExampleScenariosTest {

  static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("assets/scenarios"))) {
      return files.filter(p -> p.toString().endsWith(".pidns")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleRunsWithEveryExpectHolding(Path script) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        ScriptRun.run(
            script.toString(),
            Files.readString(script),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    assertEquals("", err.toString(StandardCharsets.UTF_8));
    assertEquals(ScriptRun.OK, status);
    assertTrue(
        script.toFile().length() > 0 && Files.readString(script).contains("expect "),
        "an example states what it shows with expect lines");
  }
}
