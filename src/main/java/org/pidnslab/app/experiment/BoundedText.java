package org.pidnslab.app.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a text file the user or another program may have put anything at: only a regular file is
 * opened (a pipe or a device would block or never end), its size is checked before reading, and no
 * more than the limit is read even from a file that grows meanwhile. Scripts and autosaves are read
 * this way.
 */
final class BoundedText {
  private BoundedText() {}

  /** The file is not something to read as text; the message says what it is. */
  static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * The file's text in strict UTF-8.
   *
   * @param options {@link LinkOption#NOFOLLOW_LINKS} to refuse a symbolic link
   * @throws Refused "is a folder", "is not a regular file (a device, pipe or socket)", or "is
   *     larger than N MB"
   * @throws CharacterCodingException when the bytes are not UTF-8
   */
  static String read(Path f, long maxBytes, LinkOption... options) throws IOException {
    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, options);
    if (a.isDirectory()) {
      throw new Refused("is a folder");
    }
    if (!a.isRegularFile()) {
      throw new Refused("is not a regular file (a device, pipe or socket)");
    }
    Refused tooLarge = new Refused("is larger than " + (maxBytes >> 20) + " MB");
    if (a.size() > maxBytes) {
      throw tooLarge;
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(f, options)) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    if (bytes.length > maxBytes) {
      throw tooLarge;
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
