package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;
import org.jgrapht.Graph;
import org.jgrapht.alg.drawing.LayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.LayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;

/**
 * A tidy drawing of a rooted tree (or forest) in linear time: the algorithm of Christoph Buchheim,
 * Michael Jünger and Sebastian Leipert, <em>Improving Walker's Algorithm to Run in Linear
 * Time</em>, Graph Drawing 2002, LNCS 2528, pp. 344–353 (Springer), which repairs the quadratic
 * parts of John Q. Walker II, <em>A Node-positioning Algorithm for General Trees</em>, Software:
 * Practice and Experience 20(7), 1990.
 *
 * <p>The drawing satisfies the tidy-tree aesthetics of Reingold–Tilford and Walker: nodes of one
 * depth lie on one level, a parent is centred over its first and last child, no two nodes of a
 * level overlap (they are at least their half widths plus a gap apart), identical subtrees are
 * drawn identically wherever they occur, and smaller subtrees between two larger ones are spread
 * evenly, which also makes a tree and its mirror image come out as reflections of each other
 * (checked on 300,000 random trees with varying node widths). {@link #symmetric(boolean)} makes the
 * reflection hold by construction, at twice the cost: the tree is laid out as given and mirrored,
 * and the two results are averaged; every aesthetic above is linear in the coordinates, so the
 * average keeps them all.
 *
 * <p>Extensions over the paper, in the manner of abego TreeLayout: node widths and heights vary
 * (the distance of two neighbours is half of each one's breadth plus a gap, and a level is as deep
 * as its deepest node), the gap between neighbours may depend on the pair ({@link Separation}), a
 * forest is laid out as the children of a virtual root so its trees sit side by side packed by
 * their contours, and the tree may grow downwards or to the right ({@link Orientation}).
 *
 * <p>Which graph edges form the tree: the roots are the vertices without incoming edges, in the
 * graph's vertex order; each vertex's children come from the child-order function (by default the
 * targets of its outgoing edges, in the graph's edge order). A breadth-first walk from the roots
 * keeps the first parent that reaches a vertex; vertices on cycles that no root reaches become
 * further roots. Edges that are not tree edges are ignored.
 *
 * <p><b>Positions are node centres.</b> {@link #layout} writes the centre of each vertex into the
 * model such that the drawing's bounding box (of the node boxes) has its top-left corner at the
 * drawable area's minimum corner; if the drawing is larger than the drawable area, the area is
 * enlarged to fit it ({@link LayoutModel2D#setDrawableArea}). {@link #compute} returns the same
 * placement with the top-left corner at (0, 0) together with the depths and level extents.
 *
 * <p>Running time and space are linear in the number of vertices; every walk is iterative, so a
 * chain of any length (a fork chain of 10,000 tasks is legal) cannot overflow the stack.
 *
 * <p>Each method below names the procedure of the paper it implements: FIRSTWALK, APPORTION,
 * NEXTLEFT/NEXTRIGHT, MOVESUBTREE, EXECUTESHIFTS, ANCESTOR and SECONDWALK.
 *
 * @param <V> the vertex type
 * @param <E> the edge type
 */
public final class TidyTreeLayout<V, E> implements LayoutAlgorithm2D<V, E> {

  /** The direction in which the tree grows from its roots. */
  public enum Orientation {
    /** Roots at the top, levels going down: the usual process-tree picture. */
    TOP_DOWN,
    /** Roots at the left, levels going right. */
    LEFT_RIGHT
  }

  /** Where a node smaller than its level sits inside the level (along the depth axis). */
  public enum LevelAlignment {
    /** Flush with the side of the level nearest the root (the top in a top-down tree). */
    TOWARDS_ROOT,
    /** Centred in the level. */
    CENTER,
    /** Flush with the side of the level away from the root. */
    AWAY_FROM_ROOT
  }

