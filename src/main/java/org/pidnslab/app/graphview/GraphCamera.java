package org.pidnslab.app.graphview;

import java.util.Collection;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Group;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.ViewFit;

/**
 * How the task graph is seen: a zoom and a centre point in drawing coordinates. The camera fits the
 * picture to the view in both directions (small pictures grow up to a bound set by the size of the
 * pid digits, big ones shrink to a readable minimum and then scroll), follows the tasks a call
 * changed, and glides between positions with {@link Motion#EASING} instead of jumping. A zoom by
 * the user stops the automatic fit until {@link #fit()}. It scales the graph's content group and
 * moves the scroll pane; it never changes the drawing.
 */
public final class GraphCamera {
  /**
   * Pid digits (the chip font, on screen) are never enlarged beyond this: one task must not fill a
   * wall.
   */
  static final double MAX_CHIP_PX = 60;

  /** The automatic fit shrinks a big picture until the chip font is this small, then scrolls. */
  static final double MIN_CHIP_PX = 9;

  /** When presenting, the room must read the chips from the back: the fit stops here. */
  static final double MIN_CHIP_PX_PRESENTING = 16;

  /** To keep changed tasks in view the camera may zoom out further, down to this. */
  static final double FLOOR_CHIP_PX = 4;

  /**
   * The furthest the camera zooms out: a force-directed picture of 200 tasks is about 30,000 px
   * wide, and fitting it takes 2 %; zoomed that far out the graph shows namespace cards.
   */
  static final double MIN_ZOOM = 0.01;

  /** A camera move lasts this many story steps: about 300 ms at Normal speed. */
  static final double MOVE_STEPS = 0.7;

  private final ScrollPane scroller;
  private final Group content;
  private final double margin;
  private final Supplier<Drawing> drawing;
  private final DoubleSupplier chipSize;
  private final Supplier<Motion> motion;
  private final ReadOnlyDoubleWrapper zoomOnScreen = new ReadOnlyDoubleWrapper(1);
  private final ReadOnlyObjectWrapper<Box> viewport = new ReadOnlyObjectWrapper<>();
  // the animated camera: a Timeline moves these three, a listener applies them
  private final DoubleProperty animZoom = new SimpleDoubleProperty(1);
  private final DoubleProperty animX = new SimpleDoubleProperty();
  private final DoubleProperty animY = new SimpleDoubleProperty();
  private double target = 1;
  private double targetX; // the centre the camera shows or glides to, in drawing coordinates
  private double targetY;
  private boolean userZoomed;
  private double minChipPx = MIN_CHIP_PX;
  private Timeline move;
  private double seenWidth;
  private double seenHeight;
  private Box lastFocus; // what the last call asked to keep in view: a resize keeps it too

  /**
   * @param margin the drawing's offset inside the content group
   * @param chipSize the pid chips' font size at zoom 1, in px
   */
  GraphCamera(
      ScrollPane scroller,
      Group content,
      double margin,
      Supplier<Drawing> drawing,
      DoubleSupplier chipSize,
      Supplier<Motion> motion) {
    this.scroller = scroller;
    this.content = content;
    this.margin = margin;
    this.drawing = drawing;
    this.chipSize = chipSize;
    this.motion = motion;
    scroller.addEventFilter(
        ScrollEvent.SCROLL,
        e -> {
          if (e.isShortcutDown()) {
            userZoomed = true;
            jump(target * (e.getDeltaY() > 0 ? 1.1 : 1 / 1.1), centerX(), centerY());
            e.consume();
          }
        });
    animZoom.addListener((o, a, b) -> apply());
    animX.addListener((o, a, b) -> apply());
    animY.addListener((o, a, b) -> apply());
    scroller.hvalueProperty().addListener((o, a, b) -> updateViewport());
    scroller.vvalueProperty().addListener((o, a, b) -> updateViewport());
    scroller.viewportBoundsProperty().addListener((o, a, b) -> updateViewport());
  }

