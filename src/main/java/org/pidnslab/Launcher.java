package org.pidnslab;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.pidnslab.cli.PidnsLabCommand;

/**
 * The entry point of the fat jar and of the packaged {@code pidns-lab} launcher. It must not extend
 * javafx.application.Application, so that the command-line subcommands never load JavaFX and run
 * without a display; only the window (no argument, {@code gui}, or a script to open) loads JavaFX,
 * by name.
 */
public final class Launcher {
  static final String GUI_MAIN = "org.pidnslab.app.window.LabApp";

  /** The file extension of scenario scripts, which the desktop opens in the Lab. */
  static final String SCRIPT_SUFFIX = ".pidns";

  private Launcher() {}

  /**
   * What to start and with which arguments.
   *
   * @param gui true for the window, false for the command line
   * @param args the arguments for the window's {@code LabApp.main} or for the command line
   */
  record Route(boolean gui, String[] args) {}

  /**
   * {@code pidns-lab [gui [OPTIONS]] | pidns-lab FILE.pidns | run FILE | export ... | --help |
   * --version}.
   */
  public static void main(String[] args) throws Exception {
    // java.awt is only ever used off-screen (font metrics, exports, snapshots), so it must not
    // look for a display (set before any AWT class loads): the command line runs without one, and
    // in the window an AWT X connection would install an X error handler under GTK's, which makes
    // GTK print "Gdk-WARNING: XSetErrorHandler() called with a GDK error trap pushed" (JDK-8156779)
    System.setProperty("java.awt.headless", "true");
    Route route = route(args, Files::isRegularFile);
    if (route.gui()) {
      System.exit(startGui(route.args()));
    }
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(PidnsLabCommand.execute(route.args(), out, err));
  }

  /**
   * Decides between the window and the command line, without starting either.
   *
   * <ul>
   *   <li>no argument: the window;
   *   <li>{@code gui ARGS...}: the window with {@code ARGS};
   *   <li>exactly one argument naming an existing file that ends in {@code .pidns} (a path, or a
   *       {@code file:} URI): the window with {@code --open=ABSOLUTE_PATH}. This is how the
   *       desktop's file association calls the packaged launcher when a script is double-clicked;
   *   <li>anything else: the command line, unchanged ({@code run}, {@code export}, {@code --help},
   *       ...), which reports unknown arguments itself.
   * </ul>
   *
   * @param isFile tells whether a path is an existing regular file ({@code Files::isRegularFile})
   */
  static Route route(String[] args, Predicate<Path> isFile) {
    if (args.length == 0) {
      return new Route(true, args);
    }
    if (args[0].equals("gui")) {
      return new Route(true, Arrays.copyOfRange(args, 1, args.length));
    }
    if (args.length == 1) {
      Path script = scriptToOpen(args[0], isFile);
      if (script != null) {
        return new Route(true, new String[] {"--open=" + script});
      }
    }
    return new Route(false, args);
  }

  /** The absolute path of an existing {@code .pidns} file named by {@code arg}, or null. */
  private static Path scriptToOpen(String arg, Predicate<Path> isFile) {
    if (!arg.endsWith(SCRIPT_SUFFIX) || arg.startsWith("-")) {
      return null;
    }
    Path path;
    try {
      path = arg.startsWith("file:") ? Path.of(URI.create(arg)) : Path.of(arg);
    } catch (IllegalArgumentException e) { // also InvalidPathException
      return null;
    }
    return isFile.test(path) ? path.toAbsolutePath().normalize() : null;
  }

  /** Where the window needs a display and none is set; null if the window may try to open. */
  static String noDisplay(Map<String, String> env, String glassPlatform) {
    if (glassPlatform != null) {
      return null; // a headless platform such as Monocle (the tests) needs no display
    }
    if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
      return null;
    }
    return "pidns-lab: no display found (DISPLAY and WAYLAND_DISPLAY are unset), so the window"
        + " cannot open.\n"
        + HEADLESS_HINT;
  }

  /** The second line of every "no window" message: what works without one. */
  static final String HEADLESS_HINT =
      "Without a window: 'pidns-lab run FILE' or 'pidns-lab export FILE -o OUT' (see --help);"
          + " for the window, a virtual display: xvfb-run -a pidns-lab";

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  private static int startGui(String[] args) throws Exception {
    String missing = noDisplay(System.getenv(), System.getProperty("glass.platform"));
    if (missing != null) {
      System.err.println(missing);
      return 2;
    }
    Class<?> app;
    try {
      app = Class.forName(GUI_MAIN);
    } catch (ClassNotFoundException e) {
      System.err.println(
          "pidns-lab: this build has no window yet; try 'pidns-lab run FILE' or 'pidns-lab --help'");
      return 2;
    }
    Method main = app.getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      String display = cannotOpenDisplay(e.getCause());
      if (display == null) {
        throw e;
      }
      System.err.println(
          "pidns-lab: cannot open the display "
              + Objects.toString(System.getenv("DISPLAY"), "(none)")
              + " ("
              + display
              + ").\n"
              + HEADLESS_HINT);
      return 2;
    }
    return 0;
  }

  /** GTK's message if the window failed because the display would not open, else null. */
  static String cannotOpenDisplay(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnsupportedOperationException
          && t.getMessage() != null
          && t.getMessage().contains("DISPLAY")) {
        return t.getMessage();
      }
    }
    return null;
  }
}
