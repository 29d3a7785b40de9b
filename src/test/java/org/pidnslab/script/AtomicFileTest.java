package org.pidnslab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void aReplacedFileKeepsItsPermissionsAndANewOneIsReadableByAll() throws Exception {
    Path shared = dir.resolve("shared.pidns");
    Files.writeString(shared, "fork init a\n");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
    AtomicFile.writeString(shared, "fork init b\n");
    assertEquals("fork init b\n", Files.readString(shared));
    assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
    Path fresh = dir.resolve("fresh.pidns");
    AtomicFile.writeString(fresh, "x");
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path f = dir.resolve("keep.pidns");
    Files.writeString(f, "old\n");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                AtomicFile.<IOException>write(
                    f,
                    out -> {
                      out.write("half".getBytes());
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("old\n", Files.readString(f));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(f), files.toList());
    }
  }

  @Test
  void aMissingFolderOrADirectoryInTheWayIsNamedInTheMessage() {
    IOException missing =
        assertThrows(
            IOException.class, () -> AtomicFile.writeString(dir.resolve("no/x.pidns"), "x"));
    assertTrue(missing.getMessage().contains("no such directory"), missing.getMessage());
    IOException isDir = assertThrows(IOException.class, () -> AtomicFile.writeString(dir, "x"));
    assertTrue(isDir.getMessage().contains("is a directory"), isDir.getMessage());
  }

  @Test
  void aFifoIsRefusedAndLeftAsItIs() throws Exception {
    // (a device node is refused the same way: ExportJarIT makes one where it may)
    Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    IOException e = assertThrows(IOException.class, () -> AtomicFile.writeString(fifo, "x"));
    assertEquals(
        fifo + ": is not a regular file (a device, FIFO or socket); it is left as it is",
        e.getMessage());
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO was replaced");
    assertEquals(Set.of("fifo"), names());
  }

  @Test
  void aReadOnlyFileIsRefusedEvenWhereTheFolderIsWritable() throws Exception {
    Path ro = dir.resolve("ro.svg");
    Files.writeString(ro, "keep");
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r--r--"));
    IOException e = assertThrows(IOException.class, () -> AtomicFile.writeString(ro, "new"));
    assertEquals(ro + ": is read-only (permission denied); it is left as it is", e.getMessage());
    assertEquals("keep", Files.readString(ro));
    assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(ro)));
    assertEquals(Set.of("ro.svg"), names());
  }

  @Test
  void aSymbolicLinkStaysAndTheFileItNamesIsReplaced() throws Exception {
    Path real = dir.resolve("real.pidns");
    Files.writeString(real, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.pidns"), real.getFileName());
    AtomicFile.writeString(link, "new");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(real));
    Path dangling = Files.createSymbolicLink(dir.resolve("gone.pidns"), Path.of("nowhere"));
    IOException e = assertThrows(IOException.class, () -> AtomicFile.writeString(dangling, "x"));
    assertTrue(e.getMessage().contains("symbolic link to nothing"), e.getMessage());
    assertTrue(Files.notExists(dir.resolve("nowhere")));
  }

  @Test
  void staleTemporaryFilesOfDeadWritersGoOnTheNextWriteAndNothingElseDoes() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    // a live writer: pid 1, whose file changed after it started (and long enough ago to be stale)
    Instant initStart = ProcessHandle.of(1).orElseThrow().info().startInstant().orElseThrow();
    assertTrue(initStart.isBefore(Instant.now().minusSeconds(61)), "pid 1 started too recently");
    Path target = dir.resolve("d.svg");
    Files.writeString(target, "old");
    String deadPart = ".d.svg." + dead.pid() + ".12345.part";
    // digits with no PID, as an older version named them, could as well be the user's own file
    String legacyPart = ".d.svg8123456789012345678.part";
    String livePart = ".d.svg.1.777.part";
    String freshDeadPart = ".d.svg." + dead.pid() + ".999.part";
    String otherTarget = ".e.svg." + dead.pid() + ".1.part";
    String notOurs = ".d.svg.notes.part";
    Instant old = Instant.now().minusSeconds(3600);
    for (String n : List.of(deadPart, legacyPart, otherTarget, notOurs)) {
      Files.writeString(dir.resolve(n), "x");
      Files.setLastModifiedTime(dir.resolve(n), FileTime.from(old));
    }
    Files.writeString(dir.resolve(livePart), "x");
    Files.setLastModifiedTime(dir.resolve(livePart), FileTime.from(initStart.plusSeconds(1)));
    Files.writeString(dir.resolve(freshDeadPart), "x"); // its writer may be in another namespace
    AtomicFile.writeString(target, "new");
    assertEquals("new", Files.readString(target));
    assertEquals(
        Set.of("d.svg", livePart, freshDeadPart, otherTarget, notOurs, legacyPart), names());
  }

  @Test
  void aUsersFileThatLooksLikeAnOldTemporaryNameIsNeverRemoved() throws Exception {
    Path target = dir.resolve("out.json");
    Path users = dir.resolve(".out.json2024.part");
    Files.writeString(users, "the user's notes");
    Files.setLastModifiedTime(users, FileTime.from(Instant.now().minusSeconds(3600)));
    AtomicFile.writeString(target, "{}");
    assertEquals("{}", Files.readString(target));
    assertEquals("the user's notes", Files.readString(users));
  }

  @Test
  void aReplacedFileKeepsItsOwnerAndGroup() throws Exception {
    Path f = dir.resolve("owned.pidns");
    Files.writeString(f, "a");
    var lookup = f.getFileSystem().getUserPrincipalLookupService();
    try { // as root, give it to nobody: a save by root must not take it over
      Files.setOwner(f, lookup.lookupPrincipalByName("nobody"));
    } catch (IOException notRoot) {
      // an ordinary user keeps its own file: the check below still holds
    }
    var before = Files.readAttributes(f, java.nio.file.attribute.PosixFileAttributes.class);
    AtomicFile.writeString(f, "b");
    var after = Files.readAttributes(f, java.nio.file.attribute.PosixFileAttributes.class);
    assertEquals(before.owner(), after.owner());
    assertEquals(before.group(), after.group());
  }

  private Set<String> names() throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
