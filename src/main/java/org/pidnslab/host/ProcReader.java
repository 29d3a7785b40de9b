package org.pidnslab.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            : () -> NamespaceParents.none("not this machine's /proc"));
  }

  ProcReader(ProcFiles files, String procRoot, Supplier<NamespaceParents> parents) {
    this.files = files;
    this.procRoot = procRoot;
    this.parents = parents;
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
    List<HostTask> tasks = new ArrayList<>(pids.size());
    int vanished = 0;
    int statusDenied = 0;
    int nsDenied = 0;
    long top = 0;
    for (String pid : pids) {
      HostTask t;
      try {
        t = StatusParser.parse(files.status(pid));
        if (t == null) {
          vanished++; // released while being read: an empty or partial status
          continue;
        }
      } catch (NoSuchFileException e) {
        vanished++;
        continue;
      } catch (AccessDeniedException e) {
        statusDenied++;
        continue;
      } catch (IOException e) {
        vanished++; // ESRCH and friends: the process is being released
        continue;
      }
      long inode;
      try {
        inode = inode(files.pidNamespaceLink(pid));
      } catch (NoSuchFileException e) {
        vanished++; // exited after its status was read: leave it out whole
        continue;
      } catch (AccessDeniedException e) {
        inode = 0;
        nsDenied++;
      } catch (IOException e) {
        vanished++;
        continue;
      }
      if (inode > 0 && t.level() == 0) {
        top = inode;
      }
      tasks.add(withNamespace(t, inode));
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
          statusDenied
              + " processes are not shown: their status cannot be read (a /proc mounted with"
              + " hidepid= shows other users' processes only to root)");
    }
    if (nsDenied > 0) {
      hidden.add(
          nsDenied
              + " processes show no namespace identity: reading /proc/PID/ns/pid needs ptrace"
              + " read access (their owner or root; not even root for a non-dumpable process of"
              + " another user namespace); those at level 0 are placed in the top namespace by"
              + " their NSpid, deeper ones as 'unidentified'");
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

  private static String reader() {
    int uid = ThisProcess.effectiveUid();
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

  /** Parses /proc/PID/status; null where the file stops before the lines a task needs. */
  static final class StatusParser {
    private StatusParser() {}

    static HostTask parse(byte[] bytes) {
      String s = new String(bytes, StandardCharsets.UTF_8);
      Map<String, String> f = new HashMap<>(16);
      int i = 0;
      while (i < s.length()) {
        int nl = s.indexOf('\n', i);
        int end = nl < 0 ? s.length() : nl;
        int colon = s.indexOf(':', i);
        if (colon > i && colon < end) {
          String key = s.substring(i, colon);
          if (WANTED.contains(key)) {
            f.put(key, s.substring(colon + 1, end));
          }
        }
        i = end + 1;
      }
      String state = f.get("State");
      int[] nspid = ids(f.get("NSpid"));
      if (state == null || nspid == null || nspid.length == 0 || f.get("Name") == null) {
        return null;
      }
      String st = state.strip();
      int[] nstgid = ids(f.get("NStgid"));
      int[] nspgid = ids(f.get("NSpgid"));
      int[] nssid = ids(f.get("NSsid"));
      int[] uid = ids(f.get("Uid"));
      int[] ppid = ids(f.get("PPid"));
      String name = f.get("Name");
      return new HostTask(
          name.startsWith("\t") ? name.substring(1) : name.strip(),
          st.isEmpty() ? '?' : st.charAt(0),
          ppid == null || ppid.length == 0 ? 0 : ppid[0],
          uid == null || uid.length == 0 ? -1 : uid[0],
          nspid,
          nstgid == null ? nspid : nstgid,
          nspgid == null ? new int[0] : nspgid,
          nssid == null ? new int[0] : nssid,
          0);
    }

    private static final Set<String> WANTED =
        Set.of("Name", "State", "PPid", "Uid", "NStgid", "NSpid", "NSpgid", "NSsid");

    /** Whitespace-separated numbers; null if one is not a number. */
    private static int[] ids(String v) {
      if (v == null) {
        return null;
      }
      String t = v.strip();
      if (t.isEmpty()) {
        return new int[0];
      }
      String[] parts = t.split("\\s+");
      int[] r = new int[parts.length];
      try {
        for (int k = 0; k < parts.length; k++) {
          r[k] = Integer.parseInt(parts[k]);
        }
      } catch (NumberFormatException e) {
        return null;
      }
      return r;
    }
  }
}