  /**
   * The free space wanted between two neighbours of one level, {@code left} drawn before {@code
   * right} (left of it in a top-down tree), not counting their own half breadths.
   *
   * @param <V> the vertex type
   */
  @FunctionalInterface
  public interface Separation<V> {
    /**
     * The gap between the two nodes.
     *
     * @param left the node drawn first along the level
     * @param right the node drawn next along the level
     * @param siblings whether both have the same parent (roots of a forest are not siblings)
     */
    double gap(V left, V right, boolean siblings);
  }

  private ToDoubleFunction<V> width = v -> 1.0;
  private ToDoubleFunction<V> height = v -> 1.0;
  private double levelGap = 40;
  private double siblingGap = 10;
  private double subtreeGap = 20;
  private Separation<V> separation;
  private Function<V, ? extends List<V>> childOrder;
  private Orientation orientation = Orientation.TOP_DOWN;
  private LevelAlignment alignment = LevelAlignment.TOWARDS_ROOT;
  private boolean symmetric = false;

  /** A layout with unit-size nodes, level gap 40, sibling gap 10 and subtree gap 20. */
  public TidyTreeLayout() {}

  /** The width of each node (drawing units). Returns this layout. */
  public TidyTreeLayout<V, E> width(ToDoubleFunction<V> width) {
    this.width = Objects.requireNonNull(width);
    return this;
  }

  /** The height of each node (drawing units). Returns this layout. */
  public TidyTreeLayout<V, E> height(ToDoubleFunction<V> height) {
    this.height = Objects.requireNonNull(height);
    return this;
  }

  /** The free space between two consecutive levels. Returns this layout. */
  public TidyTreeLayout<V, E> levelGap(double gap) {
    this.levelGap = requireNonNegative(gap);
    return this;
  }

  /** The free space between two neighbouring children of one parent. Returns this layout. */
  public TidyTreeLayout<V, E> siblingGap(double gap) {
    this.siblingGap = requireNonNegative(gap);
    return this;
  }

  /**
   * The free space between neighbours of one level with different parents, and between the trees of
   * a forest. Returns this layout.
   */
  public TidyTreeLayout<V, E> subtreeGap(double gap) {
    this.subtreeGap = requireNonNegative(gap);
    return this;
  }

  /**
   * A gap that depends on the pair of neighbours; it replaces the sibling and subtree gaps (which
   * it may still consult, see {@link #defaultGap}). Null restores the default. Returns this layout.
   */
  public TidyTreeLayout<V, E> separation(Separation<V> separation) {
    this.separation = separation;
    return this;
  }

  /**
   * The children of each vertex in drawing order; null (the default) means the targets of its
   * outgoing edges in the graph's edge order. Returns this layout.
   */
  public TidyTreeLayout<V, E> childOrder(Function<V, ? extends List<V>> childOrder) {
    this.childOrder = childOrder;
    return this;
  }

  /** The direction the tree grows in. Returns this layout. */
  public TidyTreeLayout<V, E> orientation(Orientation orientation) {
    this.orientation = Objects.requireNonNull(orientation);
    return this;
  }

  /** Where nodes smaller than their level sit. Returns this layout. */
  public TidyTreeLayout<V, E> alignment(LevelAlignment alignment) {
    this.alignment = Objects.requireNonNull(alignment);
    return this;
  }

  /**
   * Whether to average the drawing with the drawing of the mirrored tree, so that mirror images are
   * drawn as reflections by construction (default false: Walker's spreading already gives that in
   * practice; true costs a second linear pass). Returns this layout.
   */
  public TidyTreeLayout<V, E> symmetric(boolean symmetric) {
    this.symmetric = symmetric;
    return this;
  }

  /** The gap used when no {@link Separation} is set: the sibling gap or the subtree gap. */
  public double defaultGap(boolean siblings) {
    return siblings ? siblingGap : subtreeGap;
  }

