package org.pidnslab.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The namespaces of a snapshot and their parents: from the kernel (NS_GET_PARENT) where known, else
 * from the parent process of each namespace's init, when that process is one level up. Namespaces
 * that hold no process but are a parent of one that does (their processes exited, a child namespace
 * keeps them alive) appear too, when the kernel named them.
 */
final class NamespaceTree {
  private NamespaceTree() {}

  static List<HostNamespace> build(List<HostTask> tasks, NamespaceParents kernel) {
    Map<Long, Integer> level = new HashMap<>();
    Map<Long, Integer> count = new HashMap<>();
    Map<Integer, HostTask> byPid = new HashMap<>();
    for (HostTask t : tasks) {
      level.put(t.nsInode(), t.level());
      count.merge(t.nsInode(), 1, Integer::sum);
      byPid.put(t.pid(), t);
    }
    Map<Long, HostNamespace> result = new TreeMap<>();
    List<Long> todo = new ArrayList<>(level.keySet());
    for (int i = 0; i < todo.size(); i++) {
      long ns = todo.get(i);
      int lev = level.get(ns);
      long parent = 0;
      String from = "-";
      if (ns > 0 && lev > 0 && kernel.parents().getOrDefault(ns, 0L) > 0) {
        parent = kernel.parents().get(ns);
        from = "NS_GET_PARENT";
        if (!level.containsKey(parent)) { // a namespace without processes of its own
          level.put(parent, lev - 1);
          todo.add(parent);
        }
      } else if (ns > 0 && lev > 0) {
        parent = fromInitsParent(ns, lev, tasks, byPid);
        from = parent == 0 ? "-" : "init's parent";
      }
      result.put(ns, new HostNamespace(ns, lev, parent, from, count.getOrDefault(ns, 0)));
    }
    List<HostNamespace> list = new ArrayList<>(result.values());
    list.sort(
        Comparator.comparingInt(HostNamespace::level)
            .thenComparing(n -> n.inode() < 0)
            .thenComparingLong(HostNamespace::inode));
    return list;
  }

  /** The namespace of the parent process of {@code ns}'s init, if it is one level up; else 0. */
  private static long fromInitsParent(
      long ns, int lev, List<HostTask> tasks, Map<Integer, HostTask> byPid) {
    for (HostTask t : tasks) {
      if (t.nsInode() == ns && t.innermostPid() == 1) {
        HostTask p = byPid.get(t.ppid());
        return p != null && p.level() == lev - 1 && p.nsInode() > 0 ? p.nsInode() : 0;
      }
    }
    return 0;
  }
}
