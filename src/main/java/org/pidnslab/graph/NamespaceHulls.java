package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;

/**
 * The hulls of a build: each namespace below root wrapped around its tasks, one hull per subtree of
 * them, as a stack of bands per level in the tree layout, the bounding box of the padded task boxes
 * in the compact layout (whose blocks leave room for it, see {@link CompactLayout}), or a convex
 * hull otherwise; and the room the tree layout leaves between two neighbours for the hull borders
 * between them.
 */
final class NamespaceHulls {
  private final DrawingBuilder builder;
  private PidNamespace[] nsOf; // by task index: the namespace whose hulls hold the box

  NamespaceHulls(DrawingBuilder builder) {
    this.builder = builder;
  }

  /**
   * The room two neighbours on a level need between their boxes for the hull borders between them:
   * the outermost hull that holds one but not the other is that of the namespace just below their
   * deepest common one, padded for the levels nested inside it.
   */
  double roomBetween(PidNamespace a, PidNamespace b) {
    int common = commonLevel(a, b);
    double left = a.level() > common ? builder.hullPad(a.level() - common - 1) : 0;
    double right = b.level() > common ? builder.hullPad(b.level() - common - 1) : 0;
    return left + right == 0 ? 0 : left + right + builder.hullClearance();
  }

  /** The level of the deepest namespace that both are in (0 at least: root). */
  static int commonLevel(PidNamespace a, PidNamespace b) {
    for (int level = Math.min(a.level(), b.level()); level > 0; level--) {
      if (a.ancestorAt(level) == b.ancestorAt(level)) {
        return level;
      }
    }
    return 0;
  }

