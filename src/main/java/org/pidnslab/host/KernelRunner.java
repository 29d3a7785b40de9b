package org.pidnslab.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pidnslab.script.SafeText;

/** Runs a scenario on this machine's kernel through the native helper ({@code replay}). */
public final class KernelRunner {
  /** The helper's exit status for "this machine cannot run it" (see pidns-lab-helper.c). */
  static final int HELPER_CANNOT = 4;

  /** The helper's exit status for its own failure or the timeout. */
  static final int HELPER_FAILED = 3;

  private static final FileAttribute<?> OWNER_ONLY_DIR =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  private static final FileAttribute<?> OWNER_ONLY_FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path helper;
  private final List<String> prefix;
  private final Path tempBase;

  /** Runs {@code helper} directly. */
  public KernelRunner(Path helper) {
    this(helper, List.of());
  }

  /**
   * Runs {@code helper} through {@code prefix}, a fixed command such as {@code setpriv
   * --reuid=65534 ...} (tests of the unprivileged run as an ordinary user).
   */
  KernelRunner(Path helper, List<String> prefix) {
    this(helper, prefix, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** As above, its private folders made in {@code tempBase} (tests look there). */
  KernelRunner(Path helper, List<String> prefix, Path tempBase) {
    this.helper = helper;
    this.prefix = List.copyOf(prefix);
    this.tempBase = tempBase;
  }

  /**
   * Runs the script {@code file}, relative to {@code directory}, read once here as {@code run}
   * reads scripts.
   *
   * @throws CannotRun when it cannot be read, the kernel refused the namespaces, or the helper
   *     failed or timed out
   */
  public RunOutput run(String file, Path directory, RunMode mode, Duration timeout)
      throws CannotRun {
    Path path = directory == null ? Path.of(file) : directory.resolve(file);
    String text;
    try {
      // lenient decoding, as 'run' reads scripts: a stray byte becomes U+FFFD on both sides
      text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CannotRun(
          SafeText.escapeControls(file + ": cannot read: " + e.getMessage()), "check the file");
    }
    return runText(file, text, mode, timeout);
  }

  /**
   * Runs {@code text}, the script Java already read from {@code file} (the name the helper's
   * messages show), in {@code mode}, stopped after {@code timeout}. The helper reads the text from
   * a private copy on its stdin, never the user's path a second time: that would fail on a {@code
   * <(pipe)}, block on a FIFO before the helper's alarm, or read a file changed meanwhile.
   *
   * @throws CannotRun when the kernel refused the namespaces, or the helper failed or timed out
   */
  public RunOutput runText(String file, String text, RunMode mode, Duration timeout)
      throws CannotRun {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(helper.toString());
    cmd.add("replay");
    if (mode == RunMode.USER_NAMESPACE) {
      cmd.add("--user-namespace");
    }
    cmd.add("--timeout");
    cmd.add(Long.toString(Math.max(1, timeout.toSeconds())));
    cmd.add("--name");
    cmd.add(file);
    cmd.add("-");
    HelperCall.Result r;
    Path work = null;
    try {
      work = Files.createTempDirectory(tempBase, "pidns-lab-verify", OWNER_ONLY_DIR);
      Path script = Files.createFile(work.resolve("script.pidns"), OWNER_ONLY_FILE);
      Files.writeString(script, text, StandardCharsets.UTF_8);
      // the helper's FIFO folder goes inside ours, so that it is removed even when the helper
      // was killed (-9) before it could clean up; a prefix that changes the user cannot write there
      Path tmpdir = prefix.isEmpty() ? work : null;
      // the helper's own alarm fires first; this bound only catches a helper that hangs
      r = HelperCall.run(cmd, null, script, tmpdir, timeout.plusSeconds(10));
    } catch (IOException e) {
      throw new CannotRun(
          "cannot start " + helper + ": " + e.getMessage(),
          "reinstall pidns-lab or rebuild with a C compiler present");
    } finally {
      deleteTree(work);
    }
    r = escaped(r);
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

  /** {@code r} with the control characters of every line written out, line ends kept. */
  private static HelperCall.Result escaped(HelperCall.Result r) {
    return new HelperCall.Result(
        r.exit(), escapeLines(r.out()), escapeLines(r.err()), r.timedOut());
  }

  private static String escapeLines(String text) {
    return Arrays.stream(text.split("\n", -1))
        .map(SafeText::escapeControls)
        .collect(Collectors.joining("\n"));
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // nothing more to do: a private, 0700 folder in the temporary directory
    }
  }

  private static String lastLine(String err) {
    List<String> lines = err.strip().lines().toList();
    String l = lines.isEmpty() ? "no message" : lines.get(lines.size() - 1);
    return l.replaceFirst("^pidns-lab-helper: ", "");
  }
}
