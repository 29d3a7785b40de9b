package org.pidnslab.app.experiment;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the current experiment (script and position) in a state file, written atomically after
 * every change, and finds the files of Labs that did not close properly.
 *
 * <p>Each Lab names its file after a random id ({@code autosave-ID.pidns}) and holds an exclusive
 * lock on {@code autosave-ID.lock} while it runs. A process id would not do: a restarted Lab in a
 * container or under {@code unshare --pid} gets the crashed Lab's pid (both are pid 1). The lock is
 * on a file of its own because each atomic save replaces the data file by a rename, which a lock on
 * the old file would not follow; the kernel drops the lock when the process dies, however it dies.
 * So a data file whose lock can be taken is exactly one a crash or a kill left behind, and the Lab
 * that takes it holds it while it offers the file back, so two Labs never restore the same one. A
 * clean exit deletes both files. *
 *
 * <p>Older versions named the file {@code autosave-PID.pidns} and took no lock: such a file is
 * offered only once no process has that pid, and its temporary files are never removed.
 */
public final class Autosave {
  /**
   * Autosaves larger than this are not an experiment (the biggest script one can open + header).
   */
  static final long MAX_BYTES = ScriptFiles.MAX_BYTES + 4096;

  /** A Lab's id: 8 random bytes in hex, as the constructor makes it. */
  private static final String ID = "[0-9a-f]{16}";

  /**
   * An older version named its file after its pid and took no lock: a pid (at most 10 digits, so
   * never an {@link #ID}) whose process is alive may be that Lab, still writing.
   */
  private static final String OLD_PID = "[0-9]{1,10}";

  private static final Pattern NAME =
      Pattern.compile("autosave-(" + ID + "|" + OLD_PID + ")\\.pidns");

  /** Only new ids: an older Lab's temporary file may be a save in flight, never removed. */
  private static final Pattern PART = Pattern.compile("\\.autosave-(" + ID + ")\\.pidns.*\\.part");

  /** Lock files, also those this version takes for an older Lab's file while it offers it. */
  private static final Pattern LOCK =
      Pattern.compile("autosave-(" + ID + "|" + OLD_PID + ")\\.lock");

  /**
   * {@code path=} holds the script file's path URL-encoded (a path may hold a newline, which would
   * end the header and turn the rest of the path into script); {@code file=} is the raw path older
   * versions wrote, still read.
   */
  private static final Pattern HEADER =
      Pattern.compile(
          "# pidns-lab autosave position=([0-9]+) time=(\\S+)(?: path=(\\S*)| file=(.*))?");

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * An experiment left behind by a Lab that is no longer running, claimed by this Lab (its lock is
   * held) until it is {@linkplain #forget forgotten} or {@linkplain #release released}.
   *
   * @param script the experiment, or null if the file cannot be restored ({@code problem} says why)
   * @param file the script file the experiment came from, or null
   * @param time when it was saved (the file's time for a damaged one)
   */
  public record Recovery(
      Path path,
      String script,
      int position,
      Path file,
      Instant time,
      String problem,
      Claim claim) {
    /** Whether the file holds an experiment that can be restored. */
    public boolean restorable() {
      return problem == null;
    }

    /** Leaves the file for a later start ("Decide later"). */
    public void release() {
      claim.close();
    }
  }

  /**
   * A held lock on an autosave's lock file. On Linux, closing any channel of a file drops every
   * lock the process holds on it, so this process never opens a lock file it already holds: {@link
   * #HELD} lists them.
   */
  public static final class Claim {
    private static final java.util.Set<Path> HELD =
        java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private Claim(Path lockFile, FileChannel channel, FileLock lock) {
      this.lockFile = lockFile;
      this.channel = channel;
      this.lock = lock;
    }

    /**
     * Takes the lock of {@code lockFile}, creating the file if needed.
     *
     * @return null if a running Lab (this one included) holds it
     */
    static Claim tryTake(Path lockFile) throws IOException {
      Path key = lockFile.toAbsolutePath().normalize();
      if (!HELD.add(key)) {
        return null; // held by this very process (another Lab window in the same JVM)
      }
      try {
        Claim c = lock(lockFile);
        if (c != null) {
          return c;
        }
      } catch (IOException | RuntimeException e) {
        HELD.remove(key);
        throw e;
      }
      HELD.remove(key);
      return null;
    }

    private static Claim lock(Path lockFile) throws IOException {
      FileChannel ch =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
      try {
        FileLock l = ch.tryLock();
        if (l != null) {
          return new Claim(lockFile, ch, l);
        }
      } catch (OverlappingFileLockException e) {
        // cannot happen: HELD keeps this process from opening a lock file it holds
      }
      ch.close();
      return null;
    }

    /** Deletes the lock file while still holding the lock, then lets go. */
    void delete() {
      try {
        Files.deleteIfExists(lockFile);
      } catch (IOException e) {
        // an empty lock file left over is taken and removed by the next start
      }
      close();
    }

    void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        // closing the channel drops the lock in any case
      }
      HELD.remove(lockFile.toAbsolutePath().normalize());
    }
  }

