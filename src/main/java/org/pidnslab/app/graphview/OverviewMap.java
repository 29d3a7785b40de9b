package org.pidnslab.app.graphview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.NamespaceHull;
import org.pidnslab.graph.Palette;

/**
 * A small map of the whole picture in the graph's bottom-right corner: each namespace's hull as a
 * coloured rectangle and the part in view as an outlined one. Clicking or dragging on it moves the
 * view there. It is shown only while the picture does not fit the view, so a lesson's small picture
 * never carries it.
 */
final class OverviewMap extends Pane {
  /** The map's longer side, in px. */
  static final double SIZE = 180;

  private final Supplier<Drawing> drawing;
  private final GraphCamera camera;
  private final Pane shapes = new Pane();
  private final Rectangle frame = new Rectangle();
  private Drawing drawn;
  private double scale = 1;

  OverviewMap(Supplier<Drawing> drawing, GraphCamera camera) {
    this.drawing = drawing;
    this.camera = camera;
    setId("overviewMap");
    getStyleClass().add("overview-map");
    frame.setId("overviewViewport");
    frame.getStyleClass().add("overview-viewport");
    frame.setFill(Color.rgb(30, 110, 220, 0.12));
    frame.setStroke(Color.rgb(30, 110, 220));
    frame.setStrokeWidth(1.5);
    frame.setMouseTransparent(true);
    getChildren().addAll(shapes, frame);
    StackPane.setAlignment(this, Pos.BOTTOM_RIGHT);
    StackPane.setMargin(this, new javafx.geometry.Insets(0, 18, 18, 0));
    setManaged(true);
    setVisible(false);
    addEventHandler(MouseEvent.MOUSE_PRESSED, this::moveTo);
    addEventHandler(MouseEvent.MOUSE_DRAGGED, this::moveTo);
    camera.viewportProperty().addListener((o, a, b) -> update());
  }

  /** Redraws the map after a new picture went on show. */
  void update() {
    Drawing d = drawing.get();
    Box seen = camera.viewportProperty().get();
    boolean fits = d == null || seen == null || seen.contains(new Box(0, 0, d.width(), d.height()));
    setVisible(!fits);
    if (fits) {
      return;
    }
    if (d != drawn) {
      drawShapes(d);
    }
    double x0 = Math.max(0, seen.x());
    double y0 = Math.max(0, seen.y());
    double x1 = Math.min(d.width(), seen.maxX());
    double y1 = Math.min(d.height(), seen.maxY());
    frame.setX(x0 * scale);
    frame.setY(y0 * scale);
    frame.setWidth(Math.max(2, (x1 - x0) * scale));
    frame.setHeight(Math.max(2, (y1 - y0) * scale));
  }

  private void drawShapes(Drawing d) {
    drawn = d;
    scale = SIZE / Math.max(1, Math.max(d.width(), d.height()));
    double w = Math.max(24, d.width() * scale);
    double h = Math.max(24, d.height() * scale);
    setPrefSize(w, h);
    setMinSize(w, h);
    setMaxSize(w, h);
    List<Rectangle> out = new ArrayList<>();
    List<NamespaceHull> hulls = new ArrayList<>(d.hulls());
    hulls.sort(Comparator.comparingInt(NamespaceHull::level));
    for (NamespaceHull hull : hulls) {
      Box b = hull.bounds();
      Rectangle r = new Rectangle(b.x() * scale, b.y() * scale, b.w() * scale, b.h() * scale);
      Color c = Color.web(Palette.hex(hull.colorIndex()));
      r.setFill(c.deriveColor(0, 1, 1, 0.45));
      r.setStroke(c);
      r.setStrokeWidth(0.75);
      r.getStyleClass().add("overview-hull");
      out.add(r);
    }
    shapes.getChildren().setAll(out);
  }

  /** Centres the view on the point of the picture under the mouse. */
  private void moveTo(MouseEvent e) {
    if (drawn == null || scale <= 0) {
      return;
    }
    double x = Math.max(0, Math.min(drawn.width(), e.getX() / scale));
    double y = Math.max(0, Math.min(drawn.height(), e.getY() / scale));
    camera.centerOn(x, y);
    e.consume();
  }
}
