package org.pidnslab.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * Measures and writes the {@link SummaryCard}s of a build: before the layout, {@link #measure}
 * gives a card's size (a subtree's badge is the part of its root's slot below the task's box);
 * after it, {@link #place} makes the card where the layout put it. One instance serves one build.
 */
final class SummaryCards {
  private final DrawingBuilder builder;
  private final TextMetrics metrics;
  private final double titleH;
  private final double detailH;

  SummaryCards(DrawingBuilder builder) {
    this.builder = builder;
    this.metrics = builder.metrics();
    this.titleH = metrics.lineHeight(TextRole.NS_TITLE);
    this.detailH = metrics.lineHeight(TextRole.NS_DETAIL);
  }

  /** The gap between a collapsed subtree's root box and its badge below. */
  double badgeGap() {
    return 6 * builder.u;
  }

  /** A card's text lines and nested cards, before they are placed. */
  private record Content(
      List<String> lines, List<PidNamespace> nested, List<Integer> nestedCounts, Stats stats) {}

  /** The counts a card shows. */
  private record Stats(int tasks, int running, int exiting, int zombies, int minPid, int maxPid) {}

  private static Stats stats(List<Task> tasks, PidNamespace ns) {
    int r = 0;
    int e = 0;
    int z = 0;
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (Task t : tasks) {
      TaskState s = t.state();
      if (s == TaskState.RUNNING) {
        r++;
      } else if (s == TaskState.EXITING) {
        e++;
      } else {
        z++;
      }
      int pid = t.pidNr(ns);
      min = Math.min(min, pid);
      max = Math.max(max, pid);
    }
    return new Stats(tasks.size(), r, e, z, tasks.isEmpty() ? 0 : min, max);
  }

  private Content content(Folds.Fold f) {
    Stats s = stats(f.members(), f.ns());
    if (f.kind() == SummaryCard.Kind.SUBTREE) {
      return new Content(List.of("+" + s.tasks()), List.of(), List.of(), s);
    }
    Task root = f.anchor();
    List<String> lines = new ArrayList<>(4);
    lines.add(f.ns().name() + " \u00b7 level " + f.ns().level());
    boolean init = root.isNamespaceInit() && root.activeNs() == f.ns();
    lines.add((init ? "init " : "first ") + root.comm() + ", pid " + root.pidNr(f.ns()));
    lines.add(counts(s));
    lines.add(
        s.minPid() == s.maxPid()
            ? "pid " + s.minPid()
            : "pids " + s.minPid() + "\u2013" + s.maxPid());
    Map<PidNamespace, Integer> nested = Folds.nestedCounts(f.ns(), f.members());
    return new Content(lines, List.copyOf(nested.keySet()), List.copyOf(nested.values()), s);
  }

  private static String counts(Stats s) {
    return SummaryCard.countsText(s.tasks(), s.running(), s.exiting(), s.zombies());
  }

  private static String nestedText(PidNamespace ns, int count) {
    return ns.name() + " \u00b7 " + count;
  }

  /** The width and height of {@code f}'s card. */
  double[] measure(Folds.Fold f) {
    Content c = content(f);
    double padX = builder.padX();
    double padY = builder.padY();
    if (f.kind() == SummaryCard.Kind.SUBTREE) {
      double w = metrics.width(c.lines().get(0), TextRole.NS_TITLE) + 2 * padX;
      return new double[] {Math.max(w, 2 * titleH), titleH + 2 * padY};
    }
    double textW = 0;
    for (int i = 0; i < c.lines().size(); i++) {
      textW =
          Math.max(
              textW,
              metrics.width(c.lines().get(i), i == 0 ? TextRole.NS_TITLE : TextRole.NS_DETAIL));
    }
    double h = titleH + (c.lines().size() - 1) * detailH;
    double[] nested = nestedBoxes(c, textW, 0, 0);
    if (nested.length > 0) {
      h += builder.headerGap() + nested[nested.length - 1];
    }
    return new double[] {textW + 2 * padX, h + 2 * padY};
  }

  /**
   * The nested cards' boxes at (x0, y0), wrapped to {@code width}: x, y, w, h for each, then the
   * height they take (none and no height without nested namespaces).
   */
  private double[] nestedBoxes(Content c, double width, double x0, double y0) {
    int k = c.nested().size();
    if (k == 0) {
      return new double[0];
    }
    double[] out = new double[4 * k + 1];
    double gap = builder.chipGap();
    double h = detailH + 2 * builder.chipPadY();
    double x = 0;
    double y = 0;
    for (int i = 0; i < k; i++) {
      double w =
          metrics.width(nestedText(c.nested().get(i), c.nestedCounts().get(i)), TextRole.NS_DETAIL)
              + 2 * builder.chipPadX();
      if (x > 0 && x + w > width) {
        x = 0;
        y += h + gap;
      }
      out[4 * i] = x0 + x;
      out[4 * i + 1] = y0 + y;
      out[4 * i + 2] = w;
      out[4 * i + 3] = h;
      x += w + gap;
    }
    out[4 * k] = y + h;
    return out;
  }

  /** {@code f}'s card in {@code box}, linked to its parent by {@code link}. */
  SummaryCard place(Folds.Fold f, Box box, List<Point> link, PidNamespace view) {
    Content c = content(f);
    Stats s = c.stats();
    PidNamespace ns = f.ns();
    boolean faded = view != null && !ns.isSameOrDescendantOf(view);
    List<TextItem> text = new ArrayList<>();
    List<SummaryCard> nested = new ArrayList<>();
    double padX = builder.padX();
    double padY = builder.padY();
    if (f.kind() == SummaryCard.Kind.SUBTREE) {
      String t = c.lines().get(0);
      double tw = metrics.width(t, TextRole.NS_TITLE);
      Box tb = new Box(box.centerX() - tw / 2, box.y() + padY, tw, titleH);
      text.add(
          new TextItem(
              t,
              TextRole.NS_TITLE,
              tb,
              tb.y() + metrics.ascent(TextRole.NS_TITLE),
              TextItem.Anchor.MIDDLE));
    } else {
      double y = box.y() + padY;
      double textW = box.w() - 2 * padX;
      for (int i = 0; i < c.lines().size(); i++) {
        TextRole role = i == 0 ? TextRole.NS_TITLE : TextRole.NS_DETAIL;
        double lh = i == 0 ? titleH : detailH;
        String line = c.lines().get(i);
        Box tb = new Box(box.x() + padX, y, metrics.width(line, role), lh);
        text.add(new TextItem(line, role, tb, y + metrics.ascent(role), TextItem.Anchor.START));
        y += lh;
      }
      double[] nb = nestedBoxes(c, textW, box.x() + padX, y + builder.headerGap());
      for (int i = 0; i < c.nested().size(); i++) {
        PidNamespace child = c.nested().get(i);
        int count = c.nestedCounts().get(i);
        Box b = new Box(nb[4 * i], nb[4 * i + 1], nb[4 * i + 2], nb[4 * i + 3]);
        String label = nestedText(child, count);
        double lw = metrics.width(label, TextRole.NS_DETAIL);
        Box lb = new Box(b.x() + builder.chipPadX(), b.y() + builder.chipPadY(), lw, detailH);
        nested.add(
            new SummaryCard(
                SummaryCard.Kind.NAMESPACE,
                child.serial(),
                0,
                b,
                child.name(),
                Palette.colorIndex(child),
                child.level(),
                -1,
                "",
                0,
                count,
                0,
                0,
                0,
                0,
                0,
                List.of(),
                List.of(
                    new TextItem(
                        label,
                        TextRole.NS_DETAIL,
                        lb,
                        lb.y() + metrics.ascent(TextRole.NS_DETAIL),
                        TextItem.Anchor.START)),
                List.of(),
                view != null && !child.isSameOrDescendantOf(view),
                child.name() + ": " + count + (count == 1 ? " task" : " tasks")));
      }
    }
    Task root = f.anchor();
    String tooltip =
        (f.kind() == SummaryCard.Kind.SUBTREE
                ? "below " + root.comm() + ": " + s.tasks() + " tasks folded"
                : "namespace " + ns.name() + ", level " + ns.level() + " (collapsed)")
            + "\n"
            + counts(s)
            + "\npids in "
            + ns.name()
            + ": "
            + s.minPid()
            + "\u2013"
            + s.maxPid();
    return new SummaryCard(
        f.kind(),
        f.kind() == SummaryCard.Kind.SUBTREE ? root.serial() : ns.serial(),
        f.part(),
        box,
        ns.name(),
        Palette.colorIndex(ns),
        ns.level(),
        root.serial(),
        root.comm(),
        root.pidNr(ns),
        s.tasks(),
        s.running(),
        s.exiting(),
        s.zombies(),
        s.minPid(),
        s.maxPid(),
        nested,
        text,
        link,
        faded,
        tooltip);
  }
}