  List<NamespaceHull> hulls(
      Graph<PidNamespace, DefaultEdge> nsGraph,
      TaskForest forest,
      TaskBoxes boxes,
      TidyTreeLayout.Result<Task> tree,
      LayoutChoice.Spacing spacing,
      PidNamespace view,
      PidNamespace[] nsOf,
      boolean rectangles) {
    Task[] tasks = forest.tasks;
    int n = tasks.length;
    this.nsOf = nsOf;
    // members of each namespace below root: its tasks and those of nested namespaces, in task order
    Map<PidNamespace, IntList> members = new IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      PidNamespace own = nsOf[i];
      for (int level = 1; level <= own.level(); level++) {
        members.computeIfAbsent(own.ancestorAt(level), k -> new IntList()).add(i);
      }
    }
    List<NamespaceHull> out = new ArrayList<>();
    List<PidNamespace> order = new ArrayList<>(nsGraph.vertexSet());
    order.sort(Comparator.comparingInt(PidNamespace::level).thenComparingInt(PidNamespace::serial));
    int[] mark = new int[n]; // namespace number + 1 of the last namespace that held the task
    int stamp = 0;
    for (PidNamespace ns : order) {
      IntList mine = members.get(ns);
      if (ns.level() == 0 || mine == null) {
        continue;
      }
      stamp++;
      for (int k = 0; k < mine.size; k++) {
        mark[mine.values[k]] = stamp;
      }
      List<Integer> roots = new ArrayList<>();
      for (int k = 0; k < mine.size; k++) {
        int t = mine.values[k];
        int p = tree != null ? tree.parentAt(t) : forest.parent[t];
        if (p < 0 || mark[p] != stamp) {
          roots.add(t);
        }
      }
      roots.sort(Comparator.comparingDouble(t -> boxes.x[t]));
      int part = 0;
      for (int root : roots) {
        int[] subtree = forest.subtree(root);
        List<Box> bands = List.of();
        List<Point> outline;
        if (tree != null) {
          bands = bands(ns, root, subtree, forest, boxes, tree, spacing);
          outline = outline(bands);
        } else if (rectangles) {
          bands = List.of(boundingBox(ns, subtree, boxes));
          outline = outline(bands);
        } else {
          outline = convexHull(ns, subtree, forest, boxes);
        }
        out.add(
            new NamespaceHull(
                ns.serial(),
                ns.name(),
                Palette.colorIndex(ns),
                ns.level(),
                part++,
                outline,
                bands,
                view != null && !ns.isSameOrDescendantOf(view)));
      }
    }
    return out;
  }

  /**
   * One band per level of the subtree. A band spans the level's tasks, each padded for the
   * namespaces nested between {@code ns} and the task's own. Vertically, the first band starts a
   * padding above its level and the last ends a padding below its level; between two levels the
   * bands meet at the junction line just above the edge bus ({@link #junctionY}), so the lower band
   * covers the bus and the drops of this subtree's edges, and every padding of a hull that ends on
   * the upper level stays above the junction.
   */
  private List<Box> bands(
      PidNamespace ns,
      int root,
      int[] subtree,
      TaskForest forest,
      TaskBoxes boxes,
      TidyTreeLayout.Result<Task> tree,
      LayoutChoice.Spacing spacing) {
    int d0 = tree.depthAt(root);
    int levels = 0;
    for (int t : subtree) {
      levels = Math.max(levels, tree.depthAt(t) - d0 + 1);
    }
    double[] left = new double[levels];
    double[] right = new double[levels];
    int[] deepest = new int[levels];
    Arrays.fill(left, Double.POSITIVE_INFINITY);
    Arrays.fill(right, Double.NEGATIVE_INFINITY);
    for (int t : subtree) {
      int i = tree.depthAt(t) - d0;
      int level = nsOf[t].level();
      double pad = builder.hullPad(level - ns.level());
      left[i] = Math.min(left[i], boxes.x[t] - pad);
      right[i] = Math.max(right[i], boxes.maxX(t) + pad);
      deepest[i] = Math.max(deepest[i], level);
    }
    Box[] bands = new Box[levels];
    for (int i = 0; i < levels; i++) {
      int d = d0 + i;
      double levelTop = tree.levelStart(d);
      double levelBottom = levelTop + tree.levelSize(d);
      double top =
          i == 0
              ? levelTop - builder.hullPadVertical(nsOf[root].level() - ns.level())
              : junctionY(tree, d - 1, spacing);
      double bottom =
          i == levels - 1
              ? levelBottom + builder.hullPadVertical(deepest[i] - ns.level())
              : junctionY(tree, d, spacing);
      bands[i] = new Box(left[i], top, right[i] - left[i], bottom - top);
    }
    return Arrays.asList(bands);
  }

  /**
   * Where the bands of a hull that goes on from level {@code d} to the next meet: a little above
   * the edge bus, below every vertical hull padding.
   */
  private double junctionY(TidyTreeLayout.Result<Task> tree, int d, LayoutChoice.Spacing spacing) {
    return EdgeRoutes.busY(tree, d, spacing) - 1.6 * builder.u;
  }

  /** The outline of a stack of bands that touch: down the right side, up the left side. */
  private static List<Point> outline(List<Box> bands) {
    List<Point> pts = new ArrayList<>(bands.size() * 4);
    for (Box b : bands) {
      pts.add(new Point(b.maxX(), b.y()));
      pts.add(new Point(b.maxX(), b.maxY()));
    }
    for (int i = bands.size() - 1; i >= 0; i--) {
      Box b = bands.get(i);
      pts.add(new Point(b.x(), b.maxY()));
      pts.add(new Point(b.x(), b.y()));
    }
    return simplify(pts);
  }

  /**
   * Drops repeated points and points in the middle of a straight run.
   *
   * <p>Runs of collinear points are dropped in passes over the closed polygon, each point checked
   * against its current neighbours in list order (the first against the last) and a dropped point's
   * successor checked next against the same predecessor, until a pass drops nothing or three points
   * are left. The points sit in a doubly linked ring, so a drop costs O(1) and a pass O(n): the
   * stack of bands of a hull around a chain of 10,000 tasks has 40,000 outline points, nearly all
   * on two vertical lines, and dropping them one by one from an array list took seconds.
   */
  static List<Point> simplify(List<Point> pts) {
    List<Point> out = new ArrayList<>(pts.size());
    for (Point p : pts) {
      if (out.isEmpty() || !same(out.get(out.size() - 1), p)) {
        out.add(p);
      }
    }
    if (out.size() > 1 && same(out.get(0), out.get(out.size() - 1))) {
      out.remove(out.size() - 1);
    }
    int size = out.size();
    if (size <= 3) {
      return out;
    }
    Point[] p = out.toArray(new Point[0]);
    int[] next = new int[size];
    int[] prev = new int[size];
    for (int i = 0; i < size; i++) {
      next[i] = i + 1 == size ? 0 : i + 1;
      prev[i] = i == 0 ? size - 1 : i - 1;
    }
    int head = 0;
    boolean changed = true;
    while (changed && size > 3) {
      changed = false;
      int cur = head;
      int i = 0; // cur's position in the list
      while (i < size && size > 3) {
        Point a = p[prev[cur]];
        Point b = p[cur];
        Point c = p[next[cur]];
        double cross = (b.x() - a.x()) * (c.y() - b.y()) - (b.y() - a.y()) * (c.x() - b.x());
        if (Math.abs(cross) < 1e-9) {
          int after = next[cur];
          next[prev[cur]] = after;
          prev[after] = prev[cur];
          if (cur == head) {
            head = after;
          }
          size--;
          changed = true;
          cur = after; // same position, next point, same predecessor
        } else {
          cur = next[cur];
          i++;
        }
      }
    }
    List<Point> ring = new ArrayList<>(size);
    for (int k = 0, cur = head; k < size; k++, cur = next[cur]) {
      ring.add(p[cur]);
    }
    return ring;
  }

  private static boolean same(Point a, Point b) {
    return Math.abs(a.x() - b.x()) < 1e-9 && Math.abs(a.y() - b.y()) < 1e-9;
  }

  /** The bounding box of the padded boxes. */
  private Box boundingBox(PidNamespace ns, int[] subtree, TaskBoxes boxes) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int t : subtree) {
      double pad = builder.hullPad(nsOf[t].level() - ns.level());
      minX = Math.min(minX, boxes.x[t] - pad);
      minY = Math.min(minY, boxes.y[t] - pad);
      maxX = Math.max(maxX, boxes.maxX(t) + pad);
      maxY = Math.max(maxY, boxes.maxY(t) + pad);
    }
    return new Box(minX, minY, maxX - minX, maxY - minY);
  }

  /** The convex hull of the padded boxes (Andrew's monotone chain), clockwise on screen. */
  private List<Point> convexHull(
      PidNamespace ns, int[] subtree, TaskForest forest, TaskBoxes boxes) {
    List<Point> pts = new ArrayList<>(subtree.length * 4);
    for (int t : subtree) {
      Box b = boxes.box(t).grow(builder.hullPad(nsOf[t].level() - ns.level()));
      pts.add(new Point(b.x(), b.y()));
      pts.add(new Point(b.maxX(), b.y()));
      pts.add(new Point(b.maxX(), b.maxY()));
      pts.add(new Point(b.x(), b.maxY()));
    }
    pts.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
    int n = pts.size();
    Point[] hull = new Point[2 * n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      while (k >= 2 && cross(hull[k - 2], hull[k - 1], pts.get(i)) <= 0) {
        k--;
      }
      hull[k++] = pts.get(i);
    }
    for (int i = n - 2, lower = k + 1; i >= 0; i--) {
      while (k >= lower && cross(hull[k - 2], hull[k - 1], pts.get(i)) <= 0) {
        k--;
      }
      hull[k++] = pts.get(i);
    }
    List<Point> out = new ArrayList<>(Arrays.asList(hull).subList(0, Math.max(0, k - 1)));
    double area = 0;
    for (int i = 0; i < out.size(); i++) {
      Point a = out.get(i);
      Point b = out.get((i + 1) % out.size());
      area += a.x() * b.y() - b.x() * a.y();
    }
    if (area < 0) {
      Collections.reverse(out);
    }
    return out;
  }

  private static double cross(Point o, Point a, Point b) {
    return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
  }

  /** A growing list of ints. */
  private static final class IntList {
    int[] values = new int[8];
    int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }
}
