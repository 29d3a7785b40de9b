package org.pidnslab.app.graphview;

import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.SummaryCard;

/**
 * A click that collapsed or expanded a part of the picture.
 *
 * @param before the card clicked to expand, in the old drawing; null for a collapse
 */
record CardToggle(SummaryCard.Kind kind, int serial, Box before) {
  boolean expand() {
    return before != null;
  }

  /** The card the tasks come out of (expand) or go into (collapse, in {@code now}), or null. */
  Box card(Drawing now) {
    if (before != null) {
      return before;
    }
    for (SummaryCard c : now.cards()) {
      if (c.kind() == kind && c.serial() == serial) {
        return c.box();
      }
    }
    return null;
  }
}
