package org.pidnslab.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code pidns-lab live}'s text: the namespace tree, then each namespace's processes. */
public final class SnapshotText {
  private SnapshotText() {}

  /** The lines of the report. */
  public static List<String> lines(HostSnapshot s) {
    List<String> out = new ArrayList<>();
    out.add(
        "this machine: Linux "
            + (s.release() == null ? "(unknown)" : s.release())
            + " (uname -r), "
            + s.procRoot()
            + " read as "
            + s.reader()
            + ": "
            + s.namespaces().size()
            + (s.namespaces().size() == 1 ? " PID namespace, " : " PID namespaces, ")
            + Plural.processes(s.tasks().size()));
    Map<Long, List<HostNamespace>> children = new HashMap<>();
    List<HostNamespace> tops = new ArrayList<>();
    for (HostNamespace ns : s.namespaces()) {
      if (ns.parent() != 0 && s.namespace(ns.parent()) != null) {
        children.computeIfAbsent(ns.parent(), k -> new ArrayList<>()).add(ns);
      } else {
        tops.add(ns);
      }
    }
    for (HostNamespace top : tops) {
      tree(top, "", children, out);
    }
    for (HostNamespace ns : s.namespaces()) {
      out.add("");
      out.add(name(ns) + ":");
      for (HostTask t : s.tasks()) {
        if (t.nsInode() == ns.inode()) {
          out.add("  " + task(t));
        }
      }
    }
    for (String h : s.hidden()) {
      out.add("hidden: " + h);
    }
    if (s.vanished() > 0) {
      out.add(
          Plural.processes(s.vanished())
              + " exited while /proc was read and "
              + Plural.agree(s.vanished(), "is", "are")
              + " left out");
    }
    return out;
  }

  private static void tree(
      HostNamespace ns, String indent, Map<Long, List<HostNamespace>> children, List<String> out) {
    out.add(
        indent
            + name(ns)
            + " level="
            + ns.level()
            + " processes="
            + ns.tasks()
            + (ns.level() > 0 ? " parent from " + ns.parentFrom() : ""));
    for (HostNamespace c : children.getOrDefault(ns.inode(), List.of())) {
      tree(c, indent + "  ", children, out);
    }
  }

  static String name(HostNamespace ns) {
    return ns.identified()
        ? "pid:[" + ns.inode() + "]"
        : "unidentified namespaces at level " + ns.level();
  }

  private static String task(HostTask t) {
    return t.pid()
        + " "
        + t.state()
        + " "
        + printable(t.comm())
        + " ppid="
        + t.ppid()
        + " nspid="
        + join(t.nspid())
        + " pgid="
        + join(t.nspgid())
        + " sid="
        + join(t.nssid());
  }

  static String join(int[] ids) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ids.length; i++) {
      sb.append(i == 0 ? "" : "/").append(ids[i]);
    }
    return sb.length() == 0 ? "-" : sb.toString();
  }

  /** {@code s} with control characters and spaces as {@code \xNN}: one word, no raw controls. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
