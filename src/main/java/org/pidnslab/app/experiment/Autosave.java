package org.pidnslab.app.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the current experiment (script and position) in a state file, written atomically after
 * every change, and finds the files of Labs that did not close properly. Each running Lab owns one
 * file named after its process id, so two Labs never overwrite each other and a file whose process
 * is gone is exactly one a crash or a kill left behind. A clean exit deletes the file.
 */
public final class Autosave {
  private static final Pattern NAME = Pattern.compile("autosave-([0-9]+)\\.pidns");
  private static final Pattern HEADER =
      Pattern.compile("# pidns-lab autosave position=([0-9]+) time=(\\S+)(?: file=(.*))?");

  /**
   * An experiment left behind by a Lab that is no longer running.
   *
   * @param file the script file the experiment came from, or null
   */
  record Recovery(Path path, String script, int position, Path file, Instant time) {}

  private final Path dir;
  private final Path own;

  /** Autosaves of this process into {@code dir}. */
  public Autosave(Path dir) {
    this.dir = dir;
    this.own = dir.resolve("autosave-" + ProcessHandle.current().pid() + ".pidns");
  }

  /**
   * Where autosaves live: {@code -Dpidnslab.stateDir}, else {@code $XDG_STATE_HOME/pidns-lab}, else
   * {@code ~/.local/state/pidns-lab}.
   */
  public static Path defaultDir() {
    String prop = System.getProperty("pidnslab.stateDir");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String xdg = System.getenv("XDG_STATE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "pidns-lab");
    }
    return Path.of(System.getProperty("user.home"), ".local", "state", "pidns-lab");
  }

  /** This process's autosave file. */
  Path file() {
    return own;
  }

  /** Saves the experiment; an empty script needs no saving, so its file goes away. */
  void save(String script, int position, Path from) throws IOException {
    if (script.isBlank()) {
      Files.deleteIfExists(own);
      return;
    }
    String header =
        "# pidns-lab autosave position="
            + position
            + " time="
            + Instant.now()
            + (from == null ? "" : " file=" + from.toAbsolutePath())
            + "\n";
    org.pidnslab.script.AtomicFile.writeString(own, header + script);
  }

  /** A clean exit: nothing to recover. */
  void discard() {
    try {
      Files.deleteIfExists(own);
    } catch (IOException e) {
      // a stale autosave only means one needless offer to restore next time
    }
  }

  /** Experiments left by Labs that are gone, newest first. */
  List<Recovery> leftBehind() {
    List<Recovery> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    removeStaleParts();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "autosave-*.pidns")) {
      for (Path p : files) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches() || p.equals(own) || alive(Long.parseLong(m.group(1)))) {
          continue;
        }
        Recovery r = read(p);
        if (r != null) {
          out.add(r);
        }
      }
    } catch (IOException e) {
      return out;
    }
    out.sort(Comparator.comparing(Recovery::time).reversed());
    return out;
  }

  /**
   * A Lab killed in the middle of a save leaves its temporary file ({@code
   * .autosave-PID.pidns…part}); those of processes that are gone are removed.
   */
  private void removeStaleParts() {
    Pattern part = Pattern.compile("\\.autosave-([0-9]+)\\.pidns.*\\.part");
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".autosave-*.part")) {
      for (Path p : files) {
        Matcher m = part.matcher(p.getFileName().toString());
        if (m.matches() && !alive(Long.parseLong(m.group(1)))) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | RuntimeException e) {
      // leftovers cost a few bytes; they never stop the start
    }
  }

  /** Forgets a recovery (restored or declined). */
  static void forget(Recovery r) {
    try {
      Files.deleteIfExists(r.path());
    } catch (IOException e) {
      // see discard()
    }
  }

  private static Recovery read(Path p) {
    try {
      String all = Files.readString(p, StandardCharsets.UTF_8);
      int nl = all.indexOf('\n');
      Matcher h = HEADER.matcher(nl < 0 ? all : all.substring(0, nl));
      if (nl < 0 || !h.matches()) {
        return null;
      }
      Path from = h.group(3) == null ? null : Path.of(h.group(3));
      return new Recovery(
          p, all.substring(nl + 1), Integer.parseInt(h.group(1)), from, Instant.parse(h.group(2)));
    } catch (IOException | RuntimeException e) {
      return null; // not ours, or damaged: never stop the start for it
    }
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
