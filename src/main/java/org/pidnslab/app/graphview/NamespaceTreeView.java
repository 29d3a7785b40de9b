package org.pidnslab.app.graphview;

import java.util.function.Consumer;
import javafx.scene.Group;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.pidnslab.app.common.Theme;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.graph.DrawingBuilder;
import org.pidnslab.graph.FontSpec;
import org.pidnslab.graph.NamespaceDrawing;
import org.pidnslab.graph.NamespaceEdge;
import org.pidnslab.graph.NamespaceNode;
import org.pidnslab.graph.Palette;
import org.pidnslab.graph.Point;
import org.pidnslab.graph.TextItem;
import org.pidnslab.kernel.PidNamespace;

/**
 * The namespace tree of the side panel: each namespace with its level, init, task count, pid_max,
 * ns_last_pid and life, laid out by the same tidy tree as the tasks. A click shows the namespace in
 * the inspector; a double click views the graph from it.
 */
public final class NamespaceTreeView extends StackPane {
  private static final double MARGIN = 12;
  private final LabModel model;
  private final Group content = new Group();
  private DrawingBuilder builder = new DrawingBuilder();
  private org.pidnslab.graph.Theme theme = org.pidnslab.graph.Theme.LIGHT;
  private Consumer<PidNamespace> onClick = ns -> {};
  private NamespaceDrawing drawing;
  private java.util.Map<NamespaceNode, Group> figures = new java.util.HashMap<>();
  private final ScrollPane scroller = new ScrollPane(new Group(content));
  private boolean userScrolled; // the user moved the view: leave it where they put it
  private boolean placing; // this view is moving itself, not the user

  public NamespaceTreeView(LabModel model) {
    this.model = model;
    setId("nsTree");
    scroller.setId("nsTreeScroller");
    scroller.setPannable(true);
    getChildren().add(scroller);
    scroller.hvalueProperty().addListener((o, a, b) -> userScrolled |= !placing);
    scroller.vvalueProperty().addListener((o, a, b) -> userScrolled |= !placing);
    scroller.viewportBoundsProperty().addListener((o, a, b) -> showRoot());
  }

  /**
   * Scrolls to the top with the root namespace in the middle of the width, until the user scrolls:
   * the tidy tree centres the root over its children, so a wide tree's root is off to the right of
   * a narrow panel's top-left corner, and the panel opened on an empty stretch of lines.
   */
  private void showRoot() {
    javafx.geometry.Bounds view = scroller.getViewportBounds();
    if (userScrolled || drawing == null || view.getWidth() <= 0) {
      return;
    }
    double spare = drawing.width() + 2 * MARGIN - view.getWidth();
    NamespaceNode top = null; // the root on show: the perspective's namespace when viewed from one
    for (NamespaceNode n : drawing.nodes()) {
      top = top == null || n.level() < top.level() ? n : top;
    }
    double x = top == null ? 0 : top.box().centerX() + MARGIN;
    placing = true;
    scroller.setHvalue(
        spare <= 0 ? 0 : Math.max(0, Math.min(1, (x - view.getWidth() / 2) / spare)));
    scroller.setVvalue(0);
    placing = false;
  }

  public void setOnNamespaceClicked(Consumer<PidNamespace> handler) {
    onClick = handler;
  }

  public void setTheme(Theme t) {
    theme = t.graphTheme();
    builder = new DrawingBuilder(new org.pidnslab.graph.AwtTextMetrics(theme.typography()));
    figures = new java.util.HashMap<>();
    redraw();
  }

  NamespaceDrawing drawing() {
    return drawing;
  }

