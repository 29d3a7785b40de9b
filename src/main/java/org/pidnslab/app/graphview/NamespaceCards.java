package org.pidnslab.app.graphview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.NamespaceHull;
import org.pidnslab.graph.Palette;
import org.pidnslab.graph.SummaryCard;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.Pid;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;

/**
 * Semantic zoom: zoomed out so far that task labels would be specks, the graph shows each namespace
 * as a card instead (its name, level and how many tasks in each state), over the place its hull
 * takes, so nested namespaces are nested cards and zooming back in finds the tasks where the cards
 * were. The cards' text keeps a readable size on screen whatever the zoom.
 */
final class NamespaceCards {
  /** Below this many pixels on screen a task label cannot be read: the cards take over. */
  static final double MIN_LABEL_PX = 6;

  /** The cards' text size on screen, in px. */
  static final double TEXT_PX = 12;

  /** The layer the cards are drawn in, above the picture. */
  final Group layer = new Group();

  private final double margin;
  private final List<Box> placed = new ArrayList<>(); // the texts written so far, drawing units
  private boolean showing;

  NamespaceCards(double margin) {
    this.margin = margin;
    layer.setId("namespaceCards");
    layer.setVisible(false);
    layer.setMouseTransparent(true);
  }

  /** Whether the task labels of {@code drawing} at {@code zoom} are too small to read. */
  static boolean tooSmall(Drawing drawing, double zoom) {
    return drawing != null && drawing.typography().labelSize() * zoom < MIN_LABEL_PX;
  }

  /** Whether the cards are on show (and the tasks hidden). */
  boolean showing() {
    return showing;
  }

  /**
   * Shows the cards of {@code drawing} (whose tasks are in {@code kernel}) at {@code zoom}, or
   * hides them when {@code show} is false.
   */
  void show(boolean show, Drawing drawing, Kernel kernel, double zoom) {
    showing = show && drawing != null;
    layer.setVisible(showing);
    if (!showing) {
      layer.getChildren().clear();
      return;
    }
    Map<Integer, int[]> counts = counts(kernel);
    Map<Integer, String> names = new HashMap<>();
    for (org.pidnslab.kernel.PidNamespace ns : kernel.namespaces()) {
      Task init = ns.childReaper();
      names.put(ns.serial(), ns.name() + (init == null ? "" : " · " + init.comm()));
    }
    placed.clear();
    List<javafx.scene.Node> out = new ArrayList<>();
    Box all = new Box(0, 0, drawing.width(), drawing.height());
    out.add(card(all, all, Color.GRAY, "root", "root", counts.get(0), zoom));
    List<NamespaceHull> hulls = new ArrayList<>(drawing.hulls());
    hulls.sort(Comparator.comparingInt(NamespaceHull::level));
    for (NamespaceHull h : hulls) {
      if (h.outline().isEmpty()) {
        continue;
      }
      String title = names.getOrDefault(h.namespaceSerial(), h.namespace());
      int[] count = counts.get(h.namespaceSerial());
      Color colour = Color.web(Palette.hex(h.colorIndex()));
      Group card = card(h.bounds(), all, colour, h.namespace(), title, count, zoom);
      out.add(card);
    }
    for (org.pidnslab.graph.SummaryCard c : drawing.cards()) {
      if (c.kind() == org.pidnslab.graph.SummaryCard.Kind.NAMESPACE) {
        String title = names.getOrDefault(c.serial(), c.name());
        Color colour = Color.web(Palette.hex(c.colorIndex()));
        out.add(card(c.box(), all, colour, c.name(), title, counts.get(c.serial()), zoom));
      }
    }
    layer.getChildren().setAll(out);
  }

  /**
   * One card: the box, and the longest of its texts that fits (name and init with the counts, name
   * and init, the name alone); the name alone may stand outside a card too small for it.
   */
  private Group card(
      Box b, Box all, Color colour, String name, String title, int[] count, double zoom) {
    Rectangle r = new Rectangle(b.x() + margin, b.y() + margin, b.w(), b.h());
    r.setFill(colour.deriveColor(0, 1, 1, 0.22));
    r.setStroke(colour);
    r.setStrokeWidth(2 / zoom);
    r.setArcWidth(12 / zoom);
    r.setArcHeight(12 / zoom);
    Group g = new Group(r);
    g.getStyleClass().add("namespace-card");
    g.setId("card-" + name);
    String[] texts = {title + "\n" + summary(count), title, name};
    for (int i = 0; i < texts.length; i++) {
      Text t = label(texts[i], b, b, colour, zoom);
      if (t == null && i == texts.length - 1) {
        t = label(texts[i], b, all, colour, zoom);
      }
      if (t != null) {
        g.getChildren().add(t);
        break;
      }
    }
    return g;
  }

  /**
   * The card's text, TEXT_PX on screen, in its top-left corner or lower down where an outer card's
   * text is in the way; null when it does not fit in {@code room} (the card, or the whole picture).
   */
  private Text label(String text, Box card, Box room, Color colour, double zoom) {
    Text t = new Text(text);
    t.setFont(Font.font(null, FontWeight.BOLD, TEXT_PX));
    t.setFill(colour.deriveColor(0, 1, 0.55, 1));
    t.setTextOrigin(javafx.geometry.VPos.TOP);
    double w = t.getLayoutBounds().getWidth() / zoom;
    double h = t.getLayoutBounds().getHeight() / zoom;
    double pad = 4 / zoom;
    double x = card.x() + pad;
    double y = card.y() + pad;
    for (Box other : placed) {
      if (other.intersects(new Box(x, y, w, h))) {
        y = Math.max(y, other.maxY() + pad);
      }
    }
    if (x + w + pad > room.maxX() || y + h + pad > room.maxY()) {
      return null;
    }
    placed.add(new Box(x, y, w, h));
    // scaled against the zoom about its centre, so it stays TEXT_PX on screen at (x, y)
    t.setScaleX(1 / zoom);
    t.setScaleY(1 / zoom);
    double lw = t.getLayoutBounds().getWidth();
    double lh = t.getLayoutBounds().getHeight();
    t.setX(x + margin + (w - lw) / 2);
    t.setY(y + margin + (h - lh) / 2);
    return t;
  }

  /** "120 tasks: 118 R · 2 Z", as the exports' cards say it. */
  static String summary(int[] c) {
    return c == null ? "no tasks" : SummaryCard.countsText(c[0], c[1], c[2], c[3]);
  }

  /**
   * Per namespace serial: the tasks with a pid in it (its own and those of nested namespaces, as
   * its hull holds them), then how many are running, exiting and zombies.
   */
  private static Map<Integer, int[]> counts(Kernel kernel) {
    Map<Integer, int[]> out = new HashMap<>();
    for (Task t : kernel.tasks()) {
      if (t.state() == TaskState.DEAD) {
        continue;
      }
      int state =
          switch (t.state()) {
            case RUNNING -> 1;
            case EXITING -> 2;
            default -> 3;
          };
      Pid p = t.pid();
      for (int level = 0; level <= p.level(); level++) {
        int[] c = out.computeIfAbsent(p.upid(level).ns().serial(), k -> new int[4]);
        c[0]++;
        c[state]++;
      }
    }
    return out;
  }
}
