package org.pidnslab.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three things {@link ProcReader} reads from a /proc directory. The real one is {@link
 * #of(Path)}; tests wrap it to make processes vanish or refuse access mid-read. Every method throws
 * {@link java.nio.file.NoSuchFileException} for a process that is gone and {@link
 * java.nio.file.AccessDeniedException} for one this reader may not inspect.
 */
public interface ProcFiles {
  /** The names of the numeric entries (one per process). */
  List<String> pids() throws IOException;

  /** The bytes of {@code PID/status}. */
  byte[] status(String pid) throws IOException;

  /** The target of the link {@code PID/ns/pid}, e.g. {@code pid:[4026531836]}. */
  String pidNamespaceLink(String pid) throws IOException;

  /** The files under {@code root}: a real /proc or a folder shaped like one. */
  static ProcFiles of(Path root) {
    return new ProcFiles() {
      @Override
      public List<String> pids() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
          for (Path p : ds) {
            String n = p.getFileName().toString();
            if (!n.isEmpty() && n.chars().allMatch(c -> c >= '0' && c <= '9')) {
              names.add(n);
            }
          }
        }
        return names;
      }

      @Override
      public byte[] status(String pid) throws IOException {
        return Files.readAllBytes(root.resolve(pid).resolve("status"));
      }

      @Override
      public String pidNamespaceLink(String pid) throws IOException {
        return Files.readSymbolicLink(root.resolve(pid).resolve("ns").resolve("pid")).toString();
      }
    };
  }
}
