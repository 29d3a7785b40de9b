package org.pidnslab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pidnslab.script.ScriptRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pidns-lab run [--explain] FILE}: runs a scenario and prints results and final state. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a .pidns scenario on the simulated kernel.",
      "Prints one result line per statement, then the final state. Exit status: 0 all expects"
          + " held, 1 an expect failed, 2 a script error (FILE:LINE: message on stderr)."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand PidnsLabCommand parent;

  @Option(
      names = "--explain",
      description = "Under each result line, show the kernel's steps, naming the kernel functions.")
  boolean explain;

  @Parameters(paramLabel = "FILE", description = "The .pidns script to run.")
  String file;

  @Override
  public Integer call() {
    String text;
    try {
      // lenient decoding: a stray byte becomes U+FFFD and then a FILE:LINE error, not a crash
      text = new String(Files.readAllBytes(Path.of(file)), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      spec.commandLine().getErr().println(file + ": no such file");
      return ScriptRun.SCRIPT_ERROR;
    } catch (IOException e) {
      spec.commandLine().getErr().println(file + ": cannot read: " + e.getMessage());
      return ScriptRun.SCRIPT_ERROR;
    }
    return ScriptRun.run(file, text, parent.out(), parent.err(), explain);
  }
}
