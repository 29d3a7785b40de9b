package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;

/**
 * Chooses what to collapse so that a big scene's first fitted picture stays readable: its smallest
 * text at least {@code minTextPx} pixels high once the drawing is scaled down (never up) to fit the
 * viewport. Pure Java, no toolkit: the window and the exports ask the same question.
 *
 * <p>The candidates are every namespace below root and every task with at least {@value
 * #MIN_SUBTREE} descendants all in its own namespace (so a collapsed subtree never swallows a
 * container: namespaces fold into their own cards, which say more), biggest first by the number of
 * tasks collapsing them hides; a candidate that would hide a protected task (one the current step
 * changed) is never taken: a namespace holding one stays open, a subtree with one below its root
 * stays open (the root itself stays on show in a collapsed subtree, so it may be protected).
 * Collapsed parts the options already name are kept, except those that hide a protected task.
 *
 * <p>Each round collapses candidates until the number of boxes left is what the measured picture
 * says would fit (the area of a picture grows with its boxes), then builds and measures again; so a
 * plan costs a few builds, not one per candidate. The force-directed layout's rounds first measure
 * its boxes' frame instead of building (see {@link DrawingBuilder.Footprint}): a build of hundreds
 * of boxes in it takes a good part of a second. Either way the plan ends only on a built picture
 * whose text reaches the goal, or when nothing is left to collapse (or after {@value #MAX_ROUNDS}
 * builds): then it stops where it is, and the text may stay below the goal.
 */
public final class AutoCollapse {
  /** The fewest descendants that make a task a candidate: fewer would not save room. */
  public static final int MIN_SUBTREE = 3;

  /** The most builds one plan makes (its rounds that only measure a frame not counted). */
  static final int MAX_ROUNDS = 12;

  private AutoCollapse() {}

  /**
   * {@code options} with the compact layout's aspect set to the viewport's, and collapsed parts
   * added (see the class comment) so that the picture built with the default {@link
   * DrawingBuilder}, fitted to {@code viewportW x viewportH}, keeps its text at least {@code
   * minTextPx} high.
   */
  public static DrawingOptions plan(
      Kernel kernel,
      DrawingOptions options,
      double viewportW,
      double viewportH,
      double minTextPx,
      Set<Integer> protectedTaskSerials) {
    return plan(
        new DrawingBuilder(),
        kernel,
        options,
        viewportW,
        viewportH,
        minTextPx,
        protectedTaskSerials);
  }

  /** {@link #plan(Kernel, DrawingOptions, double, double, double, Set)} with {@code builder}. */
  public static DrawingOptions plan(
      DrawingBuilder builder,
      Kernel kernel,
      DrawingOptions options,
      double viewportW,
      double viewportH,
      double minTextPx,
      Set<Integer> protectedTaskSerials) {
    if (!(viewportW > 0) || !(viewportH > 0)) {
      throw new IllegalArgumentException(
          "viewport must be positive: " + viewportW + "x" + viewportH);
    }
    List<Task> tasks = kernel.tasks();
    TaskForest forest = new TaskForest(tasks);
    int n = forest.tasks.length;
    boolean[] guarded = new boolean[n];
    for (int i = 0; i < n; i++) {
      guarded[i] = protectedTaskSerials.contains(forest.tasks[i].serial());
    }
    Set<Integer> namespaces = new HashSet<>(options.collapsedNamespaces());
    Set<Integer> subtrees = new HashSet<>(options.collapsedSubtrees());
    List<Candidate> candidates = candidates(forest, guarded, namespaces, subtrees);
    DrawingOptions plan =
        options.withAspect(viewportW / viewportH).withCollapsed(namespaces, subtrees);
    boolean[] hidden = new boolean[n];
    int next = 0;
    // a force-directed build is dear (0.2 to 1 s for 170 boxes and more) and its first rounds are
    // far from readable: while even its frame is too big, a round plans on the frame alone,
    // measured in milliseconds; only a picture the frame would allow is built, to check it. Each
    // such round collapses at least one candidate (its ratio is below 1), so the rounds end.
    boolean frameFirst = plan.layout() == LayoutChoice.FR;
    Typography type = builder.metrics().typography();
    for (int builds = 0; builds < MAX_ROUNDS; ) {
      double px = Double.POSITIVE_INFINITY;
      int shown = 0;
      if (frameFirst) {
        DrawingBuilder.Footprint f = builder.footprint(kernel, plan);
        px = smallestText(type) * Math.min(1, ViewFit.bestScale(f.area(), viewportW, viewportH));
        shown = f.shown();
      }
      if (px >= minTextPx) {
        Drawing d = builder.build(kernel, plan);
        builds++;
        px = fittedTextPx(d, viewportW, viewportH);
        shown = d.tasks().size() + d.cards().size();
      }
      if (px >= minTextPx || next >= candidates.size()) {
        return plan;
      }
      // the boxes that would fit: the picture's area shrinks about with the number of boxes
      double ratio = px / minTextPx;
      int goal = (int) Math.floor(Math.max(1, shown) * ratio * ratio);
      while (next < candidates.size() && shown > goal) {
        Candidate c = candidates.get(next++);
        if (hidden[c.anchor]) {
          continue;
        }
        int newlyHidden = 0;
        for (int t : c.hides) {
          if (!hidden[t]) {
            hidden[t] = true;
            newlyHidden++;
          }
        }
        if (newlyHidden <= c.cards) {
          continue; // nothing gained
        }
        if (c.namespace != null) {
          namespaces.add(c.namespace.serial());
        } else {
          subtrees.add(forest.tasks[c.anchor].serial());
        }
        shown -= newlyHidden - c.cards;
      }
      DrawingOptions before = plan;
      plan = plan.withCollapsed(namespaces, subtrees);
      if (plan.equals(before)) {
        return plan; // the candidates ran out gaining nothing: the next round would end the same
      }
    }
    return plan;
  }

