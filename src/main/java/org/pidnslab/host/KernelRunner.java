package org.pidnslab.host;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs a scenario on this machine's kernel through the native helper ({@code replay}). */
public final class KernelRunner {
  /** The helper's exit status for "this machine cannot run it" (see pidns-lab-helper.c). */
  static final int HELPER_CANNOT = 4;

  /** The helper's exit status for its own failure or the timeout. */
  static final int HELPER_FAILED = 3;

  private final Path helper;
  private final List<String> prefix;

  /** Runs {@code helper} directly. */
  public KernelRunner(Path helper) {
    this(helper, List.of());
  }

  /**
   * Runs {@code helper} through {@code prefix}, a fixed command such as {@code setpriv
   * --reuid=65534 ...} (tests of the unprivileged run as an ordinary user).
   */
  KernelRunner(Path helper, List<String> prefix) {
    this.helper = helper;
    this.prefix = List.copyOf(prefix);
  }

  /**
   * Runs {@code file} (named as the user named it, relative to {@code directory}) in {@code mode},
   * stopped after {@code timeout}.
   *
   * @throws CannotRun when the kernel refused the namespaces, or the helper failed or timed out
   */
  public RunOutput run(String file, Path directory, RunMode mode, Duration timeout)
      throws CannotRun {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(helper.toString());
    cmd.add("replay");
    if (mode == RunMode.USER_NAMESPACE) {
      cmd.add("--user-namespace");
    }
    cmd.add("--timeout");
    cmd.add(Long.toString(Math.max(1, timeout.toSeconds())));
    cmd.add(file);
    HelperCall.Result r;
    try {
      // the helper's own alarm fires first; this bound only catches a helper that hangs
      r = HelperCall.run(cmd, directory, timeout.plusSeconds(10));
    } catch (IOException e) {
      throw new CannotRun(
          "cannot start " + helper + ": " + e.getMessage(),
          "reinstall pidns-lab or rebuild with a C compiler present");
    }
    if (r.timedOut() || (r.exit() == HELPER_FAILED && lastLine(r.err()).startsWith("stopped"))) {
      throw new CannotRun(
          "the run did not finish within "
              + timeout.toSeconds()
              + " s and was stopped (every process of it was killed)",
          "try a longer --timeout");
    }
    if (r.exit() == HELPER_CANNOT) {
      throw new CannotRun(lastLine(r.err()), remedy(mode));
    }
    if (r.exit() == HELPER_FAILED || r.exit() < 0 || r.exit() > HELPER_CANNOT) {
      throw new CannotRun(
          "the helper failed: " + lastLine(r.err()),
          "run it again; if it persists, report it with the script");
    }
    return new RunOutput(r.out(), r.err(), r.exit());
  }

  private static String remedy(RunMode mode) {
    return mode == RunMode.ROOT
        ? "the kernel refused even root: a container without CAP_SYS_ADMIN cannot create"
            + " namespaces; run it on the host"
        : "run it as root (sudo), or let users create user namespaces"
            + " (sysctl user.max_user_namespaces=N>0; on Debian/Ubuntu also"
            + " kernel.unprivileged_userns_clone=1 or"
            + " kernel.apparmor_restrict_unprivileged_userns=0)";
  }

  private static String lastLine(String err) {
    List<String> lines = err.strip().lines().toList();
    String l = lines.isEmpty() ? "no message" : lines.get(lines.size() - 1);
    return l.replaceFirst("^pidns-lab-helper: ", "");
  }
}