  /**
   * Lays the graph out and writes each vertex's <b>centre</b> into {@code model}, the drawing's
   * top-left corner at the drawable area's minimum corner; the area grows if the drawing is larger.
   */
  @Override
  public void layout(Graph<V, E> graph, LayoutModel2D<V> model) {
    Result<V> r = compute(graph);
    Box2D area = model.getDrawableArea();
    double minX = area == null ? 0 : area.getMinX();
    double minY = area == null ? 0 : area.getMinY();
    for (Map.Entry<V, Point> e : r.centres().entrySet()) {
      Point p = e.getValue();
      model.put(e.getKey(), Point2D.of(minX + p.x(), minY + p.y()));
    }
    if (area == null || area.getWidth() < r.width || area.getHeight() < r.height) {
      double w = area == null ? r.width : Math.max(area.getWidth(), r.width);
      double h = area == null ? r.height : Math.max(area.getHeight(), r.height);
      model.setDrawableArea(Box2D.of(minX, minY, w, h));
    }
  }

  /**
   * Lays the graph out: node centres with the drawing's top-left corner at (0, 0), plus the tree
   * that was drawn (roots, parents, depths) and the extent of every level.
   */
  public Result<V> compute(Graph<V, E> graph) {
    return compute(extractTree(graph), null, null);
  }

  /**
   * Lays out a tree given by vertex indexes, without a graph: {@code vertices} in order, the
   * candidate children of vertex {@code i} at {@code kids[childStart[i] .. childStart[i] +
   * childCount[i])} in drawing order (like a graph's outgoing edges: a candidate already reached
   * from elsewhere is skipped), and {@code hasParent[i]} true where the vertex has an incoming
   * edge. Node sizes are {@code widths[i]} and {@code heights[i]} instead of the width and height
   * functions. The result is exactly that of {@link #compute(Graph)} on the graph with those edges
   * and sizes, and its index accessors ({@link Result#parentAt}, ...) use the same indexes. The
   * arrays are not copied and must not change while the result is in use.
   */
  Result<V> compute(
      List<V> vertices,
      int[] childStart,
      int[] childCount,
      int[] kids,
      boolean[] hasParent,
      double[] widths,
      double[] heights) {
    return compute(
        extractTree(
            vertices,
            null,
            v -> !hasParent[v],
            (v, range) -> {
              range[0] = childStart[v];
              range[1] = childStart[v] + childCount[v];
              return kids;
            }),
        widths,
        heights);
  }

  private Result<V> compute(Tree<V> t, double[] widths, double[] heights) {
    int n = t.vertices.size();
    double[] breadth = new double[n + 1];
    double[] depthSize = new double[n + 1];
    boolean topDown = orientation == Orientation.TOP_DOWN;
    for (int i = 0; i < n; i++) {
      V v = t.vertices.get(i);
      double w = widths != null ? widths[i] : width.applyAsDouble(v);
      double h = heights != null ? heights[i] : height.applyAsDouble(v);
      if (!(w >= 0) || !(h >= 0)) {
        throw new IllegalArgumentException("negative or NaN size of " + v + ": " + w + " x " + h);
      }
      breadth[i] = topDown ? w : h;
      depthSize[i] = topDown ? h : w;
    }
    double[] along = new double[n + 1];
    if (n > 0) {
      Walker walker = new Walker(t, breadth);
      double[] first = walker.place(false);
      if (symmetric) {
        double[] mirrored = walker.place(true);
        for (int i = 0; i <= n; i++) {
          along[i] = (first[i] - mirrored[i]) / 2; // reflect the mirrored drawing, then average
        }
      } else {
        along = first;
      }
    }
    // levels: each as deep as its deepest node, separated by the level gap
    int levels = 0;
    for (int i = 0; i < n; i++) {
      levels = Math.max(levels, t.depth[i] + 1);
    }
    double[] levelSize = new double[levels];
    for (int i = 0; i < n; i++) {
      levelSize[t.depth[i]] = Math.max(levelSize[t.depth[i]], depthSize[i]);
    }
    double[] levelStart = new double[levels];
    for (int d = 1; d < levels; d++) {
      levelStart[d] = levelStart[d - 1] + levelSize[d - 1] + levelGap;
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      lo = Math.min(lo, along[i] - breadth[i] / 2);
      hi = Math.max(hi, along[i] + breadth[i] / 2);
    }
    double breadthExtent = n == 0 ? 0 : hi - lo;
    double depthExtent = levels == 0 ? 0 : levelStart[levels - 1] + levelSize[levels - 1];
    double[] cx = new double[n];
    double[] cy = new double[n];
    for (int i = 0; i < n; i++) {
      int d = t.depth[i];
      double level;
      switch (alignment) {
        case TOWARDS_ROOT -> level = levelStart[d] + depthSize[i] / 2;
        case CENTER -> level = levelStart[d] + levelSize[d] / 2;
        default -> level = levelStart[d] + levelSize[d] - depthSize[i] / 2;
      }
      double b = along[i] - lo;
      cx[i] = topDown ? b : level;
      cy[i] = topDown ? level : b;
    }
    return new Result<>(
        cx,
        cy,
        t,
        levelStart,
        levelSize,
        topDown ? breadthExtent : depthExtent,
        topDown ? depthExtent : breadthExtent);
  }

