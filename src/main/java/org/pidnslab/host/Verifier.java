package org.pidnslab.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code pidns-lab verify}'s work without its printing: checks that this machine can run a scenario
 * on its kernel, runs it there and beside the simulation, and compares.
 */
public final class Verifier {
  private final Optional<Path> helper;
  private final RunMode mode;
  private final Duration timeout;

  /**
   * @param helper the native helper, empty where it is not installed
   * @param mode root or the user-namespace run
   */
  public Verifier(Optional<Path> helper, RunMode mode, Duration timeout) {
    this.helper = helper;
    this.mode = mode;
    this.timeout = timeout;
  }

  /** The helper found next to the jar or on the PATH, in the mode this process can use. */
  public static Verifier forThisMachine(Duration timeout) {
    return new Verifier(Helper.locate(), RunMode.forThisProcess(), timeout);
  }

  /** The run's mode. */
  public RunMode mode() {
    return mode;
  }

  /**
   * Runs {@code text} (the content of {@code file}, relative to the current directory) on both.
   *
   * @throws CannotRun when the real kernel cannot run it here
   */
  public Verification verify(String file, String text) throws CannotRun {
    requireLinux(); // before the helper: on another system its absence is not the reason
    return verify(file, text, new KernelRunner(requireHelper()));
  }

  Verification verify(String file, String text, KernelRunner runner) throws CannotRun {
    requireLinux();
    KernelRelease release = KernelRelease.of(ThisProcess.kernelRelease());
    RunOutput kernel = runner.runText(file, text, mode, timeout);
    return Verification.of(file, RunOutput.simulate(file, text), kernel, mode, release);
  }

  private static void requireLinux() throws CannotRun {
    if (!ThisProcess.isLinux()) {
      throw new CannotRun(
          "this is " + System.getProperty("os.name") + ", and PID namespaces are Linux's",
          "run verify on Linux");
    }
  }

  private Path requireHelper() throws CannotRun {
    return helper.orElseThrow(
        () ->
            new CannotRun(
                "the native helper "
                    + Helper.NAME
                    + " is not installed next to the jar or on the PATH",
                "install the pidns-lab package, or build from source where a C compiler (cc) is"
                    + " installed: the Maven profile 'native' then builds target/"
                    + Helper.NAME));
  }
}
