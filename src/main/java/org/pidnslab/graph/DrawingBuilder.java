package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;

/**
 * Turns a kernel state into a {@link Drawing}: measures every task's box with the given {@link
 * TextMetrics}, lays the tasks out, routes the edges, wraps each namespace's tasks in a hull, and
 * draws the namespace tree beside it.
 *
 * <p><b>A task's box.</b> The first line holds the name and, at the right, the state letter in a
 * badge. Below, the PID chips, outermost namespace first, one chip per level like {@code NSpid}.
 * All chips of a task have the width of its widest number, so that a deep task's stack reads as a
 * grid. Up to {@value #CHIPS_PER_ROW} chips share a row; more wrap into further rows, left to right
 * and top to bottom (a task 32 levels deep has 33 chips: five rows of up to eight). Wrapping keeps
 * such a box about as wide as a shallow one, so the tree stays compact, and every number stays
 * readable at full size, which shrinking the chips would not. The box is as wide as the wider of
 * the first line and the chip rows, never narrower than {@link #minNodeWidth()}.
 *
 * <p><b>Perspective.</b> Seen from a namespace N, a task N can see shows one chip, its pid in N
 * (what {@code ps} inside N prints), emphasised when N is its own namespace; a task N cannot see is
 * faded and shows one chip reading {@code 0}, as every id reads across a namespace boundary.
 *
 * <p><b>Hulls and spacing.</b> In the tree layout the gap between two neighbours on a level is
 * widened, when needed, to make room for the hull borders that run between them (see {@link
 * NamespaceHull}); so no hull covers a task outside its namespace and nested hulls stay inside
 * their parents'.
 *
 * <p><b>Cost.</b> Linear in the number of tasks (times their nesting depth, for the chips and the
 * hulls). A build works on arrays by task index (the kernel's task order): it reads the kernel's
 * task list once, lays the tree out from those arrays without a JGraphT graph (the other layouts
 * still get {@link TaskGraph}), and makes every node and edge once, at its final place; the
 * coordinates are computed exactly as a build that made them and then moved them would (see {@code
 * DrawingDigestTest}). About 4 ms for 5,000 tasks and 8 ms for 10,000 on a busy 2-core machine
 * (docs/benchmarks.md), so a window can rebuild after every change.
 *
 * <p><b>Steps.</b> This class holds the measures (every length a multiple of the typography's
 * scale) and runs the steps of a build in order, each in its own class: {@link TaskForest} (the
 * process tree as arrays), {@link Slots} (what is laid out: {@link TaskNodes} measures the boxes
 * into {@link TaskBoxes}, collapsed parts take their anchors' places), the layout ({@link
 * TidyTreeLayout} or a {@link LayoutChoice}), {@link NamespaceHulls}, {@link TaskNodes} again
 * (place the boxes' contents), {@link EdgeRoutes}, and {@link NamespacePanel}.
 *
 * <p>Stateless apart from the metrics' cache: one builder may serve many kernels, and builds may
 * run on a background thread while the kernel is not being changed. (A builder made by {@link
 * #reusingPictures} keeps its last pictures, for a kernel that does not change.)
 */
public final class DrawingBuilder {
  /** Chips in one row of a task's box before the stack wraps to the next row. */
  public static final int CHIPS_PER_ROW = 8;

  /** Nesting steps that still widen hull paddings; deeper nesting reuses the widest padding. */
  private static final int HULL_STEPS = 6;

  private static final int VERTICAL_HULL_STEPS = 5;

  /** The pictures a {@link #reusingPictures() reusing} builder keeps. */
  static final int REUSED = 4;

  final TextMetrics metrics;
  final double u; // the typography's scale: every length below is a multiple of it

  /** The last pictures built, by their options, for {@link #recentKernel}; null: none kept. */
  private final Map<DrawingOptions, Drawing> recent;

  private Kernel recentKernel;

  /** A builder measuring text with {@code metrics} (and spacing scaled by its typography). */
  public DrawingBuilder(TextMetrics metrics) {
    this(metrics, false);
  }

  private DrawingBuilder(TextMetrics metrics, boolean reuse) {
    this.metrics = Objects.requireNonNull(metrics);
    this.u = metrics.typography().scale();
    this.recent =
        reuse
            ? new LinkedHashMap<>() {
              @Override
              protected boolean removeEldestEntry(Map.Entry<DrawingOptions, Drawing> eldest) {
                return size() > REUSED;
              }
            }
            : null;
  }

