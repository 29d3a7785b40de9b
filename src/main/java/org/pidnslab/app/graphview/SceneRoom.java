package org.pidnslab.app.graphview;

import java.util.List;

/**
 * When the window's panes yield to a big picture, and when they come back: the first planned view
 * of a big scene after a script was opened decides, once (a script opened at its first step decides
 * when it first jumps to a big picture). Stepping or jumping along its timeline after that never
 * makes them come and go, and a pane the user brings back stays until another script is opened.
 */
final class SceneRoom {
  private PictureRoom room = PictureRoom.NONE;
  private boolean deciding; // a script was opened and its first view is not on show yet
  private boolean blind; // the first view was planned before the view had a size

  void use(PictureRoom room) {
    this.room = room;
  }

  /** A script was opened: its first view decides whether the panes yield. */
  void newScript() {
    deciding = true;
  }

  /** The room the planner of the first view may take: none once the script's view decided. */
  List<PictureRoom.Offer> offers() {
    return deciding ? room.offers() : List.of();
  }

  /**
   * A first view is planned; {@code sized} says whether the view had a size then. A view without
   * one (a window opening with a script: the plan assumed 960x600) is planned again once it has a
   * size ({@link #replanNow}), and only that plan decides about the room.
   */
  void planning(boolean sized) {
    blind = !sized;
  }

  /**
   * Whether the first view was planned blind and must be planned again now that the view has a
   * size.
   */
  boolean replanNow() {
    boolean again = blind;
    blind = false;
    return again;
  }

  /**
   * A picture went on show. A small one (not planned) gives back what an earlier script's picture
   * took; the first planned picture of a big scene after a script was opened takes the room its
   * plan was made for, or gives it back, and that decides until the next script.
   *
   * @param planned whether it is a big scene's first view, planned
   * @param offer the room its plan was made for, or null (the view as it is)
   */
  void shown(boolean planned, PictureRoom.Offer offer) {
    if (!deciding || blind) {
      return;
    }
    if (!planned) {
      room.giveBack();
      return;
    }
    deciding = false;
    if (offer != null) {
      room.take(offer);
    } else {
      room.giveBack();
    }
  }
}
