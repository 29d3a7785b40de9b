package org.pidnslab.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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
}