  public void zoomIn() {
    userZoomed = true;
    glide(target * 1.25, centerX(), centerY());
  }

  public void zoomOut() {
    userZoomed = true;
    glide(target / 1.25, centerX(), centerY());
  }

  /**
   * Shows the picture at {@code z} (1 = the drawing's own size, as the exports draw it) at once.
   */
  public void zoomTo(double z) {
    userZoomed = true;
    jump(z, centerX(), centerY());
  }

  /** Shows the picture at its own size (100 %, as the exports draw it), as a user zoom does. */
  public void actualSize() {
    zoomTo(1);
  }

  /** Frames the whole picture, however small that makes it, and keeps fitting it as it changes. */
  public void fit() {
    userZoomed = false;
    lastFocus = null; // the whole picture, not the places of an earlier call's victims
    Drawing d = drawing.get();
    if (d == null || !hasView()) {
      return;
    }
    // a fitted picture has no scroll bars (see move): measure the view without the bars a
    // close-up had, or the fit changes once they are gone (a picture of the view's own shape)
    if (scroller.getHbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER
        || scroller.getVbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER) {
      scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
      scroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
      scroller.applyCss();
      scroller.layout();
    }
    glide(Math.min(maxZoom(), fitScale(whole(d))), whole(d).centerX(), whole(d).centerY());
  }

  /** Whether the automatic fit is on (the user has not zoomed since the last {@link #fit()}). */
  public boolean autoFitting() {
    return !userZoomed;
  }

  /**
   * The zoom the camera shows or is gliding to (1 = the drawing's own size); {@link
   * #zoomProperty()} is the zoom on screen at this moment.
   */
  public double zoom() {
    return target;
  }

  /** The zoom on screen now, changing during a glide. */
  public ReadOnlyDoubleProperty zoomProperty() {
    return zoomOnScreen.getReadOnlyProperty();
  }

  /** The part of the drawing in view, in drawing coordinates, or null before the first layout. */
  public ReadOnlyObjectProperty<Box> viewportProperty() {
    return viewport.getReadOnlyProperty();
  }

  /** Glides so that the point (drawing coordinates) is in the middle of the view, at this zoom. */
  public void centerOn(double x, double y) {
    glide(target, x, y);
  }

  /**
   * While presenting, the automatic fit keeps the chips large enough for a room; otherwise it lets
   * them shrink to what a screen at arm's length can show.
   */
  public void setPresenting(boolean presenting) {
    minChipPx = presenting ? MIN_CHIP_PX_PRESENTING : MIN_CHIP_PX;
  }

  /** Where the camera is: enough to come back to it. */
  public record Shot(double zoom, double centerX, double centerY, boolean userZoomed) {}

  /** The camera's position now (after a running glide). */
  public Shot shot() {
    finishMove();
    return new Shot(target, centerX(), centerY(), userZoomed);
  }

  /** Returns to {@code shot} at once: the user's zoom and place, or the automatic fit. */
  public void restore(Shot shot) {
    userZoomed = shot.userZoomed();
    if (userZoomed) {
      jump(shot.zoom(), shot.centerX(), shot.centerY());
    } else {
      frame(lastFocus, false);
    }
  }

  /** The size of the pid chips' text on screen at the zoom the camera is going to, in px. */
  public double chipPixels() {
    return chipSize.getAsDouble() * target;
  }

  /** The view's size changed (a caption grew, the window): frame again at once, focus kept. */
  void viewResized() {
    // the viewport's bounds also change when it scrolls (their origin moves): only a new size
    // counts
    if (viewWidth() == seenWidth && viewHeight() == seenHeight) {
      return;
    }
    seenWidth = viewWidth();
    seenHeight = viewHeight();
    if (!userZoomed) {
      frame(lastFocus, false);
    }
  }

