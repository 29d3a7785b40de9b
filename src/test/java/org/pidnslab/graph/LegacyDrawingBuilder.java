package org.pidnslab.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.Pid;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * The drawing builder as it was before it was made faster (commit f303ef5, {@code DrawingBuilder}
 * with maps keyed by task, the JGraphT task graph for every layout, and every node made and then
 * moved), kept only so that {@link DrawingEquivalenceTest} can check that the fast builder gives
 * exactly the same drawings. Not maintained beyond that; its text below is the original's.
 *
 * <p>Turns a kernel state into a {@link Drawing}: measures every task's box with the given {@link
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
 * <p>Stateless apart from the metrics' cache: one builder may serve many kernels, and builds may
 * run on a background thread while the kernel is not being changed.
 */
final class LegacyDrawingBuilder {
  /** Chips in one row of a task's box before the stack wraps to the next row. */
  public static final int CHIPS_PER_ROW = 8;

  /** Nesting steps that still widen hull paddings; deeper nesting reuses the widest padding. */
  private static final int HULL_STEPS = 6;

  private static final int VERTICAL_HULL_STEPS = 5;

  private final TextMetrics metrics;
  private final double u;

  /** A builder measuring text with {@code metrics} (and spacing scaled by its typography). */
  LegacyDrawingBuilder(TextMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics);
    this.u = metrics.typography().scale();
  }

  /** A builder measuring with {@link AwtTextMetrics} and the default typography. */
  LegacyDrawingBuilder() {
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
    Graph<Task, DefaultEdge> graph = TaskGraph.of(kernel);
    List<Task> tasks = new ArrayList<>(graph.vertexSet());
    Map<Task, Content> content = new IdentityHashMap<>(tasks.size() * 2);
    for (Task t : tasks) {
      content.put(t, measure(t, view));
    }
    LayoutChoice.Spacing spacing = spacing();
    Map<Task, Point> centres;
    TidyTreeLayout.Result<Task> tree = null;
    if (options.layout() == LayoutChoice.TREE) {
      tree =
          new TidyTreeLayout<Task, DefaultEdge>()
              .width(t -> content.get(t).w)
              .height(t -> content.get(t).h)
              .levelGap(spacing.levelGap())
              .siblingGap(spacing.siblingGap())
              .subtreeGap(spacing.subtreeGap())
              .separation(
                  (a, b, siblings) ->
                      Math.max(
                          siblings ? spacing.siblingGap() : spacing.subtreeGap(),
                          hullRoomBetween(a.activeNs(), b.activeNs())))
              .alignment(TidyTreeLayout.LevelAlignment.TOWARDS_ROOT)
              .compute(graph);
      centres = tree.centres();
    } else {
      centres =
          options
              .layout()
              .place(graph, t -> content.get(t).w, t -> content.get(t).h, spacing)
              .centres();
    }
    Map<Task, Integer> depth = depths(graph);
    Map<Task, Box> boxes = new IdentityHashMap<>(tasks.size() * 2);
    List<TaskNode> nodes = new ArrayList<>(tasks.size());
    for (Task t : tasks) {
      Content c = content.get(t);
      Point p = centres.get(t);
      Box box = Box.centredAt(p.x(), p.y(), c.w, c.h);
      boxes.put(t, box);
      nodes.add(c.place(box, depth.get(t)));
    }
    List<TreeEdge> edges = new ArrayList<>(graph.edgeSet().size());
    for (DefaultEdge e : graph.edgeSet()) {
      Task p = graph.getEdgeSource(e);
      Task c = graph.getEdgeTarget(e);
      List<Point> line =
          tree != null
              ? orthogonal(boxes.get(p), boxes.get(c), busY(tree, tree.depth(p), spacing))
              : straight(boxes.get(p), boxes.get(c));
      edges.add(
          new TreeEdge(
              p.serial(),
              c.serial(),
              line,
              p.activeNs() != c.activeNs(),
              view != null && !p.activeNs().isSameOrDescendantOf(view)));
    }
    Graph<PidNamespace, DefaultEdge> nsGraph = NamespaceGraph.of(kernel);
    List<NamespaceHull> hulls = hulls(nsGraph, tasks, boxes, graph, tree, spacing, view);
    // translate so that everything starts at the margin
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (Box b : boxes.values()) {
      minX = Math.min(minX, b.x());
      minY = Math.min(minY, b.y());
      maxX = Math.max(maxX, b.maxX());
      maxY = Math.max(maxY, b.maxY());
    }
    for (NamespaceHull h : hulls) {
      Box b = h.bounds();
      minX = Math.min(minX, b.x());
      minY = Math.min(minY, b.y());
      maxX = Math.max(maxX, b.maxX());
      maxY = Math.max(maxY, b.maxY());
    }
    if (tasks.isEmpty()) {
      minX = minY = maxX = maxY = 0;
    }
    double dx = margin() - minX;
    double dy = margin() - minY;
    nodes.replaceAll(n -> n.translate(dx, dy));
    edges.replaceAll(e -> e.translate(dx, dy));
    hulls.replaceAll(h -> h.translate(dx, dy));
    return new Drawing(
        maxX - minX + 2 * margin(),
        maxY - minY + 2 * margin(),
        nodes,
        edges,
        hulls,
        buildNamespaces(kernel, nsGraph, view),
        view == null ? null : view.name(),
        options.layout(),
        metrics.typography());
  }

  /** The namespace tree panel of {@code kernel}, seen from {@code perspective} (or null). */
  public NamespaceDrawing buildNamespaces(Kernel kernel, PidNamespace perspective) {
    return buildNamespaces(kernel, NamespaceGraph.of(kernel), perspective);
  }

  // ---------------------------------------------------------------- task boxes

  /** A chip before placement. */
  private record ChipSpec(int level, PidNamespace ns, String text, boolean emphasised) {}

  /** A task's measured content; {@link #place} puts it into its box. */
  private final class Content {
    final Task task;
    final boolean faded;
    final List<ChipSpec> chips;
    final double labelW;
    final double badgeW;
    final double badgeH;
    final double headerH;
    final double chipW;
    final double chipH;
    final double w;
    final double h;
    final String tooltip;

    Content(Task task, boolean faded, List<ChipSpec> chips, String tooltip) {
      this.task = task;
      this.faded = faded;
      this.chips = chips;
      this.tooltip = tooltip;
      labelW = metrics.width(task.comm(), TextRole.TASK_LABEL);
      badgeW =
          Math.max(
              metrics.width(task.state().letter(), TextRole.TASK_STATE) + 2 * badgePadX(),
              metrics.lineHeight(TextRole.TASK_STATE) + 2 * badgePadY());
      badgeH = metrics.lineHeight(TextRole.TASK_STATE) + 2 * badgePadY();
      headerH = Math.max(metrics.lineHeight(TextRole.TASK_LABEL), badgeH);
      double widest = 0;
      for (ChipSpec c : chips) {
        widest = Math.max(widest, metrics.width(c.text, TextRole.CHIP));
      }
      chipH = metrics.lineHeight(TextRole.CHIP) + 2 * chipPadY();
      chipW = Math.max(widest + 2 * chipPadX(), chipH); // at least square
      int cols = Math.min(chips.size(), CHIPS_PER_ROW);
      int rows = (chips.size() + CHIPS_PER_ROW - 1) / CHIPS_PER_ROW;
      double chipsW = cols == 0 ? 0 : cols * chipW + (cols - 1) * chipGap();
      double chipsH = rows == 0 ? 0 : rows * chipH + (rows - 1) * chipGap();
      double headerW = labelW + 2 * badgePadX() + badgeW;
      w = Math.max(minNodeWidth(), Math.max(headerW, chipsW) + 2 * padX());
      h = padY() + headerH + (rows == 0 ? 0 : headerGap() + chipsH) + padY();
    }

    TaskNode place(Box box, int depth) {
      Task t = task;
      double top = box.y() + padY();
      double labelH = metrics.lineHeight(TextRole.TASK_LABEL);
      Box labelBox = new Box(box.x() + padX(), top + (headerH - labelH) / 2, labelW, labelH);
      TextItem label =
          new TextItem(
              t.comm(),
              TextRole.TASK_LABEL,
              labelBox,
              labelBox.y() + metrics.ascent(TextRole.TASK_LABEL),
              TextItem.Anchor.START);
      Box badge =
          new Box(box.maxX() - padX() - badgeW, top + (headerH - badgeH) / 2, badgeW, badgeH);
      TextItem state =
          new TextItem(
              t.state().letter(),
              TextRole.TASK_STATE,
              badge,
              badge.y() + badgePadY() + metrics.ascent(TextRole.TASK_STATE),
              TextItem.Anchor.MIDDLE);
      List<PidChip> placed = new ArrayList<>(chips.size());
      double chipTop = top + headerH + headerGap();
      for (int i = 0; i < chips.size(); i++) {
        ChipSpec c = chips.get(i);
        int row = i / CHIPS_PER_ROW;
        int col = i % CHIPS_PER_ROW;
        Box cb =
            new Box(
                box.x() + padX() + col * (chipW + chipGap()),
                chipTop + row * (chipH + chipGap()),
                chipW,
                chipH);
        placed.add(
            new PidChip(
                c.level,
                c.ns.name(),
                c.ns.serial(),
                Palette.colorIndex(c.ns),
                c.text,
                cb,
                cb.y() + chipPadY() + metrics.ascent(TextRole.CHIP),
                c.emphasised));
      }
      PidNamespace own = t.activeNs();
      return new TaskNode(
          t.serial(),
          t.comm(),
          t.state().letter(),
          box,
          t.state() == TaskState.ZOMBIE,
          t.state() == TaskState.EXITING,
          faded,
          t.isNamespaceInit(),
          t.isChildSubreaper(),
          own.name(),
          own.serial(),
          Palette.colorIndex(own),
          depth,
          label,
          state,
          placed,
          tooltip);
    }
  }

  private Content measure(Task t, PidNamespace view) {
    PidNamespace own = t.activeNs();
    List<ChipSpec> chips;
    boolean faded = false;
    if (view == null) {
      Pid pid = t.pid();
      chips = new ArrayList<>(pid.level() + 1);
      for (int level = 0; level <= pid.level(); level++) {
        chips.add(
            new ChipSpec(
                level,
                own.ancestorAt(level),
                Integer.toString(pid.nr(level)),
                level == pid.level()));
      }
    } else if (own.isSameOrDescendantOf(view)) {
      chips =
          List.of(new ChipSpec(view.level(), view, Integer.toString(t.pidNr(view)), own == view));
    } else {
      faded = true;
      chips = List.of(new ChipSpec(view.level(), view, "0", false));
    }
    return new Content(t, faded, chips, tooltip(t, view));
  }

  private static String tooltip(Task t, PidNamespace view) {
    PidNamespace own = t.activeNs();
    StringBuilder sb = new StringBuilder();
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
      case EXITING -> "E (exiting: waits for its namespace to empty)";
      case ZOMBIE -> "Z (zombie: waits to be reaped)";
      case DEAD -> "X (reaped)";
    };
  }

  private static Map<Task, Integer> depths(Graph<Task, DefaultEdge> graph) {
    Map<Task, Integer> depth = new IdentityHashMap<>(graph.vertexSet().size() * 2);
    Deque<Task> queue = new ArrayDeque<>();
    for (Task t : graph.vertexSet()) {
      if (graph.inDegreeOf(t) == 0) {
        depth.put(t, 0);
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      Task v = queue.poll();
      for (DefaultEdge e : graph.outgoingEdgesOf(v)) {
        Task c = graph.getEdgeTarget(e);
        if (!depth.containsKey(c)) {
          depth.put(c, depth.get(v) + 1);
          queue.add(c);
        }
      }
    }
    for (Task t : graph.vertexSet()) {
      depth.putIfAbsent(t, 0);
    }
    return depth;
  }

  // ---------------------------------------------------------------- edges

  /** The y of the horizontal run of the edges below level {@code d}. */
  private static double busY(
      TidyTreeLayout.Result<Task> tree, int d, LayoutChoice.Spacing spacing) {
    return tree.levelStart(d) + tree.levelSize(d) + spacing.levelGap() * 0.4;
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
      List<Task> tasks,
      Map<Task, Box> boxes,
      Graph<Task, DefaultEdge> graph,
      TidyTreeLayout.Result<Task> tree,
      LayoutChoice.Spacing spacing,
      PidNamespace view) {
    // members of each namespace below root: its tasks and those of nested namespaces
    Map<PidNamespace, List<Task>> members = new HashMap<>();
    for (Task t : tasks) {
      PidNamespace own = t.activeNs();
      for (int level = 1; level <= own.level(); level++) {
        members.computeIfAbsent(own.ancestorAt(level), k -> new ArrayList<>()).add(t);
      }
    }
    List<NamespaceHull> out = new ArrayList<>();
    List<PidNamespace> order = new ArrayList<>(nsGraph.vertexSet());
    order.sort(Comparator.comparingInt(PidNamespace::level).thenComparingInt(PidNamespace::serial));
    for (PidNamespace ns : order) {
      List<Task> mine = members.get(ns);
      if (ns.level() == 0 || mine == null) {
        continue;
      }
      Set<Task> in = Collections.newSetFromMap(new IdentityHashMap<>(mine.size() * 2));
      in.addAll(mine);
      List<Task> roots = new ArrayList<>();
      for (Task t : mine) {
        Task p = tree != null ? tree.parent(t) : parentIn(graph, t);
        if (p == null || !in.contains(p)) {
          roots.add(t);
        }
      }
      roots.sort(Comparator.comparingDouble(t -> boxes.get(t).x()));
      int part = 0;
      for (Task root : roots) {
        List<Task> subtree = subtree(graph, root);
        List<Box> bands = List.of();
        List<Point> outline;
        if (tree != null) {
          bands = bands(ns, root, subtree, boxes, tree, spacing);
          outline = outline(bands);
        } else {
          outline = convexHull(ns, subtree, boxes);
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

  private static Task parentIn(Graph<Task, DefaultEdge> graph, Task t) {
    for (DefaultEdge e : graph.incomingEdgesOf(t)) {
      return graph.getEdgeSource(e);
    }
    return null;
  }

  /** The root and all its descendants, breadth first. */
  private static List<Task> subtree(Graph<Task, DefaultEdge> graph, Task root) {
    List<Task> out = new ArrayList<>();
    out.add(root);
    for (int i = 0; i < out.size(); i++) {
      for (DefaultEdge e : graph.outgoingEdgesOf(out.get(i))) {
        out.add(graph.getEdgeTarget(e));
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
      Task root,
      List<Task> subtree,
      Map<Task, Box> boxes,
      TidyTreeLayout.Result<Task> tree,
      LayoutChoice.Spacing spacing) {
    int d0 = tree.depth(root);
    int levels = 0;
    for (Task t : subtree) {
      levels = Math.max(levels, tree.depth(t) - d0 + 1);
    }
    double[] left = new double[levels];
    double[] right = new double[levels];
    int[] deepest = new int[levels];
    Arrays.fill(left, Double.POSITIVE_INFINITY);
    Arrays.fill(right, Double.NEGATIVE_INFINITY);
    for (Task t : subtree) {
      int i = tree.depth(t) - d0;
      Box b = boxes.get(t);
      double pad = hullPad(t.activeNs().level() - ns.level());
      left[i] = Math.min(left[i], b.x() - pad);
      right[i] = Math.max(right[i], b.maxX() + pad);
      deepest[i] = Math.max(deepest[i], t.activeNs().level());
    }
    List<Box> bands = new ArrayList<>(levels);
    for (int i = 0; i < levels; i++) {
      int d = d0 + i;
      double levelTop = tree.levelStart(d);
      double levelBottom = levelTop + tree.levelSize(d);
      double top =
          i == 0
              ? levelTop - hullPadVertical(root.activeNs().level() - ns.level())
              : junctionY(tree, d - 1, spacing);
      double bottom =
          i == levels - 1
              ? levelBottom + hullPadVertical(deepest[i] - ns.level())
              : junctionY(tree, d, spacing);
      bands.add(new Box(left[i], top, right[i] - left[i], bottom - top));
    }
    return bands;
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

  /** Drops repeated points and points in the middle of a straight run. */
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
    boolean changed = true;
    while (changed && out.size() > 3) {
      changed = false;
      for (int i = 0; i < out.size() && out.size() > 3; i++) {
        Point a = out.get((i + out.size() - 1) % out.size());
        Point b = out.get(i);
        Point c = out.get((i + 1) % out.size());
        double cross = (b.x() - a.x()) * (c.y() - b.y()) - (b.y() - a.y()) * (c.x() - b.x());
        if (Math.abs(cross) < 1e-9) {
          out.remove(i);
          changed = true;
          i--;
        }
      }
    }
    return out;
  }

  private static boolean same(Point a, Point b) {
    return Math.abs(a.x() - b.x()) < 1e-9 && Math.abs(a.y() - b.y()) < 1e-9;
  }

  /** The convex hull of the padded boxes (Andrew's monotone chain), clockwise on screen. */
  private List<Point> convexHull(PidNamespace ns, List<Task> subtree, Map<Task, Box> boxes) {
    List<Point> pts = new ArrayList<>(subtree.size() * 4);
    for (Task t : subtree) {
      Box b = boxes.get(t).grow(hullPad(t.activeNs().level() - ns.level()));
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
      Kernel kernel, Graph<PidNamespace, DefaultEdge> nsGraph, PidNamespace view) {
    Map<PidNamespace, Integer> taskCount = new HashMap<>();
    for (Task t : kernel.tasks()) {
      taskCount.merge(t.activeNs(), 1, Integer::sum);
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