  /**
   * A builder measuring as this one does that gives back a picture it built (one of the last
   * {@value #REUSED}) when asked again for the same kernel and options, instead of building it
   * again. Only for a kernel that nothing changes while the builder is in use, such as a layout
   * thread's private copy: a first view's plan and the checks made of it build one picture several
   * times, and a force-directed picture of 767 boxes costs about 0.3 s of CPU each time. Options
   * that differ only in their aspect give the same picture except in the compact layout, the one
   * layout that reads the aspect.
   */
  public DrawingBuilder reusingPictures() {
    return new DrawingBuilder(metrics, true);
  }

  /** A builder measuring with {@link AwtTextMetrics} and the default typography. */
  public DrawingBuilder() {
    this(new AwtTextMetrics());
  }

  /** The metrics this builder measures text with. */
  public TextMetrics metrics() {
    return metrics;
  }

  /** The gaps of the task tree at this builder's scale. */
  public LayoutChoice.Spacing spacing() {
    LayoutChoice.Spacing s = LayoutChoice.Spacing.DEFAULT;
    return new LayoutChoice.Spacing(s.levelGap() * u, s.siblingGap() * u, s.subtreeGap() * u);
  }

  /** The narrowest task box: wide enough for the widest hull padding beside it. */
  public double minNodeWidth() {
    return 44 * u;
  }

  // geometry of a task box
  double padX() {
    return 8 * u;
  }

  double padY() {
    return 5 * u;
  }

  double headerGap() {
    return 4 * u;
  }

  double chipPadX() {
    return 4 * u;
  }

  double chipPadY() {
    return 1.5 * u;
  }

  double chipGap() {
    return 3 * u;
  }

  double badgePadX() {
    return 4 * u;
  }

  double badgePadY() {
    return 1 * u;
  }

  double margin() {
    return 16 * u;
  }

  /** Horizontal hull padding for a namespace with {@code nested} namespace levels inside. */
  double hullPad(int nested) {
    return 6 * u + 4 * u * Math.min(Math.max(nested, 0), HULL_STEPS);
  }

  /**
   * Vertical padding of a hull's top or bottom edge, likewise: at most 14 (times the scale), which
   * stays above the junction of bands below a level (at 0.4 level gaps minus 1.6).
   */
  double hullPadVertical(int nested) {
    return 4 * u + 2 * u * Math.min(Math.max(nested, 0), VERTICAL_HULL_STEPS);
  }

  /** The least free space between the borders of two hulls side by side, or a hull and a box. */
  double hullClearance() {
    return 6 * u;
  }

  // ---------------------------------------------------------------- entry points

  /** The picture of {@code kernel} with the default options: no perspective, tidy tree. */
  public Drawing build(Kernel kernel) {
    return build(kernel, DrawingOptions.DEFAULT);
  }

  /** The picture of {@code kernel} as {@code options} say. */
  public Drawing build(Kernel kernel, DrawingOptions options) {
    if (recent == null) {
      return draw(kernel, options);
    }
    if (kernel != recentKernel) {
      recent.clear();
      recentKernel = kernel;
    }
    DrawingOptions key =
        options.layout() == LayoutChoice.COMPACT
            ? options
            : options.withAspect(DrawingOptions.DEFAULT_ASPECT);
    Drawing d = recent.get(key);
    if (d == null) {
      d = draw(kernel, options);
      recent.put(key, d);
    }
    return d;
  }

