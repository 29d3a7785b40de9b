package org.pidnslab.script;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers, a crash or a full disk never see a half-written one: the bytes go
 * to a temporary file in the same directory, are forced to disk, and replace the target in one
 * atomic rename. The old file stays intact until then and keeps its permissions (and, where the
 * process may set them, its owner and group); a new file reads like any other (rw-r--r--). Scripts,
 * autosaves, snapshots and exports all save this way.
 *
 * <p>Only regular files are replaced. A target that is a directory, a device ({@code /dev/null}), a
 * FIFO or a socket is refused, because renaming over it would put a regular file where the special
 * file was; a symbolic link is followed, so the file it names is replaced and the link stays. A
 * read-only target is refused too, even where the process could replace it anyway (root, or a
 * writable folder): its mode says it must not change.
 *
 * <p>The temporary file is {@code .NAME.PID.RANDOM.part} beside the target. One left behind by a
 * process that died mid-write ({@code kill -9}) is removed by the next write of the same target,
 * once that process is gone and the file has not changed for {@link #STALE_AFTER_MILLIS}.
 */
public final class AtomicFile {
  /**
   * How long a temporary file of a dead writer is left alone: a writer in another PID namespace
   * sharing the folder cannot be seen, but it keeps its file changing while it writes.
   */
  static final long STALE_AFTER_MILLIS = 60_000;

  private static final String PART = ".part";

  /**
   * Between {@code .NAME} and {@code .part}: {@code .PID.RANDOM}. The older {@code
   * .NAMERANDOM.part} (no PID) is not recognised: a user's {@code .out.json2024.part} has the same
   * shape.
   */
  private static final Pattern PART_MIDDLE = Pattern.compile("\\.([0-9]{1,19})\\.[0-9]{1,10}");

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
   *     permission denied, read-only, a directory or a special file in the way); the target is then
   *     untouched
   */
  public static <E extends Exception> void write(Path target, Body<E> body) throws IOException, E {
    Path abs = writableTarget(target);
    Path dir = abs.getParent();
    removeStaleParts(abs);
    Path tmp = createPart(target, abs);
    try {
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        body.writeTo(out);
        out.flush();
        channel.force(true); // on disk before the rename makes it the file
      }
      keepAttributes(tmp, abs);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AccessDeniedException e) {
      throw new IOException(target + ": cannot write in " + dir + " (permission denied)", e);
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
   * The absolute path to replace: {@code target}, or the file a symbolic link names.
   *
   * @throws IOException if it must not be replaced (see the class comment)
   */
  static Path writableTarget(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    if (Files.isSymbolicLink(abs)) {
      if (!Files.exists(abs)) {
        throw new IOException(target + ": is a symbolic link to nothing");
      }
      abs = abs.toRealPath(); // replace what the link names, keep the link
    }
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IOException(target + ": no such directory " + dir);
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return abs; // a new file
    }
    if (attrs.isDirectory()) {
      throw new IOException(target + ": is a directory");
    }
    if (!attrs.isRegularFile()) {
      throw new IOException(
          target + ": is not a regular file (a device, FIFO or socket); it is left as it is");
    }
    if (!Files.isWritable(abs) || readOnlyMode(abs)) {
      throw new IOException(target + ": is read-only (permission denied); it is left as it is");
    }
    return abs;
  }

  /** Whether the file's mode grants nobody write permission (0444): root would ignore that. */
  private static boolean readOnlyMode(Path file) throws IOException {
    if (!posix(file)) {
      return false;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    return !perms.contains(PosixFilePermission.OWNER_WRITE)
        && !perms.contains(PosixFilePermission.GROUP_WRITE)
        && !perms.contains(PosixFilePermission.OTHERS_WRITE);
  }

  /** A new, private (rw-------) temporary file beside {@code abs}, named for this process. */
  private static Path createPart(Path target, Path abs) throws IOException {
    Path dir = abs.getParent();
    String prefix = "." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".";
    for (int attempt = 0; ; attempt++) {
      Path tmp =
          dir.resolve(
              prefix + Integer.toUnsignedString(ThreadLocalRandom.current().nextInt()) + PART);
      try {
        return posix(dir)
            ? Files.createFile(
                tmp,
                PosixFilePermissions.asFileAttribute(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))
            : Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      } catch (AccessDeniedException e) {
        throw new IOException(target + ": cannot write in " + dir + " (permission denied)", e);
      } catch (NoSuchFileException e) {
        throw new IOException(target + ": no such directory " + dir, e);
      }
    }
  }

  /**
   * Removes the temporary files of {@code abs} left by writers that died: named {@code
   * .NAME.PID.RANDOM.part}, unchanged for {@link #STALE_AFTER_MILLIS}, and PID is no live process
   * or one that started after the file last changed (the number was reused). Anything else in the
   * folder is never touched, not even the PID-less names of earlier versions, which a user's own
   * file may share; a file that cannot be removed is left for a later write.
   */
  static void removeStaleParts(Path abs) {
    String prefix = "." + abs.getFileName();
    long now = System.currentTimeMillis();
    try (var parts = Files.newDirectoryStream(abs.getParent(), p -> writerPid(p, prefix) != null)) {
      for (Path p : parts) {
        long pid = writerPid(p, prefix);
        long changed = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis();
        if (now - changed >= STALE_AFTER_MILLIS && !writerAlive(pid, changed)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // cleaning up is a courtesy: the write itself must not fail because of it
    }
  }

  /** The PID in the name of a temporary file of ours ({@code PREFIX.PID.RANDOM.part}), or null. */
  private static Long writerPid(Path p, String prefix) {
    String name = p.getFileName().toString();
    if (!name.startsWith(prefix)
        || !name.endsWith(PART)
        || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    Matcher m = PART_MIDDLE.matcher(name.substring(prefix.length(), name.length() - PART.length()));
    if (!m.matches()) {
      return null;
    }
    return Long.valueOf(m.group(1));
  }

  /** Whether process {@code pid} runs and is older than a file last changed at {@code changed}. */
  private static boolean writerAlive(long pid, long changed) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(h -> h.info().startInstant().map(s -> s.toEpochMilli() <= changed).orElse(true))
        .orElse(false);
  }

  /**
   * The temporary file is private (rw-------); the result keeps the permissions of the file it
   * replaces (and its owner and group where this process may set them), or reads like any new file
   * (rw-r--r--).
   */
  private static void keepAttributes(Path tmp, Path target) throws IOException {
    if (!posix(tmp)) {
      return;
    }
    if (!Files.exists(target)) {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      return;
    }
    PosixFileAttributes old = Files.readAttributes(target, PosixFileAttributes.class);
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    try {
      view.setGroup(old.group());
      view.setOwner(old.owner()); // only root may give a file away: elsewhere it stays ours
    } catch (IOException e) {
      // a replaced file of another owner becomes ours, as with any editor's save
    }
    Files.setPosixFilePermissions(tmp, old.permissions());
  }

  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
