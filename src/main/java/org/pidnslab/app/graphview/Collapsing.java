package org.pidnslab.app.graphview;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.graph.AutoCollapse;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.SummaryCard;
import org.pidnslab.kernel.Pid;
import org.pidnslab.kernel.Task;
import org.pidnslab.script.Statement;

/**
 * What the window shows collapsed, for this experiment only (never written into the script): the
 * namespaces drawn as summary cards and the subtrees folded into "+N" badges, by serial, so one set
 * serves every step of the experiment.
 */
final class Collapsing {
  /** The first view of a scene with more tasks than this is collapsed to stay readable. */
  static final int AUTO_ABOVE = 150;

  /** The automatic collapse keeps the fitted picture's text at least this high, in px. */
  static final double MIN_TEXT_PX = 10;

  private final Set<Integer> namespaces = new HashSet<>();
  private final Set<Integer> subtrees = new HashSet<>();

  /** {@code options} with this experiment's collapsed parts. */
  DrawingOptions applyTo(DrawingOptions options) {
    return options.withCollapsed(namespaces, subtrees);
  }

  /** Takes the collapsed parts of {@code options} (an automatic plan) as this experiment's. */
  void adopt(DrawingOptions options) {
    namespaces.clear();
    namespaces.addAll(options.collapsedNamespaces());
    subtrees.clear();
    subtrees.addAll(options.collapsedSubtrees());
  }

  /** Nothing collapsed (a new script). */
  void clear() {
    namespaces.clear();
    subtrees.clear();
  }

  void collapseNamespace(int serial) {
    namespaces.add(serial);
  }

  /** Expands what {@code card} stands for. */
  void expand(SummaryCard card) {
    (card.kind() == SummaryCard.Kind.NAMESPACE ? namespaces : subtrees).remove(card.serial());
  }

  boolean isCollapsed(SummaryCard.Kind kind, int serial) {
    return (kind == SummaryCard.Kind.NAMESPACE ? namespaces : subtrees).contains(serial);
  }

  /**
   * Expands every collapsed namespace or subtree that hides one of {@code changed} (the tasks a
   * call changed), so the story of the call can be seen.
   *
   * @return whether anything was expanded
   */
  boolean expandFor(Collection<Task> changed) {
    boolean any = false;
    for (Task t : changed) {
      Pid p = t.pid();
      for (int level = 0; p != null && level <= p.level(); level++) {
        any |= namespaces.remove(p.upid(level).ns().serial());
      }
      for (Task up = t.realParent(); up != null; up = up.realParent()) {
        any |= subtrees.remove(up.serial());
      }
    }
    return any;
  }

  /**
   * A room must make the text this much larger to be taken short of the goal: panes that yield for
   * a hardly larger picture take more from the user than they give.
   */
  static final double ROOM_GAIN = 1.1;

  /**
   * The first view of a big scene collapses its biggest parts so that, fitted to the view (960 x
   * 600 before it has a size), its text stays readable; the tasks the current step names or {@code
   * changed}, and the selection, stay on show. When even that leaves the text below {@link
   * #MIN_TEXT_PX}, the plan is made for the first of {@code offers} (panes that yield) that reaches
   * it, else for the one that makes the text largest, if {@link #ROOM_GAIN} larger. Null for a
   * small scene.
   *
   * @param view the graph's viewport
   * @param offers the room the window can give, least taken away first
   */
  static LayoutWorker.Planner planFirstView(
      LabModel model,
      Collection<Task> changed,
      javafx.geometry.Bounds view,
      List<PictureRoom.Offer> offers) {
    if (model.kernel().taskCount() <= AUTO_ABOVE) {
      return null;
    }
    Set<Integer> keep = new HashSet<>();
    for (Task t : changed) {
      keep.add(t.serial());
    }
    List<Statement> h = model.history();
    List<String> words = h.isEmpty() ? List.of() : h.get(h.size() - 1).words();
    // an expect line checks the state and changes nothing: only a call's tasks are kept on show
    for (String word :
        words.isEmpty() || words.get(0).equals("expect") ? List.<String>of() : words) {
      Task t = model.task(word);
      if (t != null) {
        keep.add(t.serial());
      }
    }
    Task sel = model.selectedProperty().get();
    if (sel != null) {
      keep.add(sel.serial());
    }
    double w = view.getWidth() > 0 ? view.getWidth() : 960;
    double ht = view.getHeight() > 0 ? view.getHeight() : 600;
    return (k, o, b) -> {
      DrawingOptions all = o.expandedAll();
      DrawingOptions best = AutoCollapse.plan(b, k, all, w, ht, MIN_TEXT_PX, keep);
      double px = AutoCollapse.fittedTextPx(b.build(k, best), w, ht);
      PictureRoom.Offer room = null;
      for (int i = 0; i < offers.size() && px < MIN_TEXT_PX; i++) {
        double rw = w + offers.get(i).width();
        double rh = ht + offers.get(i).height();
        DrawingOptions roomy = AutoCollapse.plan(b, k, all, rw, rh, MIN_TEXT_PX, keep);
        double roomyPx = AutoCollapse.fittedTextPx(b.build(k, roomy), rw, rh);
        if (roomyPx >= Math.min(MIN_TEXT_PX, px * ROOM_GAIN)) {
          best = roomy;
          px = roomyPx;
          room = offers.get(i);
        }
      }
      return new LayoutWorker.Plan(best, room);
    };
  }
}