  private static double requireNonNegative(double gap) {
    if (!(gap >= 0)) {
      throw new IllegalArgumentException("gap must be >= 0: " + gap);
    }
    return gap;
  }

  // ---------------------------------------------------------------- the tree, as int arrays

  /** The drawn tree: vertices by index, children lists flattened, a virtual root for a forest. */
  private static final class Tree<V> {
    final List<V> vertices;
    final Map<V, Integer> index;
    final int[] parent; // -1 for a root; size n + 1, slot n is the virtual root
    final int[] childStart;
    final int[] childCount;
    final int[] kids;
    final int[] depth;
    final int root; // the single root, or n (the virtual root) for a forest
    final List<Integer> roots;

    Tree(
        List<V> vertices,
        Map<V, Integer> index,
        int[] parent,
        int[] childStart,
        int[] childCount,
        int[] kids,
        int[] depth,
        int root,
        List<Integer> roots) {
      this.vertices = vertices;
      this.index = index;
      this.parent = parent;
      this.childStart = childStart;
      this.childCount = childCount;
      this.kids = kids;
      this.depth = depth;
      this.root = root;
      this.roots = roots;
    }
  }

  /**
   * Where the candidate children of a vertex are: the returned array from {@code range[0]} to
   * {@code range[1]}, vertex indexes in drawing order, -1 for a target that is not a vertex.
   */
  @FunctionalInterface
  private interface Candidates {
    int[] of(int v, int[] range);
  }

  private Tree<V> extractTree(Graph<V, E> graph) {
    List<V> vertices = new ArrayList<>(graph.vertexSet());
    int n = vertices.size();
    Map<V, Integer> index = new HashMap<>(Math.max(16, n * 2));
    for (int i = 0; i < n; i++) {
      index.put(vertices.get(i), i);
    }
    return extractTree(
        vertices,
        index,
        i -> graph.inDegreeOf(vertices.get(i)) == 0,
        (v, range) -> {
          List<V> cs = childrenOf(graph, vertices.get(v));
          int[] out = new int[cs.size()];
          int k = 0;
          for (V c : cs) {
            Integer ci = index.get(c);
            out[k++] = ci == null ? -1 : ci;
          }
          range[0] = 0;
          range[1] = k;
          return out;
        });
  }