  public void redraw() {
    drawing = builder.buildNamespaces(model.kernel(), model.perspectiveProperty().get());
    // the new picture replaces the old one in one change: emptied in between, the tree's bounds
    // would shrink to nothing and the scroll pane would forget where the user had scrolled to
    java.util.List<javafx.scene.Node> parts = new java.util.ArrayList<>();
    Rectangle back = new Rectangle(drawing.width() + 2 * MARGIN, drawing.height() + 2 * MARGIN);
    back.setFill(Color.web(theme.background()));
    parts.add(back);
    setBackground(new Background(new BackgroundFill(Color.web(theme.background()), null, null)));
    for (NamespaceEdge e : drawing.edges()) {
      Polyline line = new Polyline();
      for (Point p : e.points()) {
        line.getPoints().addAll(p.x() + MARGIN, p.y() + MARGIN);
      }
      line.setStroke(Color.web(theme.edge()));
      line.setStrokeWidth(theme.edgeWidth());
      line.setOpacity(e.faded() ? theme.fadedOpacity() : 1);
      parts.add(line);
    }
    // a figure whose node did not change (same box, lines, colour...) is reused: a script with
    // hundreds of namespaces redraws after every step
    java.util.Map<NamespaceNode, Group> next = new java.util.HashMap<>();
    for (NamespaceNode n : drawing.nodes()) {
      Group g = figures.get(n);
      if (g == null) {
        g = figure(n);
      }
      next.put(n, g);
      parts.add(g);
    }
    content.getChildren().setAll(parts);
    figures = next;
    showRoot();
  }

  private Group figure(NamespaceNode n) {
    Group g = new Group();
    g.setId("ns-" + n.name());
    g.getStyleClass().addAll(n.styleClasses());
    Color c = Color.web(Palette.hex(n.colorIndex()));
    Rectangle box =
        new Rectangle(n.box().x() + MARGIN, n.box().y() + MARGIN, n.box().w(), n.box().h());
    box.setArcWidth(10);
    box.setArcHeight(10);
    box.setFill(Color.web(theme.nodeFill()));
    box.setStroke(c);
    box.setStrokeWidth(n.perspective() ? 3.5 : 1.6);
    if (n.life() != PidNamespace.Life.ALIVE) {
      box.getStrokeDashArray().setAll(6.0, 4.0);
    }
    Rectangle header =
        new Rectangle(
            n.header().x() + MARGIN, n.header().y() + MARGIN, n.header().w(), n.header().h());
    header.setFill(Color.web(theme.headerFill(n.colorIndex())));
    g.getChildren().addAll(box, header);
    boolean first = true;
    for (TextItem item : n.lines()) {
      Text t = new Text(item.text());
      FontSpec f = theme.typography().font(item.role());
      t.setFont(Font.font(f.family(), f.bold() ? FontWeight.BOLD : FontWeight.NORMAL, f.size()));
      t.setFill(Color.web(first ? theme.headerText(n.colorIndex()) : theme.foreground()));
      double w = t.getLayoutBounds().getWidth();
      t.setX(
          MARGIN
              + (item.anchor() == TextItem.Anchor.MIDDLE
                  ? item.box().x() + (item.box().w() - w) / 2
                  : item.box().x()));
      t.setY(MARGIN + item.baseline());
      g.getChildren().add(t);
      first = false;
    }
    g.setOpacity(n.faded() ? theme.fadedOpacity() : 1);
    // tooltips are made on first hover: hundreds of them up front cost more than the figures
    g.setOnMouseEntered(
        e -> {
          if (g.getProperties().containsKey("tip")) {
            return;
          }
          g.getProperties().put("tip", true);
          Tooltip.install(g, tooltip(n));
        });
    g.setOnMouseClicked(
        e -> {
          if (e.getButton() != MouseButton.PRIMARY) {
            return;
          }
          PidNamespace ns = find(n.serial());
          if (ns == null) {
            return;
          }
          if (e.getClickCount() >= 2) {
            model.perspectiveProperty().set(ns.level() == 0 ? null : ns);
          } else {
            onClick.accept(ns);
          }
        });
    return g;
  }

  private static Tooltip tooltip(NamespaceNode n) {
    return new Tooltip(
        n.name()
            + ", level "
            + n.level()
            + ", init "
            + n.initLabel()
            + ", "
            + n.taskCount()
            + " tasks, pid_max "
            + n.pidMax()
            + ", ns_last_pid "
            + n.nsLastPid()
            + ", "
            + n.life().name().toLowerCase()
            + "\nClick: inspect · double click: view from here");
  }

  private PidNamespace find(int serial) {
    for (PidNamespace ns : model.kernel().namespaces()) {
      if (ns.serial() == serial) {
        return ns;
      }
    }
    return null;
  }
}
