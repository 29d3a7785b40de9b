package org.pidnslab.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.jgrapht.Graph;
import org.jgrapht.alg.drawing.CircularLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.FRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.IndexedFRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.LayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.LayoutModel2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * The layouts a user can pick for the task picture: the tidy tree, or one of JGraphT's own.
 *
 * <p>{@link #place} lays out any graph given node sizes and returns node centres with the drawing's
 * top-left corner at (0, 0). The JGraphT layouts know nothing of node sizes, so they are given room
 * for them: FR works in a square whose area grows with the nodes' sizes, inset by half the largest
 * node because FR pushes vertices onto the border, and is then spread out just enough that no two
 * boxes overlap; the circle's radius is chosen so that neighbours on it do not touch. Both are
 * deterministic: FR is seeded, and vertices are renumbered in graph order first so that no identity
 * hash code decides anything.
 *
 * <p>Cost: the tree and the circle are linear (the tidy tree alone takes about 1 to 15 ms for
 * 10,000 nodes); FR runs 100 iterations of Barnes–Hut and took about 3 s for 2,000 and 30 s for
 * 10,000 tasks on a busy 2-core machine, so a window should offer FR for small trees only, and
 * compute any layout off its UI thread.
 */
public enum LayoutChoice {
  /** {@link TidyTreeLayout}: the process tree as a tidy tree, roots on top. */
  TREE,
  /**
   * {@link CompactLayout}: every subtree in a block of its own, leaf children in a grid, shaped
   * after {@link DrawingOptions#aspect()}; for big scenes.
   */
  COMPACT,
  /**
   * Fruchterman–Reingold force-directed placement ({@link FRLayoutAlgorithm2D}; {@link
   * IndexedFRLayoutAlgorithm2D}, Barnes–Hut, above {@link #FR_INDEXED_ABOVE} vertices).
   */
  FR,
  /** Vertices evenly on a circle in depth-first order ({@link CircularLayoutAlgorithm2D}). */
  CIRCULAR;

  /** FR switches to the Barnes–Hut indexed variant above this many vertices. */
  public static final int FR_INDEXED_ABOVE = 150;

  /**
   * FR's square frame has this many times the area of the boxes, each grown by the least gap: FR
   * spreads the vertices over the frame, and spreading the boxes apart only enlarges that.
   */
  public static final double FR_FRAME_AREA = 4;

  /** The seed of FR's random start, so that one state always gives one picture. */
  public static final long FR_SEED = 0x5EED_2002L;

  /**
   * Gaps between nodes.
   *
   * @param levelGap between consecutive levels of a tree
   * @param siblingGap between children of one parent
   * @param subtreeGap between other neighbours; also the least gap FR and the circle keep
   */
  public record Spacing(double levelGap, double siblingGap, double subtreeGap) {
    /** The spacing of the task picture at 100 %. */
    public static final Spacing DEFAULT = new Spacing(44, 14, 22);
  }

  /**
   * A finished placement.
   *
   * @param centres every vertex's centre, in the graph's vertex order
   * @param width the width of the bounding box of all node boxes
   * @param height its height
   * @param <V> the vertex type
   */
  public record Placement<V>(Map<V, Point> centres, double width, double height) {}

  /**
   * Lays out {@code graph}, each vertex a {@code width x height} box, and returns the centres with
   * the bounding box of all boxes at (0, 0). TREE uses the graph's outgoing-edge order as the child
   * order.
   */
  public <V, E> Placement<V> place(
      Graph<V, E> graph, ToDoubleFunction<V> width, ToDoubleFunction<V> height, Spacing spacing) {
    Objects.requireNonNull(spacing);
    if (this == TREE) {
      TidyTreeLayout.Result<V> r =
          new TidyTreeLayout<V, E>()
              .width(width)
              .height(height)
              .levelGap(spacing.levelGap())
              .siblingGap(spacing.siblingGap())
              .subtreeGap(spacing.subtreeGap())
              .compute(graph);
      return new Placement<>(r.centres(), r.width(), r.height());
    }
    List<V> vs = new ArrayList<>(graph.vertexSet());
    int n = vs.size();
    if (n == 0) {
      return new Placement<>(Map.of(), 0, 0);
    }
    if (this == COMPACT) {
      return compact(graph, vs, width, height, spacing);
    }
    double[] w = new double[n];
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = width.applyAsDouble(vs.get(i));
      h[i] = height.applyAsDouble(vs.get(i));
    }
    // renumber: vertex i of the copy is vs.get(order[i])
    int[] order = this == CIRCULAR ? depthFirstOrder(graph, vs) : identity(n);
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      rank[order[i]] = i;
    }
    Map<V, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(vs.get(i), i);
    }
    Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (int i = 0; i < n; i++) {
      g.addVertex(i);
    }
    for (E e : graph.edgeSet()) {
      int a = rank[index.get(graph.getEdgeSource(e))];
      int b = rank[index.get(graph.getEdgeTarget(e))];
      if (a != b && !g.containsEdge(a, b) && !g.containsEdge(b, a)) {
        g.addEdge(a, b);
      }
    }
    double maxW = Arrays.stream(w).max().orElse(0);
    double maxH = Arrays.stream(h).max().orElse(0);
    double gap = spacing.subtreeGap();
    double inset = Math.max(maxW, maxH) / 2 + gap;
    double[] x = new double[n];
    double[] y = new double[n];
    if (n == 1) {
      // nothing to arrange
    } else if (this == CIRCULAR) {
      double diag = Math.hypot(maxW, maxH) + gap;
      double radius = Math.max(diag, diag / (2 * Math.sin(Math.PI / n)));
      double side = 2 * (radius + inset);
      run(new CircularLayoutAlgorithm2D<>(radius, Integer::compare), g, side, side, 0, x, y, order);
    } else {
      double sumArea = 0;
      for (int i = 0; i < n; i++) {
        sumArea += (w[i] + gap) * (h[i] + gap);
      }
      double side = Math.sqrt(sumArea * FR_FRAME_AREA);
      Random rng = new Random(FR_SEED);
      LayoutAlgorithm2D<Integer, DefaultEdge> fr =
          n > FR_INDEXED_ABOVE
              ? new IndexedFRLayoutAlgorithm2D<>(
                  FRLayoutAlgorithm2D.DEFAULT_ITERATIONS,
                  IndexedFRLayoutAlgorithm2D.DEFAULT_THETA_FACTOR,
                  FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR,
                  rng)
              : new FRLayoutAlgorithm2D<>(
                  FRLayoutAlgorithm2D.DEFAULT_ITERATIONS,
                  FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR,
                  rng);
      run(fr, g, side, side, inset, x, y, order);
      spreadApart(x, y, w, h, gap);
    }
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      minX = Math.min(minX, x[i] - w[i] / 2);
      minY = Math.min(minY, y[i] - h[i] / 2);
      maxX = Math.max(maxX, x[i] + w[i] / 2);
      maxY = Math.max(maxY, y[i] + h[i] / 2);
    }
    Map<V, Point> centres = new LinkedHashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      centres.put(vs.get(i), new Point(x[i] - minX, y[i] - minY));
    }
    return new Placement<>(centres, maxX - minX, maxY - minY);
  }

  /** {@link CompactLayout} of a plain graph: children in outgoing-edge order, no hulls. */
  private static <V, E> Placement<V> compact(
      Graph<V, E> graph,
      List<V> vs,
      ToDoubleFunction<V> width,
      ToDoubleFunction<V> height,
      Spacing spacing) {
    int n = vs.size();
    Map<V, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(vs.get(i), i);
    }
    double[] w = new double[n];
    double[] h = new double[n];
    int[] childStart = new int[n];
    int[] childCount = new int[n];
    int[] parent = new int[n];
    Arrays.fill(parent, -1);
    boolean[] hasParent = new boolean[n];
    List<Integer> kids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      V v = vs.get(i);
      w[i] = width.applyAsDouble(v);
      h[i] = height.applyAsDouble(v);
      childStart[i] = kids.size();
      for (E e : graph.outgoingEdgesOf(v)) {
        int c = index.get(graph.getEdgeTarget(e));
        if (c != i) {
          kids.add(c);
        }
      }
      childCount[i] = kids.size() - childStart[i];
    }
    for (int i = 0; i < n; i++) {
      for (int k = childStart[i]; k < childStart[i] + childCount[i]; k++) {
        int c = kids.get(k);
        if (!hasParent[c]) {
          hasParent[c] = true;
          parent[c] = i;
        }
      }
    }
    CompactLayout.Result r =
        new CompactLayout(null, spacing, DrawingOptions.DEFAULT_ASPECT)
            .layout(
                childStart,
                childCount,
                kids.stream().mapToInt(Integer::intValue).toArray(),
                parent,
                hasParent,
                w,
                h,
                null);
    double maxX = 0;
    double maxY = 0;
    Map<V, Point> centres = new LinkedHashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      centres.put(vs.get(i), new Point(r.x[i] + w[i] / 2, r.y[i] + h[i] / 2));
      maxX = Math.max(maxX, r.x[i] + w[i]);
      maxY = Math.max(maxY, r.y[i] + h[i]);
    }
    return new Placement<>(centres, maxX, maxY);
  }

  /** Runs a JGraphT layout in an inset box and copies the positions back by original index. */
  private static void run(
      LayoutAlgorithm2D<Integer, DefaultEdge> algorithm,
      Graph<Integer, DefaultEdge> g,
      double width,
      double height,
      double inset,
      double[] x,
      double[] y,
      int[] order) {
    LayoutModel2D<Integer> model =
        new BorderJitter<>(new MapLayoutModel2D<>(Box2D.of(inset, inset, width, height)));
    algorithm.layout(g, model);
    for (int i = 0; i < x.length; i++) {
      Point2D p = model.get(i);
      x[order[i]] = p.getX();
      y[order[i]] = p.getY();
    }
  }

  /**
   * A layout model that moves a vertex put exactly onto the border of the drawable area a tiny,
   * seeded random distance inwards. FR clamps escaping vertices to the border, so several can land
   * on the very same corner point; JGraphT's Barnes–Hut quadtree then splits forever and fails with
   * an IllegalArgumentException (FRQuadTree.insert), and plain FR cannot part them either.
   */
  private static final class BorderJitter<V> implements LayoutModel2D<V> {
    private final LayoutModel2D<V> delegate;
    private final Random rng = new Random(FR_SEED);

    BorderJitter(LayoutModel2D<V> delegate) {
      this.delegate = delegate;
    }

    @Override
    public Box2D getDrawableArea() {
      return delegate.getDrawableArea();
    }

    @Override
    public void setDrawableArea(Box2D drawableArea) {
      delegate.setDrawableArea(drawableArea);
    }

    @Override
    public Point2D get(V vertex) {
      return delegate.get(vertex);
    }

    @Override
    public Point2D put(V vertex, Point2D point) {
      Box2D a = delegate.getDrawableArea();
      double step = Math.min(a.getWidth(), a.getHeight()) * 1e-3;
      double x = point.getX();
      double y = point.getY();
      if (x <= a.getMinX()) {
        x = a.getMinX() + step * (0.5 + rng.nextDouble());
      } else if (x >= a.getMaxX()) {
        x = a.getMaxX() - step * (0.5 + rng.nextDouble());
      }
      if (y <= a.getMinY()) {
        y = a.getMinY() + step * (0.5 + rng.nextDouble());
      } else if (y >= a.getMaxY()) {
        y = a.getMaxY() - step * (0.5 + rng.nextDouble());
      }
      return delegate.put(
          vertex, x == point.getX() && y == point.getY() ? point : Point2D.of(x, y));
    }

    @Override
    public void setFixed(V vertex, boolean fixed) {
      delegate.setFixed(vertex, fixed);
    }

    @Override
    public boolean isFixed(V vertex) {
      return delegate.isFixed(vertex);
    }

    @Override
    public Iterator<Map.Entry<V, Point2D>> iterator() {
      return delegate.iterator();
    }
  }

  /**
   * Scales the placement about its centre by the least factor (at most 20) that leaves no two boxes
   * overlapping: for an overlapping pair at distance (dx, dy) that needs (nx, ny), the factor
   * min(nx / |dx|, ny / |dy|) separates it along one axis. Only overlapping pairs matter, and a
   * sweep along x finds them.
   */
  static void spreadApart(double[] x, double[] y, double[] w, double[] h, double gap) {
    int n = x.length;
    Integer[] byX = new Integer[n];
    double maxW = 0;
    for (int i = 0; i < n; i++) {
      byX[i] = i;
      maxW = Math.max(maxW, w[i]);
    }
    Arrays.sort(byX, (a, b) -> Double.compare(x[a], x[b]));
    double factor = 1;
    for (int ii = 0; ii < n; ii++) {
      int a = byX[ii];
      for (int jj = ii + 1; jj < n; jj++) {
        int b = byX[jj];
        double dx = x[b] - x[a];
        if (dx >= (maxW + w[a]) / 2 + gap) {
          break;
        }
        double nx = (w[a] + w[b]) / 2 + gap;
        double ny = (h[a] + h[b]) / 2 + gap;
        double dy = Math.abs(y[b] - y[a]);
        if (dx >= nx || dy >= ny) {
          continue;
        }
        double fx = dx > 1e-9 ? nx / dx : Double.POSITIVE_INFINITY;
        double fy = dy > 1e-9 ? ny / dy : Double.POSITIVE_INFINITY;
        factor = Math.max(factor, Math.min(Math.min(fx, fy), 20));
      }
    }
    if (factor > 1) {
      double cx = Arrays.stream(x).average().orElse(0);
      double cy = Arrays.stream(y).average().orElse(0);
      for (int i = 0; i < n; i++) {
        x[i] = cx + (x[i] - cx) * factor;
        y[i] = cy + (y[i] - cy) * factor;
      }
    }
    if (factor >= 20) {
      pushRight(byX, x, y, w, h, gap); // (nearly) coincident boxes: scaling cannot part them
    }
  }

  /**
   * The rare fallback of {@link #spreadApart}: in order of x, moves each box right to the first
   * place where it overlaps none of the boxes before it. Each box before it that shares its rows
   * forbids an open interval of centres; one sweep over those intervals, sorted by start, finds the
   * first free place. (Moving a box past one overlap at a time and rescanning, as this did before,
   * took cubic time: a 1,000-task force-directed picture with hundreds of coincident workers did
   * not finish in minutes.)
   */
  static void pushRight(Integer[] byX, double[] x, double[] y, double[] w, double[] h, double gap) {
    double[][] forbidden = new double[byX.length][];
    for (int ii = 1; ii < byX.length; ii++) {
      int b = byX[ii];
      int k = 0;
      for (int jj = 0; jj < ii; jj++) {
        int a = byX[jj];
        double nx = (w[a] + w[b]) / 2 + gap;
        if (Math.abs(y[b] - y[a]) < (h[a] + h[b]) / 2 + gap) {
          forbidden[k++] = new double[] {x[a] - nx, x[a] + nx};
        }
      }
      Arrays.sort(forbidden, 0, k, (p, q) -> Double.compare(p[0], q[0]));
      double at = x[b];
      for (int i = 0; i < k && forbidden[i][0] < at; i++) {
        at = Math.max(at, forbidden[i][1]);
      }
      x[b] = at;
    }
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  /** Vertex indexes in depth-first pre-order from the roots, so subtrees sit together. */
  private static <V, E> int[] depthFirstOrder(Graph<V, E> graph, List<V> vs) {
    int n = vs.size();
    Map<V, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(vs.get(i), i);
    }
    boolean[] seen = new boolean[n];
    int[] out = new int[n];
    int k = 0;
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (graph.inDegreeOf(vs.get(i)) == 0) {
        starts.add(i);
      }
    }
    for (int i = 0; i < n; i++) {
      starts.add(i); // anything left (cycles) afterwards
    }
    Deque<Integer> stack = new ArrayDeque<>();
    for (int s : starts) {
      if (seen[s]) {
        continue;
      }
      stack.push(s);
      while (!stack.isEmpty()) {
        int v = stack.pop();
        if (seen[v]) {
          continue;
        }
        seen[v] = true;
        out[k++] = v;
        List<Integer> cs = new ArrayList<>();
        for (E e : graph.outgoingEdgesOf(vs.get(v))) {
          cs.add(index.get(graph.getEdgeTarget(e)));
        }
        for (int i = cs.size() - 1; i >= 0; i--) {
          if (!seen[cs.get(i)]) {
            stack.push(cs.get(i));
          }
        }
      }
    }
    return out;
  }
}
