package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pidnslab.kernel.PidNamespace;

/**
 * The compact layout ({@link LayoutChoice#COMPACT}): every subtree in a rectangle of its own, which
 * uses both dimensions instead of the tidy tree's one wide row per level.
 *
 * <p><b>Blocks.</b> A task's block holds the task, any chain of only children after it (a "run",
 * written left to right and wrapped into rows like text, so a long fork chain folds into a
 * rectangle instead of a column), and below the run's last task its children's area, indented:
 * first the leaf children in a grid of equal cells, then the other children's blocks in shelves,
 * tallest first. The area's width is chosen so that its shape is about the target aspect, so every
 * block, and with it the whole picture, is about that shape.
 *
 * <p><b>Hulls.</b> A block whose task enters a namespace (its namespace is not its parent's) has a
 * frame around its contents as wide as the widest hull padding any task inside it gets from the
 * outermost namespace it enters, plus the clearance, and room above for the namespace's name. A
 * namespace's tasks are whole subtrees of the task tree, so every hull part (the bounding box of
 * its padded task boxes, see {@link NamespaceHulls}) lies inside its block's frame: no hull covers
 * a task outside it, hulls of siblings never meet, and nested hulls lie inside their parents'. This
 * is the same guarantee the tidy tree gives by widening the gaps between neighbours.
 *
 * <p><b>Edges.</b> Orthogonal: from a parent down its children's area's trunk (in the indent, left
 * of the area), along the gap above a child's row, down to the child. Within a run, straight across
 * to the next task, or down, back along the gap between two rows, and down to a wrapped one. So a
 * child is always below its parent or, in a run, to its right: never above, never to its left on
 * the same row.
 *
 * <p>Cost: linear apart from sorting each task's child blocks by height; no recursion, so any depth
 * is fine.
 */
final class CompactLayout {
  private final DrawingBuilder builder;
  private final double aspect;
  private final double gap; // between boxes or blocks side by side
  private final double rowGap; // between rows: the edges run in its middle
  private final double indent; // of a children's area from its parent's left edge
  private final double nameRoom; // above a framed block, for the hull's name

  /**
   * A layout with {@code builder}'s hull paddings, or with no frames at all for a null builder
   * (plain graphs, {@link LayoutChoice#place}).
   */
  CompactLayout(DrawingBuilder builder, LayoutChoice.Spacing spacing, double aspect) {
    this.builder = builder;
    this.aspect = aspect;
    this.gap = spacing.siblingGap();
    this.rowGap = spacing.levelGap() * 0.6;
    this.indent = spacing.subtreeGap();
    this.nameRoom = builder == null ? 0 : builder.metrics.lineHeight(TextRole.NS_DETAIL);
  }

  /** {@link #layout(int[], int[], int[], int[], boolean[], double[], double[], PidNamespace[])}. */
  Result layout(TaskForest f, double[] w, double[] h, PidNamespace[] ns) {
    return layout(f.childStart, f.childCount, f.kids, f.parent, f.hasParent, w, h, ns);
  }

  /**
   * The placed boxes (top-left corners in {@code x, y}) and each child's edge route from its
   * parent, by child index (null for a root).
   */
  static final class Result {
    final double[] x;
    final double[] y;
    final List<List<Point>> routes;

    Result(int n) {
      x = new double[n];
      y = new double[n];
      routes = new ArrayList<>(java.util.Collections.nCopies(n, (List<Point>) null));
    }
  }

