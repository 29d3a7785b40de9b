package org.pidnslab.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Writes a folder shaped like /proc: PID/status and the link PID/ns/pid for each process. */
public final class SyntheticProc {
  private final Path root;

  public SyntheticProc(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /**
   * Adds a process: {@code nspid} outermost first; pgid and sid likewise; {@code ns} the inode of
   * its PID namespace.
   */
  public SyntheticProc add(
      String comm, char state, int ppid, long ns, int[] nspid, int[] pgid, int[] sid)
      throws IOException {
    Path dir = root.resolve(Integer.toString(nspid[0]));
    Files.createDirectories(dir.resolve("ns"));
    String status =
        "Name:\t"
            + comm
            + "\nUmask:\t0022\nState:\t"
            + state
            + " (sleeping)\nTgid:\t"
            + nspid[0]
            + "\nNgid:\t0\nPid:\t"
            + nspid[0]
            + "\nPPid:\t"
            + ppid
            + "\nTracerPid:\t0\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\nNStgid:\t"
            + ids(nspid)
            + "\nNSpid:\t"
            + ids(nspid)
            + "\nNSpgid:\t"
            + ids(pgid)
            + "\nNSsid:\t"
            + ids(sid)
            + "\nThreads:\t1\nSigPnd:\t0000000000000000\n";
    Files.writeString(dir.resolve("status"), status, StandardCharsets.UTF_8);
    Files.createSymbolicLink(dir.resolve("ns").resolve("pid"), Path.of("pid:[" + ns + "]"));
    return this;
  }

  /** A process whose pgid and sid are those of its parent's session leader at every level. */
  public SyntheticProc add(String comm, int ppid, long ns, int... nspid) throws IOException {
    int[] zeros = new int[nspid.length];
    zeros[0] = 1;
    return add(comm, 'S', ppid, ns, nspid, zeros, zeros);
  }

  private static String ids(int[] a) {
    return Arrays.stream(a).mapToObj(Integer::toString).collect(Collectors.joining("\t"));
  }
}
