package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.Pid;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

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
 * <p>Stateless apart from the metrics' cache: one builder may serve many kernels, and builds may
 * run on a background thread while the kernel is not being changed.
 */
public final class DrawingBuilder {
  /** Chips in one row of a task's box before the stack wraps to the next row. */
  public static final int CHIPS_PER_ROW = 8;

  /** Nesting steps that still widen hull paddings; deeper nesting reuses the widest padding. */
  private static final int HULL_STEPS = 6;

  private static final int VERTICAL_HULL_STEPS = 5;

  private final TextMetrics metrics;
  private final double u;

  /** A builder measuring text with {@code metrics} (and spacing scaled by its typography). */
  public DrawingBuilder(TextMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics);
    this.u = metrics.typography().scale();
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
  private double padX() {
    return 8 * u;
  }

  private double padY() {
    return 5 * u;
  }

  private double headerGap() {
    return 4 * u;
  }

  private double chipPadX() {
    return 4 * u;
  }

  private double chipPadY() {
    return 1.5 * u;
  }

  private double chipGap() {
    return 3 * u;
  }

  private double badgePadX() {
    return 4 * u;
  }

  private double badgePadY() {
    return 1 * u;
  }

  private double margin() {
    return 16 * u;
  }

  /** Horizontal hull padding for a namespace with {@code nested} namespace levels inside. */
  private double hullPad(int nested) {
    return 6 * u + 4 * u * Math.min(Math.max(nested, 0), HULL_STEPS);
  }

  /**
   * Vertical padding of a hull's top or bottom edge, likewise: at most 14 (times the scale), which
   * stays above the junction of bands below a level (at 0.4 level gaps minus 1.6).
   */
  private double hullPadVertical(int nested) {
    return 4 * u + 2 * u * Math.min(Math.max(nested, 0), VERTICAL_HULL_STEPS);
  }

  /** The least free space between the borders of two hulls side by side, or a hull and a box. */
  private double hullClearance() {
    return 6 * u;
  }

  // ---------------------------------------------------------------- entry points

  /** The picture of {@code kernel} with the default options: no perspective, tidy tree. */
  public Drawing build(Kernel kernel) {
    return build(kernel, DrawingOptions.DEFAULT);
  }

