package org.pidnslab.app.graphview;

import java.util.List;

/**
 * Room the window can give the picture of a big scene: its panes (the log, the side panel) yield,
 * so the first view's text can reach a readable size on a small screen (the container host's was
 * 7.4 px in a 1280x800 window's 666x446 graph area, even with every container folded into a card).
 * The graph asks; the window knows its panes.
 */
public interface PictureRoom {
  /** No panes to yield (a window of its own, a test). */
  PictureRoom NONE =
      new PictureRoom() {
        @Override
        public List<Offer> offers() {
          return List.of();
        }

        @Override
        public void take(Offer offer) {}

        @Override
        public void giveBack() {}
      };

  /**
   * One way to enlarge the graph's view.
   *
   * @param width the px the view gains in width
   * @param height the px the view gains in height
   */
  record Offer(double width, double height) {}

  /** The ways to enlarge the view now, the least taken away first; none while presenting. */
  List<Offer> offers();

  /** Lets the panes of {@code offer} yield to the picture. */
  void take(Offer offer);

  /** Brings back the panes that yielded to a picture (a new scene needs no room). */
  void giveBack();
}
