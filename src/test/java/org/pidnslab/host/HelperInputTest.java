package org.pidnslab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the helper is given and what comes back from it (CI runs as root): the text Java read, on
 * its stdin from a private copy, whole lines however long, every word or an error, its output with
 * control characters written out, and no folder left behind even when it is killed.
 */
class HelperInputTest {
  @TempDir Path tmp;

  private static Verification verify(String file, String text) throws Exception {
    Verifier v =
        new Verifier(Optional.of(KernelScripts.helper()), RunMode.ROOT, Duration.ofSeconds(60));
    return v.verify(file, text, new KernelRunner(KernelScripts.helper()));
  }

  @Test
  void aLongCommentIsACommentWholeNotAStatementAfterItsFirst4096Bytes() throws Exception {
    String text = "fork init a\n# " + "x".repeat(4093) + "fork init b\n";
    Verification v = verify("long.pidns", text);
    assertEquals("1: fork init a = 2", v.kernel().resultLines().get(0), v.kernel()::stdout);
    assertFalse(v.kernel().stdout().contains("fork init b"), v.kernel()::stdout);
    assertTrue(v.identical(), () -> KernelScripts.report(v));
  }

  /** Labels of 128 bytes and more were "invalid" for the helper only: a false difference. */
  @Test
  void labelsAsLongAsTheSimulationTakesAreTheSame() throws Exception {
    String a = "a" + "x".repeat(300);
    String b = "b" + "y".repeat(10_000);
    String text =
        "fork init "
            + a
            + "\nclone "
            + a
            + " "
            + b
            + " newpid\nexpect "
            + b
            + " parent="
            + a
            + " nspid=3/1\nkill init "
            + b
            + "\nwait "
            + a
            + " "
            + b
            + "\n";
    Verification v = verify("labels.pidns", text);
    assertTrue(v.identical(), () -> KernelScripts.report(v));
    assertEquals(0, v.kernel().exit(), v.kernel()::stderr);
    assertTrue(v.kernel().stdout().contains("task " + a + " ns=root"), v.kernel()::stdout);
  }

  /** The 65th word was dropped: an expectation past it was never checked. */
  @Test
  void moreWordsThanTheHelperHoldsAreAnErrorNotDropped() throws Exception {
    String text = "fork init a\nexpect a" + " ns=root".repeat(62) + " ns=wrong\n";
    RunOutput k =
        new KernelRunner(KernelScripts.helper())
            .runText("many.pidns", text, RunMode.ROOT, Duration.ofSeconds(30));
    assertEquals(2, k.exit(), k::stderr);
    assertEquals("1: fork init a = 2\n", k.stdout());
    assertEquals("many.pidns:2: wrong number of arguments for 'expect'\n", k.stderr());
  }

  @Test
  void controlBytesFromTheHelperAreWrittenOutAsRunWritesThem() throws Exception {
    Verification v = verify("esc\u001b]0;x\u0007.pidns", "fork init a\nexpect a ns=\u001b[31m\n");
    String all = v.kernel().stdout() + v.kernel().stderr();
    assertFalse(all.chars().anyMatch(c -> c < 0x20 && c != '\n'), all);
    assertTrue(all.contains("\\x1b[31m"), all);
    assertTrue(all.contains("esc\\x1b]0;x\\x07.pidns:2:"), all);
    assertTrue(v.identical(), () -> KernelScripts.report(v));
  }

  @Test
  void theHelperRunsTheTextJavaReadNotTheUsersPathAgain() throws Exception {
    // no file of that name exists anywhere: the helper must not open it
    Verification v = verify("<(cat s.pidns)", "fork init a\nfork a b\n");
    assertTrue(v.identical(), () -> KernelScripts.report(v));
    assertTrue(v.kernel().stdout().startsWith("1: fork init a = 2\n2: fork a b = 3\n"));
  }

  /**
   * A helper killed with -9 cannot remove its FIFO folder: it made it inside the Lab's private
   * folder (TMPDIR), which the Lab removes. The wrapper notes what the helper saw before killing
   * it.
   */
  @Test
  void aHelperKilledWithSigkillLeavesNoFolderBehind() throws Exception {
    Path base = Files.createDirectory(tmp.resolve("base"));
    Path seen = tmp.resolve("seen.txt");
    Path wrapper = tmp.resolve("killing-helper");
    Files.writeString(
        wrapper,
        "#!/bin/sh\n"
            + "exec 3<&0\n"
            + "'"
            + KernelScripts.helper().toAbsolutePath()
            + "' \"$@\" <&3 &\n"
            + "p=$!\n"
            + "sleep 1\n"
            + "stat -L -c %a /dev/fd/3 >'"
            + seen
            + "'\n"
            + "ls -d \"$TMPDIR\"/pidns-lab.* >>'"
            + seen
            + "'\n"
            + "kill -9 $p\n"
            + "wait $p\n"
            + "exit 3\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      text.append("fork init t").append(i).append('\n');
    }
    KernelRunner runner = new KernelRunner(wrapper, List.of(), base);
    assertThrows(
        CannotRun.class,
        () -> runner.runText("long.pidns", text.toString(), RunMode.ROOT, Duration.ofSeconds(60)));
    List<String> saw = Files.readAllLines(seen);
    assertEquals("600", saw.get(0), "the private copy is the owner's only");
    assertTrue(saw.size() == 2 && saw.get(1).contains("/pidns-lab."), saw::toString);
    try (Stream<Path> left = Files.list(base)) {
      assertEquals(List.of(), left.toList(), "nothing left in the temporary folder");
    }
  }
}