  /**
   * The drawn tree: the roots are the vertices {@code isRoot} accepts, in vertex order; a breadth-
   * first walk from them keeps the first parent that reaches a vertex; vertices no root reaches (on
   * cycles) become further roots. {@code index} may be null (then built when asked for).
   */
  private Tree<V> extractTree(
      List<V> vertices, Map<V, Integer> index, IntPredicate isRoot, Candidates candidates) {
    int n = vertices.size();
    int[] parent = new int[n + 1];
    Arrays.fill(parent, -1);
    int[] depth = new int[n + 1];
    boolean[] seen = new boolean[n];
    int[] childStart = new int[n + 1];
    int[] childCount = new int[n + 1];
    int[] kids = new int[n]; // tree children, each vertex's in one run, runs in walk order
    int pos = 0;
    List<Integer> roots = new ArrayList<>();
    int[] queue = new int[n];
    int[] range = new int[2];
    int head = 0;
    int tail = 0;
    // roots first: no incoming edge
    for (int i = 0; i < n; i++) {
      if (isRoot.test(i)) {
        roots.add(i);
        seen[i] = true;
      }
    }
    int nextUnseen = 0;
    int rootCursor = 0;
    while (true) {
      while (rootCursor < roots.size()) {
        int r = roots.get(rootCursor++);
        queue[tail++] = r;
        while (head < tail) {
          int v = queue[head++];
          int[] cs = candidates.of(v, range);
          childStart[v] = pos;
          for (int k = range[0], end = range[1]; k < end; k++) {
            int ci = cs[k];
            if (ci < 0 || seen[ci]) {
              continue; // not in the graph, or already placed: not a tree edge
            }
            seen[ci] = true;
            parent[ci] = v;
            depth[ci] = depth[v] + 1;
            kids[pos++] = ci;
            queue[tail++] = ci;
          }
          childCount[v] = pos - childStart[v];
        }
      }
      while (nextUnseen < n && seen[nextUnseen]) {
        nextUnseen++;
      }
      if (nextUnseen == n) {
        break;
      }
      seen[nextUnseen] = true; // on a cycle no root reaches: make it a root
      roots.add(nextUnseen);
    }
    int virtual = n;
    int root;
    if (roots.size() == 1) {
      root = roots.get(0);
    } else {
      root = virtual;
      // the virtual root's children are the roots; they keep parent -1 for the caller, but the
      // walker needs the parent link, so it is stored in the walker's own array
    }
    int[] allKids = kids;
    if (root == virtual) {
      allKids = Arrays.copyOf(kids, n + roots.size());
      childStart[virtual] = n;
      childCount[virtual] = roots.size();
      for (int i = 0; i < roots.size(); i++) {
        allKids[n + i] = roots.get(i);
      }
    }
    return new Tree<>(vertices, index, parent, childStart, childCount, allKids, depth, root, roots);
  }

  private List<V> childrenOf(Graph<V, E> graph, V v) {
    if (childOrder != null) {
      List<V> cs = childOrder.apply(v);
      return cs == null ? List.of() : cs;
    }
    List<V> out = new ArrayList<>(graph.outDegreeOf(v));
    for (E e : graph.outgoingEdgesOf(v)) {
      out.add(graph.getEdgeTarget(e));
    }
    return out;
  }

  // ---------------------------------------------------------------- Buchheim, Jünger, Leipert

  /** One run of the paper's algorithm over the int tree, as given or mirrored. */
  private final class Walker {
    private final Tree<V> t;
    private final double[] breadth;
    private final int size;
    private final int[] parent; // with the forest's roots linked to the virtual root
    private boolean mirrored;
    private double[] prelim;
    private double[] mod;
    private double[] shift;
    private double[] change;
    private int[] thread;
    private int[] ancestor;
    private int[] number; // 0-based position among the siblings, in this run's order

    Walker(Tree<V> t, double[] breadth) {
      this.t = t;
      this.breadth = breadth;
      this.size = t.vertices.size() + 1;
      this.parent = t.parent.clone();
      if (t.root == t.vertices.size()) {
        for (int r : t.roots) {
          parent[r] = t.root;
        }
      }
    }

    /** The i-th child of v in this run's order. */
    private int child(int v, int i) {
      int c = t.childCount[v];
      return t.kids[t.childStart[v] + (mirrored ? c - 1 - i : i)];
    }

