package org.pidnslab.app.window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import org.pidnslab.app.graphview.PictureRoom;

/**
 * The log and the side panel, shown or not (View → Log, View → Side panel), and the room they give
 * a big scene's first picture: the graph asks for it when even a collapsed first view would show
 * its text below 10 px (a 1280x800 window gives the container host 666x446 px). The panes that
 * yielded come back from the status bar's link, from the View menu, or when a script that does not
 * need the room is opened. Nothing of this is saved: the next start shows every pane.
 */
final class PaneRoom implements PictureRoom {
  private final SplitPane columns;
  private final SplitPane rows;
  private final Region side;
  private final Region log;
  private final BooleanSupplier presenting;
  private final BooleanProperty sideShown = new SimpleBooleanProperty(true);
  private final BooleanProperty logShown = new SimpleBooleanProperty(true);
  private final ReadOnlyStringWrapper yielded = new ReadOnlyStringWrapper("");
  private Offer taken; // the panes that yielded to a picture, until they come back
  private double sideWidth = -1;
  private double logShare = -1;

  /**
   * @param columns the script, the picture and the side panel, left to right
   * @param rows the columns over the log
   * @param presenting whether the picture is presented full screen (the panes are not on show)
   */
  PaneRoom(SplitPane columns, SplitPane rows, Region side, Region log, BooleanSupplier presenting) {
    this.columns = columns;
    this.rows = rows;
    this.side = side;
    this.log = log;
    this.presenting = presenting;
    sideShown.addListener((o, was, shown) -> showSide(shown));
    logShown.addListener((o, was, shown) -> showLog(shown));
  }

  /** Whether the side panel is on show; set it to show or hide it. */
  BooleanProperty sideShownProperty() {
    return sideShown;
  }

  /** Whether the log is on show; set it to show or hide it. */
  BooleanProperty logShownProperty() {
    return logShown;
  }

  /**
   * The status bar link's words while panes are away because they yielded to a picture ("Show the
   * log and the side panel (they made room for the picture)"), empty when none is.
   */
  ReadOnlyStringProperty yieldedProperty() {
    return yielded.getReadOnlyProperty();
  }

  /** Brings back the panes that yielded to a picture. */
  @Override
  public void giveBack() {
    Offer back = taken;
    if (back != null) {
      logShown.set(logShown.get() || back.height() > 0);
      sideShown.set(sideShown.get() || back.width() > 0);
    }
  }

  @Override
  public List<Offer> offers() {
    List<Offer> out = new ArrayList<>();
    if (presenting.getAsBoolean() || columns.getWidth() <= 0) {
      return out;
    }
    double logRoom = logShown.get() ? log.getHeight() + bar(rows) : 0;
    double sideRoom = sideShown.get() ? side.getWidth() + bar(columns) : 0;
    if (logRoom > 0) {
      out.add(new Offer(0, logRoom));
    }
    if (sideRoom > 0) {
      out.add(new Offer(sideRoom, logRoom));
    }
    return out;
  }

  @Override
  public void take(Offer offer) {
    if (offer.height() > 0) {
      logShown.set(false);
    }
    if (offer.width() > 0) {
      sideShown.set(false);
    }
    taken = offer;
    cameBack();
  }

  private void showSide(boolean show) {
    List<Node> items = columns.getItems();
    double w = columns.getWidth();
    if (!show && items.contains(side)) {
      double first = columns.getDividerPositions()[0] * w;
      sideWidth = side.getWidth();
      items.remove(side);
      if (w > 0) {
        columns.setDividerPositions(first / w);
      }
    } else if (show && !items.contains(side)) {
      double first = columns.getDividerPositions()[0];
      items.add(side);
      if (w > 0 && sideWidth > 0) {
        columns.setDividerPositions(first, 1 - (sideWidth + bar(columns)) / w);
      } else {
        columns.setDividerPositions(first, MainWindow.SIDE_DIVIDER);
      }
    }
    cameBack();
  }

  private void showLog(boolean show) {
    List<Node> items = rows.getItems();
    if (!show && items.contains(log)) {
      logShare = rows.getDividerPositions()[0];
      items.remove(log);
    } else if (show && !items.contains(log)) {
      items.add(log);
      rows.setDividerPositions(logShare > 0 ? logShare : MainWindow.LOG_DIVIDER);
    }
    cameBack();
  }

  /**
   * The link in the status bar names the panes that yielded and are still away, and goes once every
   * one is back, whoever brought it.
   */
  private void cameBack() {
    boolean logAway = taken != null && taken.height() > 0 && !logShown.get();
    boolean sideAway = taken != null && taken.width() > 0 && !sideShown.get();
    if (!logAway && !sideAway) {
      taken = null;
      yielded.set("");
    } else if (logAway && sideAway) {
      yielded.set("Show the log and the side panel (they made room for the picture)");
    } else {
      yielded.set(
          "Show the " + (logAway ? "log" : "side panel") + " (it made room for the picture)");
    }
  }

  /**
   * The thickness of a split pane's own divider bar, once it has been laid out (a lookup would also
   * find the dividers of the split pane nested in it).
   */
  static double bar(SplitPane split) {
    for (Node n : split.getChildrenUnmodifiable()) {
      if (n.getStyleClass().contains("split-pane-divider")) {
        return split.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
            ? n.getLayoutBounds().getWidth()
            : n.getLayoutBounds().getHeight();
      }
    }
    return 0;
  }
}
