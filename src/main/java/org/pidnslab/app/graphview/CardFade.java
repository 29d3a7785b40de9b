package org.pidnslab.app.graphview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.SummaryCard;

/**
 * A summary card during an unfold or fold: the expanded card fades out as its tasks come out of it,
 * the card a collapse makes fades in as they fold into it, and the cards that move aside glide to
 * their new places.
 */
final class CardFade implements UnfoldTrack {
  private final Node card;
  private final double fromOpacity;
  private final double toOpacity;
  private final double dx;
  private final double dy;
  private final SummaryCardLayer layer;
  private final boolean remove;
  private final double margin;

  private CardFade(
      Node card,
      double fromOpacity,
      double toOpacity,
      double dx,
      double dy,
      SummaryCardLayer layer,
      boolean remove,
      double margin) {
    this.card = card;
    this.fromOpacity = fromOpacity;
    this.toOpacity = toOpacity;
    this.dx = dx;
    this.dy = dy;
    this.layer = layer;
    this.remove = remove;
    this.margin = margin;
  }

  /**
   * The cards that come, go or move between {@code old} and {@code now}; the ones that go are put
   * back, out of reach of the mouse, until the unfold ends.
   */
  static List<UnfoldTrack> of(SummaryCardLayer layer, Drawing old, Drawing now, double margin) {
    Map<String, SummaryCard> before = new HashMap<>();
    for (SummaryCard c : old.cards()) {
      before.put(SummaryCardLayer.id(c), c);
    }
    Map<String, Node> shown = new HashMap<>();
    for (Node n : layer.layer.getChildren()) {
      shown.put(n.getId(), n);
    }
    List<UnfoldTrack> out = new ArrayList<>();
    for (SummaryCard c : now.cards()) {
      Node n = shown.get(SummaryCardLayer.id(c));
      SummaryCard was = before.remove(SummaryCardLayer.id(c));
      if (n == null) {
        continue;
      }
      if (was == null) {
        out.add(new CardFade(n, 0, n.getOpacity(), 0, 0, layer, false, margin));
      } else if (!was.box().equals(c.box())) {
        double dx = was.box().x() - c.box().x();
        double dy = was.box().y() - c.box().y();
        out.add(new CardFade(n, n.getOpacity(), n.getOpacity(), dx, dy, layer, false, margin));
      }
    }
    for (Node n : layer.replaced()) {
      if (before.containsKey(n.getId()) && n.getParent() == null) {
        n.setMouseTransparent(true); // on its way out: a second click must not expand it again
        layer.layer.getChildren().add(n);
        out.add(new CardFade(n, n.getOpacity(), 0, 0, 0, layer, true, margin));
      }
    }
    return out;
  }

  @Override
  public void at(double t) {
    card.setOpacity(UnfoldTrack.between(fromOpacity, toOpacity, t));
    card.setTranslateX(margin + UnfoldTrack.between(dx, 0, t));
    card.setTranslateY(margin + UnfoldTrack.between(dy, 0, t));
  }

  @Override
  public void end() {
    if (remove) {
      layer.layer.getChildren().remove(card);
      return;
    }
    card.setOpacity(toOpacity);
    card.setTranslateX(margin);
    card.setTranslateY(margin);
  }
}
