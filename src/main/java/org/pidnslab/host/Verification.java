package org.pidnslab.host;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/**
 * The simulation's run of a script beside the kernel's: identical or not, the unified diff
 * (simulation first), and notes for the differences with a known reason.
 */
public record Verification(
    RunMode mode,
    KernelRelease release,
    RunOutput simulation,
    RunOutput kernel,
    List<String> diff,
    List<String> notes) {

  /** Compares the two runs of {@code file}. */
  public static Verification of(
      String file, RunOutput simulation, RunOutput kernel, RunMode mode, KernelRelease release) {
    List<String> sim = simulation.comparedLines();
    List<String> real = kernel.comparedLines();
    Patch<String> patch = DiffUtils.diff(sim, real);
    List<String> diff =
        patch.getDeltas().isEmpty()
            ? List.of()
            : UnifiedDiffUtils.generateUnifiedDiff(
                file + " (simulation, Linux 6.18 model)",
                file + " (this kernel, " + release.text() + ")",
                sim,
                patch,
                3);
    List<String> notes =
        diff.isEmpty() ? List.of() : KnownDifferences.explain(simulation, kernel, mode, release);
    return new Verification(mode, release, simulation, kernel, diff, notes);
  }

  /** Whether the kernel printed exactly what the simulation printed, with the same exit status. */
  public boolean identical() {
    return diff.isEmpty();
  }
}
