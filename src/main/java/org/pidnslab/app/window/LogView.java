package org.pidnslab.app.window;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import org.pidnslab.app.model.LabModel;

/**
 * The kernel's event log: one entry per statement, its result line and every explanation line under
 * it (as {@code pidns-lab run --explain} prints them). It follows the newest entry unless the user
 * scrolled up to read an older one.
 */
final class LogView extends ListView<LabModel.LogEntry> {
  /** How many kernel steps a log entry shows before it summarises the rest. */
  static final int STEPS_SHOWN = LabModel.LogEntry.STEPS_SHOWN;

  /** Set by a change to the log while the newest entry was in view: scroll after the layout. */
  private boolean followPending = true;

  private int followTries;

  LogView(ObservableList<LabModel.LogEntry> entries) {
    super(entries);
    setId("log");
    getStyleClass().add("log-list");
    setCellFactory(v -> new LogCell());
    setTooltip(new Tooltip("What the kernel did for each call, naming the kernel functions"));
    entries.addListener(
        (ListChangeListener<LabModel.LogEntry>)
            c -> {
              int oldSize = c.getList().size();
              while (c.next()) {
                oldSize += c.getRemovedSize() - c.getAddedSize();
              }
              // decided before the list lays the new entries out: was the old newest in view?
              followPending |= oldSize == 0 || c.getList().isEmpty() || inView(oldSize - 1);
              requestLayout();
            });
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    if (followPending && getSkin() != null && !getItems().isEmpty()) {
      int last = getItems().size() - 1;
      if (lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
        // the flow's own scrollTo shows the entry's bottom edge; ListView.scrollTo aligns its top
        flow.scrollTo(last);
      }
      // the flow guesses the height of cells it has not laid out yet: check on the next pulses
      followPending = !inView(last) && ++followTries < 4;
      if (followPending) {
        Platform.runLater(this::requestLayout);
      } else {
        followTries = 0;
      }
    }
  }

  /** Whether entry {@code index} is laid out with its bottom edge inside the viewport. */
  private boolean inView(int index) {
    Node viewport = lookup(".clipped-container");
    if (viewport == null) {
      return true; // not shown yet: nothing was scrolled
    }
    Bounds view = viewport.localToScene(viewport.getLayoutBounds());
    for (Node n : lookupAll(".list-cell")) {
      if (n instanceof ListCell<?> cell && cell.isVisible() && cell.getIndex() == index) {
        Bounds b = cell.localToScene(cell.getLayoutBounds());
        return b.getMaxY() <= view.getMaxY() + 0.5 && b.getMaxY() > view.getMinY();
      }
    }
    return false;
  }

  /** The text of one entry: the result line, then its kernel steps indented below it. */
  static String text(LabModel.LogEntry item) {
    return item.text(STEPS_SHOWN);
  }

  /** A log entry, as tall as its wrapped lines (lab.css lifts the theme's fixed cell height). */
  private static final class LogCell extends ListCell<LabModel.LogEntry> {
    LogCell() {
      // long explanations wrap at the log's width instead of running off its right edge; a
      // preferred width of 0 makes the cell take the list's width, so its height follows the wrap
      setWrapText(true);
      setPrefWidth(0);
    }

    @Override
    protected void updateItem(LabModel.LogEntry item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().remove("failed");
      if (empty || item == null) {
        setText(null);
        return;
      }
      setText(text(item));
      if (item.failed()) {
        getStyleClass().add("failed");
      }
    }
  }
}
