package org.pidnslab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pidnslab.host.HostSnapshot;
import org.pidnslab.host.ProcReader;
import org.pidnslab.host.SnapshotJson;
import org.pidnslab.host.SnapshotScript;
import org.pidnslab.host.SnapshotText;
import org.pidnslab.script.ScriptRun;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pidns-lab live [--json | --script]}: this machine's PID namespaces and processes. */
@Command(
    name = "live",
    mixinStandardHelpOptions = true,
    description = {
      "Show this machine's PID namespaces and processes, read from /proc: the namespace tree,"
          + " and per process its pids at every level (NSpid), pgid, sid, parent and state.",
      "Non-root sees other users' processes without their namespace identity; the output says"
          + " what is hidden. Exit status: 0, or 2 for an unreadable /proc."
    })
final class LiveCommand implements Callable<Integer> {
  @ParentCommand PidnsLabCommand parent;

  @ArgGroup(exclusive = true)
  Form form = new Form();

  static final class Form {
    @Option(names = "--json", description = "As JSON (format pidns-lab/live, see the user guide).")
    boolean json;

    @Option(
        names = "--script",
        description =
            "As a .pidns script that builds the same shape in the simulation (pidns-lab run).")
    boolean script;
  }

  @Option(
      names = "--proc",
      paramLabel = "DIR",
      description = "Read another /proc, or a folder shaped like one (default: /proc).")
  Path proc = Path.of("/proc");

  @Override
  public Integer call() {
    PrintStream out = parent.out();
    if (!Files.isDirectory(proc)) {
      parent.err().println("pidns-lab live: " + proc + ": not a directory");
      return ScriptRun.SCRIPT_ERROR;
    }
    HostSnapshot s = new ProcReader(proc).read();
    if (form.json) {
      out.print(SnapshotJson.of(s));
    } else if (form.script) {
      out.print(SnapshotScript.of(s));
    } else {
      for (String line : SnapshotText.lines(s)) {
        out.print(line + "\n");
      }
    }
    out.flush();
    return 0;
  }
}
