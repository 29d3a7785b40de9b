package org.pidnslab.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a snapshot of this machine's PID namespaces and processes from /proc (or from a folder
 * shaped like it): per process its status (NSpid, NStgid, NSpgid, NSsid, PPid, State, Name, Uid)
 * and the identity of its PID namespace (/proc/PID/ns/pid). The namespace tree comes from the
 * kernel's NS_GET_PARENT where the helper can ask it, otherwise from the NSpid levels and each
 * namespace init's parent process.
 */
public final class ProcReader {
  private final ProcFiles files;
  private final String procRoot;
  private final Supplier<NamespaceParents> parents;
  private final Supplier<String> mountinfo;

  /**
   * A reader of {@code root}; for this machine's own /proc the helper is asked for the parents of
   * the namespaces, if it is installed.
   */
  public ProcReader(Path root) {
    this(
        ProcFiles.of(root),
        root.toString(),
        root.normalize().equals(Path.of("/proc"))
            ? () -> NamespaceParents.ask(Helper.locate())
            : () -> NamespaceParents.none("not this machine's /proc"),
        ProcReader::ownMountinfo);
  }

  ProcReader(ProcFiles files, String procRoot, Supplier<NamespaceParents> parents) {
    this(files, procRoot, parents, () -> "");
  }

  ProcReader(
      ProcFiles files,
      String procRoot,
      Supplier<NamespaceParents> parents,
      Supplier<String> mountinfo) {
    this.files = files;
    this.procRoot = procRoot;
    this.parents = parents;
    this.mountinfo = mountinfo;
  }

