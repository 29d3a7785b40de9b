package org.pidnslab.app.graphview;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.SummaryCard;
import org.pidnslab.kernel.Pid;
import org.pidnslab.kernel.Task;

/**
 * What the window shows collapsed, for this experiment only (never written into the script): the
 * namespaces drawn as summary cards and the subtrees folded into "+N" badges, by serial, so one set
 * serves every step of the experiment.
 */
final class Collapsing {
  private final Set<Integer> namespaces = new HashSet<>();
  private final Set<Integer> subtrees = new HashSet<>();

  /** {@code options} with this experiment's collapsed parts. */
  DrawingOptions applyTo(DrawingOptions options) {
    return options.withCollapsed(namespaces, subtrees);
  }

  /** Takes the collapsed parts of {@code options} (an automatic plan) as this experiment's. */
  void adopt(DrawingOptions options) {
    namespaces.clear();
    namespaces.addAll(options.collapsedNamespaces());
    subtrees.clear();
    subtrees.addAll(options.collapsedSubtrees());
  }

  /** Nothing collapsed (a new script). */
  void clear() {
    namespaces.clear();
    subtrees.clear();
  }

  void collapseNamespace(int serial) {
    namespaces.add(serial);
  }

  /** Expands what {@code card} stands for. */
  void expand(SummaryCard card) {
    (card.kind() == SummaryCard.Kind.NAMESPACE ? namespaces : subtrees).remove(card.serial());
  }

  boolean isCollapsed(SummaryCard.Kind kind, int serial) {
    return (kind == SummaryCard.Kind.NAMESPACE ? namespaces : subtrees).contains(serial);
  }

  /**
   * Expands every collapsed namespace or subtree that hides one of {@code changed} (the tasks a
   * call changed), so the story of the call can be seen.
   *
   * @return whether anything was expanded
   */
  boolean expandFor(Collection<Task> changed) {
    boolean any = false;
    for (Task t : changed) {
      Pid p = t.pid();
      for (int level = 0; p != null && level <= p.level(); level++) {
        any |= namespaces.remove(p.upid(level).ns().serial());
      }
      for (Task up = t.realParent(); up != null; up = up.realParent()) {
        any |= subtrees.remove(up.serial());
      }
    }
    return any;
  }

  /** The tasks {@code serials} names, as the automatic plan must keep them on show. */
  static Set<Integer> serials(Collection<Task> tasks) {
    Set<Integer> out = new HashSet<>();
    for (Task t : tasks) {
      out.add(t.serial());
    }
    return out;
  }
}
