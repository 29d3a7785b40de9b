package org.pidnslab.host;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Finds the native helper {@value #NAME} (built from src/main/native by the Maven profile {@code
 * native}): next to the jar (the packaged app keeps it in lib/app/ beside pidns-lab.jar; the build
 * tree in target/ beside target/classes), otherwise on the PATH.
 */
public final class Helper {
  /** The helper's file name. */
  public static final String NAME = "pidns-lab-helper";

  /** A system property naming the helper explicitly (tests, unusual installs). */
  public static final String PROPERTY = "pidnslab.helper";

  private Helper() {}

  /** The helper this Lab uses, if there is one. */
  public static Optional<Path> locate() {
    String explicit = System.getProperty(PROPERTY);
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    return find(besideTheJar(), System.getenv("PATH"));
  }

  /**
   * The helper in {@code besideJar} (may be null) or else in a directory of {@code pathEnv} (a
   * colon-separated PATH, may be null); only executable regular files count.
   */
  static Optional<Path> find(Path besideJar, String pathEnv) {
    if (besideJar != null && usable(besideJar.resolve(NAME))) {
      return Optional.of(besideJar.resolve(NAME));
    }
    if (pathEnv != null) {
      for (String dir : pathEnv.split(":")) {
        if (dir.isEmpty()) {
          continue; // an empty entry means the current directory: never trusted for a helper
        }
        try {
          Path p = Path.of(dir, NAME);
          if (usable(p)) {
            return Optional.of(p);
          }
        } catch (InvalidPathException e) {
          // a PATH entry that is no path: skip it
        }
      }
    }
    return Optional.empty();
  }

  private static boolean usable(Path p) {
    return Files.isRegularFile(p) && Files.isExecutable(p);
  }

  /** The directory holding this class's jar, or the parent of the classes directory. */
  private static Path besideTheJar() {
    try {
      CodeSource cs = Helper.class.getProtectionDomain().getCodeSource();
      if (cs == null || cs.getLocation() == null) {
        return null;
      }
      Path p = Path.of(cs.getLocation().toURI());
      return p.getParent();
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return null;
    }
  }
}