  /**
   * A call changed the picture: keep the whole of it in view if it can be read that way, else keep
   * {@code focus} (the changed tasks and the caption's subject, drawing coordinates) in view,
   * zooming out as far as needed; after a user zoom only scroll. Glides unless {@code animate} is
   * false.
   *
   * @return whether everything in {@code focus} is in view at the end
   */
  boolean follow(Collection<Box> focus, boolean animate) {
    Box region = enclosing(focus);
    lastFocus = region;
    if (drawing.get() == null || !hasView()) {
      return true;
    }
    if (!userZoomed) {
      return frame(region, animate);
    }
    if (region == null || inView(region, target, centerX(), centerY())) {
      return true;
    }
    move(target, region.centerX(), region.centerY(), animate);
    return inView(region, target, region.centerX(), region.centerY());
  }

  /**
   * Brings {@code boxes} (what an expanded card brought out) into view as {@link #follow} keeps a
   * call's changed tasks in view (zooming out as far as {@link #FLOOR_CHIP_PX}); when even that
   * cannot show them all, the part at their top around the first of them (a namespace's init, a
   * subtree's first child: the compact layout draws it at the top-left, the tidy tree centres it
   * over a row that may be tens of thousands of pixels wide), at the readable zoom.
   */
  void bringIntoView(Collection<Box> boxes, boolean animate) {
    Box region = enclosing(boxes);
    if (region != null && hasView() && fitScale(region) < FLOOR_CHIP_PX / chipSize.getAsDouble()) {
      double z = minChipPx / chipSize.getAsDouble();
      double w = ViewFit.scale(1, 1, viewWidth(), Double.MAX_VALUE) / z;
      double h = ViewFit.scale(1, 1, Double.MAX_VALUE, viewHeight()) / z;
      // less the margin follow leaves around what it frames, so that the zoom stays readable
      double rw = Math.min(region.w(), Math.max(1, w - 2 * margin));
      double rh = Math.min(region.h(), Math.max(1, h - 2 * margin));
      Box first = boxes.iterator().next();
      double x = Math.max(region.x(), Math.min(first.centerX() - rw / 2, region.maxX() - rw));
      double y = Math.max(region.y(), Math.min(first.y(), region.maxY() - rh));
      region = new Box(x, y, rw, rh);
    }
    follow(region == null ? java.util.List.of() : java.util.List.of(region), animate);
  }

  /** Scrolls so that the centre of {@code box} (drawing coordinates) is in view. */
  void reveal(Box box) {
    if (!inView(box, target, centerX(), centerY())) {
      glide(target, box.centerX(), box.centerY());
    }
  }

  private boolean frame(Box focus, boolean animate) {
    Drawing d = drawing.get();
    if (d == null || !hasView()) {
      return true;
    }
    // the places of tasks a call reaped may lie outside today's smaller drawing: while their
    // story is told (their figures fade there) the picture includes them
    Box all = focus == null ? whole(d) : enclosing(java.util.List.of(whole(d), focus));
    double fit = fitScale(all);
    double min = minChipPx / chipSize.getAsDouble();
    if (fit >= min || focus == null) {
      double z = Math.max(min, Math.min(maxZoom(), fit));
      double cx = fit >= min ? all.centerX() : centerX();
      double cy = fit >= min ? all.centerY() : centerY();
      move(z, cx, cy, animate);
      return focus == null || inView(focus, z, cx, cy);
    }
    // too big to read whole: stay at the readable size unless the changed tasks need less
    double floor = FLOOR_CHIP_PX / chipSize.getAsDouble();
    double z = Math.max(floor, Math.min(min, fitScale(focus.grow(margin))));
    double cx = inView(focus, z, centerX(), centerY()) ? centerX() : focus.centerX();
    double cy = inView(focus, z, centerX(), centerY()) ? centerY() : focus.centerY();
    move(z, cx, cy, animate);
    return inView(focus, z, cx, cy);
  }

  private double maxZoom() {
    return MAX_CHIP_PX / chipSize.getAsDouble();
  }

  /** The drawing, in drawing coordinates (the view's 5 % margins replace the drawing's own). */
  private static Box whole(Drawing d) {
    return new Box(0, 0, d.width(), d.height());
  }