    /** Runs FIRSTWALK and SECONDWALK; returns the centre of every node along the level. */
    double[] place(boolean mirrored) {
      this.mirrored = mirrored;
      prelim = new double[size];
      mod = new double[size];
      shift = new double[size];
      change = new double[size];
      thread = new int[size];
      ancestor = new int[size];
      number = new int[size];
      for (int v = 0; v < size; v++) {
        thread[v] = -1;
        ancestor[v] = v; // paper: ancestor(v) = v initially
      }
      for (int v = 0; v < size; v++) {
        for (int i = 0; i < t.childCount[v]; i++) {
          number[child(v, i)] = i;
        }
      }
      firstWalk(t.root);
      return secondWalk(t.root);
    }

    /**
     * FIRSTWALK(v), iterative in post-order. For each child w of v, left to right: FIRSTWALK(w),
     * then APPORTION(w, defaultAncestor). Then for v: a leaf goes right next to its left sibling
     * (or to 0); an inner node gets EXECUTESHIFTS(v) and is centred over its first and last child
     * ("midpoint"), and if it has a left sibling w it is placed next to w with mod(v) = prelim(v) -
     * midpoint.
     */
    private void firstWalk(int root) {
      int[] stack = new int[size];
      int[] next = new int[size];
      int[] defaultAncestor = new int[size];
      int sp = 0;
      stack[sp++] = root;
      defaultAncestor[root] = t.childCount[root] > 0 ? child(root, 0) : -1;
      while (sp > 0) {
        int v = stack[sp - 1];
        if (next[v] < t.childCount[v]) {
          int w = child(v, next[v]++);
          defaultAncestor[w] = t.childCount[w] > 0 ? child(w, 0) : -1;
          stack[sp++] = w;
          continue;
        }
        sp--;
        int left = number[v] > 0 ? child(parent[v], number[v] - 1) : -1;
        if (t.childCount[v] == 0) {
          prelim[v] = left >= 0 ? prelim[left] + distance(left, v) : 0;
        } else {
          executeShifts(v);
          double midpoint = (prelim[child(v, 0)] + prelim[child(v, t.childCount[v] - 1)]) / 2;
          if (left >= 0) {
            prelim[v] = prelim[left] + distance(left, v);
            mod[v] = prelim[v] - midpoint;
          } else {
            prelim[v] = midpoint;
          }
        }
        int p = parent[v];
        if (p >= 0) {
          defaultAncestor[p] = apportion(v, defaultAncestor[p]);
        }
      }
    }

    /**
     * APPORTION(v, defaultAncestor): walks down the inner and outer contours of v's subtree (vip,
     * vop) and of the forest of its left siblings (vim, vom) at the same time, pushes v's subtree
     * right wherever the contours come closer than the wanted distance (via ANCESTOR and
     * MOVESUBTREE), and at the end threads the shorter contour to the longer one.
     */
    private int apportion(int v, int defaultAncestor) {
      if (number[v] == 0) {
        return defaultAncestor;
      }
      int w = child(parent[v], number[v] - 1);
      int vip = v;
      int vop = v;
      int vim = w;
      int vom = child(parent[v], 0);
      double sip = mod[vip];
      double sop = mod[vop];
      double sim = mod[vim];
      double som = mod[vom];
      int nr = nextRight(vim);
      int nl = nextLeft(vip);
      while (nr >= 0 && nl >= 0) {
        vim = nr;
        vip = nl;
        vom = nextLeft(vom);
        vop = nextRight(vop);
        ancestor[vop] = v;
        double s = (prelim[vim] + sim) - (prelim[vip] + sip) + distance(vim, vip);
        if (s > 0) {
          moveSubtree(ancestorOf(vim, v, defaultAncestor), v, s);
          sip += s;
          sop += s;
        }
        sim += mod[vim];
        sip += mod[vip];
        som += mod[vom];
        sop += mod[vop];
        nr = nextRight(vim);
        nl = nextLeft(vip);
      }
      if (nr >= 0 && nextRight(vop) < 0) {
        thread[vop] = nr;
        mod[vop] += sim - sop;
      }
      if (nl >= 0 && nextLeft(vom) < 0) {
        thread[vom] = nl;
        mod[vom] += sip - som;
        defaultAncestor = v;
      }
      return defaultAncestor;
    }

