package org.pidnslab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pidnslab.export.ExportException;
import org.pidnslab.export.ExportFormat;
import org.pidnslab.export.ExportRequest;
import org.pidnslab.export.Exporter;
import org.pidnslab.export.Scenario;
import org.pidnslab.graph.AutoCollapse;
import org.pidnslab.graph.AwtTextMetrics;
import org.pidnslab.graph.DrawingBuilder;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.LayoutChoice;
import org.pidnslab.graph.SceneSize;
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

  /** The page --collapse auto plans for without --fit: a full-HD screen. */
  static final int DEFAULT_PAGE_WIDTH = 1920;

  static final int DEFAULT_PAGE_HEIGHT = 1080;

  /** The smallest text --collapse auto keeps, in pixels: 10 px reads on a laptop screen. */
  static final double MIN_TEXT_PX = 10;

  /** The --fit sides allowed: a thumbnail to an 8K screen and then some. */
  static final int MIN_FIT = 16;

  static final int MAX_FIT = 16_384;

  private static final Pattern FIT = Pattern.compile("([0-9]{1,6})x([0-9]{1,6})");

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
      description =
          "auto (default: compact above "
              + SceneSize.COMPACT_ABOVE_TASKS
              + " tasks or "
              + SceneSize.COMPACT_ABOVE_WIDEST
              + " tasks at one depth of the process tree, else tree), tree, compact, fr or circular.")
  String layout = "auto";

  @Option(
      names = "--collapse",
      paramLabel = "MODE",
      description =
          "none (default: every task drawn) or auto: fold the biggest namespaces and subtrees into"
              + " summary cards until text is at least 10 px in the --fit box (or 1920x1080).")
  String collapse = "none";

  @Option(
      names = "--fit",
      paramLabel = "WIDTHxHEIGHT",
      description = "png: scale the picture down (never up) to fit, e.g. 1920x1080.")
  String fit;

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
    boolean collapsed = collapse();
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
    if (lay == null) {
      lay = SceneSize.of(kernel).automatic();
    }
    DrawingOptions options = new DrawingOptions(namespace(kernel), lay);
    int[] box = fitBox(fmt);
    if (collapsed) {
      options =
          AutoCollapse.plan(
              new DrawingBuilder(new AwtTextMetrics(th.typography())),
              kernel,
              options,
              box[0] > 0 ? box[0] : DEFAULT_PAGE_WIDTH,
              box[1] > 0 ? box[1] : DEFAULT_PAGE_HEIGHT,
              MIN_TEXT_PX,
              Set.of());
    } else if (box[0] > 0) {
      options = options.withAspect((double) box[0] / box[1]);
    }
    ExportRequest request =
        ExportRequest.of(kernel, options, th)
            .withScale(scale)
            .withTransparentBackground(transparent)
            .withScenario(scenario)
            .withFit(box[0], box[1]);
    if (output.toString().equals(STDOUT)) {
      Exporter.write(fmt, request, parent.out()); // straight out: a pipe cannot be replaced
      parent.out().flush();
    } else {
      Exporter.export(fmt, request, output);
    }
  }

  /** The layout asked for, or null for auto (chosen once the state's size is known). */
  private LayoutChoice layout() throws UsageProblem {
    if (layout.equalsIgnoreCase("auto")) {
      return null;
    }
    for (LayoutChoice c : LayoutChoice.values()) {
      if (c.name().equalsIgnoreCase(layout)) {
        return c;
      }
    }
    throw new UsageProblem(
        "unknown layout '" + layout + "'; try auto, tree, compact, fr or circular");
  }

  /** Whether --collapse asks for auto (true) or none (false). */
  private boolean collapse() throws UsageProblem {
    if (collapse.equalsIgnoreCase("auto")) {
      return true;
    }
    if (collapse.equalsIgnoreCase("none")) {
      return false;
    }
    throw new UsageProblem("unknown --collapse '" + collapse + "'; try auto or none");
  }

  /** The --fit box as {width, height}, {0, 0} without one. */
  private int[] fitBox(ExportFormat fmt) throws UsageProblem {
    if (fit == null) {
      return new int[] {0, 0};
    }
    Matcher m = FIT.matcher(fit);
    if (!m.matches()) {
      throw new UsageProblem("--fit must be WIDTHxHEIGHT, e.g. 1920x1080: " + fit);
    }
    int w = Integer.parseInt(m.group(1));
    int h = Integer.parseInt(m.group(2));
    if (w < MIN_FIT || h < MIN_FIT || w > MAX_FIT || h > MAX_FIT) {
      throw new UsageProblem(
          "--fit needs a width and a height from " + MIN_FIT + " to " + MAX_FIT + ": " + fit);
    }
    if (fmt != ExportFormat.PNG) {
      throw new UsageProblem("--fit applies to png only");
    }
    return new int[] {w, h};
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
