package org.pidnslab.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The scripts the verify tests run on the real kernel, and the helper they use. */
final class KernelScripts {
  static final Path CONFORMANCE = Path.of("src/test/resources/conformance");
  static final Path CORPUS = Path.of("src/test/resources/kernel-recorded");
  static final Path LESSONS = Path.of("assets/lessons");

  private KernelScripts() {}

  static List<Path> in(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".pidns")).sorted().toList();
    }
  }

  /** The helper the build made (profile native); the tests need it. */
  static Path helper() {
    return Helper.locate()
        .orElseThrow(() -> new AssertionError("no " + Helper.NAME + ": build with cc installed"));
  }

  /** Verifies {@code script} on this kernel in {@code mode}, naming it by its file name. */
  static Verification verify(Path script, RunMode mode) throws IOException, CannotRun {
    Verifier v =
        new Verifier(java.util.Optional.of(helper()), mode, java.time.Duration.ofSeconds(120));
    return v.verify(
        script.getFileName().toString(), Files.readString(script), new KernelRunner(helper()));
  }

  /** A failure message with everything verify printed. */
  static String report(Verification v) {
    return String.join("\n", v.diff()) + "\n" + String.join("\n", v.notes());
  }
}
