package org.pidnslab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.pidnslab.script.SafeText;

/** Opening the script a command names, with a one-line error for every way that can fail. */
final class Scripts {
  /**
   * The most of a script {@code export} holds in memory (it keeps the text for the animation's
   * captions); {@code run} streams and has no such limit.
   */
  static final int MAX_EXPORT_CHARS = 64 * 1024 * 1024;

  private Scripts() {}

  /** A script that cannot be read; the message is the whole error line. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String file, String reason) {
      super(SafeText.escapeControls(file + ": " + reason), null, false, false);
    }
  }

  /** The script {@code file} as UTF-8 text, malformed bytes as U+FFFD. */
  static Reader open(String file) throws Unreadable {
    Path path;
    try {
      path = Path.of(file);
    } catch (IllegalArgumentException e) { // InvalidPathException: a NUL in the name
      throw new Unreadable(file, "no such file");
    }
    if (Files.isDirectory(path)) {
      throw new Unreadable(file, "is a directory");
    }
    try {
      InputStream in = Files.newInputStream(path);
      return new BufferedReader(
          new InputStreamReader(
              in,
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPLACE)
                  .onUnmappableCharacter(CodingErrorAction.REPLACE)),
          1 << 16);
    } catch (NoSuchFileException e) {
      throw new Unreadable(file, "no such file");
    } catch (AccessDeniedException e) {
      throw new Unreadable(file, "cannot read: permission denied");
    } catch (IOException e) {
      throw new Unreadable(file, "cannot read: " + e.getMessage());
    }
  }

  /**
   * The whole script {@code file}, read up to {@link #MAX_EXPORT_CHARS}: a longer one (or an
   * endless one, {@code /dev/zero}) is refused before it fills the memory.
   */
  static String read(String file) throws Unreadable {
    try (Reader in = open(file)) {
      StringBuilder text = new StringBuilder();
      char[] buf = new char[1 << 16];
      for (int n; (n = in.read(buf)) >= 0; ) {
        if (text.length() + n > MAX_EXPORT_CHARS) {
          throw new Unreadable(
              file,
              String.format(
                  "too large to export (over %,d characters); 'pidns-lab run' reads any length",
                  MAX_EXPORT_CHARS));
        }
        text.append(buf, 0, n);
      }
      return text.toString();
    } catch (IOException e) {
      throw new Unreadable(file, "cannot read: " + e.getMessage());
    }
  }
}
