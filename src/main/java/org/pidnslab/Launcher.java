package org.pidnslab;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
    Route route = route(args, Files::isRegularFile);
    if (route.gui()) {
      System.exit(startGui(route.args()));
    }
    // every other command is headless: exports draw with java.awt, which must not look for a
    // display (set before any AWT class loads)
    System.setProperty("java.awt.headless", "true");
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

  private static int startGui(String[] args) throws Exception {
    Class<?> app;
    try {
      app = Class.forName(GUI_MAIN);
    } catch (ClassNotFoundException e) {
      System.err.println(
          "pidns-lab: this build has no window yet; try 'pidns-lab run FILE' or 'pidns-lab --help'");
      return 2;
    }
    Method main = app.getMethod("main", String[].class);
    main.invoke(null, (Object) args);
    return 0;
  }
}
