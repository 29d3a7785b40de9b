package org.pidnslab.app.graphview;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.FontSpec;
import org.pidnslab.graph.Palette;
import org.pidnslab.graph.PidChip;
import org.pidnslab.graph.TaskNode;
import org.pidnslab.graph.TextItem;
import org.pidnslab.graph.Typography;

/**
 * One task as JavaFX nodes, drawn from a {@link TaskNode} of the drawing model: a box with the
 * label and state, and the PID stack as coloured chips. Coordinates are local to the box, so moving
 * the task is only a translation.
 */
public final class TaskFigure extends Group {
  private final int serial;
  private TaskNode node; // as drawn, translated to the origin
  private final Rectangle frame = new Rectangle();
  private final List<Group> chips = new ArrayList<>();
  private final Text waiting = new Text();
  private org.pidnslab.graph.Theme theme;
  private boolean selected;
  private String tooltipText = "";
  private Tooltip installed;

  TaskFigure(int serial) {
    this.serial = serial;
    setId("task-" + serial);
    getStyleClass().add("task-figure");
    // a figure is drawn once into a bitmap and then only moved: text is the costly part
    setCache(true);
    setCacheHint(javafx.scene.CacheHint.SPEED);
    // tooltips are made on first hover: thousands of figures must not each build one up front
    setOnMouseEntered(
        e -> {
          if (installed == null || !installed.getText().equals(tooltipText)) {
            if (installed != null) {
              Tooltip.uninstall(this, installed);
            }
            installed = new Tooltip(tooltipText);
            Tooltip.install(this, installed);
          }
        });
  }

  private static void lazyTooltip(javafx.scene.Node n, String text) {
    if (n.getProperties().get("tip") == null) {
      Tooltip t = new Tooltip(text);
      Tooltip.install(n, t);
      n.getProperties().put("tip", t);
    }
  }

  /** The tooltip text of the task, shown on hover. */
  String tooltipText() {
    return tooltipText;
  }

  int serial() {
    return serial;
  }

  /** The drawing-model node last drawn, at the origin. */
  public TaskNode node() {
    return node;
  }

  /** The label text node, for tests and for the find highlight. */
  Text labelNode() {
    return (Text) lookup(".task-label");
  }

  /** Whether {@code n} shows something else than the figure does now (position aside). */
  boolean needsUpdate(TaskNode n, org.pidnslab.graph.Theme t, String waitingFor) {
    String wait = waitingFor == null ? "" : waitingFor;
    return node == null
        || !n.translate(-n.box().x(), -n.box().y()).equals(node)
        || !t.equals(theme)
        || !wait.equals(waiting.getText());
  }

  /** Redraws the figure if {@code n} differs from what is shown; returns whether it did. */
  boolean update(TaskNode n, org.pidnslab.graph.Theme t, String waitingFor) {
    if (!needsUpdate(n, t, waitingFor)) {
      return false;
    }
    TaskNode local = n.translate(-n.box().x(), -n.box().y());
    String wait = waitingFor == null ? "" : waitingFor;
    node = local;
    theme = t;
    getChildren().clear();
    chips.clear();
    Box b = local.box();
    frame.setWidth(b.w());
    frame.setHeight(b.h());
    frame.setArcWidth(10);
    frame.setArcHeight(10);
    frame.setFill(Color.web(local.ghost() ? t.ghostFill() : t.nodeFill()));
    frame.setStroke(Color.web(Palette.hex(local.colorIndex())));
    frame.setStrokeWidth(local.namespaceInit() ? 2.6 : 1.4);
    if (local.ghost()) {
      frame.getStrokeDashArray().setAll(6.0, 4.0);
    } else {
      frame.getStrokeDashArray().clear();
    }
    getChildren().add(frame);
    Typography ty = t.typography();
    getChildren().add(text(local.labelText(), ty, Color.web(t.foreground()), "task-label"));
    getChildren().add(text(local.stateText(), ty, Color.web(t.mutedForeground()), "task-state"));
    for (PidChip c : local.chips()) {
      Group chip = new Group();
      chip.getStyleClass().add("pid-chip");
      chip.setUserData(c.level());
      Rectangle r = new Rectangle(c.box().x(), c.box().y(), c.box().w(), c.box().h());
      r.setArcWidth(8);
      r.setArcHeight(8);
      r.setFill(Color.web(t.chipFill(c.colorIndex(), c.emphasised())));
      r.setStroke(c.emphasised() ? Color.web(t.foreground()) : Color.TRANSPARENT);
      r.setStrokeWidth(c.emphasised() ? 1.4 : 0);
      Text tx = new Text(c.text());
      FontSpec f = ty.font(org.pidnslab.graph.TextRole.CHIP);
      tx.setFont(
          Font.font(f.family(), c.emphasised() ? FontWeight.BOLD : FontWeight.NORMAL, f.size()));
      tx.setFill(Color.web(t.chipText(c.colorIndex(), c.emphasised())));
      double w = tx.getLayoutBounds().getWidth();
      tx.setX(c.box().x() + (c.box().w() - w) / 2);
      tx.setY(c.baseline());
      chip.getChildren().addAll(r, tx);
      String chipTip = c.namespace() + " (level " + c.level() + "): " + c.text();
      chip.setOnMouseEntered(e -> lazyTooltip(chip, chipTip));
      chips.add(chip);
      getChildren().add(chip);
    }
    waiting.setText(wait);
    if (!wait.isEmpty()) {
      waiting.getStyleClass().setAll("waiting-for");
      waiting.setFont(Font.font(ty.family(), FontWeight.NORMAL, ty.detailSize()));
      waiting.setFill(Color.web(t.noteColour()));
      waiting.setX(0);
      waiting.setY(b.h() + ty.detailSize() + 2);
      getChildren().add(waiting);
    }
    setOpacity(local.faded() ? t.fadedOpacity() : local.ghost() ? t.ghostOpacity() : 1);
    tooltipText = local.tooltip();
    installed = null;
    applySelection();
    return true;
  }

  /** The chips, outermost first. */
  public List<Group> chips() {
    return chips;
  }

  void setSelected(boolean on) {
    selected = on;
    applySelection();
  }

  public boolean isSelected() {
    return selected;
  }

  private void applySelection() {
    if (selected) {
      if (!getStyleClass().contains("selected")) {
        getStyleClass().add("selected");
      }
      frame.setEffect(new javafx.scene.effect.DropShadow(12, Color.web("#2F81F7")));
    } else {
      getStyleClass().remove("selected");
      frame.setEffect(null);
    }
  }

  static Text text(TextItem item, Typography ty, Color fill, String styleClass) {
    Text t = new Text(item.text());
    FontSpec f = ty.font(item.role());
    t.setFont(Font.font(f.family(), f.bold() ? FontWeight.BOLD : FontWeight.NORMAL, f.size()));
    t.setFill(fill);
    t.getStyleClass().add(styleClass);
    if (item.anchor() == TextItem.Anchor.MIDDLE) {
      t.setTextAlignment(TextAlignment.CENTER);
      t.setX(item.box().x() + (item.box().w() - t.getLayoutBounds().getWidth()) / 2);
    } else {
      t.setX(item.box().x());
    }
    t.setY(item.baseline());
    return t;
  }
}
