package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * The namespace tree panel beside the task tree: one box per namespace with its name, level, init,
 * task and pid counts, last pid, pid_max and life, laid out as a tidy tree.
 */
final class NamespacePanel {
  private final DrawingBuilder builder;

  NamespacePanel(DrawingBuilder builder) {
    this.builder = builder;
  }

  NamespaceDrawing build(
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
    double padX = 8 * builder.u;
    double padY = 4 * builder.u;
    double headerPad = 3 * builder.u;
    double lineGap = 1 * builder.u;
    double titleH = builder.metrics().lineHeight(TextRole.NS_TITLE);
    double detailH = builder.metrics().lineHeight(TextRole.NS_DETAIL);
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
      double w = builder.metrics().width(lines.get(0), TextRole.NS_TITLE);
      for (int i = 1; i < lines.size(); i++) {
        w = Math.max(w, builder.metrics().width(lines.get(i), TextRole.NS_DETAIL));
      }
      double h =
          titleH + 2 * headerPad + padY + (lines.size() - 1) * (detailH + lineGap) - lineGap + padY;
      size.put(ns, new double[] {w + 2 * padX, h});
    }
    TidyTreeLayout.Result<PidNamespace> r =
        new TidyTreeLayout<PidNamespace, DefaultEdge>()
            .width(ns -> size.get(ns)[0])
            .height(ns -> size.get(ns)[1])
            .levelGap(28 * builder.u)
            .siblingGap(14 * builder.u)
            .subtreeGap(20 * builder.u)
            .compute(nsGraph);
    double m = builder.margin();
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
              builder.metrics().width(lines.get(0), TextRole.NS_TITLE),
              titleH);
      items.add(
          new TextItem(
              lines.get(0),
              TextRole.NS_TITLE,
              titleBox,
              titleBox.y() + builder.metrics().ascent(TextRole.NS_TITLE),
              TextItem.Anchor.START));
      double y = header.maxY() + padY;
      for (int i = 1; i < lines.size(); i++) {
        Box lb =
            new Box(
                box.x() + padX,
                y,
                builder.metrics().width(lines.get(i), TextRole.NS_DETAIL),
                detailH);
        items.add(
            new TextItem(
                lines.get(i),
                TextRole.NS_DETAIL,
                lb,
                y + builder.metrics().ascent(TextRole.NS_DETAIL),
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
      double bus = m + r.levelStart(d) + r.levelSize(d) + 28 * builder.u * 0.5;
      edges.add(
          new NamespaceEdge(
              p.serial(),
              c.serial(),
              EdgeRoutes.orthogonal(boxes.get(p), boxes.get(c), bus),
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
