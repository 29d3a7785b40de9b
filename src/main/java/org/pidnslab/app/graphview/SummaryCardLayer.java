package org.pidnslab.app.graphview;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.FadeTransition;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.Palette;
import org.pidnslab.graph.Point;
import org.pidnslab.graph.SummaryCard;
import org.pidnslab.graph.TextItem;

/**
 * The collapsed parts of the picture: a namespace's summary card (its init, counts, pid range and
 * nested namespaces as smaller cards) and a subtree's "+41" badge, as the exports paint them. A
 * click on one expands it (the handler is the graph's); a card that is new fades in.
 */
final class SummaryCardLayer {
  final Group layer = new Group();
  private final double margin;
  private Consumer<SummaryCard> onExpand = c -> {};
  private List<Node> replaced = List.of(); // the last draw's cards before it: an unfold fades them

  SummaryCardLayer(double margin) {
    this.margin = margin;
    layer.setId("summaryCards");
  }

  void setOnExpand(Consumer<SummaryCard> handler) {
    onExpand = handler;
  }

  /** The cards the last {@link #draw} replaced. */
  List<Node> replaced() {
    return replaced;
  }

  /** The id of a card's node. */
  static String id(SummaryCard c) {
    return (c.kind() == SummaryCard.Kind.NAMESPACE ? "card-ns-" : "card-subtree-")
        + c.serial()
        + "-"
        + c.part();
  }

  /** Draws the cards of {@code d}; those not on show before fade in over {@code fadeMillis}. */
  void draw(Drawing d, org.pidnslab.graph.Theme theme, double fadeMillis) {
    java.util.Set<String> before = new java.util.HashSet<>();
    replaced = List.copyOf(layer.getChildren());
    for (Node n : replaced) {
      before.add(n.getId());
    }
    List<Node> out = new ArrayList<>();
    List<Node> fresh = new ArrayList<>();
    for (SummaryCard c : d.cards()) {
      Group g = card(c, theme);
      out.add(g);
      if (!before.contains(g.getId())) {
        fresh.add(g);
      }
    }
    layer.getChildren().setAll(out);
    if (fadeMillis > 0) {
      fadeIn(fresh, fadeMillis);
    }
  }

  /**
   * Fades {@code nodes} in from transparent to their own opacity (what a collapse or expand shows).
   */
  static void fadeIn(java.util.Collection<? extends Node> nodes, double millis) {
    for (Node n : millis > 0 ? nodes : List.<Node>of()) {
      FadeTransition in = new FadeTransition(javafx.util.Duration.millis(millis), n);
      in.setFromValue(0);
      in.setToValue(n.getOpacity());
      in.play();
    }
  }

  private Group card(SummaryCard c, org.pidnslab.graph.Theme theme) {
    boolean ns = c.kind() == SummaryCard.Kind.NAMESPACE;
    double opacity = c.faded() ? theme.fadedOpacity() : 1;
    Group g = new Group();
    if (c.link().size() >= 2) {
      Polyline link = new Polyline();
      for (Point p : c.link()) {
        link.getPoints().addAll(p.x(), p.y());
      }
      link.setStroke(Color.web(ns ? theme.crossEdge() : theme.edge()));
      link.setStrokeWidth(theme.edgeWidth());
      link.getStrokeDashArray().setAll(ns ? 5.0 : 2.0, ns ? 4.0 : 3.0);
      g.getChildren().add(link);
    }
    Color base = Color.web(Palette.hex(c.colorIndex()));
    Color fill = ns ? base.deriveColor(0, 0.55, 1.15, 0.55) : Color.web(theme.nodeFill());
    g.getChildren().add(box(c.box(), fill, base, ns ? 12 : c.box().h(), ns ? 2.6 : 1.6));
    Color text = Color.web(theme.foreground());
    for (SummaryCard n : c.nested()) {
      Color nc = Color.web(Palette.hex(n.colorIndex()));
      g.getChildren().add(box(n.box(), nc.deriveColor(0, 0.55, 1.15, 0.55), nc, 8, 1.6));
      for (TextItem t : n.text()) {
        g.getChildren().add(TaskFigure.text(t, theme.typography(), text, "card-text"));
      }
    }
    for (TextItem t : c.text()) {
      g.getChildren().add(TaskFigure.text(t, theme.typography(), text, "card-text"));
    }
    g.setTranslateX(margin);
    g.setTranslateY(margin);
    g.setOpacity(opacity);
    g.setId(id(c));
    g.getStyleClass().addAll(c.styleClasses());
    g.setCursor(Cursor.HAND);
    Tooltip.install(g, new Tooltip(c.tooltip() + "\nClick to expand."));
    g.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
            onExpand.accept(c);
            e.consume();
          }
        });
    return g;
  }

  private static Rectangle box(Box b, Color fill, Color stroke, double arc, double width) {
    Rectangle r = new Rectangle(b.x(), b.y(), b.w(), b.h());
    r.setArcWidth(arc);
    r.setArcHeight(arc);
    r.setFill(fill);
    r.setStroke(stroke);
    r.setStrokeWidth(width);
    return r;
  }
}