  private Drawing draw(Kernel kernel, DrawingOptions options) {
    PidNamespace view = options.perspective();
    List<Task> allTasks = kernel.tasks();
    Slots slots = new Slots(this, allTasks, options);
    List<Task> taskList = slots.visible;
    TaskForest forest = slots.forest;
    Task[] tasks = forest.tasks;
    int n = tasks.length;
    TaskBoxes boxes = slots.boxes;
    TaskNodes taskNodes = slots.taskNodes;
    NamespaceHulls shapes = new NamespaceHulls(this);
    String[][] chipTexts = slots.chipTexts;
    PidNamespace[] nsOf = slots.nsOf;
    SummaryCards cardMaker = slots.cardMaker;
    Folds.Fold[] foldAt = slots.foldAt;
    double[][] cardSize = slots.cardSize;
    double[] taskW = slots.taskW;
    double[] taskH = slots.taskH;
    LayoutChoice.Spacing spacing = spacing();
    TidyTreeLayout.Result<Task> tree = null;
    CompactLayout.Result compact = null;
    if (options.layout() == LayoutChoice.TREE) {
      tree =
          new TidyTreeLayout<Task, DefaultEdge>()
              .levelGap(spacing.levelGap())
              .siblingGap(spacing.siblingGap())
              .subtreeGap(spacing.subtreeGap())
              .separation(
                  (a, b, siblings) ->
                      Math.max(
                          siblings ? spacing.siblingGap() : spacing.subtreeGap(),
                          shapes.roomBetween(a.activeNs(), b.activeNs())))
              .alignment(TidyTreeLayout.LevelAlignment.TOWARDS_ROOT)
              .compute(
                  forest.list,
                  forest.childStart,
                  forest.childCount,
                  forest.kids,
                  forest.hasParent,
                  boxes.w,
                  boxes.h);
      for (int i = 0; i < n; i++) {
        boxes.centre(i, tree.centreX(i), tree.centreY(i));
      }
    } else if (options.layout() == LayoutChoice.COMPACT) {
      compact = AspectFit.layout(this, spacing, options.aspect(), forest, boxes.w, boxes.h, nsOf);
      System.arraycopy(compact.x, 0, boxes.x, 0, n);
      System.arraycopy(compact.y, 0, boxes.y, 0, n);
    } else {
      Graph<Task, DefaultEdge> graph = TaskGraph.of(taskList);
      Map<Task, Point> centres =
          options
              .layout()
              .place(
                  graph, t -> boxes.w[forest.indexOf(t)], t -> boxes.h[forest.indexOf(t)], spacing)
              .centres();
      for (int i = 0; i < n; i++) {
        Point p = centres.get(tasks[i]);
        boxes.centre(i, p.x(), p.y());
      }
    }
    int[] depth = forest.depths();
    Graph<PidNamespace, DefaultEdge> nsGraph = NamespaceGraph.of(kernel, allTasks);
    List<NamespaceHull> hulls =
        shapes.hulls(nsGraph, forest, boxes, tree, spacing, view, nsOf, compact != null);
    // translate so that everything starts at the margin
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      minX = Math.min(minX, boxes.x[i]);
      minY = Math.min(minY, boxes.y[i]);
      maxX = Math.max(maxX, boxes.maxX(i));
      maxY = Math.max(maxY, boxes.maxY(i));
    }
    for (NamespaceHull h : hulls) {
      Box b = h.bounds();
      minX = Math.min(minX, b.x());
      minY = Math.min(minY, b.y());
      maxX = Math.max(maxX, b.maxX());
      maxY = Math.max(maxY, b.maxY());
    }
    if (n == 0) {
      minX = minY = maxX = maxY = 0;
    }
    double dx = margin() - minX;
    double dy = margin() - minY;
    // a subtree's slot back to its root's box, centred on top, and the badge centred below
    Box[] badges = new Box[n];
    for (int i = 0; i < n; i++) {
      if (foldAt[i] != null && foldAt[i].kind() == SummaryCard.Kind.SUBTREE) {
        double slotX = boxes.x[i];
        double slotW = boxes.w[i];
        boxes.w[i] = taskW[i];
        boxes.h[i] = taskH[i];
        boxes.x[i] = slotX + (slotW - taskW[i]) / 2;
        badges[i] =
            new Box(
                slotX + (slotW - cardSize[i][0]) / 2,
                boxes.maxY(i) + cardMaker.badgeGap(),
                cardSize[i][0],
                cardSize[i][1]);
      }
    }
    // every node and edge is made once, where it ends up: its coordinates are computed as they
    // were before the move and then moved, so they are the same to the last bit
    List<TaskNode> nodes = new ArrayList<>(n);
    List<SummaryCard> cards = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (foldAt[i] == null || foldAt[i].kind() == SummaryCard.Kind.SUBTREE) {
        nodes.add(taskNodes.place(tasks[i], view, boxes, i, chipTexts[i], depth[i], dx, dy));
      }
      if (badges[i] != null) {
        Box b = badges[i].translate(dx, dy);
        double x = boxes.centerX(i) + dx;
        List<Point> link = List.of(new Point(x, boxes.maxY(i) + dy), new Point(x, b.y()));
        cards.add(cardMaker.place(foldAt[i], b, link, view));
      } else if (foldAt[i] != null && forest.hasParent[i]) {
        continue; // a namespace card with a parent: made with its edge below
      } else if (foldAt[i] != null) {
        cards.add(cardMaker.place(foldAt[i], boxes.box(i).translate(dx, dy), List.of(), view));
      }
    }
    List<TreeEdge> edges = new ArrayList<>(forest.edgeCount);
    for (int p = 0; p < n; p++) {
      for (int k = forest.childStart[p], end = k + forest.childCount[p]; k < end; k++) {
        int c = forest.kids[k];
        Task pt = tasks[p];
        Task ct = tasks[c];
        List<Point> line;
        if (tree != null) {
          line =
              EdgeRoutes.orthogonal(
                  boxes, p, c, EdgeRoutes.busY(tree, tree.depthAt(p), spacing), dx, dy);
        } else if (compact != null && compact.hasRoute(c) && forest.parent[c] == p) {
          line = compact.route(c, dx, dy);
        } else {
          line = TreeEdge.translate(EdgeRoutes.straight(boxes.box(p), boxes.box(c)), dx, dy);
        }
        if (foldAt[c] != null && foldAt[c].kind() == SummaryCard.Kind.NAMESPACE) {
          if (forest.parent[c] == p) {
            cards.add(cardMaker.place(foldAt[c], boxes.box(c).translate(dx, dy), line, view));
          }
          continue;
        }
        edges.add(
            new TreeEdge(
                pt.serial(),
                ct.serial(),
                line,
                pt.activeNs() != ct.activeNs(),
                view != null && !pt.activeNs().isSameOrDescendantOf(view)));
      }
    }
    hulls.replaceAll(h -> h.translate(dx, dy));
    return new Drawing(
        maxX - minX + 2 * margin(),
        maxY - minY + 2 * margin(),
        nodes,
        edges,
        hulls,
        new NamespacePanel(this).build(allTasks, nsGraph, view),
        view == null ? null : view.name(),
        options.layout(),
        metrics.typography(),
        cards);
  }

  /**
   * What a picture of {@code kernel} with {@code options} will hold and the room it is expected to
   * take, found by measuring the boxes without laying them out: a few milliseconds, where a
   * force-directed build of 1,000 boxes takes about half a second.
   *
   * @param shown the task boxes and cards the picture shows (a subtree's root and its badge count
   *     as two)
   * @param area for the force-directed layout, its frame: {@link LayoutChoice#FR_FRAME_AREA} times
   *     the boxes' area, each box grown by the spacing's subtree gap, which FR keeps between any
   *     two (measured pictures, from 5 boxes to the 977 of the container host, took 2.1 to 1,700
   *     times the grown area, 5 times or more from 10 boxes on); for the other layouts the boxes'
   *     own area, which no picture is smaller than, since no two boxes overlap
   */
  public record Footprint(int shown, double area) {}

  /** The {@link Footprint} of the picture {@code build(kernel, options)} would make. */
  public Footprint footprint(Kernel kernel, DrawingOptions options) {
    Slots slots = new Slots(this, kernel.tasks(), options);
    int badges = 0;
    for (Folds.Fold f : slots.foldAt) {
      if (f != null && f.kind() == SummaryCard.Kind.SUBTREE) {
        badges++;
      }
    }
    int shown = slots.foldAt.length + badges;
    if (options.layout() == LayoutChoice.FR) {
      return new Footprint(shown, LayoutChoice.FR_FRAME_AREA * slots.area(spacing().subtreeGap()));
    }
    return new Footprint(shown, slots.area(0));
  }

  /** The namespace tree panel of {@code kernel}, seen from {@code perspective} (or null). */
  public NamespaceDrawing buildNamespaces(Kernel kernel, PidNamespace perspective) {
    List<Task> tasks = kernel.tasks();
    return new NamespacePanel(this).build(tasks, NamespaceGraph.of(kernel, tasks), perspective);
  }
}