  /** The zoom at which {@code b} fills the view less its margins. */
  private double fitScale(Box b) {
    return fitScale(b, viewWidth(), viewHeight());
  }

  /** The zoom at which {@code b} fills a view of {@code w} x {@code h} px less its margins. */
  private static double fitScale(Box b, double viewW, double viewH) {
    // the content group's own margin may then overflow the view: no scroll bars appear for it
    // (see move) and the scroll values centre the drawing itself
    return ViewFit.scale(b.w(), b.h(), viewW, viewH);
  }

  /**
   * The zoom the automatic fit would give all of {@code d} in a view of {@code w} x {@code h} px,
   * the chip bound included: where a presentation places its caption compares two of these.
   */
  public double fitZoom(Drawing d, double w, double h) {
    return Math.min(maxZoom(), fitScale(whole(d), w, h));
  }

  /**
   * What the view shows once the running glide ends (drawing coordinates), or null before the first
   * picture: tests ask it while a story is still being told.
   */
  public Box targetView() {
    return drawing.get() == null || !hasView() ? null : seen(target, targetX, targetY);
  }

  private boolean inView(Box b, double z, double cx, double cy) {
    return seen(z, cx, cy).grow(0.5).contains(b);
  }

  /** What the view shows at zoom {@code z} centred on (cx, cy), in drawing coordinates. */
  private Box seen(double z, double cx, double cy) {
    Box e = extent(drawing.get());
    double w = viewWidth() / z;
    double h = viewHeight() / z;
    double x = clampCenter(cx, w, e.x(), e.maxX()) - w / 2;
    double y = clampCenter(cy, h, e.y(), e.maxY()) - h / 2;
    return new Box(x, y, w, h);
  }

  /**
   * What the scroll pane shows of the content: the drawing, and while the story of a kill or reap
   * is told, the places where the victims fade (they may lie outside today's smaller drawing).
   */
  private Box extent(Drawing d) {
    return lastFocus == null ? whole(d) : enclosing(java.util.List.of(whole(d), lastFocus));
  }

  /**
   * The centre a scroll pane can really show: a picture's edges ({@code from}, {@code to}) stop it;
   * a small one is centred.
   */
  private double clampCenter(double c, double seen, double from, double to) {
    double lo = from - margin + seen / 2;
    double hi = to + margin - seen / 2;
    return lo > hi ? (from + to) / 2 : Math.max(lo, Math.min(hi, c));
  }

  /** The smallest box around {@code boxes}, or null for none. */
  private static Box enclosing(Collection<Box> boxes) {
    if (boxes == null || boxes.isEmpty()) {
      return null;
    }
    java.util.List<org.pidnslab.graph.Point> corners = new java.util.ArrayList<>();
    for (Box b : boxes) {
      corners.add(new org.pidnslab.graph.Point(b.x(), b.y()));
      corners.add(new org.pidnslab.graph.Point(b.maxX(), b.maxY()));
    }
    return Box.enclosing(corners);
  }

  private boolean hasView() {
    return viewWidth() > 0 && viewHeight() > 0;
  }

  private double viewWidth() {
    return scroller.getViewportBounds().getWidth();
  }

  private double viewHeight() {
    return scroller.getViewportBounds().getHeight();
  }

  private void glide(double z, double cx, double cy) {
    move(z, cx, cy, true);
  }

  private void jump(double z, double cx, double cy) {
    move(z, cx, cy, false);
  }

