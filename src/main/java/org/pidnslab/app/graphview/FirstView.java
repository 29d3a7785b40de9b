package org.pidnslab.app.graphview;

import javafx.scene.control.ScrollPane;
import org.pidnslab.graph.Drawing;

/**
 * Decides when a picture is a new scene and frames the whole of it: the window's first picture, a
 * new layout, a script opened or a jump along the timeline. Without this a force-directed or
 * circular picture, whose top-left corner is empty, came up blank until Fit was pressed.
 *
 * <p>The whole scene stays framed while the view settles its size (a window opening resizes its
 * panes several times); the next call hands the view back to the camera's own following.
 */
final class FirstView {
  private final GraphCamera camera;
  private final ScrollPane scroller;
  private boolean expected = true;
  private boolean framing;
  private boolean framedThisTurn;
  private int historySize = -1;

  FirstView(GraphCamera camera, ScrollPane scroller) {
    this.camera = camera;
    this.scroller = scroller;
    scroller.viewportBoundsProperty().addListener((o, a, b) -> resized());
  }

  /**
   * The next picture is a new scene (a new layout, a script opened): frame it whatever the zoom.
   */
  void expect() {
    expected = true;
  }

  /**
   * Whether the next picture after {@code current} is a new scene: the first, a new layout or
   * script.
   */
  boolean newScene(Drawing current) {
    return expected || current == null;
  }

  /**
   * Whether a new scene is on its way or was framed whole in this same turn of the FX thread: the
   * caption of the step it opens at must not pull the camera away from it (the camera glided to the
   * subject and a resize glided back, twice the work before the first picture settled).
   */
  boolean holdingWhole() {
    return expected || framedThisTurn;
  }

  /** Whether the view is showing a new scene whole (until the next call or a user zoom). */
  boolean framing() {
    return framing;
  }

  /**
   * A picture went on show: frame it whole if it is a new scene.
   *
   * @param old the picture before, or null for the first
   * @param noEvents whether no call's story comes with it (a replay, a jump, an opened file)
   * @param history how many statements made the state
   * @return whether it was framed whole (else the camera follows the call's action)
   */
  boolean settle(Drawing old, boolean noEvents, int history) {
    boolean jumped = noEvents && history != historySize && camera.autoFitting();
    boolean fresh = expected || old == null || jumped;
    boolean cut = expected || old == null;
    historySize = history;
    expected = false;
    framing = fresh;
    if (fresh) {
      frame();
      if (cut) {
        camera.finishMove(); // a new script or layout: nothing to glide from
      }
      framedThisTurn = true;
      javafx.application.Platform.runLater(() -> framedThisTurn = false);
    }
    return fresh;
  }

  private void resized() {
    if (framing && camera.autoFitting()) {
      frame();
    } else {
      camera.viewResized();
    }
  }

  private void frame() {
    if (scroller.getViewportBounds().getWidth() > 0) {
      camera.fit();
    }
  }
}
