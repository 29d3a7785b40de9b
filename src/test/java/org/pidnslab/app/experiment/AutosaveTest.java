package org.pidnslab.app.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.FreshHome;

public class AutosaveTest {
  @TempDir Path dir;

  /** The autosave of a Lab that is gone: a data file whose lock nobody holds. */
  public static Path leftByADeadLab(Path dir, String id, String content) throws Exception {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("autosave-" + id + ".pidns"), content);
  }

  /** Files of the temporary directory that the warm-up names its throwaway file like. */
  private static List<Path> warmUpFiles() throws Exception {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().contains("pidns-lab-warm-up-")).toList();
    }
  }

  @Test
  void theWarmUpLeavesNothingBehind() throws Exception {
    List<Path> before = warmUpFiles();
    Autosave.warmUp();
    assertEquals(before, warmUpFiles(), "its file and the file's .part are gone");
  }

  @Test
  void aLabThatIsGoneLeavesItsExperimentBehindWithItsPositionAndFile() throws Exception {
    leftByADeadLab(
        dir,
        "000000000123abcd",
        "# pidns-lab autosave position=1 time=2026-11-29T06:00:00Z file=/tmp/x.pidns\n"
            + "fork init a\nfork a b\n");
    List<Autosave.Recovery> left = new Autosave(dir).leftBehind();
    assertEquals(1, left.size());
    Autosave.Recovery r = left.get(0);
    assertTrue(r.restorable());
    assertEquals("fork init a\nfork a b\n", r.script());
    assertEquals(1, r.position());
    assertEquals(Path.of("/tmp/x.pidns"), r.file());
    Autosave.forget(r);
    assertTrue(new Autosave(dir).leftBehind().isEmpty());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "its data and lock files are both gone");
    }
  }

  @Test
  void aScriptPathWithANewlineOrPercentComesBackExactlyAndNeverBecomesScript() throws Exception {
    Path evil = Path.of("/tmp/evil\nkill init 9.pidns");
    Path percent = Path.of("/tmp/100%25 done+x.pidns");
    for (Path from : List.of(evil, percent)) {
      Autosave a = new Autosave(dir);
      a.save("fork init a\n", 1, from);
      String saved = Files.readString(a.file());
      a.discard();
      leftByADeadLab(dir, "00000000000000aa", saved); // as if that Lab had died
      List<Autosave.Recovery> left = new Autosave(dir).leftBehind();
      assertEquals(1, left.size());
      assertEquals("fork init a\n", left.get(0).script());
      assertEquals(from, left.get(0).file());
      Autosave.forget(left.get(0));
    }
  }

  @Test
  void anOlderVersionsRawFileHeaderIsStillReadAsItWasWritten() throws Exception {
    leftByADeadLab(
        dir,
        "00000000000000bb",
        "# pidns-lab autosave position=0 time=2026-11-29T06:00:00Z file=/tmp/a%41 b.pidns\nx\n");
    List<Autosave.Recovery> left = new Autosave(dir).leftBehind();
    assertEquals(Path.of("/tmp/a%41 b.pidns"), left.get(0).file());
  }

  @Test
  void theFirstSaveCreatesTheStateDirectoryPrivateToTheUser() throws Exception {
    Path state = dir.resolve("home/.local/state/pidns-lab");
    Autosave a = new Autosave(state);
    a.save("fork init a\n", 1, null);
    assertTrue(Files.isRegularFile(a.file()));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
    assertTrue(Files.readString(a.file()).endsWith("fork init a\n"));
  }

  @Test
  void theDirectoryFollowsXdgStateHomeWhenItIsAnAbsolutePath() {
    String home = System.getProperty("user.home");
    assertEquals(Path.of("/srv/state/pidns-lab"), Autosave.defaultDir(null, "/srv/state"));
    assertEquals(
        Path.of(home, ".local/state/pidns-lab"),
        Autosave.defaultDir(null, "relative/state"),
        "the XDG specification says to ignore a relative path");
    assertEquals(Path.of(home, ".local/state/pidns-lab"), Autosave.defaultDir(null, null));
    assertEquals(Path.of("/x"), Autosave.defaultDir("/x", "/srv/state"));
    assertTrue(Autosave.defaultDir().startsWith(FreshHome.home()), "tests never use the real one");
  }

  @Test
  void labsWithTheSamePidNeverShareOrTakeEachOthersFile() throws Exception {
    // every Lab in this JVM has the same pid, as a restarted Lab in a container has the dead one's
    Autosave first = new Autosave(dir);
    Autosave second = new Autosave(dir);
    assertNotEquals(first.file(), second.file());
    first.save("fork init first\n", 1, null);
    second.save("fork init second\n", 1, null);
    assertTrue(Files.readString(first.file()).endsWith("fork init first\n"));
    assertTrue(first.leftBehind().isEmpty(), "the second Lab runs: its file is not offered");
    assertTrue(new Autosave(dir).leftBehind().isEmpty());
    Set<Path> names = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      names.add(new Autosave(dir).file());
    }
    assertEquals(1000, names.size(), "random ids do not collide");
  }

  @Test
  void aLabIsRunningExactlyWhileItsProcessHoldsTheLock() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process holder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Holder.class.getName(),
                "" + dir)
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("READY", out.readLine());
      assertTrue(new Autosave(dir).leftBehind().isEmpty(), "the other Lab is running");
    } finally {
      holder.destroyForcibly(); // SIGKILL: the kernel drops its lock
    }
    assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    List<Autosave.Recovery> left = new Autosave(dir).leftBehind();
    assertEquals(1, left.size());
    assertEquals("fork init held\n", left.get(0).script());
  }

  /** A Lab in a process of its own that saves and then runs until it is killed. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      new Autosave(Path.of(args[0])).save("fork init held\n", 1, null);
      System.out.println("READY");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }

  @Test
  void anOfferedAutosaveIsClaimedSoASecondLabDoesNotOfferItToo() throws Exception {
    leftByADeadLab(
        dir, "000000000000feed", "# pidns-lab autosave position=0 time=2026-11-29T06:00:00Z\nx\n");
    List<Autosave.Recovery> claimed = new Autosave(dir).leftBehind();
    assertEquals(1, claimed.size());
    assertTrue(new Autosave(dir).leftBehind().isEmpty(), "claimed by the first");
    claimed.get(0).release(); // Decide later
    assertEquals(1, new Autosave(dir).leftBehind().size());
  }

  @Test
  void aCleanExitAndAnEmptyExperimentLeaveNothing() throws Exception {
    Autosave a = new Autosave(dir);
    a.save("fork init a\n", 1, null);
    a.discard();
    assertFalse(Files.exists(a.file()));
    a.save("fork init a\n", 1, null);
    a.save("  \n", 0, null);
    assertFalse(Files.exists(a.file()));
    a.discard();
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "no lock file either");
    }
  }

  @Test
  void damagedFilesAreOfferedForDiscardAndForeignOnesIgnored() throws Exception {
    leftByADeadLab(dir, "00000000000000aa", "no header here\n");
    Path binary = dir.resolve("autosave-00000000000000bb.pidns");
    Files.write(binary, new byte[] {'#', ' ', (byte) 0xff, (byte) 0xfe, '\n', 0});
    Files.writeString(dir.resolve("autosave-X!.pidns"), "# pidns-lab autosave position=1\n");
    List<Autosave.Recovery> left = new Autosave(dir).leftBehind();
    assertEquals(2, left.size(), "" + left);
    for (Autosave.Recovery r : left) {
      assertFalse(r.restorable());
      assertNull(r.script());
      assertTrue(r.problem().startsWith("damaged"), r.problem());
      Autosave.forget(r);
    }
    assertFalse(Files.exists(binary));
    assertTrue(Files.exists(dir.resolve("autosave-X!.pidns")), "not a name of ours: left alone");
  }

  @Test
  void anOversizedAutosaveIsNeverReadButOfferedForDiscard() throws Exception {
    Path huge =
        leftByADeadLab(
            dir, "00000000000000cc", "# pidns-lab autosave position=1 time=2026-11-29T06:00:00Z\n");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(2L << 30); // 2 GB, sparse: reading it would exhaust any heap
    }
    List<Autosave.Recovery> left = new Autosave(dir).leftBehind();
    assertEquals(1, left.size());
    assertEquals("it is larger than 16 MB", left.get(0).problem());
    Autosave.forget(left.get(0));
    assertFalse(Files.exists(huge));
  }

  @Test
  void aSpecialFileUnderAnAutosaveNameNeverBlocksTheStart() throws Exception {
    Path fifo = dir.resolve("autosave-00000000000000dd.pidns");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    List<Autosave.Recovery> left = new Autosave(dir).leftBehind(); // a read would block forever
    assertEquals(1, left.size());
    assertEquals("it is not a regular file (a device, pipe or socket)", left.get(0).problem());
  }

  @Test
  void savingLeavesNoTemporaryFile() throws Exception {
    Autosave a = new Autosave(dir);
    for (int i = 0; i < 20; i++) {
      a.save("fork init a" + i + "\n", 1, null);
    }
    Path lock =
        a.file().resolveSibling(a.file().getFileName().toString().replace(".pidns", ".lock"));
    try (var files = Files.list(dir)) {
      assertEquals(Set.of(a.file(), lock), Set.copyOf(files.toList()));
    }
    assertTrue(Files.readString(a.file()).endsWith("fork init a19\n"));
  }

  @Test
  void anOlderLabsPidNamedFileIsOfferedOnlyOnceThatPidIsGoneAndItsPartIsNeverRemoved()
      throws Exception {
    String header = "# pidns-lab autosave position=0 time=2026-11-29T06:00:00Z\nx\n";
    long running =
        ProcessHandle.current().pid(); // an older Lab could be this pid: it takes no lock
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path live = leftByADeadLab(dir, "" + running, header);
    Path livePart = dir.resolve(".autosave-" + running + ".pidns1234.part");
    Path dead = leftByADeadLab(dir, "" + gone.pid(), header);
    Path deadPart = dir.resolve(".autosave-" + gone.pid() + ".pidns5678.part");
    Files.writeString(livePart, "being written");
    Files.writeString(deadPart, "maybe being written in another namespace");
    Files.writeString(dir.resolve("autosave-zz.pidns"), header); // not an id of ours
    List<Autosave.Recovery> left = new Autosave(dir).leftBehind();
    assertEquals(List.of(dead), left.stream().map(Autosave.Recovery::path).toList());
    assertTrue(Files.exists(live));
    assertTrue(Files.exists(livePart));
    assertTrue(Files.exists(deadPart));
    Autosave.forget(left.get(0));
    assertFalse(Files.exists(dead));
    assertTrue(Files.exists(deadPart), "an older Lab's temporary file is never ours to remove");
  }

  @Test
  void theLeftoversOfALabKilledMidSaveAreRemoved() throws Exception {
    Path stale = dir.resolve(".autosave-000000000badc0de.pidns12345.part");
    Path staleLock = dir.resolve("autosave-000000000badf00d.lock");
    Autosave running = new Autosave(dir);
    running.save("fork init a\n", 1, null);
    Path alive = dir.resolve("." + running.file().getFileName() + "999.part");
    Files.writeString(stale, "half");
    Files.writeString(staleLock, "");
    Files.writeString(alive, "being written");
    assertTrue(new Autosave(dir).leftBehind().isEmpty());
    assertFalse(Files.exists(stale));
    assertFalse(Files.exists(staleLock), "a lock file without data, of a Lab that is gone");
    assertTrue(Files.exists(alive), "a running Lab's save in progress is left alone");
  }
}
