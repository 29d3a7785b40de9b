package org.pidnslab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.pidnslab.script.SafeText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pidns-lab}: the headless command line. Subcommands do the work; alone it prints help. */
@Command(
    name = "pidns-lab",
    mixinStandardHelpOptions = true,
    versionProvider = PidnsLabCommand.Version.class,
    description = {
      "PID Namespace Lab: a kernel-faithful simulation of Linux PID namespaces.",
      "Run without a subcommand (from the fat jar) to open the window."
    },
    subcommands = {
      RunCommand.class,
      ExportCommand.class,
      VerifyCommand.class,
      LiveCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PidnsLabCommand implements Runnable {
  @Spec CommandSpec spec;
  private final PrintStream out;
  private final PrintStream err;

  private PidnsLabCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Where subcommands print results. */
  PrintStream out() {
    return out;
  }

  /** Where subcommands print errors. */
  PrintStream err() {
    return err;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the command line with {@code args}, writing to {@code out} and {@code err}.
   *
   * @return the exit status: 0 fine, 1 an expect failed, 2 a script or usage error
   */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new PidnsLabCommand(out, err));
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println(SafeText.escapeControls("pidns-lab: " + ex.getMessage()));
          return 2;
        });
    // a wrong option or value is one line that says where help is, not the whole usage
    cl.setParameterExceptionHandler(
        (ex, badArgs) -> {
          String name = ex.getCommandLine().getCommandSpec().qualifiedName();
          ex.getCommandLine()
              .getErr()
              .println(
                  SafeText.escapeControls(
                      name + ": " + ex.getMessage() + " (see '" + name + " --help')"));
          return 2;
        });
    int status;
    try {
      status = cl.execute(args);
    } catch (OutOfMemoryError e) {
      // what is left after the limits (a script of millions of labels, a huge picture):
      // the stack has unwound, so the one line can be printed
      out.flush();
      err.println(
          "pidns-lab: out of memory: the scenario needs more than this Java heap ("
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MB; set a larger one with JAVA_TOOL_OPTIONS=-Xmx...)");
      status = 2;
    } catch (StackOverflowError e) {
      out.flush();
      err.println("pidns-lab: the scenario is nested too deeply for this Java stack");
      status = 2;
    }
    out.flush();
    err.flush();
    return status;
  }

  /** The version from the build, as {@code --version} prints it. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in =
          PidnsLabCommand.class.getResourceAsStream("/org/pidnslab/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "pidns-lab " + p.getProperty("version", "unknown"),
        "Simulates Linux 6.18 PID namespaces; scenario language version 1.",
        "Java " + System.getProperty("java.version")
      };
    }
  }
}
