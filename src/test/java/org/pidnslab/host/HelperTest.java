package org.pidnslab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the Lab looks for its native helper: next to the jar, then the PATH. */
class HelperTest {
  @TempDir Path tmp;

  private Path helperIn(String dir, String perms) throws Exception {
    Path d = Files.createDirectories(tmp.resolve(dir));
    Path h = Files.writeString(d.resolve(Helper.NAME), "#!/bin/true\n");
    Files.setPosixFilePermissions(h, PosixFilePermissions.fromString(perms));
    return h;
  }

  @Test
  void nextToTheJarComesFirst() throws Exception {
    Path jarDir = helperIn("lib", "rwxr-xr-x").getParent();
    Path onPath = helperIn("bin", "rwxr-xr-x");
    assertEquals(
        Optional.of(jarDir.resolve(Helper.NAME)),
        Helper.find(jarDir, onPath.getParent().toString()));
  }

  @Test
  void thenThePathInItsOrder() throws Exception {
    Path a = helperIn("a", "rwxr-xr-x").getParent();
    Path b = helperIn("b", "rwxr-xr-x").getParent();
    assertEquals(
        Optional.of(b.resolve(Helper.NAME)),
        Helper.find(tmp.resolve("nothing"), tmp.resolve("none") + "::" + b + ":" + a));
  }

  @Test
  void aFileThatCannotBeRunDoesNotCountNorDoesTheCurrentDirectory() throws Exception {
    Path notExec = helperIn("x", "rw-r--r--").getParent();
    assertEquals(Optional.empty(), Helper.find(notExec, notExec.toString()));
    assertEquals(Optional.empty(), Helper.find(null, ""));
  }

  @Test
  void theBuildTreeHasItNextToTheClasses() {
    assertTrue(Helper.locate().isPresent(), "target/pidns-lab-helper (profile native)");
  }
}
