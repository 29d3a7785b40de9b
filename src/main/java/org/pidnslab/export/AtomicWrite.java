package org.pidnslab.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see the old content or the whole new content, never a half-written
 * file: the bytes go to a temporary file in the same directory (same file system), which is then
 * moved over the target with {@link StandardCopyOption#ATOMIC_MOVE}. If anything fails, the
 * temporary file is deleted and the target is untouched.
 */
final class AtomicWrite {
  private AtomicWrite() {}

  /** Something that writes the file's bytes. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException, ExportException;
  }

  /** Writes {@code target} with the bytes {@code body} produces. */
  static void write(Path target, Body body) throws IOException, ExportException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (Files.isDirectory(abs)) {
      throw new IOException(target + ": is a directory");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IOException(target + ": no such directory " + dir);
    }
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".part");
    } catch (AccessDeniedException e) {
      throw new IOException(target + ": cannot write in " + dir + " (permission denied)", e);
    } catch (NoSuchFileException e) {
      throw new IOException(target + ": no such directory " + dir, e);
    }
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        body.writeTo(out);
      }
      keepPermissions(tmp, abs);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Temporary files are private (rw-------); the result should read like any new file (rw-r--r--)
   * or keep the permissions of the file it replaces.
   */
  private static void keepPermissions(Path tmp, Path target) throws IOException {
    if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> perms =
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, perms);
  }
}
