package org.pidnslab.app.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaveTest {
  @TempDir Path dir;

  /** A pid no process has: beyond the kernel's pid_max limit. */
  private static final long DEAD_PID = 4_194_305L;

  @Test
  void aLabThatIsGoneLeavesItsExperimentBehindWithItsPositionAndFile() throws Exception {
    new Autosave(dir).save("fork init a\nfork a b\n", 1, Path.of("/tmp/x.pidns"));
    Path mine = new Autosave(dir).file();
    Files.move(mine, dir.resolve("autosave-" + DEAD_PID + ".pidns"));
    List<Autosave.Recovery> left = new Autosave(dir).leftBehind();
    assertEquals(1, left.size());
    assertEquals("fork init a\nfork a b\n", left.get(0).script());
    assertEquals(1, left.get(0).position());
    assertEquals(Path.of("/tmp/x.pidns"), left.get(0).file());
    Autosave.forget(left.get(0));
    assertTrue(new Autosave(dir).leftBehind().isEmpty());
  }

  @Test
  void aRunningLabsAutosaveIsNotOffered() throws Exception {
    Autosave a = new Autosave(dir);
    a.save("fork init a\n", 1, null);
    assertTrue(Files.exists(a.file()));
    assertTrue(a.leftBehind().isEmpty(), "this process is alive");
    long parent = ProcessHandle.current().parent().orElseThrow().pid();
    Files.copy(a.file(), dir.resolve("autosave-" + parent + ".pidns"));
    assertTrue(new Autosave(dir).leftBehind().isEmpty(), "the parent process is alive too");
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
  }

  @Test
  void damagedOrForeignFilesAreIgnored() throws Exception {
    Files.writeString(dir.resolve("autosave-" + DEAD_PID + ".pidns"), "no header here\n");
    Files.writeString(dir.resolve("autosave-x.pidns"), "# pidns-lab autosave position=1\n");
    assertTrue(new Autosave(dir).leftBehind().isEmpty());
  }

  @Test
  void savingLeavesNoTemporaryFile() throws Exception {
    Autosave a = new Autosave(dir);
    for (int i = 0; i < 20; i++) {
      a.save("fork init a" + i + "\n", 1, null);
    }
    try (var files = Files.list(dir)) {
      assertEquals(List.of(a.file()), files.toList());
    }
    assertTrue(Files.readString(a.file()).endsWith("fork init a19\n"));
  }

  @Test
  void theTemporaryFileOfALabKilledMidSaveIsRemoved() throws Exception {
    Path stale = dir.resolve(".autosave-" + DEAD_PID + ".pidns12345.part");
    Path alive = dir.resolve(".autosave-" + ProcessHandle.current().pid() + ".pidns999.part");
    Files.writeString(stale, "half");
    Files.writeString(alive, "being written");
    new Autosave(dir).leftBehind();
    assertFalse(Files.exists(stale));
    assertTrue(Files.exists(alive), "a running Lab's save in progress is left alone");
  }
}
