package org.pidnslab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The notes verify adds to a difference with a known reason, for kernels and runs not at hand. */
class KnownDifferencesTest {
  static final RunOutput SIM =
      new RunOutput(
          "1: clone init c newpid = 2\n2: sysctl c pid_max 400 = 0\n3: sysctl c ns_last_pid 9 = 0\n",
          "",
          0);

  private static List<String> notes(String kernelOut, RunMode mode, String release) {
    return Verification.of(
            "x.pidns", SIM, new RunOutput(kernelOut, "", 0), mode, KernelRelease.of(release))
        .notes();
  }

  @Test
  void anOlderKernelsSystemWidePidMaxIsNamedNotBare() {
    List<String> n =
        notes(
            "1: clone init c newpid = 2\n2: sysctl c pid_max 400 = (not run)\n"
                + "3: sysctl c ns_last_pid 9 = 0\n",
            RunMode.ROOT,
            "6.8.0-45-generic");
    assertTrue(
        n.get(0).startsWith("line 2: pid_max is one system-wide value before Linux 6.14"),
        n::toString);
    assertTrue(
        n.get(1)
            .startsWith(
                "this kernel is 6.8.0-45-generic; the simulation models Linux 6.18 (before 6.14"),
        n::toString);
  }

  @Test
  void anUnprivilegedRunSaysWhichCapabilityAWriteNeeds() {
    List<String> n =
        notes(
            "1: clone init c newpid = 2\n2: sysctl c pid_max 400 = EPERM\n"
                + "3: sysctl c ns_last_pid 9 = EPERM\n",
            RunMode.USER_NAMESPACE,
            "6.18.2");
    assertTrue(n.get(0).contains("CAP_SYS_ADMIN in the user namespace that owns"), n::toString);
    assertTrue(n.get(1).contains("CAP_CHECKPOINT_RESTORE"), n::toString);
    assertTrue(n.get(1).endsWith("run verify as root"), n::toString);
  }

  @Test
  void aDifferenceWithoutAKnownReasonHasNoNote() {
    List<String> n =
        notes(
            "1: clone init c newpid = 3\n2: sysctl c pid_max 400 = 0\n3: sysctl c ns_last_pid 9 = 0\n",
            RunMode.ROOT,
            "6.18.44");
    assertEquals(List.of(), n);
  }

  @Test
  void releasesCompareByMajorAndMinor() {
    assertTrue(KernelRelease.of("6.14.0").hasPerNamespacePidMax());
    assertTrue(!KernelRelease.of("6.13.9").hasPerNamespacePidMax());
    assertTrue(KernelRelease.of("7.0").hasPerNamespacePidMax());
    assertEquals(0, KernelRelease.of("weird").major());
  }
}
