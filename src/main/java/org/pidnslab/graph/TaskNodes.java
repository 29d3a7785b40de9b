package org.pidnslab.graph;

import java.util.Arrays;
import java.util.List;
import org.pidnslab.kernel.Pid;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * The first step of a build: every task's box and what is in it. Before the layout, {@link
 * #measure} sizes a box for its label, state badge and PID chips (see {@link DrawingBuilder} for
 * the box's design); after it, {@link #place} makes the {@link TaskNode} where the layout put the
 * box. One instance serves one build.
 */
final class TaskNodes {
  private final DrawingBuilder builder;
  private final TextMetrics metrics;
  private final Fixed f;

  TaskNodes(DrawingBuilder builder) {
    this.builder = builder;
    this.metrics = builder.metrics();
    this.f = new Fixed();
  }

  /** What is the same for every box of one build: line heights, ascents, the state badges. */
  private final class Fixed {
    final double labelH = metrics.lineHeight(TextRole.TASK_LABEL);
    final double labelAscent = metrics.ascent(TextRole.TASK_LABEL);
    final double stateAscent = metrics.ascent(TextRole.TASK_STATE);
    final double chipAscent = metrics.ascent(TextRole.CHIP);
    final double badgeH = metrics.lineHeight(TextRole.TASK_STATE) + 2 * builder.badgePadY();
    final double headerH = Math.max(labelH, badgeH);
    final double chipH = metrics.lineHeight(TextRole.CHIP) + 2 * builder.chipPadY();
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
                metrics.width(s.letter(), TextRole.TASK_STATE) + 2 * builder.badgePadX(),
                metrics.lineHeight(TextRole.TASK_STATE) + 2 * builder.badgePadY());
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
  String[] measure(Task t, PidNamespace view, TaskBoxes boxes, int i) {
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
    double chipW = Math.max(widest + 2 * builder.chipPadX(), f.chipH); // at least square
    int cols = Math.min(chips.length, DrawingBuilder.CHIPS_PER_ROW);
    int rows = (chips.length + DrawingBuilder.CHIPS_PER_ROW - 1) / DrawingBuilder.CHIPS_PER_ROW;
    double chipsW = cols == 0 ? 0 : cols * chipW + (cols - 1) * builder.chipGap();
    double chipsH = rows == 0 ? 0 : rows * f.chipH + (rows - 1) * builder.chipGap();
    double headerW = labelW + 2 * builder.badgePadX() + badgeW;
    boxes.labelW[i] = labelW;
    boxes.badgeW[i] = badgeW;
    boxes.chipW[i] = chipW;
    boxes.faded[i] = faded;
    boxes.w[i] = Math.max(builder.minNodeWidth(), Math.max(headerW, chipsW) + 2 * builder.padX());
    boxes.h[i] =
        builder.padY()
            + f.headerH
            + (rows == 0 ? 0 : builder.headerGap() + chipsH)
            + builder.padY();
    return chips;
  }

  /**
   * The node of task {@code i}: the label and badge on the first line, the chips below, all laid
   * out in the box where the layout put it and then moved by (dx, dy).
   */
  TaskNode place(
      Task t,
      PidNamespace view,
      TaskBoxes boxes,
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
    double top = by + builder.padY();
    double labelY = top + (f.headerH - f.labelH) / 2;
    TextItem label =
        new TextItem(
            t.comm(),
            TextRole.TASK_LABEL,
            new Box(bx + builder.padX() + dx, labelY + dy, labelW, f.labelH),
            labelY + f.labelAscent + dy,
            TextItem.Anchor.START);
    double badgeY = top + (f.headerH - f.badgeH) / 2;
    TextItem state =
        new TextItem(
            t.state().letter(),
            TextRole.TASK_STATE,
            new Box(boxes.maxX(i) - builder.padX() - badgeW + dx, badgeY + dy, badgeW, f.badgeH),
            badgeY + builder.badgePadY() + f.stateAscent + dy,
            TextItem.Anchor.MIDDLE);
    PidNamespace own = t.activeNs();
    PidChip[] placed = new PidChip[chipTexts.length];
    double chipTop = top + f.headerH + builder.headerGap();
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
      int row = k / DrawingBuilder.CHIPS_PER_ROW;
      int col = k % DrawingBuilder.CHIPS_PER_ROW;
      double cx = bx + builder.padX() + col * (chipW + builder.chipGap());
      double cy = chipTop + row * (f.chipH + builder.chipGap());
      placed[k] =
          new PidChip(
              level,
              ns.name(),
              ns.serial(),
              Palette.colorIndex(ns),
              chipTexts[k],
              new Box(cx + dx, cy + dy, chipW, f.chipH),
              cy + builder.chipPadY() + f.chipAscent + dy,
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
}