    /** NEXTLEFT(v): the leftmost child, else the thread. */
    private int nextLeft(int v) {
      return t.childCount[v] > 0 ? child(v, 0) : thread[v];
    }

    /** NEXTRIGHT(v): the rightmost child, else the thread. */
    private int nextRight(int v) {
      return t.childCount[v] > 0 ? child(v, t.childCount[v] - 1) : thread[v];
    }

    /**
     * MOVESUBTREE(wm, wp, shift): shifts the subtree of wp right by {@code s} and records, with
     * change and shift, that the siblings between wm and wp move by equal fractions of it (applied
     * later by EXECUTESHIFTS).
     */
    private void moveSubtree(int wm, int wp, double s) {
      double subtrees = number[wp] - number[wm];
      change[wp] -= s / subtrees;
      shift[wp] += s;
      change[wm] += s / subtrees;
      prelim[wp] += s;
      mod[wp] += s;
    }

    /**
     * EXECUTESHIFTS(v): one right-to-left pass over v's children that applies all the shifts
     * recorded by MOVESUBTREE.
     */
    private void executeShifts(int v) {
      double s = 0;
      double c = 0;
      for (int i = t.childCount[v] - 1; i >= 0; i--) {
        int w = child(v, i);
        prelim[w] += s;
        mod[w] += s;
        c += change[w];
        s += shift[w] + c;
      }
    }

    /**
     * ANCESTOR(vim, v, defaultAncestor): the greatest distinct ancestors of vim and v are siblings;
     * this returns vim's one if ancestor(vim) still points at a sibling of v, else the default.
     */
    private int ancestorOf(int vim, int v, int defaultAncestor) {
      int a = ancestor[vim];
      return parent[a] == parent[v] ? a : defaultAncestor;
    }

    /**
     * SECONDWALK(v, m): the final position is prelim(v) plus the sum of the mod fields of v's
     * ancestors; iterative, in breadth-first order, starting with m = -prelim(root).
     */
    private double[] secondWalk(int root) {
      double[] x = new double[size];
      double[] m = new double[size];
      int[] queue = new int[size];
      int head = 0;
      int tail = 0;
      queue[tail++] = root;
      m[root] = -prelim[root];
      while (head < tail) {
        int v = queue[head++];
        x[v] = prelim[v] + m[v];
        for (int i = 0; i < t.childCount[v]; i++) {
          int w = child(v, i);
          m[w] = m[v] + mod[v];
          queue[tail++] = w;
        }
      }
      return x;
    }

    /** The wanted distance of the centres of two neighbours, {@code a} left of {@code b}. */
    private double distance(int a, int b) {
      // in the mirrored run the left node is the right one of the real tree
      int l = mirrored ? b : a;
      int r = mirrored ? a : b;
      boolean siblings = parent[a] == parent[b] && parent[a] != t.vertices.size();
      double gap;
      if (separation != null && l < t.vertices.size() && r < t.vertices.size()) {
        gap = separation.gap(t.vertices.get(l), t.vertices.get(r), siblings);
      } else {
        gap = defaultGap(siblings);
      }
      return (breadth[a] + breadth[b]) / 2 + gap;
    }
  }

  // ---------------------------------------------------------------- the result