  private final Path dir;
  private final Path own;
  private final Path ownLock;
  private Claim claim;

  /** Autosaves of this Lab into {@code dir}, under a fresh random id. */
  public Autosave(Path dir) {
    this.dir = dir;
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    String name = "autosave-" + HexFormat.of().formatHex(id);
    this.own = dir.resolve(name + ".pidns");
    this.ownLock = dir.resolve(name + ".lock");
  }

  /**
   * Where autosaves live: {@code -Dpidnslab.stateDir}, else {@code $XDG_STATE_HOME/pidns-lab} (an
   * absolute path, as the XDG base directory specification requires; a relative one is ignored),
   * else {@code ~/.local/state/pidns-lab}.
   */
  public static Path defaultDir() {
    return defaultDir(System.getProperty("pidnslab.stateDir"), System.getenv("XDG_STATE_HOME"));
  }

  static Path defaultDir(String property, String xdgStateHome) {
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    if (xdgStateHome != null && !xdgStateHome.isBlank() && Path.of(xdgStateHome).isAbsolute()) {
      return Path.of(xdgStateHome, "pidns-lab");
    }
    return Path.of(System.getProperty("user.home"), ".local", "state", "pidns-lab");
  }

  /** This Lab's autosave file. */
  public Path file() {
    return own;
  }

