package org.pidnslab.script;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers, a crash or a full disk never see a half-written one: the bytes go
 * to a temporary file in the same directory, are forced to disk, and replace the target in one
 * atomic rename. The old file stays intact until then and keeps its permissions; a new file reads
 * like any other (rw-r--r--). Scripts, autosaves, snapshots and exports all save this way.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Something that writes the file's bytes; {@code E} is what else it may throw. */
  @FunctionalInterface
  public interface Body<E extends Exception> {
    void writeTo(OutputStream out) throws IOException, E;
  }

  /**
   * Replaces {@code target} with what {@code body} writes.
   *
   * @throws IOException with a message naming the file and the reason (no such directory,
   *     permission denied, a directory in the way); the target is then untouched
   */
  public static <E extends Exception> void write(Path target, Body<E> body) throws IOException, E {
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
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        body.writeTo(out);
        out.flush();
        channel.force(true); // on disk before the rename makes it the file
      }
      keepPermissions(tmp, abs);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Replaces {@code target} with {@code text} in UTF-8. */
  public static void writeString(Path target, String text) throws IOException {
    AtomicFile.<RuntimeException>write(
        target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Temporary files are private (rw-------); the result keeps the permissions of the file it
   * replaces, or reads like any new file (rw-r--r--).
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