  private static String ownMountinfo() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/self/mountinfo"));
    } catch (IOException | RuntimeException e) {
      return ""; // not Linux, or no /proc: nothing to say about hidepid
    }
  }

  /**
   * What a {@code hidepid=} option of the proc mount at {@code mountPoint} hides from {@code uid},
   * or null: with hidepid=1 (noaccess) other users' processes cannot be read, with 2 (invisible) or
   * 4 (ptraceable) they are not even listed, so the reader cannot count them. Root sees all.
   */
  static String hidepidNote(String mountinfo, String mountPoint, int uid) {
    String value = null;
    for (String line : mountinfo.split("\n")) {
      // ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS
      List<String> f = List.of(line.split(" "));
      int dash = f.indexOf("-");
      if (dash < 5 || dash + 3 >= f.size() || !f.get(4).equals(mountPoint)) {
        continue;
      }
      if (f.get(dash + 1).equals("proc")) {
        value = null; // the last mount on the point is the one seen
        for (String o : f.get(dash + 3).split(",")) {
          if (o.startsWith("hidepid=")) {
            value = o.substring("hidepid=".length());
          }
        }
      }
    }
    if (uid == 0 || value == null || value.equals("0") || value.equals("off")) {
      return null;
    }
    return mountPoint
        + " is mounted with hidepid="
        + value
        + ": other users' processes are "
        + (value.equals("1") || value.equals("noaccess") ? "unreadable" : "not listed at all")
        + " for uid "
        + uid
        + ", so this snapshot holds only what they may see (run as root, or in the group named"
        + " by the mount's gid=, to see every process)";
  }

  /** Reads every process once. Processes that exit meanwhile are left out; nothing throws. */
  public HostSnapshot read() {
    List<String> pids;
    try {
      pids = files.pids();
    } catch (IOException e) {
      return new HostSnapshot(
          procRoot,
          ThisProcess.kernelRelease(),
          reader(),
          List.of(),
          List.of(),
          List.of(procRoot + " cannot be listed: " + e.getMessage()),
          0);
    }
    // each process is read on its own (in parallel: the time is in the system calls), then
    // counted in one pass
    List<Read> reads = pids.parallelStream().map(this::readOne).toList();
    List<HostTask> tasks = new ArrayList<>(pids.size());
    int vanished = 0;
    int statusDenied = 0;
    int nsDenied = 0;
    long top = 0;
    for (Read r : reads) {
      switch (r.outcome()) {
        case VANISHED -> vanished++;
        case STATUS_DENIED -> statusDenied++;
        default -> {
          if (r.outcome() == Outcome.NS_DENIED) {
            nsDenied++;
          }
          if (r.task().nsInode() > 0 && r.task().level() == 0) {
            top = r.task().nsInode();
          }
          tasks.add(r.task());
        }
      }
    }
    // level-0 processes whose link was unreadable are in the top namespace all the same
    List<HostTask> resolved = new ArrayList<>(tasks.size());
    for (HostTask t : tasks) {
      long ns = t.nsInode() != 0 ? t.nsInode() : t.level() == 0 && top > 0 ? top : -t.level();
      resolved.add(ns == t.nsInode() ? t : withNamespace(t, ns));
    }
    resolved.sort(Comparator.comparingInt(HostTask::pid));
    List<String> hidden = new ArrayList<>();
    if (statusDenied > 0) {
      hidden.add(
          Plural.processes(statusDenied)
              + Plural.agree(statusDenied, " is", " are")
              + " not shown: "
              + Plural.agree(statusDenied, "its", "their")
              + " status cannot be read (a /proc mounted with"
              + " hidepid= shows other users' processes only to root)");
    }
    if (nsDenied > 0) {
      hidden.add(
          Plural.processes(nsDenied)
              + Plural.agree(nsDenied, " shows", " show")
              + " no namespace identity: reading /proc/PID/ns/pid needs ptrace"
              + " read access (their owner or root; not even root for a non-dumpable process of"
              + " another user namespace); those at level 0 are placed in the top namespace by"
              + " their NSpid, deeper ones as 'unidentified'");
    }
    String hidepid =
        hidepidNote(
            mountinfo.get(), Path.of(procRoot).toAbsolutePath().normalize().toString(), uidNow());
    if (hidepid != null) {
      hidden.add(0, hidepid);
    }
    NamespaceParents np = parents.get();
    List<HostNamespace> namespaces = NamespaceTree.build(resolved, np);
    if (np.reason() != null && namespaces.size() > 1) {
      hidden.add(
          "namespace parents come from each namespace init's parent process, not from the"
              + " kernel's NS_GET_PARENT: "
              + np.reason());
    }
    return new HostSnapshot(
        procRoot,
        ThisProcess.kernelRelease(),
        reader(),
        namespaces,
        List.copyOf(resolved),
        List.copyOf(hidden),
        vanished);
  }

  private enum Outcome {
    READ,
    NS_DENIED,
    STATUS_DENIED,
    VANISHED
  }

  /** One process: its task (with its namespace's inode, 0 if refused), or why there is none. */
  private record Read(Outcome outcome, HostTask task) {}

  private Read readOne(String pid) {
    HostTask t;
    try {
      t = StatusParser.parse(files.status(pid));
    } catch (AccessDeniedException e) {
      return new Read(Outcome.STATUS_DENIED, null);
    } catch (IOException e) { // NoSuchFile, ESRCH: the process is gone or being released
      return new Read(Outcome.VANISHED, null);
    }
    if (t == null) {
      return new Read(Outcome.VANISHED, null); // released while being read: a partial status
    }
    try {
      return new Read(Outcome.READ, withNamespace(t, inode(files.pidNamespaceLink(pid))));
    } catch (AccessDeniedException e) {
      return new Read(Outcome.NS_DENIED, t);
    } catch (IOException e) {
      return new Read(Outcome.VANISHED, null); // exited after its status was read: left out whole
    }
  }

  private static int uidNow() {
    return ThisProcess.effectiveUid();
  }

  private static String reader() {
    int uid = uidNow();
    return uid == 0 ? "root" : "uid " + uid;
  }

  /** The inode in {@code pid:[4026531836]}, 0 if the link has another form. */
  static long inode(String link) {
    int a = link.indexOf('[');
    int b = link.indexOf(']', a + 1);
    if (!link.startsWith("pid:") || a < 0 || b < 0) {
      return 0;
    }
    try {
      return Long.parseLong(link.substring(a + 1, b));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static HostTask withNamespace(HostTask t, long inode) {
    return new HostTask(
        t.comm(),
        t.state(),
        t.ppid(),
        t.uid(),
        t.nspid(),
        t.nstgid(),
        t.nspgid(),
        t.nssid(),
        inode);
  }

  /**
   * Parses /proc/PID/status from its bytes (only the lines a task needs are decoded: the reader
   * parses 10,000 of them per snapshot); null where the file stops before those lines.
   */
  static final class StatusParser {
    private static final byte[][] KEYS = {
      key("Name:"), key("State:"), key("PPid:"), key("Uid:"),
      key("NStgid:"), key("NSpid:"), key("NSpgid:"), key("NSsid:")
    };

    private StatusParser() {}

    private static byte[] key(String k) {
      return k.getBytes(StandardCharsets.US_ASCII);
    }

    static HostTask parse(byte[] b) {
      String name = null;
      char state = 0;
      int[] ppid = null;
      int[] uid = null;
      int[] nstgid = null;
      int[] nspid = null;
      int[] nspgid = null;
      int[] nssid = null;
      int i = 0;
      while (i < b.length) {
        int end = i;
        while (end < b.length && b[end] != '\n') {
          end++;
        }
        int k = which(b, i, end);
        if (k >= 0) {
          int v = i + KEYS[k].length;
          switch (k) {
            case 0 ->
                name =
                    new String(
                        b, skipTab(b, v, end), end - skipTab(b, v, end), StandardCharsets.UTF_8);
            case 1 -> state = stateLetter(b, v, end);
            case 2 -> ppid = ids(b, v, end);
            case 3 -> uid = ids(b, v, end);
            case 4 -> nstgid = ids(b, v, end);
            case 5 -> nspid = ids(b, v, end);
            case 6 -> nspgid = ids(b, v, end);
            default -> nssid = ids(b, v, end);
          }
        }
        i = end + 1;
      }
      if (state == 0 || nspid == null || nspid.length == 0 || name == null) {
        return null;
      }
      return new HostTask(
          name,
          state,
          ppid == null || ppid.length == 0 ? 0 : ppid[0],
          uid == null || uid.length == 0 ? -1 : uid[0],
          nspid,
          nstgid == null ? nspid : nstgid,
          nspgid == null ? new int[0] : nspgid,
          nssid == null ? new int[0] : nssid,
          0);
    }

    /** The index of the key the line [from, end) starts with, or -1. */
    private static int which(byte[] b, int from, int end) {
      outer:
      for (int k = 0; k < KEYS.length; k++) {
        byte[] key = KEYS[k];
        if (end - from < key.length) {
          continue;
        }
        for (int j = 0; j < key.length; j++) {
          if (b[from + j] != key[j]) {
            continue outer;
          }
        }
        return k;
      }
      return -1;
    }

    private static int skipTab(byte[] b, int i, int end) {
      return i < end && b[i] == '\t' ? i + 1 : i;
    }

    private static char stateLetter(byte[] b, int i, int end) {
      while (i < end && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      return i < end ? (char) b[i] : '?';
    }

    /** Whitespace-separated non-negative numbers; null if something else is there. */
    private static int[] ids(byte[] b, int i, int end) {
      int[] r = new int[8];
      int n = 0;
      while (i < end) {
        if (b[i] == ' ' || b[i] == '\t') {
          i++;
          continue;
        }
        long v = 0;
        int start = i;
        while (i < end && b[i] >= '0' && b[i] <= '9' && i - start < 10) {
          v = v * 10 + (b[i] - '0');
          i++;
        }
        if (i == start || v > Integer.MAX_VALUE || (i < end && b[i] != ' ' && b[i] != '\t')) {
          return null;
        }
        if (n == r.length) {
          r = java.util.Arrays.copyOf(r, n * 2);
        }
        r[n++] = (int) v;
      }
      return java.util.Arrays.copyOf(r, n);
    }
  }
}
