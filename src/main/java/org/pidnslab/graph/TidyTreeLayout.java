package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
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
 * <p>This class is the configuration, the JGraphT adapter ({@link LayoutAlgorithm2D}) and the
 * placement of the levels; the paper's algorithm runs in {@link BuchheimWalker}, whose methods name
 * the procedures they implement (FIRSTWALK, APPORTION, NEXTLEFT/NEXTRIGHT, MOVESUBTREE,
 * EXECUTESHIFTS, ANCESTOR and SECONDWALK), over the int-array tree of {@link IndexTree}, which
 * needs no graph.
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
        IndexTree.extract(
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

  private Result<V> compute(IndexTree<V> t, double[] widths, double[] heights) {
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
      BuchheimWalker<V> walker =
          new BuchheimWalker<>(t, breadth, separation, siblingGap, subtreeGap);
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

  // ---------------------------------------------------------------- the JGraphT adapter

  private IndexTree<V> extractTree(Graph<V, E> graph) {
    List<V> vertices = new ArrayList<>(graph.vertexSet());
    int n = vertices.size();
    Map<V, Integer> index = new HashMap<>(Math.max(16, n * 2));
    for (int i = 0; i < n; i++) {
      index.put(vertices.get(i), i);
    }
    return IndexTree.extract(
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
    private final IndexTree<V> tree;
    private final double[] levelStart;
    private final double[] levelSize;
    private final double width;
    private final double height;
    private volatile Map<V, Point> centres; // built when first asked for
    private volatile Map<V, Integer> index; // likewise, unless the tree came with one

    private Result(
        double[] cx,
        double[] cy,
        IndexTree<V> tree,
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
