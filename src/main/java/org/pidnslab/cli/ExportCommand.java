package org.pidnslab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pidnslab.export.ExportException;
import org.pidnslab.export.ExportFormat;
import org.pidnslab.export.ExportRequest;
import org.pidnslab.export.Exporter;
import org.pidnslab.export.Scenario;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.LayoutChoice;
import org.pidnslab.graph.Theme;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.script.Deadline;
import org.pidnslab.script.SafeText;
import org.pidnslab.script.ScriptError;
import org.pidnslab.script.ScriptRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pidns-lab export SCRIPT --format F -o OUT}: the picture, graph or state of a scenario as a
 * file, headless. Any error is one line on stderr and exit status 2, and leaves OUT as it was.
 * {@code -o -} writes to standard output; any other OUT is replaced atomically ({@link
 * org.pidnslab.script.AtomicFile}), which refuses devices, FIFOs and read-only files.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a scenario's state as a diagram (svg, png, pdf), a graph (dot, graphml), the state"
          + " (json) or an animation with one frame per statement (gif).",
      "Needs no display. Exit status: 0 written, 2 an error (one line on stderr; OUT unchanged)."
    })
final class ExportCommand implements Callable<Integer> {
  /** {@code -o -}: write to standard output. */
  static final String STDOUT = "-";

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SCRIPT", description = "The .pidns script.")
  String file;

  @Option(
      names = {"-f", "--format"},
      required = true,
      paramLabel = "FORMAT",
      description = "svg, png, pdf, dot, graphml, json or gif.")
  String format;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description =
          "The file to write, replaced atomically (never a device, FIFO or read-only file);"
              + " - for standard output.")
  Path output;

  @Option(
      names = "--at",
      paramLabel = "LINE",
      description =
          "The state after the statements on lines 1 to LINE (default: the whole script).")
  Integer at;

  @Option(
      names = "--view",
      paramLabel = "NAMESPACE",
      description =
          "See the state from this namespace (root, ns1, ...), as the window's perspective.")
  String view;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      description = "tree (default), fr or circular.")
  String layout = "tree";

  @Option(
      names = "--theme",
      paramLabel = "THEME",
      description = "light (default), dark or projector.")
  String theme = "light";

  @Option(
      names = "--scale",
      paramLabel = "N",
      description = "Pixels per unit for png and gif: 1 (default) to 8.")
  int scale = 1;

  @Option(names = "--transparent", description = "png: leave the background transparent.")
  boolean transparent;

  @Mixin TimeoutOption timeout;

  @ParentCommand PidnsLabCommand parent;

  @Override
  public Integer call() {
    try {
      export();
      return 0;
    } catch (ExportException e) {
      // a script error reads FILE:LINE: message, exactly as 'run' reports it
      return e.getCause() instanceof ScriptError ? fail(e.getMessage(), "") : fail(e.getMessage());
    } catch (UsageProblem e) {
      return fail(e.getMessage());
    } catch (Scripts.Unreadable e) {
      return fail(e.getMessage(), "");
    } catch (IOException e) {
      return fail(e.getMessage() == null ? output + ": cannot write" : e.getMessage());
    }
  }

  private void export() throws UsageProblem, Scripts.Unreadable, ExportException, IOException {
    Deadline deadline = timeout.start();
    ExportFormat fmt = parse(() -> ExportFormat.named(format));
    Theme th = parse(() -> Theme.named(theme));
    LayoutChoice lay = layout();
    if (scale < 1 || scale > ExportRequest.MAX_SCALE) {
      throw new UsageProblem("--scale must be 1 to " + ExportRequest.MAX_SCALE + ": " + scale);
    }
    if (at != null && at < 0) {
      throw new UsageProblem("--at must be a line number: " + at);
    }
    String text = Scripts.read(file);
    Scenario scenario = Scenario.of(file, text).withDeadline(deadline);
    if (at != null) {
      scenario = scenario.until(at);
    }
    Kernel kernel = scenario.state();
    DrawingOptions options = new DrawingOptions(namespace(kernel), lay);
    ExportRequest request =
        ExportRequest.of(kernel, options, th)
            .withScale(scale)
            .withTransparentBackground(transparent)
            .withScenario(scenario);
    if (output.toString().equals(STDOUT)) {
      Exporter.write(fmt, request, parent.out()); // straight out: a pipe cannot be replaced
      parent.out().flush();
    } else {
      Exporter.export(fmt, request, output);
    }
  }

  private LayoutChoice layout() throws UsageProblem {
    for (LayoutChoice c : LayoutChoice.values()) {
      if (c.name().equalsIgnoreCase(layout)) {
        return c;
      }
    }
    throw new UsageProblem("unknown layout '" + layout + "'; try tree, fr or circular");
  }

  private PidNamespace namespace(Kernel kernel) throws UsageProblem {
    if (view == null) {
      return null;
    }
    for (PidNamespace ns : kernel.namespaces()) {
      if (ns.name().equals(view)) {
        return ns;
      }
    }
    List<String> names = kernel.namespaces().stream().map(PidNamespace::name).toList();
    throw new UsageProblem(
        "no namespace '" + view + "' at that point; there are " + String.join(", ", names));
  }

  private int fail(String message) {
    return fail(message, "pidns-lab export: ");
  }

  private int fail(String message, String prefix) {
    spec.commandLine().getErr().println(SafeText.escapeControls(prefix + message));
    return ScriptRun.SCRIPT_ERROR;
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T parse(Parse<T> p) throws UsageProblem {
    try {
      return p.get();
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage());
    }
  }

  /** A wrong option value or an unreadable script: reported like any export error. */
  private static final class UsageProblem extends Exception {
    private static final long serialVersionUID = 1L;

    UsageProblem(String message) {
      super(message);
    }
  }
}
