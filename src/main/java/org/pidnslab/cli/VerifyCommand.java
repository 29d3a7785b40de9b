package org.pidnslab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pidnslab.host.CannotRun;
import org.pidnslab.host.Helper;
import org.pidnslab.host.RunMode;
import org.pidnslab.host.Verification;
import org.pidnslab.host.Verifier;
import org.pidnslab.script.SafeText;
import org.pidnslab.script.ScriptRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pidns-lab verify FILE}: the script on this machine's kernel beside the simulation. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Run a .pidns scenario on this machine's Linux kernel, with real processes in a fresh PID"
          + " namespace, and compare what it prints with the simulation (pidns-lab run).",
      "Exit status: 0 identical, 1 different (a unified diff), 2 an unreadable file, 3 the real"
          + " kernel cannot run it here (one line says why and what would make it work)."
    })
final class VerifyCommand implements Callable<Integer> {
  /** Exit status: identical. */
  static final int IDENTICAL = 0;

  /** Exit status: the kernel printed something else. */
  static final int DIFFERENT = 1;

  /** Exit status: the real kernel cannot run it here. */
  static final int CANNOT_RUN = 3;

  @ParentCommand PidnsLabCommand parent;

  @Parameters(paramLabel = "FILE", description = "The .pidns script to check.")
  String file;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Stop the real run after this long (default: 60).")
  int timeout = 60;

  @Option(
      names = "--unprivileged",
      description =
          "Even as root, run in a fresh user namespace as an ordinary user would (the default"
              + " for non-root).")
  boolean unprivileged;

  /**
   * Reads {@code path} on a thread of its own, waiting at most {@code limit}: opening a FIFO
   * without a writer blocks in the kernel, where no timer of the run can reach it.
   */
  static String readWithin(Path path, Duration limit) throws IOException, TimeoutException {
    FutureTask<String> read =
        new FutureTask<>(
            // lenient decoding, as 'run' reads scripts: a stray byte becomes U+FFFD on both sides
            () -> new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
    Thread t = new Thread(read, "pidns-lab-verify-read");
    t.setDaemon(true); // left blocked in open() or read(), it must not keep the process alive
    t.start();
    try {
      return read.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(String.valueOf(e.getCause().getMessage()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      t.interrupt();
    }
  }

  @Override
  public Integer call() {
    PrintStream out = parent.out();
    PrintStream err = parent.err();
    if (timeout < 1) {
      err.println("pidns-lab verify: --timeout must be at least 1 second");
      return ScriptRun.SCRIPT_ERROR;
    }
    String text;
    try {
      text = readWithin(Path.of(file), Duration.ofSeconds(timeout));
    } catch (NoSuchFileException e) {
      err.println(SafeText.escapeControls(file + ": no such file"));
      return ScriptRun.SCRIPT_ERROR;
    } catch (TimeoutException e) {
      err.println(
          SafeText.escapeControls(
              file
                  + ": not read within the "
                  + timeout
                  + " s of --timeout (a FIFO nobody writes to?)"));
      return ScriptRun.SCRIPT_ERROR;
    } catch (IOException | RuntimeException e) {
      err.println(SafeText.escapeControls(file + ": cannot read: " + e.getMessage()));
      return ScriptRun.SCRIPT_ERROR;
    }
    RunMode mode = unprivileged ? RunMode.USER_NAMESPACE : RunMode.forThisProcess();
    Verifier verifier = new Verifier(Helper.locate(), mode, Duration.ofSeconds(timeout));
    Verification v;
    try {
      v = verifier.verify(file, text);
    } catch (CannotRun e) {
      out.flush();
      err.println("pidns-lab verify: cannot run on this kernel here: " + e.line());
      return CANNOT_RUN;
    }
    report(v, out);
    return v.identical() ? IDENTICAL : DIFFERENT;
  }

  static void report(Verification v, PrintStream out) {
    out.println("kernel: Linux " + v.release().text() + " (uname -r); the simulation models 6.18");
    out.println("run: " + v.mode().description());
    if (v.identical()) {
      out.println(
          "identical: the kernel printed the same "
              + v.kernel().resultLines().size()
              + " lines and exit status "
              + v.kernel().exit()
              + " as the simulation");
      return;
    }
    for (String line : v.diff()) {
      out.println(line);
    }
    for (String note : v.notes()) {
      out.println("note: " + note);
    }
    out.println("different: the kernel's output (+) is not the simulation's (-)");
  }
}
