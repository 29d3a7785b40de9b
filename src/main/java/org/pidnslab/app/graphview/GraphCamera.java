package org.pidnslab.app.graphview;

import java.util.function.Supplier;
import javafx.scene.Group;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;

/**
 * How the task graph is seen: the zoom (Ctrl+wheel, the zoom buttons), fitting the picture to the
 * view, and scrolling a part of the picture into view. It scales the graph's content group and
 * moves the scroll pane; it never changes the drawing.
 */
public final class GraphCamera {
  /** Small pictures are scaled up at most this much to fill the view. */
  static final double MAX_AUTO_ZOOM = 1.6;

  /**
   * Automatic fitting never shrinks the picture (large type must stay large); the Fit button does.
   */
  static final double MIN_AUTO_ZOOM = 1.0;

  /**
   * The furthest the camera zooms out: a force-directed picture of 200 tasks is about 30,000 px
   * wide, and fitting it takes 2 %; zoomed that far out the graph shows namespace cards.
   */
  static final double MIN_ZOOM = 0.01;

  private final ScrollPane scroller;
  private final Group content;
  private final double margin;
  private final Supplier<Drawing> drawing;
  private double zoom = 1;
  private boolean userZoomed; // until the user zooms, small pictures are scaled up to fill the view

  GraphCamera(ScrollPane scroller, Group content, double margin, Supplier<Drawing> drawing) {
    this.scroller = scroller;
    this.content = content;
    this.margin = margin;
    this.drawing = drawing;
    scroller.addEventFilter(
        ScrollEvent.SCROLL,
        e -> {
          if (e.isShortcutDown()) {
            userZoomed = true;
            setZoom(zoom * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1));
            e.consume();
          }
        });
  }

  public void zoomIn() {
    userZoomed = true;
    setZoom(zoom * 1.25);
  }

  public void zoomOut() {
    userZoomed = true;
    setZoom(zoom / 1.25);
  }

  /** Scales the picture to fit the visible area, and keeps fitting it as it changes. */
  public void fit() {
    userZoomed = false;
    if (drawing.get() == null) {
      return;
    }
    setZoom(Math.min(MAX_AUTO_ZOOM, fitScale())); // the whole picture, however small that makes it
  }

  /** Whether the automatic fit is on (the user has not zoomed since the last {@link #fit()}). */
  public boolean autoFitting() {
    return !userZoomed;
  }

  /** Until the user zooms, small pictures grow (up to 1.6x) to fill the view; big ones scroll. */
  void autoFit() {
    if (userZoomed || drawing.get() == null || scroller.getViewportBounds().getWidth() <= 0) {
      return;
    }
    setZoom(Math.max(MIN_AUTO_ZOOM, Math.min(MAX_AUTO_ZOOM, fitScale())));
  }

  /** Scrolls so that the centre of {@code box} (drawing coordinates) is in view. */
  void reveal(Box box) {
    Drawing d = drawing.get();
    double w = d.width() + 2 * margin;
    double h = d.height() + 2 * margin;
    scroller.setHvalue(Math.max(0, Math.min(1, (box.centerX() + margin) / w)));
    scroller.setVvalue(Math.max(0, Math.min(1, (box.centerY() + margin) / h)));
  }

  public double zoom() {
    return zoom;
  }

  private double fitScale() {
    Drawing d = drawing.get();
    double w = Math.max(100, scroller.getViewportBounds().getWidth() - 4);
    double h = Math.max(100, scroller.getViewportBounds().getHeight() - 4);
    return Math.min(w / (d.width() + 2 * margin), h / (d.height() + 2 * margin));
  }

  private void setZoom(double z) {
    zoom = Math.max(MIN_ZOOM, Math.min(4, z));
    content.setScaleX(zoom);
    content.setScaleY(zoom);
  }
}
