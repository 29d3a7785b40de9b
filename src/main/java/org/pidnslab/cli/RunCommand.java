package org.pidnslab.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.concurrent.Callable;
import org.pidnslab.script.Deadline;
import org.pidnslab.script.ScriptRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pidns-lab run [--explain] [--timeout SECONDS] FILE}: runs a scenario and prints results
 * and final state.
 */
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

  @Mixin TimeoutOption timeout;

  @Override
  public Integer call() {
    Deadline deadline = timeout.start();
    // read as it runs (any length in bounded memory); lenient decoding: a stray byte becomes
    // U+FFFD and then a FILE:LINE error, not a crash
    Reader in;
    try {
      in = Scripts.open(file);
    } catch (Scripts.Unreadable e) {
      spec.commandLine().getErr().println(e.getMessage());
      return ScriptRun.SCRIPT_ERROR;
    }
    int status = ScriptRun.run(file, in, parent.out(), parent.err(), explain, deadline);
    try {
      in.close();
    } catch (IOException e) {
      // a file already read to its end: nothing is lost, the status stands
    }
    return status;
  }
}