  /** The picture of {@code kernel} as {@code options} say. */
  public Drawing build(Kernel kernel, DrawingOptions options) {
    PidNamespace view = options.perspective();
    List<Task> taskList = kernel.tasks();
    Forest forest = new Forest(taskList);
    Task[] tasks = forest.tasks;
    int n = tasks.length;
    Boxes boxes = new Boxes(n);
    Fixed fixed = new Fixed();
    String[][] chipTexts = new String[n][];
    for (int i = 0; i < n; i++) {
      chipTexts[i] = measure(tasks[i], view, fixed, boxes, i);
    }
    LayoutChoice.Spacing spacing = spacing();
    TidyTreeLayout.Result<Task> tree = null;
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
                          hullRoomBetween(a.activeNs(), b.activeNs())))
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
    Graph<PidNamespace, DefaultEdge> nsGraph = NamespaceGraph.of(kernel, taskList);
    List<NamespaceHull> hulls = hulls(nsGraph, forest, boxes, tree, spacing, view);
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
    // every node and edge is made once, where it ends up: its coordinates are computed as they
    // were before the move and then moved, so they are the same to the last bit
    TaskNode[] nodes = new TaskNode[n];
    for (int i = 0; i < n; i++) {
      nodes[i] = place(tasks[i], view, fixed, boxes, i, chipTexts[i], depth[i], dx, dy);
    }
    TreeEdge[] edges = new TreeEdge[forest.edgeCount];
    int e = 0;
    for (int p = 0; p < n; p++) {
      for (int k = forest.childStart[p], end = k + forest.childCount[p]; k < end; k++) {
        int c = forest.kids[k];
        Task pt = tasks[p];
        Task ct = tasks[c];
        List<Point> line =
            tree != null
                ? orthogonal(boxes, p, c, busY(tree, tree.depthAt(p), spacing), dx, dy)
                : TreeEdge.translate(straight(boxes.box(p), boxes.box(c)), dx, dy);
        edges[e++] =
            new TreeEdge(
                pt.serial(),
                ct.serial(),
                line,
                pt.activeNs() != ct.activeNs(),
                view != null && !pt.activeNs().isSameOrDescendantOf(view));
      }
    }
    hulls.replaceAll(h -> h.translate(dx, dy));
    return new Drawing(
        maxX - minX + 2 * margin(),
        maxY - minY + 2 * margin(),
        Arrays.asList(nodes),
        Arrays.asList(edges),
        hulls,
        buildNamespaces(taskList, nsGraph, view),
        view == null ? null : view.name(),
        options.layout(),
        metrics.typography());
  }

  /** The namespace tree panel of {@code kernel}, seen from {@code perspective} (or null). */
  public NamespaceDrawing buildNamespaces(Kernel kernel, PidNamespace perspective) {
    List<Task> tasks = kernel.tasks();
    return buildNamespaces(tasks, NamespaceGraph.of(kernel, tasks), perspective);
  }

  // ---------------------------------------------------------------- the process tree, as arrays

  /**
   * The process tree as {@link TaskGraph} has it, by task index (the kernel's task order): the
   * children of each task in the kernel's child order (the graph's outgoing edges, flattened), the
   * first parent of each (its first incoming edge), and whether it has one. Edges in the order of
   * the graph's edge set: by parent, then by child order.
   */
  private static final class Forest {
    final List<Task> list;
    final Task[] tasks;
    final int[] childStart;
    final int[] childCount;
    final int[] kids;
    final int[] parent; // source of the first incoming edge, -1 for none
    final boolean[] hasParent;
    final int edgeCount;
    private final int[] serials; // ascending, when the task order is by serial (it always is)
    private final Map<Task, Integer> byTask; // otherwise

    Forest(List<Task> list) {
      this.list = list;
      int n = list.size();
      tasks = list.toArray(new Task[0]);
      int[] s = new int[n];
      boolean ascending = true;
      for (int i = 0; i < n; i++) {
        s[i] = tasks[i].serial();
        ascending &= i == 0 || s[i] > s[i - 1];
      }
      if (ascending) {
        serials = s;
        byTask = null;
      } else {
        serials = null;
        byTask = new IdentityHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
          byTask.put(tasks[i], i);
        }
      }
      childStart = new int[n];
      childCount = new int[n];
      parent = new int[n];
      Arrays.fill(parent, -1);
      hasParent = new boolean[n];
      int[] out = new int[Math.max(n, 1)];
      int pos = 0;
      for (int i = 0; i < n; i++) {
        childStart[i] = pos;
        for (Task c : tasks[i].children()) {
          int ci = indexOf(c);
          if (ci < 0) {
            continue; // not in the graph (TaskGraph adds no such edge)
          }
          if (pos == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
          }
          out[pos++] = ci;
          if (!hasParent[ci]) {
            hasParent[ci] = true;
            parent[ci] = i;
          }
        }
        childCount[i] = pos - childStart[i];
      }
      kids = out;
      edgeCount = pos;
    }

    /** The index of {@code t}, -1 if it is not in the tree. */
    int indexOf(Task t) {
      if (serials != null) {
        int i = Arrays.binarySearch(serials, t.serial());
        return i >= 0 && tasks[i] == t ? i : -1;
      }
      Integer i = byTask.get(t);
      return i == null ? -1 : i;
    }

    /**
     * Each task's depth: breadth first from the tasks without a parent, in task order; a task no
     * such walk reaches has depth 0.
     */
    int[] depths() {
      int n = tasks.length;
      int[] depth = new int[n];
      boolean[] reached = new boolean[n];
      int[] queue = new int[n];
      int tail = 0;
      for (int i = 0; i < n; i++) {
        if (!hasParent[i]) {
          reached[i] = true;
          queue[tail++] = i;
        }
      }
      for (int head = 0; head < tail; head++) {
        int v = queue[head];
        for (int k = childStart[v], end = k + childCount[v]; k < end; k++) {
          int c = kids[k];
          if (!reached[c]) {
            reached[c] = true;
            depth[c] = depth[v] + 1;
            queue[tail++] = c;
          }
        }
      }
      return depth;
    }

    /** The task at {@code root} and all its descendants, breadth first, as indexes. */
    int[] subtree(int root) {
      int[] out = new int[8];
      out[0] = root;
      int size = 1;
      for (int i = 0; i < size; i++) {
        int v = out[i];
        int count = childCount[v];
        if (size + count > out.length) {
          out = Arrays.copyOf(out, Math.max(out.length * 2, size + count));
        }
        System.arraycopy(kids, childStart[v], out, size, count);
        size += count;
      }
      return Arrays.copyOf(out, size);
    }
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

  /** Every task's box, by task index, before the final move to the margin. */
  private static final class Boxes {
    final double[] x;
    final double[] y;
    final double[] w;
    final double[] h;
    final double[] labelW;
    final double[] badgeW;
    final double[] chipW;
    final boolean[] faded;

    Boxes(int n) {
      x = new double[n];
      y = new double[n];
      w = new double[n];
      h = new double[n];
      labelW = new double[n];
      badgeW = new double[n];
      chipW = new double[n];
      faded = new boolean[n];
    }

    /** Puts box {@code i} centred on (cx, cy), as {@link Box#centredAt} would. */
    void centre(int i, double cx, double cy) {
      x[i] = cx - w[i] / 2;
      y[i] = cy - h[i] / 2;
    }

    double maxX(int i) {
      return x[i] + w[i];
    }

    double maxY(int i) {
      return y[i] + h[i];
    }

    double centerX(int i) {
      return x[i] + w[i] / 2;
    }

    Box box(int i) {
      return new Box(x[i], y[i], w[i], h[i]);
    }
  }

  // ---------------------------------------------------------------- task boxes

  /** What is the same for every box of one build: line heights, ascents, the state badges. */
  private final class Fixed {
    final double labelH = metrics.lineHeight(TextRole.TASK_LABEL);
    final double labelAscent = metrics.ascent(TextRole.TASK_LABEL);
    final double stateAscent = metrics.ascent(TextRole.TASK_STATE);
    final double chipAscent = metrics.ascent(TextRole.CHIP);
    final double badgeH = metrics.lineHeight(TextRole.TASK_STATE) + 2 * badgePadY();
    final double headerH = Math.max(labelH, badgeH);
    final double chipH = metrics.lineHeight(TextRole.CHIP) + 2 * chipPadY();
    private final double[] badgeW = new double[TaskState.values().length];

    Fixed() {
      Arrays.fill(badgeW, Double.NaN);
    }

    /** The width of the badge of a task in state {@code s}. */
    double badgeW(TaskState s) {
      double w = badgeW[s.ordinal()];
      if (Double.isNaN(w)) {
        w =
            Math.max(
                metrics.width(s.letter(), TextRole.TASK_STATE) + 2 * badgePadX(),
                metrics.lineHeight(TextRole.TASK_STATE) + 2 * badgePadY());
        badgeW[s.ordinal()] = w;
      }
      return w;
    }
  }

  /**
   * Measures task {@code i}'s box into {@code boxes} and returns the texts of its chips. Seen from
   * no namespace, the chips are the whole PID stack; from a namespace N that sees the task, its pid
   * in N; else a single {@code 0}.
   */
  private String[] measure(Task t, PidNamespace view, Fixed f, Boxes boxes, int i) {
    PidNamespace own = t.activeNs();
    String[] chips;
    boolean faded = false;
    if (view == null) {
      Pid pid = t.pid();
      chips = new String[pid.level() + 1];
      for (int level = 0; level <= pid.level(); level++) {
        chips[level] = Integer.toString(pid.nr(level));
      }
    } else if (own.isSameOrDescendantOf(view)) {
      chips = new String[] {Integer.toString(t.pidNr(view))};
    } else {
      faded = true;
      chips = new String[] {"0"};
    }
    double labelW = metrics.width(t.comm(), TextRole.TASK_LABEL);
    double badgeW = f.badgeW(t.state());
    double widest = 0;
    for (String c : chips) {
      widest = Math.max(widest, metrics.width(c, TextRole.CHIP));
    }
    double chipW = Math.max(widest + 2 * chipPadX(), f.chipH); // at least square
    int cols = Math.min(chips.length, CHIPS_PER_ROW);
    int rows = (chips.length + CHIPS_PER_ROW - 1) / CHIPS_PER_ROW;
    double chipsW = cols == 0 ? 0 : cols * chipW + (cols - 1) * chipGap();
    double chipsH = rows == 0 ? 0 : rows * f.chipH + (rows - 1) * chipGap();
    double headerW = labelW + 2 * badgePadX() + badgeW;
    boxes.labelW[i] = labelW;
    boxes.badgeW[i] = badgeW;
    boxes.chipW[i] = chipW;
    boxes.faded[i] = faded;
    boxes.w[i] = Math.max(minNodeWidth(), Math.max(headerW, chipsW) + 2 * padX());
    boxes.h[i] = padY() + f.headerH + (rows == 0 ? 0 : headerGap() + chipsH) + padY();
    return chips;
  }

  /**
   * The node of task {@code i}: the label and badge on the first line, the chips below, all laid
   * out in the box where the layout put it and then moved by (dx, dy).
   */
  private TaskNode place(
      Task t,
      PidNamespace view,
      Fixed f,
      Boxes boxes,
      int i,
      String[] chipTexts,
      int depth,
      double dx,
      double dy) {
    double bx = boxes.x[i];
    double by = boxes.y[i];
    double labelW = boxes.labelW[i];
    double badgeW = boxes.badgeW[i];
    double chipW = boxes.chipW[i];
    double top = by + padY();
    double labelY = top + (f.headerH - f.labelH) / 2;
    TextItem label =
        new TextItem(
            t.comm(),
            TextRole.TASK_LABEL,
            new Box(bx + padX() + dx, labelY + dy, labelW, f.labelH),
            labelY + f.labelAscent + dy,
            TextItem.Anchor.START);
    double badgeY = top + (f.headerH - f.badgeH) / 2;
    TextItem state =
        new TextItem(
            t.state().letter(),
            TextRole.TASK_STATE,
            new Box(boxes.maxX(i) - padX() - badgeW + dx, badgeY + dy, badgeW, f.badgeH),
            badgeY + badgePadY() + f.stateAscent + dy,
            TextItem.Anchor.MIDDLE);
    PidNamespace own = t.activeNs();
    PidChip[] placed = new PidChip[chipTexts.length];
    double chipTop = top + f.headerH + headerGap();
    for (int k = 0; k < chipTexts.length; k++) {
      int level;
      PidNamespace ns;
      boolean emphasised;
      if (view == null) {
        level = k;
        ns = own.ancestorAt(k);
        emphasised = k == t.pid().level();
      } else {
        level = view.level();
        ns = view;
        emphasised = !boxes.faded[i] && own == view;
      }
      int row = k / CHIPS_PER_ROW;
      int col = k % CHIPS_PER_ROW;
      double cx = bx + padX() + col * (chipW + chipGap());
      double cy = chipTop + row * (f.chipH + chipGap());
      placed[k] =
          new PidChip(
              level,
              ns.name(),
              ns.serial(),
              Palette.colorIndex(ns),
              chipTexts[k],
              new Box(cx + dx, cy + dy, chipW, f.chipH),
              cy + chipPadY() + f.chipAscent + dy,
              emphasised);
    }
    return new TaskNode(
        t.serial(),
        t.comm(),
        t.state().letter(),
        new Box(bx + dx, by + dy, boxes.w[i], boxes.h[i]),
        t.state() == TaskState.ZOMBIE,
        t.state() == TaskState.EXITING,
        boxes.faded[i],
        t.isNamespaceInit(),
        t.isChildSubreaper(),
        own.name(),
        own.serial(),
        Palette.colorIndex(own),
        depth,
        label,
        state,
        List.of(placed),
        tooltip(t, view));
  }

  private static String tooltip(Task t, PidNamespace view) {
    PidNamespace own = t.activeNs();
    StringBuilder sb = new StringBuilder(192);
    sb.append(t.comm()).append(" \u2014 ").append(stateName(t.state()));
    sb.append('\n').append("namespace ").append(own.name()).append(" (level ").append(own.level());
    sb.append(')');
    if (t.isNamespaceInit()) {
      sb.append(", its init");
    }
    if (t.isChildSubreaper()) {
      sb.append(", child subreaper");
    }
    sb.append('\n').append("NSpid:");
    Pid pid = t.pid();
    for (int level = 0; level <= pid.level(); level++) {
      sb.append(' ').append(pid.nr(level));
    }
    sb.append("   (");
    for (int level = 0; level <= pid.level(); level++) {
      sb.append(level == 0 ? "" : " ").append(own.ancestorAt(level).name());
    }
    sb.append(')');
    PidNamespace seen = view == null ? own : view;
    sb.append('\n').append("in ").append(seen.name()).append(": pid ").append(t.pidNr(seen));
    sb.append(", ppid ").append(t.ppidNr(seen));
    sb.append(", pgid ").append(t.pgidNr(seen));
    sb.append(", sid ").append(t.sidNr(seen));
    if (t.state() == TaskState.RUNNING && t.pidNsForChildren() != own) {
      sb.append('\n').append("children go to ").append(t.pidNsForChildren().name());
    }
    return sb.toString();
  }

  private static String stateName(TaskState s) {
    return switch (s) {
      case RUNNING -> "R (running)";
      case EXITING ->
          "E (the Lab's label: an init exiting, asleep in zap_pid_ns_processes()"
              + " until its namespace empties; ps shows S)";
      case ZOMBIE -> "Z (zombie: waits to be reaped)";
      case DEAD -> "X (reaped)";
    };
  }

  // ---------------------------------------------------------------- edges

  /** The y of the horizontal run of the edges below level {@code d}. */
  private static double busY(
      TidyTreeLayout.Result<Task> tree, int d, LayoutChoice.Spacing spacing) {
    return tree.levelStart(d) + tree.levelSize(d) + spacing.levelGap() * 0.4;
  }

  /**
   * {@link #orthogonal(Box, Box, double)} from box {@code p} to box {@code c}, moved by (dx, dy).
   */
  private static List<Point> orthogonal(
      Boxes boxes, int p, int c, double busY, double dx, double dy) {
    double px = boxes.centerX(p);
    double cx = boxes.centerX(c);
    double top = boxes.maxY(p) + dy;
    double bottom = boxes.y[c] + dy;
    if (Math.abs(px - cx) < 1e-9) {
      return List.of(new Point(px + dx, top), new Point(cx + dx, bottom));
    }
    return List.of(
        new Point(px + dx, top),
        new Point(px + dx, busY + dy),
        new Point(cx + dx, busY + dy),
        new Point(cx + dx, bottom));
  }

  private static List<Point> orthogonal(Box parent, Box child, double busY) {
    double px = parent.centerX();
    double cx = child.centerX();
    if (Math.abs(px - cx) < 1e-9) {
      return List.of(new Point(px, parent.maxY()), new Point(cx, child.y()));
    }
    return List.of(
        new Point(px, parent.maxY()),
        new Point(px, busY),
        new Point(cx, busY),
        new Point(cx, child.y()));
  }

  private static List<Point> straight(Box parent, Box child) {
    Point a = new Point(parent.centerX(), parent.centerY());
    Point b = new Point(child.centerX(), child.centerY());
    return List.of(border(parent, a, b), border(child, b, a));
  }

  /** Where the segment from the centre {@code from} of {@code box} towards {@code to} leaves it. */
  private static Point border(Box box, Point from, Point to) {
    double dx = to.x() - from.x();
    double dy = to.y() - from.y();
    if (dx == 0 && dy == 0) {
      return from;
    }
    double tx = dx == 0 ? Double.POSITIVE_INFINITY : (box.w() / 2) / Math.abs(dx);
    double ty = dy == 0 ? Double.POSITIVE_INFINITY : (box.h() / 2) / Math.abs(dy);
    double t = Math.min(1, Math.min(tx, ty));
    return new Point(from.x() + dx * t, from.y() + dy * t);
  }

  // ---------------------------------------------------------------- hulls

  /**
   * The room two neighbours on a level need between their boxes for the hull borders between them:
   * the outermost hull that holds one but not the other is that of the namespace just below their
   * deepest common one, padded for the levels nested inside it.
   */
  private double hullRoomBetween(PidNamespace a, PidNamespace b) {
    int common = commonLevel(a, b);
    double left = a.level() > common ? hullPad(a.level() - common - 1) : 0;
    double right = b.level() > common ? hullPad(b.level() - common - 1) : 0;
    return left + right == 0 ? 0 : left + right + hullClearance();
  }

  /** The level of the deepest namespace that both are in (0 at least: root). */
  private static int commonLevel(PidNamespace a, PidNamespace b) {
    for (int level = Math.min(a.level(), b.level()); level > 0; level--) {
      if (a.ancestorAt(level) == b.ancestorAt(level)) {
        return level;
      }
    }
    return 0;
  }

  private List<NamespaceHull> hulls(
      Graph<PidNamespace, DefaultEdge> nsGraph,
      Forest forest,
      Boxes boxes,
      TidyTreeLayout.Result<Task> tree,
      LayoutChoice.Spacing spacing,
      PidNamespace view) {
    Task[] tasks = forest.tasks;
    int n = tasks.length;
    // members of each namespace below root: its tasks and those of nested namespaces, in task order
    Map<PidNamespace, IntList> members = new IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      PidNamespace own = tasks[i].activeNs();
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
      Forest forest,
      Boxes boxes,
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
      int level = forest.tasks[t].activeNs().level();
      double pad = hullPad(level - ns.level());
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
              ? levelTop - hullPadVertical(forest.tasks[root].activeNs().level() - ns.level())
              : junctionY(tree, d - 1, spacing);
      double bottom =
          i == levels - 1
              ? levelBottom + hullPadVertical(deepest[i] - ns.level())
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
    return busY(tree, d, spacing) - 1.6 * u;
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

  /** The convex hull of the padded boxes (Andrew's monotone chain), clockwise on screen. */
  private List<Point> convexHull(PidNamespace ns, int[] subtree, Forest forest, Boxes boxes) {
    List<Point> pts = new ArrayList<>(subtree.length * 4);
    for (int t : subtree) {
      Box b = boxes.box(t).grow(hullPad(forest.tasks[t].activeNs().level() - ns.level()));
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

  // ---------------------------------------------------------------- namespace tree

  private NamespaceDrawing buildNamespaces(
      List<Task> tasks, Graph<PidNamespace, DefaultEdge> nsGraph, PidNamespace view) {
    Map<PidNamespace, Integer> taskCount = new IdentityHashMap<>();
    PidNamespace last = null;
    int run = 0; // tasks of one namespace often follow each other: count runs, not tasks
    for (Task t : tasks) {
      PidNamespace ns = t.activeNs();
      if (ns != last) {
        if (last != null) {
          taskCount.merge(last, run, Integer::sum);
        }
        last = ns;
        run = 0;
      }
      run++;
    }
    if (last != null) {
      taskCount.merge(last, run, Integer::sum);
    }
    double padX = 8 * u;
    double padY = 4 * u;
    double headerPad = 3 * u;
    double lineGap = 1 * u;
    double titleH = metrics.lineHeight(TextRole.NS_TITLE);
    double detailH = metrics.lineHeight(TextRole.NS_DETAIL);
    Map<PidNamespace, List<String>> details = new HashMap<>();
    Map<PidNamespace, double[]> size = new HashMap<>();
    for (PidNamespace ns : nsGraph.vertexSet()) {
      Task init = ns.childReaper();
      String initLabel = init == null || init.state() == TaskState.DEAD ? "-" : init.comm();
      List<String> lines =
          List.of(
              ns.name() + " \u00b7 level " + ns.level(),
              "init " + initLabel,
              "tasks " + taskCount.getOrDefault(ns, 0) + " \u00b7 pids " + ns.pidAllocated(),
              "last pid " + ns.nsLastPid() + " \u00b7 max " + ns.pidMax(),
              lifeText(ns.life()));
      details.put(ns, lines);
      double w = metrics.width(lines.get(0), TextRole.NS_TITLE);
      for (int i = 1; i < lines.size(); i++) {
        w = Math.max(w, metrics.width(lines.get(i), TextRole.NS_DETAIL));
      }
      double h =
          titleH + 2 * headerPad + padY + (lines.size() - 1) * (detailH + lineGap) - lineGap + padY;
      size.put(ns, new double[] {w + 2 * padX, h});
    }
    TidyTreeLayout.Result<PidNamespace> r =
        new TidyTreeLayout<PidNamespace, DefaultEdge>()
            .width(ns -> size.get(ns)[0])
            .height(ns -> size.get(ns)[1])
            .levelGap(28 * u)
            .siblingGap(14 * u)
            .subtreeGap(20 * u)
            .compute(nsGraph);
    double m = margin();
    Map<PidNamespace, Box> boxes = new HashMap<>();
    List<NamespaceNode> nodes = new ArrayList<>();
    for (PidNamespace ns : nsGraph.vertexSet()) {
      Point c = r.centre(ns);
      double[] s = size.get(ns);
      Box box = Box.centredAt(c.x() + m, c.y() + m, s[0], s[1]);
      boxes.put(ns, box);
      Box header = new Box(box.x(), box.y(), box.w(), titleH + 2 * headerPad);
      List<String> lines = details.get(ns);
      List<TextItem> items = new ArrayList<>(lines.size());
      Box titleBox =
          new Box(
              box.x() + padX,
              box.y() + headerPad,
              metrics.width(lines.get(0), TextRole.NS_TITLE),
              titleH);
      items.add(
          new TextItem(
              lines.get(0),
              TextRole.NS_TITLE,
              titleBox,
              titleBox.y() + metrics.ascent(TextRole.NS_TITLE),
              TextItem.Anchor.START));
      double y = header.maxY() + padY;
      for (int i = 1; i < lines.size(); i++) {
        Box lb =
            new Box(box.x() + padX, y, metrics.width(lines.get(i), TextRole.NS_DETAIL), detailH);
        items.add(
            new TextItem(
                lines.get(i),
                TextRole.NS_DETAIL,
                lb,
                y + metrics.ascent(TextRole.NS_DETAIL),
                TextItem.Anchor.START));
        y += detailH + lineGap;
      }
      Task init = ns.childReaper();
      nodes.add(
          new NamespaceNode(
              ns.serial(),
              ns.name(),
              ns.level(),
              init == null || init.state() == TaskState.DEAD ? "-" : init.comm(),
              taskCount.getOrDefault(ns, 0),
              ns.pidAllocated(),
              ns.pidMax(),
              ns.nsLastPid(),
              ns.life(),
              Palette.colorIndex(ns),
              box,
              header,
              items,
              ns == view,
              view != null && !ns.isSameOrDescendantOf(view)));
    }
    List<NamespaceEdge> edges = new ArrayList<>();
    for (DefaultEdge e : nsGraph.edgeSet()) {
      PidNamespace p = nsGraph.getEdgeSource(e);
      PidNamespace c = nsGraph.getEdgeTarget(e);
      int d = r.depth(p);
      double bus = m + r.levelStart(d) + r.levelSize(d) + 28 * u * 0.5;
      edges.add(
          new NamespaceEdge(
              p.serial(),
              c.serial(),
              orthogonal(boxes.get(p), boxes.get(c), bus),
              view != null && !c.isSameOrDescendantOf(view)));
    }
    return new NamespaceDrawing(r.width() + 2 * m, r.height() + 2 * m, nodes, edges);
  }

  private static String lifeText(PidNamespace.Life life) {
    return switch (life) {
      case ALIVE -> "alive";
      case DYING -> "dying: init waits in exit";
      case DEAD -> "dead: no new pids";
    };
  }
}
