package org.pidnslab;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.pidnslab.cli.PidnsLabCommand;

/**
 * The fat jar's entry point. It must not extend javafx.application.Application, so that the
 * command-line subcommands never load JavaFX and run without a display; only {@code gui} (or no
 * argument at all) loads the window, by name.
 */
public final class Launcher {
  static final String GUI_MAIN = "org.pidnslab.app.LabApp";

  private Launcher() {}

  /** {@code pidns-lab [gui] | run FILE | --help | --version}. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("gui")) {
      System.exit(startGui(args));
    }
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(PidnsLabCommand.execute(args, out, err));
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
    String[] rest = args.length > 0 ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
    Method main = app.getMethod("main", String[].class);
    main.invoke(null, (Object) rest);
    return 0;
  }
}