  /**
   * Lays out a forest given as children lists (box i's children are {@code kids[childStart[i] ..
   * childStart[i] + childCount[i]]}; a child is drawn under {@code parent[c]}, its first parent)
   * with box sizes {@code w x h}; {@code ns[i]} is the namespace whose hulls (and its ancestors')
   * hold box i, or {@code ns} is null for no hulls.
   */
  Result layout(
      int[] childStart,
      int[] childCount,
      int[] kids,
      int[] parent,
      boolean[] hasParent,
      double[] w,
      double[] h,
      PidNamespace[] ns) {
    int n = w.length;
    Result out = new Result(n);
    if (n == 0) {
      return out;
    }
    // the drawn tree: a child under its first parent only; breadth-first order from the roots
    int[] order = new int[n];
    boolean[] seen = new boolean[n];
    int[] treeParent = new int[n];
    Arrays.fill(treeParent, -1);
    List<Integer> roots = new ArrayList<>();
    int tail = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int start = 0; start < n; start++) {
        // first the tasks without a parent; then any left over (on a cycle, which no real
        // process tree has), each drawn as a root
        if (seen[start] || (pass == 0 && hasParent[start])) {
          continue;
        }
        roots.add(start);
        seen[start] = true;
        order[tail++] = start;
        for (int head = tail - 1; head < tail; head++) {
          int v = order[head];
          for (int k = childStart[v], end = k + childCount[v]; k < end; k++) {
            int c = kids[k];
            if (!seen[c] && parent[c] == v) {
              seen[c] = true;
              treeParent[c] = v;
              order[tail++] = c;
            }
          }
        }
      }
    }
    // children lists in breadth-first order, which keeps the kernel's child order
    int[] kidCount = new int[n];
    int[] kidStart = new int[n];
    int[] kid = new int[n];
    for (int i = 0; i < n; i++) {
      if (treeParent[i] >= 0) {
        kidCount[treeParent[i]]++;
      }
    }
    for (int i = 0, pos = 0; i < n; i++) {
      kidStart[i] = pos;
      pos += kidCount[i];
    }
    int[] fill = new int[n];
    for (int idx = 0; idx < n; idx++) {
      int c = order[idx];
      int p = treeParent[c];
      if (p >= 0) {
        kid[kidStart[p] + fill[p]++] = c;
      }
    }
    return place(out, order, roots, treeParent, kidStart, kidCount, kid, w, h, ns);
  }

  private Result place(
      Result out,
      int[] order,
      List<Integer> roots,
      int[] parent,
      int[] kidStart,
      int[] kidCount,
      int[] kid,
      double[] w,
      double[] h,
      PidNamespace[] ns) {
    int n = w.length;
    // runs: a task's only child continues its run unless it enters a namespace
    int[] runNext = new int[n];
    Arrays.fill(runNext, -1);
    boolean[] owner = new boolean[n];
    for (int v = 0; v < n; v++) {
      if (kidCount[v] == 1 && (ns == null || ns[kid[kidStart[v]]] == ns[v])) {
        runNext[v] = kid[kidStart[v]];
      }
    }
    for (int v = 0; v < n; v++) {
      owner[v] = parent[v] < 0 || runNext[parent[v]] != v;
    }
    // the deepest namespace level in each subtree, and each block's frame
    int[] maxLevel = new int[n];
    double[] frame = new double[n];
    double[] frameTop = new double[n];
    for (int idx = n - 1; idx >= 0 && ns != null; idx--) {
      int v = order[idx];
      maxLevel[v] = Math.max(maxLevel[v], ns[v].level());
      if (parent[v] >= 0) {
        maxLevel[parent[v]] = Math.max(maxLevel[parent[v]], maxLevel[v]);
      }
    }
    for (int v = 0; v < n && ns != null; v++) {
      if (!owner[v]) {
        continue;
      }
      int common = parent[v] < 0 ? 0 : NamespaceHulls.commonLevel(ns[v], ns[parent[v]]);
      if (ns[v].level() > common) {
        frame[v] = builder.hullPad(maxLevel[v] - common - 1) + builder.hullClearance();
        frameTop[v] = frame[v] + nameRoom;
      }
    }
    // bottom up: each owner's block, its run's boxes and its child blocks placed inside it
    double[] bw = new double[n];
    double[] bh = new double[n];
    double[] relX = new double[n]; // a child block, in its parent's owner's block
    double[] relY = new double[n];
    double[] boxX = new double[n]; // a run member's box, in its owner's block
    double[] boxY = new double[n];
    double[] busRel = new double[n]; // a child's bus y, in its parent's owner's block
    double[] trunkRel = new double[n]; // an owner's trunk x and first bus y, in its block
    double[] firstBusRel = new double[n];
    List<Integer> blocks = new ArrayList<>();
    List<Integer> leaves = new ArrayList<>();
    for (int idx = n - 1; idx >= 0; idx--) {
      int v = order[idx];
      if (!owner[v]) {
        continue;
      }
      int z = v;
      while (runNext[z] >= 0) {
        z = runNext[z];
      }
      leaves.clear();
      blocks.clear();
      for (int k = kidStart[z], end = k + kidCount[z]; k < end; k++) {
        int c = kid[k];
        if (kidCount[c] == 0 && frame[c] == 0) {
          leaves.add(c);
        } else {
          blocks.add(c);
        }
      }
      // the children's area, at (0, 0) for now
      double areaW = 0;
      double areaH = 0;
      if (!leaves.isEmpty() || !blocks.isEmpty()) {
        double cw = 0;
        double ch = 0;
        for (int c : leaves) {
          cw = Math.max(cw, w[c]);
          ch = Math.max(ch, h[c]);
        }
        double area = leaves.size() * (cw + gap) * (ch + rowGap);
        double widest = cw;
        for (int c : blocks) {
          area += (bw[c] + gap) * (bh[c] + rowGap);
          widest = Math.max(widest, bw[c]);
        }
        double limit = Math.max(widest, Math.sqrt(area * aspect));
        double rowTop = 0;
        if (!leaves.isEmpty()) {
          int cols = (int) Math.max(1, Math.min(leaves.size(), (limit + gap) / (cw + gap)));
          for (int i = 0; i < leaves.size(); i++) {
            int c = leaves.get(i);
            relX[c] = (i % cols) * (cw + gap);
            relY[c] = (i / cols) * (ch + rowGap);
            busRel[c] = relY[c] - rowGap / 2;
          }
          int rows = (leaves.size() + cols - 1) / cols;
          areaW = cols * (cw + gap) - gap;
          rowTop = rows * (ch + rowGap);
        }
        double[] packed = shelves(blocks, bw, bh, limit, rowTop, relX, relY);
        for (int c : blocks) {
          busRel[c] = relY[c] - rowGap / 2;
        }
        areaW = Math.max(areaW, packed[0]);
        areaH = blocks.isEmpty() ? rowTop - rowGap : packed[1];
      }
      // the run, wrapped into rows
      double runArea = 0;
      double runWidest = 0;
      int runLength = 0;
      for (int m = v; m >= 0; m = runNext[m]) {
        runArea += (w[m] + gap) * (h[m] + rowGap);
        runWidest = Math.max(runWidest, w[m]);
        runLength++;
      }
      double runLimit =
          runLength == 1
              ? runWidest
              : Math.max(runWidest, Math.max(indent + areaW, Math.sqrt(runArea * aspect)));
      double x = 0;
      double top = 0;
      double rowH = 0;
      double runW = 0;
      for (int m = v; m >= 0; m = runNext[m]) {
        if (x > 0 && x + w[m] > runLimit) {
          top += rowH + rowGap;
          x = 0;
          rowH = 0;
        }
        boxX[m] = x;
        boxY[m] = top;
        x += w[m] + gap;
        rowH = Math.max(rowH, h[m]);
        runW = Math.max(runW, x - gap);
      }
      double runH = top + rowH;
      double contentW = runW;
      double contentH = runH;
      double left = frame[v];
      double upper = frameTop[v];
      if (areaH > 0 || areaW > 0) {
        double areaTop = runH + rowGap;
        for (int k = kidStart[z], end = k + kidCount[z]; k < end; k++) {
          int c = kid[k];
          relX[c] += left + indent;
          relY[c] += upper + areaTop;
          busRel[c] += upper + areaTop;
        }
        contentW = Math.max(contentW, indent + areaW);
        contentH = areaTop + areaH;
        trunkRel[v] = left + indent / 2;
        firstBusRel[v] = upper + areaTop - rowGap / 2;
      }
      for (int m = v; m >= 0; m = runNext[m]) {
        boxX[m] += left;
        boxY[m] += upper;
      }
      bw[v] = contentW + 2 * left;
      bh[v] = contentH + upper + left;
    }
    // the roots' blocks in shelves aiming at the aspect
    double area = 0;
    double widest = 0;
    for (int r : roots) {
      area += (bw[r] + gap) * (bh[r] + rowGap);
      widest = Math.max(widest, bw[r]);
    }
    double limit = Math.max(widest, Math.sqrt(area * aspect));
    double[] bx = new double[n];
    double[] by = new double[n];
    shelves(roots, bw, bh, limit, 0, bx, by);
    // top down: absolute positions and routes
    for (int idx = 0; idx < n; idx++) {
      int v = order[idx];
      if (!owner[v]) {
        continue;
      }
      int prev = -1;
      int z = v;
      for (int m = v; m >= 0; m = runNext[m]) {
        out.x[m] = bx[v] + boxX[m];
        out.y[m] = by[v] + boxY[m];
        if (prev >= 0) {
          out.routes.set(m, runRoute(out, w, h, prev, m));
        }
        prev = m;
        z = m;
      }
      double trunkX = bx[v] + trunkRel[v];
      double firstBus = by[v] + firstBusRel[v];
      for (int k = kidStart[z], end = k + kidCount[z]; k < end; k++) {
        int c = kid[k];
        bx[c] = bx[v] + relX[c];
        by[c] = by[v] + relY[c];
        double cx = bx[c] + boxX[c] + w[c] / 2;
        double cy = by[c] + boxY[c];
        double bus = by[v] + busRel[c];
        double startX = out.x[z] + Math.min(indent / 2, w[z] / 2);
        List<Point> pts = new ArrayList<>(8);
        pts.add(new Point(startX, out.y[z] + h[z]));
        pts.add(new Point(startX, firstBus));
        pts.add(new Point(trunkX, firstBus));
        pts.add(new Point(trunkX, bus));
        pts.add(new Point(cx, bus));
        pts.add(new Point(cx, cy));
        out.routes.set(c, tidy(pts));
      }
    }
    return out;
  }

  /**
   * Packs the blocks {@code items} into shelves from y = {@code top}, tallest first (the sort is
   * stable, so equals keep their order), no shelf wider than {@code limit} unless one block is:
   * their corners into {@code x, y}; returns the widest shelf's width and the last one's bottom.
   */
  private double[] shelves(
      List<Integer> items,
      double[] bw,
      double[] bh,
      double limit,
      double top,
      double[] x,
      double[] y) {
    List<Integer> sorted = new ArrayList<>(items);
    sorted.sort((a, b) -> Double.compare(bh[b], bh[a]));
    double left = 0;
    double shelfH = 0;
    double width = 0;
    for (int c : sorted) {
      if (left > 0 && left + bw[c] > limit) {
        top += shelfH + rowGap;
        left = 0;
        shelfH = 0;
      }
      x[c] = left;
      y[c] = top;
      left += bw[c] + gap;
      shelfH = Math.max(shelfH, bh[c]);
      width = Math.max(width, left - gap);
    }
    return new double[] {width, top + shelfH};
  }

  /**
   * From run member {@code a} to the next one, {@code b}: across, or down and back to a new row.
   */
  private List<Point> runRoute(Result out, double[] w, double[] h, int a, int b) {
    if (out.y[b] == out.y[a] && out.x[b] > out.x[a]) {
      double y = out.y[a] + Math.min(h[a], h[b]) / 2;
      return List.of(new Point(out.x[a] + w[a], y), new Point(out.x[b], y));
    }
    double ax = out.x[a] + w[a] / 2;
    double bxc = out.x[b] + w[b] / 2;
    double bus = out.y[b] - rowGap / 2;
    return tidy(
        new ArrayList<>(
            List.of(
                new Point(ax, out.y[a] + h[a]),
                new Point(ax, bus),
                new Point(bxc, bus),
                new Point(bxc, out.y[b]))));
  }

  /** Drops repeated points and points in the middle of a straight run. */
  private static List<Point> tidy(List<Point> pts) {
    List<Point> out = new ArrayList<>(pts.size());
    for (Point p : pts) {
      if (!out.isEmpty() && out.get(out.size() - 1).equals(p)) {
        continue;
      }
      if (out.size() >= 2) {
        Point a = out.get(out.size() - 2);
        Point b = out.get(out.size() - 1);
        boolean vertical = a.x() == b.x() && b.x() == p.x();
        boolean horizontal = a.y() == b.y() && b.y() == p.y();
        if (vertical || horizontal) {
          out.set(out.size() - 1, p);
          continue;
        }
      }
      out.add(p);
    }
    return List.copyOf(out);
  }
}
