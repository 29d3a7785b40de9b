package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;
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

  /** The widths a children's area tries, as factors of the width its area and aspect give. */
  private static final double[] WIDTH_TRIES = {1, 1.25, 1.6, 2};

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
   * parent, by child index (null for a root), as coordinates x0, y0, x1, y1...: the drawing makes
   * each point once, where it ends up ({@link #route}).
   */
  static final class Result {
    final double[] x;
    final double[] y;
    private final double[][] routes;

    Result(int n) {
      x = new double[n];
      y = new double[n];
      routes = new double[n][];
    }

    /** Whether child {@code c} has a route from its parent. */
    boolean hasRoute(int c) {
      return routes[c] != null;
    }

    /** Child {@code c}'s route moved by {@code dx, dy}. */
    List<Point> route(int c, double dx, double dy) {
      double[] r = routes[c];
      Point[] pts = new Point[r.length / 2];
      for (int i = 0; i < pts.length; i++) {
        pts[i] = new Point(r[2 * i] + dx, r[2 * i + 1] + dy);
      }
      return List.of(pts);
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
    double[] shelfBusRel = new double[n]; // the bus above its shelf, the same unless stacked
    double[] gutterRel = new double[n]; // a stacked child's gutter x, NaN for none
    Arrays.fill(gutterRel, Double.NaN);
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
        tallestFirst(blocks, bh); // once: every width tried packs the same order
        // shelves waste room, so a few widths are tried: the one whose block comes closest to
        // the aspect wins (the block: this area below the parent's row, about)
        double base = Math.sqrt(area * aspect);
        double cellW = cw;
        double cellH = ch;
        DoubleFunction<double[]> pack =
            limit ->
                area(
                    leaves,
                    blocks,
                    cellW,
                    cellH,
                    limit,
                    bw,
                    bh,
                    relX,
                    relY,
                    busRel,
                    shelfBusRel,
                    gutterRel);
        double bestLimit = widest;
        double bestScore = Double.POSITIVE_INFINITY;
        double lastLimit = Double.NaN;
        double[] wh = null;
        for (int t = 0; t < (blocks.isEmpty() ? 1 : WIDTH_TRIES.length); t++) {
          lastLimit = Math.max(widest, base * WIDTH_TRIES[t]); // a grid alone is shaped at once
          wh = pack.apply(lastLimit);
          double score = Math.abs(Math.log((wh[0] + indent) / (wh[1] + h[v] + rowGap) / aspect));
          if (score < bestScore - 1e-9) {
            bestScore = score;
            bestLimit = lastLimit;
          }
        }
        if (bestLimit != lastLimit) {
          wh = pack.apply(bestLimit);
        }
        areaW = wh[0];
        areaH = wh[1];
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
          shelfBusRel[c] += upper + areaTop;
          gutterRel[c] += left + indent;
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
    List<Integer> rootBlocks = new ArrayList<>(roots);
    tallestFirst(rootBlocks, bh);
    shelves(rootBlocks, bw, bh, limit, 0, bx, by, new double[n], new double[n]);
    // top down: absolute positions and routes
    Route route = new Route();
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
          out.routes[m] = runRoute(out, w, h, prev, m, route);
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
        double shelfBus = by[v] + shelfBusRel[c];
        double startX = out.x[z] + Math.min(indent / 2, w[z] / 2);
        route.clear();
        route.add(startX, out.y[z] + h[z]);
        route.add(startX, firstBus);
        route.add(trunkX, firstBus);
        route.add(trunkX, shelfBus);
        if (!Double.isNaN(gutterRel[c])) { // stacked: along its shelf's bus, down its gutter
          double gutterX = bx[v] + gutterRel[c];
          route.add(gutterX, shelfBus);
          route.add(gutterX, bus);
        }
        route.add(cx, bus);
        route.add(cx, cy);
        out.routes[c] = route.coordinates();
      }
    }
    return out;
  }

  /**
   * A children's area no wider than {@code limit} (unless one block is), at (0, 0): the leaves in a
   * grid of {@code cw x ch} cells, then the other blocks in {@link #shelves}. Writes every child's
   * corner and buses; returns the area's width and height.
   */
  private double[] area(
      List<Integer> leaves,
      List<Integer> blocks,
      double cw,
      double ch,
      double limit,
      double[] bw,
      double[] bh,
      double[] relX,
      double[] relY,
      double[] busRel,
      double[] shelfBusRel,
      double[] gutterRel) {
    double areaW = 0;
    double rowTop = 0;
    if (!leaves.isEmpty()) {
      int cols = (int) Math.max(1, Math.min(leaves.size(), (limit + gap) / (cw + gap)));
      for (int i = 0; i < leaves.size(); i++) {
        int c = leaves.get(i);
        relX[c] = (i % cols) * (cw + gap);
        relY[c] = (i / cols) * (ch + rowGap);
        busRel[c] = relY[c] - rowGap / 2;
        shelfBusRel[c] = busRel[c];
      }
      int rows = (leaves.size() + cols - 1) / cols;
      areaW = cols * (cw + gap) - gap;
      rowTop = rows * (ch + rowGap);
    }
    double[] packed = shelves(blocks, bw, bh, limit, rowTop, relX, relY, shelfBusRel, gutterRel);
    for (int c : blocks) {
      busRel[c] = relY[c] - rowGap / 2;
    }
    return new double[] {
      Math.max(areaW, packed[0]), blocks.isEmpty() ? rowTop - rowGap : packed[1]
    };
  }

  /** Sorts {@code blocks} tallest first; the sort is stable, so equals keep their order. */
  private static void tallestFirst(List<Integer> blocks, double[] bh) {
    blocks.sort((a, b) -> Double.compare(bh[b], bh[a]));
  }

  /**
   * Packs the blocks {@code sorted} ({@link #tallestFirst}) into shelves from y = {@code top}, no
   * shelf wider than {@code limit} unless one block is. A shelf is as tall as its first block; the
   * blocks after it go into columns to its right, stacked while they fit in that height. Writes
   * each block's corner into {@code x, y}, the y of the edge bus above its shelf into {@code
   * shelfBus}, and for a block stacked under another the x of the gutter left of its column (where
   * its edge runs down from the shelf's bus) into {@code gutter}; returns the widest shelf's width
   * and the last one's bottom.
   */
  private double[] shelves(
      List<Integer> sorted,
      double[] bw,
      double[] bh,
      double limit,
      double top,
      double[] x,
      double[] y,
      double[] shelfBus,
      double[] gutter) {
    double shelfH = -1; // no shelf yet
    double colX = 0;
    double colW = 0;
    double colBottom = 0;
    double width = 0;
    for (int c : sorted) {
      if (shelfH >= 0 && colBottom + rowGap + bh[c] <= top + shelfH && colX + bw[c] <= limit) {
        y[c] = colBottom + rowGap; // stacked under the column's last block
        gutter[c] = colX - gap / 2;
        colW = Math.max(colW, bw[c]);
      } else if (shelfH >= 0 && colX + colW + gap + bw[c] <= limit) {
        colX += colW + gap; // a new column on this shelf
        colW = bw[c];
        y[c] = top;
      } else {
        if (shelfH >= 0) {
          top += shelfH + rowGap;
        }
        shelfH = bh[c];
        colX = 0;
        colW = bw[c];
        y[c] = top;
      }
      if (y[c] == top) {
        gutter[c] = Double.NaN; // not stacked (a wider try may have stacked it)
      }
      x[c] = colX;
      colBottom = y[c] + bh[c];
      shelfBus[c] = top - rowGap / 2;
      width = Math.max(width, colX + colW);
    }
    return new double[] {width, top + Math.max(shelfH, 0)};
  }

  /**
   * From run member {@code a} to the next one, {@code b}: across, or down and back to a new row.
   */
  private double[] runRoute(Result out, double[] w, double[] h, int a, int b, Route route) {
    if (out.y[b] == out.y[a] && out.x[b] > out.x[a]) {
      double y = out.y[a] + Math.min(h[a], h[b]) / 2;
      return new double[] {out.x[a] + w[a], y, out.x[b], y};
    }
    double ax = out.x[a] + w[a] / 2;
    double bxc = out.x[b] + w[b] / 2;
    double bus = out.y[b] - rowGap / 2;
    route.clear();
    route.add(ax, out.y[a] + h[a]);
    route.add(ax, bus);
    route.add(bxc, bus);
    route.add(bxc, out.y[b]);
    return route.coordinates();
  }

  /**
   * One route's points as they are added, tidied on the way: a repeated point is dropped, and a
   * point in the middle of a straight run is replaced by the next. Coordinates only, reused from
   * route to route: a 10,000-task picture made, compared and copied its points three times over.
   */
  private static final class Route {
    private double[] xs = new double[8];
    private double[] ys = new double[8];
    private int n;

    void clear() {
      n = 0;
    }

    void add(double x, double y) {
      // the same tests as Point.equals (Double.compare) for a repeat, == for a straight run
      if (n > 0 && Double.compare(xs[n - 1], x) == 0 && Double.compare(ys[n - 1], y) == 0) {
        return;
      }
      if (n >= 2) {
        boolean vertical = xs[n - 2] == xs[n - 1] && xs[n - 1] == x;
        boolean horizontal = ys[n - 2] == ys[n - 1] && ys[n - 1] == y;
        if (vertical || horizontal) {
          xs[n - 1] = x;
          ys[n - 1] = y;
          return;
        }
      }
      if (n == xs.length) {
        xs = Arrays.copyOf(xs, 2 * n);
        ys = Arrays.copyOf(ys, 2 * n);
      }
      xs[n] = x;
      ys[n] = y;
      n++;
    }

    /** The points so far as x0, y0, x1, y1... */
    double[] coordinates() {
      double[] out = new double[2 * n];
      for (int i = 0; i < n; i++) {
        out[2 * i] = xs[i];
        out[2 * i + 1] = ys[i];
      }
      return out;
    }
  }
}
