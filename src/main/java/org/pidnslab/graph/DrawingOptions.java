package org.pidnslab.graph;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.pidnslab.kernel.PidNamespace;

/**
 * What to draw: the namespace the picture is seen from, the layout, the shape the compact layout
 * aims for, and what is collapsed. Fonts and their scale come with the {@link TextMetrics} given to
 * the {@link DrawingBuilder}.
 *
 * <p>Collapsed parts are named by creation serial, which stays the same across states: a namespace
 * by {@link PidNamespace#serial()}, a subtree by its root task's serial. A serial that names
 * nothing in a state is ignored, so one set of options may serve a whole script.
 *
 * @param perspective the namespace to view from (like running {@code ps} inside it), or null to
 *     show every task's whole PID stack
 * @param layout how to place the tasks
 * @param aspect the width / height the {@link LayoutChoice#COMPACT compact layout} aims for: the
 *     viewport's or the page's ({@link #DEFAULT_ASPECT} unless told)
 * @param collapsedNamespaces namespaces drawn as one {@link SummaryCard} per subtree of their tasks
 * @param collapsedSubtrees tasks drawn with their descendants folded into a "+N" badge card
 */
public record DrawingOptions(
    PidNamespace perspective,
    LayoutChoice layout,
    double aspect,
    Set<Integer> collapsedNamespaces,
    Set<Integer> collapsedSubtrees) {

  /** 16:10, a common screen's shape. */
  public static final double DEFAULT_ASPECT = 1.6;

  /** No perspective, tidy tree, nothing collapsed. */
  public static final DrawingOptions DEFAULT = new DrawingOptions(null, LayoutChoice.TREE);

  /** Checks the arguments and freezes the sets. */
  public DrawingOptions {
    Objects.requireNonNull(layout);
    if (!(aspect > 0) || Double.isInfinite(aspect)) {
      throw new IllegalArgumentException("aspect must be a positive number: " + aspect);
    }
    collapsedNamespaces = Set.copyOf(collapsedNamespaces);
    collapsedSubtrees = Set.copyOf(collapsedSubtrees);
  }

  /** {@code layout} seen from {@code perspective}, default aspect, nothing collapsed. */
  public DrawingOptions(PidNamespace perspective, LayoutChoice layout) {
    this(perspective, layout, DEFAULT_ASPECT, Set.of(), Set.of());
  }

  /** These options seen from {@code ns} (null for none). */
  public DrawingOptions withPerspective(PidNamespace ns) {
    return new DrawingOptions(ns, layout, aspect, collapsedNamespaces, collapsedSubtrees);
  }

  /** These options with another layout. */
  public DrawingOptions withLayout(LayoutChoice choice) {
    return new DrawingOptions(perspective, choice, aspect, collapsedNamespaces, collapsedSubtrees);
  }

  /** These options aiming at another width / height (the compact layout's target). */
  public DrawingOptions withAspect(double widthOverHeight) {
    return new DrawingOptions(
        perspective, layout, widthOverHeight, collapsedNamespaces, collapsedSubtrees);
  }

  /** These options with exactly these collapsed namespaces and subtrees (by serial). */
  public DrawingOptions withCollapsed(Set<Integer> namespaces, Set<Integer> subtrees) {
    return new DrawingOptions(perspective, layout, aspect, namespaces, subtrees);
  }

  /** These options with nothing collapsed. */
  public DrawingOptions expandedAll() {
    return withCollapsed(Set.of(), Set.of());
  }

  /** Whether anything is collapsed. */
  public boolean collapsesAnything() {
    return !collapsedNamespaces.isEmpty() || !collapsedSubtrees.isEmpty();
  }

  /** These options with the namespace of serial {@code serial} collapsed or expanded. */
  public DrawingOptions withNamespaceCollapsed(int serial, boolean collapsed) {
    return withCollapsed(toggled(collapsedNamespaces, serial, collapsed), collapsedSubtrees);
  }

  /** These options with the subtree of task serial {@code serial} collapsed or expanded. */
  public DrawingOptions withSubtreeCollapsed(int serial, boolean collapsed) {
    return withCollapsed(collapsedNamespaces, toggled(collapsedSubtrees, serial, collapsed));
  }

  private static Set<Integer> toggled(Set<Integer> set, int serial, boolean in) {
    Set<Integer> out = new HashSet<>(set);
    if (in) {
      out.add(serial);
    } else {
      out.remove(serial);
    }
    return out;
  }
}
