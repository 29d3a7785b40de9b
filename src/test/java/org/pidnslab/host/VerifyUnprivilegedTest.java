package org.pidnslab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unprivileged run as an ordinary user: the helper started as nobody (uid 65534, through {@code
 * setpriv}) in a user namespace of its own. Needs root to switch users; skipped, with the reason
 * printed, where this machine does not let users create user namespaces.
 */
class VerifyUnprivilegedTest {
  static final List<String> AS_NOBODY =
      List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

  @TempDir static Path dir;
  static Path helper;

  @BeforeAll
  static void nobodyCanReadTheFiles() throws Exception {
    boolean root = ThisProcess.effectiveUid() == 0;
    if (!root) {
      System.out.println("VerifyUnprivilegedTest skipped: not root, cannot become another user");
    }
    assumeTrue(root, "needs root to run the helper as uid 65534");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    helper = dir.resolve(Helper.NAME);
    Files.copy(KernelScripts.helper(), helper, StandardCopyOption.COPY_ATTRIBUTES);
    for (Path s : KernelScripts.in(KernelScripts.CONFORMANCE)) {
      Files.copy(s, dir.resolve(s.getFileName()));
    }
    Files.writeString(
        dir.resolve("sysctls.pidns"),
        "clone init c newpid\nsysctl c pid_max 400\nsysctl c ns_last_pid 350\nfork c c1\n"
            + "sysctl init ns_last_pid 99\nfork init a\nexpect c1 nspid=3/351\n");
    String reason = userNamespacesRefused();
    if (reason != null) {
      System.out.println("VerifyUnprivilegedTest skipped: " + reason);
    }
    assumeTrue(reason == null, reason);
  }

  /** Null if nobody may create a user namespace here, else what refused it. */
  private static String userNamespacesRefused() throws Exception {
    List<String> cmd = new java.util.ArrayList<>(AS_NOBODY);
    cmd.addAll(List.of("unshare", "--user", "--map-root-user", "--pid", "--fork", "true"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "unshare --user did not finish";
    }
    String out = new String(p.getInputStream().readAllBytes()).strip();
    return p.exitValue() == 0 ? null : "user namespaces are not available to users: " + out;
  }

  private static Verification verifyAsNobody(String name) throws IOException, CannotRun {
    Verifier v = new Verifier(Optional.of(helper), RunMode.USER_NAMESPACE, Duration.ofSeconds(120));
    return v.verify(name, Files.readString(dir.resolve(name)), new KernelRunner(helper, AS_NOBODY));
  }

  @Test
  void everyConformanceScriptIsIdenticalUnprivileged() throws Exception {
    for (Path s : KernelScripts.in(KernelScripts.CONFORMANCE)) {
      Verification v = verifyAsNobody(s.getFileName().toString());
      assertTrue(v.identical(), () -> s + "\n" + KernelScripts.report(v));
      assertEquals(RunMode.USER_NAMESPACE, v.mode());
    }
  }

  /** On 6.18 the run's own user namespace owns its PID namespaces: both sysctls work. */
  @Test
  void theSysctlsWorkInTheRunsOwnUserNamespace() throws Exception {
    Verification v = verifyAsNobody("sysctls.pidns");
    assertTrue(v.identical(), () -> KernelScripts.report(v));
    assertTrue(v.kernel().stdout().contains("2: sysctl c pid_max 400 = 0"), v.kernel()::stdout);
  }

  @Test
  void withoutAUserNamespaceAnOrdinaryUserCannotRunIt() {
    Verifier v = new Verifier(Optional.of(helper), RunMode.ROOT, Duration.ofSeconds(30));
    CannotRun e =
        assertThrows(
            CannotRun.class,
            () -> v.verify("01-fork-tree.pidns", "", new KernelRunner(helper, AS_NOBODY)));
    assertEquals("cannot create a PID namespace: Operation not permitted", e.getMessage());
    assertTrue(e.remedy().contains("container"), e.remedy());
  }
}