  /** Moves the camera; glides at the speed chosen for animations (Instant: jumps). */
  private void move(double z, double cx, double cy, boolean animate) {
    z = Math.max(MIN_ZOOM, Math.min(8, z));
    double fromX = centerX();
    double fromY = centerY();
    if (move != null) {
      move.stop();
      move = null;
    }
    target = z;
    targetX = cx;
    targetY = cy;
    // a picture that fits needs no scroll bars; a bar that came and went would change the view
    // the fit was computed for (and the fit again)
    // (a room has no use for scroll bars: the camera follows the action, and drag still pans)
    ScrollPane.ScrollBarPolicy bars =
        minChipPx == MIN_CHIP_PX_PRESENTING
                || drawing.get() != null && z <= fitScale(whole(drawing.get())) + 1e-6
            ? ScrollPane.ScrollBarPolicy.NEVER
            : ScrollPane.ScrollBarPolicy.AS_NEEDED;
    scroller.setHbarPolicy(bars);
    scroller.setVbarPolicy(bars);
    Motion m = motion.get();
    boolean same =
        Math.abs(animZoom.get() - z) < 1e-9
            && Math.abs(fromX - cx) < 0.5
            && Math.abs(fromY - cy) < 0.5;
    if (!animate || m.instant() || same || drawing.get() == null) {
      set(z, cx, cy);
      return;
    }
    set(animZoom.get(), fromX, fromY);
    move =
        new Timeline(
            new KeyFrame(
                m.steps(MOVE_STEPS),
                new KeyValue(animZoom, z, Motion.EASING),
                new KeyValue(animX, cx, Motion.EASING),
                new KeyValue(animY, cy, Motion.EASING)));
    move.setOnFinished(e -> move = null);
    move.play();
  }

  /** Ends a glide now, at its destination (tests and snapshots read the final picture). */
  public void finishMove() {
    if (move != null) {
      move.jumpTo(move.getTotalDuration());
      move.stop();
      move = null;
      set(target, animX.get(), animY.get());
    }
  }

  /** Whether the camera is gliding. */
  public boolean moving() {
    return move != null;
  }

  private boolean applying;

  private void set(double z, double cx, double cy) {
    applying = true;
    animZoom.set(z);
    animX.set(cx);
    animY.set(cy);
    applying = false;
    apply();
  }

  /** Puts the animated zoom and centre on screen: the content's scale and the scroll values. */
  private void apply() {
    if (applying) {
      return;
    }
    double z = animZoom.get();
    content.setScaleX(z);
    content.setScaleY(z);
    zoomOnScreen.set(z);
    Drawing d = drawing.get();
    if (d == null || !hasView()) {
      return;
    }
    double contentW = (d.width() + 2 * margin) * z;
    double contentH = (d.height() + 2 * margin) * z;
    scroller.setHvalue(scrollValue(animX.get(), z, contentW, viewWidth()));
    scroller.setVvalue(scrollValue(animY.get(), z, contentH, viewHeight()));
    updateViewport();
  }

  /** The scroll value that puts drawing coordinate {@code c} in the middle of the view. */
  private double scrollValue(double c, double z, double contentSize, double view) {
    if (contentSize <= view) {
      return 0;
    }
    double v = ((c + margin) * z - view / 2) / (contentSize - view);
    return Math.max(0, Math.min(1, v));
  }

  /** The centre of the view in drawing coordinates, as the scroll pane shows it now. */
  private double centerX() {
    Box v = viewport.get();
    return v == null ? animX.get() : v.centerX();
  }

  private double centerY() {
    Box v = viewport.get();
    return v == null ? animY.get() : v.centerY();
  }

  private void updateViewport() {
    Drawing d = drawing.get();
    if (d == null || !hasView()) {
      return;
    }
    double z = zoomOnScreen.get();
    Box e = extent(d);
    viewport.set(
        new Box(
            visibleStart(scroller.getHvalue(), z, d.width(), viewWidth(), e.centerX()),
            visibleStart(scroller.getVvalue(), z, d.height(), viewHeight(), e.centerY()),
            viewWidth() / z,
            viewHeight() / z));
  }

  /** Where the view begins, in drawing coordinates, along one axis. */
  private double visibleStart(double value, double z, double size, double view, double middle) {
    double contentSize = (size + 2 * margin) * z;
    if (contentSize <= view) {
      return middle - view / z / 2; // a small picture sits in the middle
    }
    return value * (contentSize - view) / z - margin;
  }
}