  /**
   * How high the smallest text of {@code d} is when the drawing is fitted to a {@code viewportW x
   * viewportH} viewport as the window's camera fits it ({@link ViewFit}), counted scaled down but
   * never up (the camera's enlargement only helps).
   */
  public static double fittedTextPx(Drawing d, double viewportW, double viewportH) {
    double scale = Math.min(1, ViewFit.scale(d.width(), d.height(), viewportW, viewportH));
    return smallestText(d.typography()) * scale;
  }

  /** The height of the smallest text a picture in {@code t} draws, unscaled. */
  private static double smallestText(Typography t) {
    return Math.min(
        Math.min(t.labelSize(), t.stateSize()),
        Math.min(t.chipSize(), Math.min(t.titleSize(), t.detailSize())));
  }

  /**
   * A possible collapse: a namespace (its tasks become {@code cards} cards) or a subtree (its
   * anchor stays, with one badge).
   */
  private record Candidate(PidNamespace namespace, int anchor, int[] hides, int cards) {}

  /**
   * Every candidate that hides no guarded task, biggest first; and the options' own collapsed parts
   * that hide a guarded task taken out of {@code namespaces} and {@code subtrees}.
   */
  private static List<Candidate> candidates(
      TaskForest f, boolean[] guarded, Set<Integer> namespaces, Set<Integer> subtrees) {
    int n = f.tasks.length;
    int[] depth = f.depths();
    Integer[] deepestFirst = new Integer[n];
    for (int i = 0; i < n; i++) {
      deepestFirst[i] = i;
    }
    java.util.Arrays.sort(deepestFirst, (a, b) -> Integer.compare(depth[b], depth[a]));
    int[] size = new int[n];
    boolean[] guardedBelow = new boolean[n]; // a guarded strict descendant
    boolean[] mixed = new boolean[n]; // a descendant in another namespace
    for (int i : deepestFirst) {
      size[i]++;
      int p = f.parent[i];
      if (p >= 0) {
        size[p] += size[i];
        guardedBelow[p] |= guardedBelow[i] || guarded[i];
        mixed[p] |= mixed[i] || f.tasks[i].activeNs() != f.tasks[p].activeNs();
      }
    }
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int serial = f.tasks[i].serial();
      if (guardedBelow[i]) {
        subtrees.remove(serial);
      } else if (size[i] - 1 >= MIN_SUBTREE && !mixed[i]) {
        int[] below = f.subtree(i);
        out.add(new Candidate(null, i, java.util.Arrays.copyOfRange(below, 1, below.length), 1));
      }
    }
    // namespaces: their members, parts, and whether a guarded task is among them
    Map<PidNamespace, List<Integer>> members = new IdentityHashMap<>();
    Map<PidNamespace, Integer> parts = new IdentityHashMap<>();
    Map<PidNamespace, Integer> firstMember = new IdentityHashMap<>();
    Set<PidNamespace> holdsGuarded = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < n; i++) {
      PidNamespace own = f.tasks[i].activeNs();
      int p = f.parent[i];
      for (int level = 1; level <= own.level(); level++) {
        PidNamespace ns = own.ancestorAt(level);
        members.computeIfAbsent(ns, k -> new ArrayList<>()).add(i);
        firstMember.putIfAbsent(ns, i);
        if (p < 0 || !f.tasks[p].activeNs().isSameOrDescendantOf(ns)) {
          parts.merge(ns, 1, Integer::sum);
        }
        if (guarded[i]) {
          holdsGuarded.add(ns);
        }
      }
    }
    for (Map.Entry<PidNamespace, List<Integer>> e : members.entrySet()) {
      PidNamespace ns = e.getKey();
      if (holdsGuarded.contains(ns)) {
        namespaces.remove(ns.serial());
        continue;
      }
      int[] hides = e.getValue().stream().mapToInt(Integer::intValue).toArray();
      int cards = parts.getOrDefault(ns, 1);
      if (hides.length > cards) {
        out.add(new Candidate(ns, firstMember.get(ns), hides, cards));
      }
    }
    // biggest gain first; among equals a namespace (its card says more), then task order
    out.sort(
        (a, b) -> {
          int c = Integer.compare(b.hides.length - b.cards, a.hides.length - a.cards);
          if (c != 0) {
            return c;
          }
          c = Boolean.compare(b.namespace != null, a.namespace != null);
          return c != 0 ? c : Integer.compare(a.anchor, b.anchor);
        });
    return out;
  }
}
