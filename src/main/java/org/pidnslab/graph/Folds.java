package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;

/**
 * Which tasks a build hides, and what stands in for them, as {@link DrawingOptions} collapse them.
 *
 * <p>A collapsed namespace N hides every task in N or a namespace nested in it, except the first
 * task of each subtree of them (its parent outside N, or none): that task's place is taken by a
 * {@link SummaryCard.Kind#NAMESPACE} card. The outermost collapsed namespace wins. A collapsed
 * subtree hides its root's descendants, and the root stays with a {@link SummaryCard.Kind#SUBTREE}
 * badge; a subtree collapsed inside one already hidden, or with nothing below its root, is ignored.
 * Subtrees fold after namespaces, so a folded subtree can swallow a namespace card.
 */
final class Folds {
  /** One collapsed part: the visible task it hangs on, and the tasks it stands for. */
  record Fold(SummaryCard.Kind kind, Task anchor, PidNamespace ns, int part, List<Task> members) {}

  final List<Task> visible;
  final Map<Task, Fold> byAnchor = new IdentityHashMap<>();

  private Folds(List<Task> visible) {
    this.visible = visible;
  }

  /** Nothing hidden. */
  static Folds none(List<Task> tasks) {
    return new Folds(tasks);
  }

  /** The folds of {@code all} (the kernel's task order) under {@code options}. */
  static Folds of(TaskForest all, DrawingOptions options) {
    Task[] tasks = all.tasks;
    int n = tasks.length;
    if (!options.collapsesAnything()) {
      return none(all.list);
    }
    boolean[] hidden = new boolean[n];
    Fold[] fold = new Fold[n];
    Set<Integer> namespaces = options.collapsedNamespaces();
    PidNamespace[] cut = new PidNamespace[n]; // the outermost collapsed namespace holding a task
    for (int i = 0; i < n; i++) {
      PidNamespace own = tasks[i].activeNs();
      for (int level = 1; level <= own.level() && !namespaces.isEmpty(); level++) {
        PidNamespace ns = own.ancestorAt(level);
        if (namespaces.contains(ns.serial())) {
          cut[i] = ns;
          break;
        }
      }
    }
    Map<PidNamespace, Integer> parts = new IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      if (cut[i] == null) {
        continue;
      }
      int p = all.parent[i];
      if (p >= 0 && cut[p] == cut[i]) {
        hidden[i] = true;
      } else {
        int part = parts.merge(cut[i], 1, Integer::sum) - 1;
        fold[i] = new Fold(SummaryCard.Kind.NAMESPACE, tasks[i], cut[i], part, members(all, i));
      }
    }
    if (!options.collapsedSubtrees().isEmpty()) {
      int[] depth = all.depths();
      List<Integer> roots = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (options.collapsedSubtrees().contains(tasks[i].serial())) {
          roots.add(i);
        }
      }
      roots.sort((a, b) -> Integer.compare(depth[a], depth[b])); // outer ones first
      for (int r : roots) {
        if (hidden[r] || fold[r] != null || all.childCount[r] == 0) {
          continue;
        }
        List<Task> below = members(all, r);
        below.remove(0);
        int[] subtree = all.subtree(r);
        for (int k = 1; k < subtree.length; k++) {
          hidden[subtree[k]] = true;
        }
        fold[r] =
            new Fold(
                SummaryCard.Kind.SUBTREE, tasks[r], tasks[r].activeNs(), 0, List.copyOf(below));
      }
    }
    List<Task> visible = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (!hidden[i]) {
        visible.add(tasks[i]);
      }
    }
    Folds out = new Folds(visible);
    for (int i = 0; i < n; i++) {
      if (fold[i] != null && !hidden[i]) {
        out.byAnchor.put(tasks[i], fold[i]);
      }
    }
    return out;
  }

  /** The task at {@code root} and its descendants, in task order. */
  private static List<Task> members(TaskForest all, int root) {
    int[] subtree = all.subtree(root);
    java.util.Arrays.sort(subtree, 1, subtree.length);
    List<Task> out = new ArrayList<>(subtree.length);
    for (int i : subtree) {
      out.add(all.tasks[i]);
    }
    return out;
  }

  /** The namespaces nested directly in {@code ns} that hold members, with their member counts. */
  static Map<PidNamespace, Integer> nestedCounts(PidNamespace ns, List<Task> members) {
    Map<PidNamespace, Integer> out = new LinkedHashMap<>();
    for (Task t : members) {
      PidNamespace own = t.activeNs();
      if (own.level() > ns.level() && own.ancestorAt(ns.level()) == ns) {
        out.merge(own.ancestorAt(ns.level() + 1), 1, Integer::sum);
      }
    }
    return out;
  }
}
