package org.pidnslab.host;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parent of each PID namespace as the kernel tells it (ioctl NS_GET_PARENT, asked by the
 * helper's {@code ns-parents}), or why it could not be asked.
 *
 * @param parents namespace inode to parent inode; 0 where the kernel refused (the parent is outside
 *     the asker's user namespace, or it is the initial namespace)
 * @param reason null when asked, else why not
 */
public record NamespaceParents(Map<Long, Long> parents, String reason) {
  /** No answers, for {@code reason}. */
  public static NamespaceParents none(String reason) {
    return new NamespaceParents(Map.of(), reason);
  }

  /** Asks {@code helper}, bounded by a few seconds. */
  static NamespaceParents ask(Optional<Path> helper) {
    if (helper.isEmpty()) {
      return none("the helper " + Helper.NAME + " is not installed");
    }
    HelperCall.Result r;
    try {
      r =
          HelperCall.run(
              java.util.List.of(helper.get().toString(), "ns-parents"),
              null,
              Duration.ofSeconds(5));
    } catch (IOException e) {
      return none("the helper did not start: " + e.getMessage());
    }
    if (r.timedOut() || r.exit() != 0) {
      return none("the helper failed: " + r.err().strip());
    }
    return parse(r.out());
  }

  /** Parses the helper's lines {@code INODE PARENT}, {@code INODE -}, {@code INODE ?}. */
  static NamespaceParents parse(String out) {
    Map<Long, Long> m = new HashMap<>();
    for (String line : out.split("\n")) {
      String[] w = line.trim().split(" ");
      if (w.length != 2) {
        continue;
      }
      try {
        long ns = Long.parseLong(w[0]);
        m.put(ns, w[1].equals("-") || w[1].equals("?") ? 0L : Long.parseLong(w[1]));
      } catch (NumberFormatException e) {
        // not a line of ours
      }
    }
    return new NamespaceParents(Map.copyOf(m), null);
  }
}