  /**
   * Saves the experiment; an empty script needs no saving, so its file goes away. The first save
   * creates the directory (private to the user, as the XDG specification asks) and takes the lock.
   */
  synchronized void save(String script, int position, Path from) throws IOException {
    if (script.isBlank()) {
      Files.deleteIfExists(own);
      return;
    }
    if (claim == null) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      claim = Claim.tryTake(ownLock);
      if (claim == null) {
        throw new IOException(ownLock + " is locked by another Lab");
      }
    }
    org.pidnslab.script.AtomicFile.writeString(own, header(position, from) + script);
  }

  private static String header(int position, Path from) {
    return "# pidns-lab autosave position="
        + position
        + " time="
        + Instant.now()
        + (from == null
            ? ""
            : " path="
                + URLEncoder.encode(from.toAbsolutePath().toString(), StandardCharsets.UTF_8))
        + "\n";
  }

  /**
   * Goes once through what a save does (a header, an atomic write, a lock) on a throwaway file in
   * the temporary directory. A Lab's first autosave would otherwise also load and initialise the
   * classes it needs: a fresh JVM's first save took 86 to 168 ms on a 2-core machine at load 13,
   * the first save after this 6 to 13 ms, and a Lab killed meanwhile lost its first click. The Lab
   * runs this on its autosave thread while its window opens. Failing is harmless: the real save
   * says what is wrong.
   */
  static void warmUp() {
    try {
      Path t = Files.createTempFile("pidns-lab-warm-up-", ".pidns");
      try {
        org.pidnslab.script.AtomicFile.writeString(t, header(0, t));
        try (FileChannel ch = FileChannel.open(t, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock()) {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        }
      } finally {
        Files.deleteIfExists(t);
      }
    } catch (IOException | RuntimeException e) {
      // nothing to warm: the first save will take its time and report its own failure
    }
  }

  /** A clean exit: nothing to recover. */
  synchronized void discard() {
    try {
      Files.deleteIfExists(own);
    } catch (IOException e) {
      // a stale autosave only means one needless offer to restore next time
    }
    if (claim != null) {
      claim.delete();
      claim = null;
    }
  }

  /**
   * Experiments left by Labs that are gone, newest first, each claimed by this Lab. Files that
   * cannot be restored (damaged, too large, not a regular file) come too, with their problem, so
   * the user can discard them; nothing here reads more than {@link #MAX_BYTES} or blocks on a
   * special file.
   */
  public List<Recovery> leftBehind() {
    List<Recovery> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    removeLeftovers();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "autosave-*.pidns")) {
      for (Path p : files) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches() || p.equals(own) || olderLabMayRun(m.group(1))) {
          continue;
        }
        Claim c = claimOf(m.group(1));
        if (c != null) {
          out.add(read(p, c));
        }
      }
    } catch (IOException e) {
      // an unreadable directory: nothing to offer
    }
    out.sort(Comparator.comparing(Recovery::time).reversed());
    return out;
  }

  /** Whether {@code id} is an older Lab's pid and a process with that pid is alive. */
  private static boolean olderLabMayRun(String id) {
    return id.matches(OLD_PID)
        && ProcessHandle.of(Long.parseLong(id)).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The lock of the Lab with {@code id}, or null if that Lab is running. */
  private Claim claimOf(String id) {
    try {
      return Claim.tryTake(dir.resolve("autosave-" + id + ".lock"));
    } catch (IOException e) {
      return null; // cannot tell: leave it alone
    }
  }

  /**
   * A Lab killed in the middle of a save leaves its temporary file ({@code
   * .autosave-ID.pidns…part}), and one killed with an empty experiment its lock file alone; those
   * of Labs that are gone are removed.
   */
  private void removeLeftovers() {
    removeLeftovers(".autosave-*.part", PART);
    removeLeftovers("autosave-*.lock", LOCK);
  }

  private void removeLeftovers(String glob, Pattern name) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
      for (Path p : files) {
        Matcher m = name.matcher(p.getFileName().toString());
        if (!m.matches() || own.equals(dir.resolve("autosave-" + m.group(1) + ".pidns"))) {
          continue;
        }
        Claim c = claimOf(m.group(1));
        if (c == null) {
          continue; // its Lab is running
        }
        if (p.getFileName().toString().endsWith(".part")) {
          Files.deleteIfExists(p);
        }
        if (Files.exists(dir.resolve("autosave-" + m.group(1) + ".pidns"))) {
          c.close(); // there is an experiment to offer: leftBehind() claims it again
        } else {
          c.delete();
        }
      }
    } catch (IOException | RuntimeException e) {
      // leftovers cost a few bytes; they never stop the start
    }
  }

  /** Forgets a recovery (restored and safe elsewhere, or discarded): its files go. */
  static void forget(Recovery r) {
    try {
      Files.deleteIfExists(r.path());
    } catch (IOException e) {
      // see discard()
    }
    r.claim().delete();
  }

  private static Recovery read(Path p, Claim c) {
    Instant mtime = Instant.EPOCH;
    try {
      mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
      String all = BoundedText.read(p, MAX_BYTES, LinkOption.NOFOLLOW_LINKS);
      int nl = all.indexOf('\n');
      Matcher h = HEADER.matcher(nl < 0 ? all : all.substring(0, nl));
      if (nl < 0 || !h.matches()) {
        return damaged(p, mtime, "damaged: no autosave header", c);
      }
      Path from =
          h.group(3) != null
              ? Path.of(URLDecoder.decode(h.group(3), StandardCharsets.UTF_8))
              : h.group(4) != null ? Path.of(h.group(4)) : null;
      return new Recovery(
          p,
          all.substring(nl + 1),
          Integer.parseInt(h.group(1)),
          from,
          Instant.parse(h.group(2)),
          null,
          c);
    } catch (BoundedText.Refused e) {
      return damaged(p, mtime, "it " + e.getMessage(), c);
    } catch (CharacterCodingException e) {
      return damaged(p, mtime, "damaged: not UTF-8 text", c);
    } catch (IOException | RuntimeException e) {
      return damaged(p, mtime, "damaged: " + e.getClass().getSimpleName(), c);
    }
  }

  private static Recovery damaged(Path p, Instant time, String problem, Claim c) {
    return new Recovery(p, null, 0, null, time, problem, c);
  }
}