  /**
   * A finished tidy-tree placement: node centres with the drawing's top-left corner at (0, 0), the
   * drawn tree, and each level's extent along the depth axis (y in a top-down tree).
   *
   * @param <V> the vertex type
   */
  public static final class Result<V> {
    private final double[] cx;
    private final double[] cy;
    private final Tree<V> tree;
    private final double[] levelStart;
    private final double[] levelSize;
    private final double width;
    private final double height;
    private volatile Map<V, Point> centres; // built when first asked for
    private volatile Map<V, Integer> index; // likewise, unless the tree came with one

    private Result(
        double[] cx,
        double[] cy,
        Tree<V> tree,
        double[] levelStart,
        double[] levelSize,
        double width,
        double height) {
      this.cx = cx;
      this.cy = cy;
      this.tree = tree;
      this.index = tree.index;
      this.levelStart = levelStart;
      this.levelSize = levelSize;
      this.width = width;
      this.height = height;
    }

    /** Every vertex's centre, in the graph's vertex order. */
    public Map<V, Point> centres() {
      Map<V, Point> m = centres;
      if (m == null) {
        int n = cx.length;
        Map<V, Point> built = new LinkedHashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
          built.put(tree.vertices.get(i), new Point(cx[i], cy[i]));
        }
        centres = m = Collections.unmodifiableMap(built);
      }
      return m;
    }

    /** The centre of {@code v}. */
    public Point centre(V v) {
      Integer i = index().get(v);
      if (i == null) {
        throw new IllegalArgumentException("not laid out: " + v);
      }
      return new Point(cx[i], cy[i]);
    }

    /** The x of the centre of the vertex at {@code i} in the vertex order. */
    double centreX(int i) {
      return cx[i];
    }

    /** The y of the centre of the vertex at {@code i} in the vertex order. */
    double centreY(int i) {
      return cy[i];
    }

    /** The depth of the vertex at {@code i} in the vertex order: 0 for a root. */
    int depthAt(int i) {
      return tree.depth[i];
    }

    /** The index of the parent of the vertex at {@code i} in the drawn tree, -1 for a root. */
    int parentAt(int i) {
      return tree.parent[i];
    }

    /** The depth of {@code v}: 0 for a root. */
    public int depth(V v) {
      return tree.depth[indexOf(v)];
    }

    /** The parent of {@code v} in the drawn tree, null for a root. */
    public V parent(V v) {
      int p = tree.parent[indexOf(v)];
      return p < 0 ? null : tree.vertices.get(p);
    }

    /** The children of {@code v} in the drawn tree, in drawing order. */
    public List<V> children(V v) {
      int i = indexOf(v);
      List<V> out = new ArrayList<>(tree.childCount[i]);
      for (int k = 0; k < tree.childCount[i]; k++) {
        out.add(tree.vertices.get(tree.kids[tree.childStart[i] + k]));
      }
      return out;
    }

    /** The roots, in drawing order. */
    public List<V> roots() {
      List<V> out = new ArrayList<>(tree.roots.size());
      for (int r : tree.roots) {
        out.add(tree.vertices.get(r));
      }
      return out;
    }

    /** How many levels the drawing has. */
    public int levelCount() {
      return levelStart.length;
    }

    /** Where level {@code d} begins along the depth axis (its top in a top-down tree). */
    public double levelStart(int d) {
      return levelStart[d];
    }

    /** The extent of level {@code d} along the depth axis: the size of its deepest node. */
    public double levelSize(int d) {
      return levelSize[d];
    }

    /** The width of the drawing's bounding box. */
    public double width() {
      return width;
    }

    /** The height of the drawing's bounding box. */
    public double height() {
      return height;
    }

    private Map<V, Integer> index() {
      Map<V, Integer> m = index;
      if (m == null) {
        int n = tree.vertices.size();
        Map<V, Integer> built = new HashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
          built.put(tree.vertices.get(i), i);
        }
        index = m = built;
      }
      return m;
    }

    private int indexOf(V v) {
      Integer i = index().get(v);
      if (i == null) {
        throw new IllegalArgumentException("not laid out: " + v);
      }
      return i;
    }
  }
}
