package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.graphview.TaskFigure;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.NamespaceHull;
import org.pidnslab.graph.Point;
import org.pidnslab.graph.SummaryCard;
import org.pidnslab.graph.TaskNode;
import org.pidnslab.graph.TreeEdge;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole picture moves together when a card unfolds or a namespace folds (issue 14): the edges
 * stay on their figures, the hull grows out of the card or shrinks into it, the card fades, the
 * cards around glide; at the instant speed there is no frame between, and when it is over every
 * figure, line, hull and card is exactly where the drawing says.
 */
@ExtendWith(ApplicationExtension.class)
class UnfoldTogetherWindowTest {
  private static final String PREFS =
      "org/pidnslab/unfold-all-test-" + ProcessHandle.current().pid();
  private static final String SCRIPT =
      "fork init a\nclone a c newpid\nfork c c1\nfork c c2\nfork c1 c3\nfork c c4\nfork c c5\n"
          + "fork init b\n"
          + "clone b d newpid\nfork d d1\nfork d d2\nfork d d3\nfork d d4";
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = WindowTests.show(stage, PREFS, () -> null);
  }

  @AfterEach
  void cleanUp(FxRobot robot) throws Exception {
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  /** Opens the script at its end in the tree layout, collapses {@code namespaces} at once. */
  private void open(FxRobot robot, String... namespaces) throws Exception {
    robot.interact(
        () -> {
          window.setLayout(org.pidnslab.graph.LayoutChoice.TREE);
          window.experiment().load(SCRIPT, null, Integer.MAX_VALUE);
        });
    WindowTests.settle(robot, window);
    for (String ns : namespaces) {
      robot.clickOn("#hull-name-" + ns);
      WindowTests.settle(robot, window);
    }
  }

  private int serial(String label) {
    return window.model().task(label).serial();
  }

  private Drawing drawing() {
    return window.graph().drawing();
  }

  private SummaryCard card(String ns) {
    return drawing().cards().stream()
        .filter(c -> c.name().equals(ns))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no card of " + ns));
  }

  private static String cardId(SummaryCard c) {
    return "#card-ns-" + c.serial() + "-" + c.part();
  }

  /** Where the drawing's (0, 0) is in the layers: init's figure never moves here. */
  private double margin() {
    TaskFigure init = window.graph().figure(serial("init"));
    return init.getTranslateX() - drawing().task(serial("init")).orElseThrow().box().x();
  }

  private void slow(FxRobot robot) {
    robot.interact(() -> window.graph().speedControl().setValue(Motion.SLOW));
  }

  /**
   * Takes {@code look} at every frame while the picture moves, in the frame itself (after the
   * animations have set it, before it is drawn): a loaded machine draws few frames, and a round
   * trip to the FX thread per sample would miss them.
   */
  private <T> List<T> watch(FxRobot robot, Supplier<T> look) throws Exception {
    List<T> out = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch still = new java.util.concurrent.CountDownLatch(1);
    RuntimeException[] failed = new RuntimeException[1];
    robot.interact(
        () ->
            new javafx.animation.AnimationTimer() {
              @Override
              public void handle(long now) {
                try {
                  if (window.graph().animating()) {
                    out.add(look.get());
                    return;
                  }
                } catch (RuntimeException e) {
                  failed[0] = e;
                }
                stop();
                still.countDown();
              }
            }.start());
    assertTrue(still.await(30, java.util.concurrent.TimeUnit.SECONDS), "the picture stops");
    if (failed[0] != null) {
      throw failed[0];
    }
    return out;
  }

  /** A point of a figure's own box (0..w, 0..h), where it is drawn now, in the edge layer. */
  private Point2D onFigure(int serial, double fx, double fy) {
    // looked up in the scene: a figure folding away is no longer the graph's, but still drawn
    TaskFigure f = (TaskFigure) stage.getScene().lookup("#task-" + serial);
    Box own = f.node().box();
    Group edges = window.graph().edges();
    return edges.sceneToLocal(f.localToScene(own.w() * fx, own.h() * fy));
  }

  private Polyline line(int from, int to) {
    return (Polyline)
        window.graph().edges().getChildren().stream()
            .filter(n -> ("edge-" + from + "-" + to).equals(n.getId()))
            .findFirst()
            .orElse(null);
  }

  private static Point2D first(Polyline l) {
    return new Point2D(l.getPoints().get(0), l.getPoints().get(1));
  }

  private static Point2D last(Polyline l) {
    int n = l.getPoints().size();
    return new Point2D(l.getPoints().get(n - 2), l.getPoints().get(n - 1));
  }

  /**
   * One frame of an edge: how far its ends are from the points of its figures, where they are drawn
   * now, at which the drawing joins them (the same fraction of each figure's box), and from where
   * the drawing ends it.
   */
  private record EdgeFrame(
      double offParent, double offChild, double fromFinal, double childMoved) {}

  /** {@code drawn}, an edge of drawing {@code d}, as it is on show now. */
  private EdgeFrame edgeFrame(TreeEdge drawn, Drawing d, double margin) {
    Polyline l = line(drawn.fromSerial(), drawn.toSerial());
    Point start = drawn.points().get(0);
    Point end = drawn.points().get(drawn.points().size() - 1);
    Point2D place = new Point2D(end.x() + margin, end.y() + margin);
    Point2D parent = onFigure(drawn.fromSerial(), start, d);
    Point2D child = onFigure(drawn.toSerial(), end, d);
    return new EdgeFrame(
        first(l).distance(parent),
        last(l).distance(child),
        last(l).distance(place),
        child.distance(place));
  }

  /** Point {@code p} of a task's box in drawing {@code d}, on its figure where it is drawn now. */
  private Point2D onFigure(int serial, Point p, Drawing d) {
    Box b = d.task(serial).orElseThrow().box();
    return onFigure(serial, (p.x() - b.x()) / b.w(), (p.y() - b.y()) / b.h());
  }

  private TreeEdge edgeTo(int serial) {
    return drawing().edges().stream().filter(e -> e.toSerial() == serial).findFirst().get();
  }

  @Test
  void midUnfoldTheEdgesEndOnTheirFiguresWhereTheyAreNow(FxRobot robot) throws Exception {
    open(robot, "ns1");
    double m = margin();
    slow(robot);
    robot.clickOn(cardId(card("ns1")));
    int a = serial("a");
    int c = serial("c");
    int c1 = serial("c1");
    Drawing d = drawing();
    TreeEdge toC = edgeTo(c);
    TreeEdge toC1 = edgeTo(c1);
    assertEquals(a, toC.fromSerial());
    List<EdgeFrame[]> frames =
        watch(robot, () -> new EdgeFrame[] {edgeFrame(toC, d, m), edgeFrame(toC1, d, m)});
    List<EdgeFrame[]> moving = frames.stream().filter(f -> f[1].childMoved() > 2).toList();
    assertFalse(moving.isEmpty(), "c1 seen on its way in " + frames.size() + " frames");
    for (EdgeFrame[] f : moving) {
      for (EdgeFrame e : f) {
        assertEquals(0, e.offParent(), 0.5, "the line leaves its parent where it is: " + e);
        assertEquals(0, e.offChild(), 0.5, "the line reaches its child where it is: " + e);
        assertTrue(e.fromFinal() > 2, "not where it ends up: " + e);
      }
    }
    assertExactlyAsDrawn(robot);
  }

  @Test
  void onTheContainerHostABadgeUnfoldsWithItsLinesAsItFades(FxRobot robot) throws Exception {
    String host =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("assets/scenarios/container-host.pidns"));
    robot.interact(() -> window.experiment().load(host, null, Integer.MAX_VALUE));
    WindowTests.settle(robot, window); // the new user's automatic layout: compact, collapsed
    SummaryCard badge =
        drawing().cards().stream()
            .filter(c -> c.kind() == SummaryCard.Kind.SUBTREE)
            .findFirst()
            .orElseThrow();
    String badgeId = "#card-subtree-" + badge.serial() + "-" + badge.part();
    double m = margin();
    slow(robot);
    robot.clickOn(badgeId);
    Drawing d = drawing();
    List<TreeEdge> out =
        d.edges().stream().filter(e -> e.fromSerial() == badge.rootSerial()).toList();
    assertTrue(out.size() > 1, "the badge's root has its children back: " + out.size());
    record BadgeFrame(List<EdgeFrame> edges, double opacity) {}
    List<BadgeFrame> frames =
        watch(
            robot,
            () ->
                new BadgeFrame(
                    out.stream().map(e -> edgeFrame(e, d, m)).toList(),
                    robot.lookup(badgeId).tryQuery().map(Node::getOpacity).orElse(-1.0)));
    List<BadgeFrame> mid = frames.stream().filter(f -> f.edges().get(0).childMoved() > 2).toList();
    assertFalse(mid.isEmpty(), "seen unfolding in " + frames.size() + " frames");
    for (BadgeFrame f : mid) {
      for (EdgeFrame e : f.edges()) {
        assertEquals(0, e.offParent(), 0.5, "on the root: " + e);
        assertEquals(0, e.offChild(), 0.5, "on the child: " + e);
      }
      assertTrue(f.opacity() > 0 && f.opacity() < 1, "the badge fading: " + f.opacity());
    }
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(
        () -> {
          for (TreeEdge e : out) {
            assertEquals(
                coordinates(e.points(), m), line(e.fromSerial(), e.toSerial()).getPoints());
          }
          assertTrue(robot.lookup(badgeId).tryQuery().isEmpty(), "the badge is gone");
        });
  }

  /** The bounds of a hull's polygon as drawn, in the drawing's coordinates. */
  private static Box bounds(Polygon p, double margin) {
    List<Point> pts = new ArrayList<>();
    for (int i = 0; i < p.getPoints().size(); i += 2) {
      pts.add(new Point(p.getPoints().get(i) - margin, p.getPoints().get(i + 1) - margin));
    }
    return Box.enclosing(pts);
  }

  /** Whether {@code b} lies between {@code a} and {@code z} on every side (0.5 px tolerance). */
  private static boolean between(Box b, Box a, Box z) {
    double[][] sides = {
      {b.x(), a.x(), z.x()}, {b.y(), a.y(), z.y()},
      {b.maxX(), a.maxX(), z.maxX()}, {b.maxY(), a.maxY(), z.maxY()}
    };
    for (double[] s : sides) {
      if (s[0] < Math.min(s[1], s[2]) - 0.5 || s[0] > Math.max(s[1], s[2]) + 0.5) {
        return false;
      }
    }
    return true;
  }

  private static double apart(Box a, Box b) {
    return Math.max(
        Math.max(Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y())),
        Math.max(Math.abs(a.maxX() - b.maxX()), Math.abs(a.maxY() - b.maxY())));
  }

  /** One frame of a hull and a card: the hull's drawn bounds and the card's opacity (-1: gone). */
  private record HullFrame(Box hull, double cardOpacity) {}

  private HullFrame hullFrame(FxRobot robot, String hullId, String cardId, double margin) {
    Polygon p = (Polygon) robot.lookup("#" + hullId).tryQuery().orElse(null);
    Node card = robot.lookup(cardId).tryQuery().orElse(null);
    return new HullFrame(
        p == null ? null : bounds(p, margin), card == null ? -1 : card.getOpacity());
  }

  @Test
  void midUnfoldTheHullGrowsOutOfTheCardAsTheCardFades(FxRobot robot) throws Exception {
    open(robot, "ns1");
    double m = margin();
    SummaryCard card = card("ns1");
    slow(robot);
    robot.clickOn(cardId(card));
    NamespaceHull hull =
        drawing().hulls().stream().filter(h -> h.namespace().equals("ns1")).findFirst().get();
    Box end = hull.bounds();
    assertTrue(apart(card.box(), end) > 10, "the card and the hull differ: " + card.box() + end);
    List<HullFrame> frames = watch(robot, () -> hullFrame(robot, "hull-ns1-0", cardId(card), m));
    List<HullFrame> mid =
        frames.stream()
            .filter(f -> apart(f.hull(), card.box()) > 2 && apart(f.hull(), end) > 2)
            .toList();
    assertFalse(mid.isEmpty(), "the hull seen growing in " + frames.size() + " frames");
    for (HullFrame f : mid) {
      assertTrue(between(f.hull(), card.box(), end), f.hull() + " from " + card.box() + end);
      assertTrue(f.cardOpacity() > 0 && f.cardOpacity() < 1, "the card fading: " + f.cardOpacity());
    }
    for (int i = 1; i < frames.size(); i++) {
      assertTrue(frames.get(i).cardOpacity() <= frames.get(i - 1).cardOpacity(), "fading out only");
    }
    assertExactlyAsDrawn(robot);
    assertTrue(robot.lookup(cardId(card)).tryQuery().isEmpty(), "the card is gone");
  }

  @Test
  void foldingTakesTheEdgesAndTheHullIntoTheCardAsItFadesIn(FxRobot robot) throws Exception {
    open(robot);
    double m = margin();
    int c = serial("c");
    int c1 = serial("c1");
    Drawing before = drawing();
    TreeEdge toC1 = edgeTo(c1);
    Box start =
        drawing().hulls().stream()
            .filter(h -> h.namespace().equals("ns1"))
            .findFirst()
            .get()
            .bounds();
    slow(robot);
    robot.clickOn("#hull-name-ns1");
    SummaryCard card = card("ns1");
    record FoldFrame(EdgeFrame edge, HullFrame hull) {}
    List<FoldFrame> frames =
        watch(
            robot,
            () ->
                new FoldFrame(
                    edgeFrame(toC1, before, m), hullFrame(robot, "hull-ns1-0", cardId(card), m)));
    List<FoldFrame> mid =
        frames.stream()
            .filter(f -> f.edge().childMoved() > 2 && apart(f.hull().hull(), card.box()) > 2)
            .toList();
    assertFalse(mid.isEmpty(), "seen folding in " + frames.size() + " frames");
    for (FoldFrame f : mid) {
      assertEquals(0, f.edge().offParent(), 0.5, "on c: " + f.edge());
      assertEquals(0, f.edge().offChild(), 0.5, "on c1: " + f.edge());
      assertTrue(between(f.hull().hull(), start, card.box()), f.hull() + " into " + card.box());
      assertTrue(
          f.hull().cardOpacity() > 0 && f.hull().cardOpacity() < 1,
          "the card fading in: " + f.hull().cardOpacity());
    }
    assertExactlyAsDrawn(robot);
    robot.interact(
        () -> {
          assertEquals(null, line(c, c1), "the line went into the card with c1");
          assertTrue(robot.lookup("#hull-ns1-0").tryQuery().isEmpty(), "the hull too");
        });
  }

  @Test
  void theCardsAndTasksAroundGlideAside(FxRobot robot) throws Exception {
    open(robot, "ns2", "ns1");
    double m = margin();
    SummaryCard other = card("ns2");
    int b = serial("b");
    Box bBefore = drawing().task(b).orElseThrow().box();
    slow(robot);
    robot.clickOn(cardId(card("ns1")));
    SummaryCard otherAfter = card("ns2");
    Box bAfter = drawing().task(b).orElseThrow().box();
    double cardWay = otherAfter.box().x() - other.box().x();
    assertTrue(Math.abs(cardWay) > 10, "ns2's card moves aside: " + cardWay);
    assertTrue(Math.abs(bAfter.x() - bBefore.x()) > 10, "b moves aside");
    List<double[]> frames =
        watch(
            robot,
            () ->
                new double[] {
                  robot.lookup(cardId(otherAfter)).query().getTranslateX() - m,
                  window.graph().figure(b).getTranslateX() - m
                });
    List<double[]> mid =
        frames.stream().filter(f -> Math.abs(f[0]) > 1 && Math.abs(f[0] + cardWay) > 1).toList();
    assertFalse(mid.isEmpty(), "ns2's card seen gliding in " + frames.size() + " frames");
    for (double[] f : mid) {
      // the card is drawn at its new place and starts shifted back to the old one
      assertTrue(f[0] * -cardWay > 0 && Math.abs(f[0]) < Math.abs(cardWay), "between: " + f[0]);
      assertTrue(
          f[1] > Math.min(bBefore.x(), bAfter.x()) && f[1] < Math.max(bBefore.x(), bAfter.x()),
          "b between its places: " + f[1]);
    }
    assertExactlyAsDrawn(robot);
  }

  @Test
  void atTheInstantSpeedThereIsNoFrameBetween(FxRobot robot) throws Exception {
    open(robot, "ns1"); // WindowTests leaves the speed at Instant
    robot.clickOn(cardId(card("ns1")));
    // checked as soon as the click is handled: a frame between would still be playing
    robot.interact(
        () -> assertFalse(window.graph().animating(), "nothing left to play at Instant"));
    assertExactlyAsDrawn(robot);
    robot.clickOn("#hull-name-ns1");
    robot.interact(() -> assertFalse(window.graph().animating(), "nor a fold"));
    assertExactlyAsDrawn(robot);
  }

  /** Clicks {@code query} and, once the picture has begun to move, finishes every animation. */
  private void clickAndFinish(FxRobot robot, String query) {
    robot.clickOn(query);
    robot.interact(
        () -> {
          assertTrue(window.graph().animating(), "begun after " + query);
          window.graph().finishAnimations();
        });
  }

  @Test
  void finishingMidUnfoldShowsTheFinalFrame(FxRobot robot) throws Exception {
    open(robot, "ns1");
    slow(robot);
    clickAndFinish(robot, cardId(card("ns1")));
    assertExactlyAsDrawn(robot);
    clickAndFinish(robot, "#hull-name-ns1");
    assertExactlyAsDrawn(robot);
  }

  @Test
  void atNormalSpeedTheUnfoldAndTheFoldEndExactlyAsDrawn(FxRobot robot) throws Exception {
    open(robot, "ns1");
    robot.interact(() -> window.graph().speedControl().setValue(Motion.NORMAL));
    robot.clickOn(cardId(card("ns1")));
    // no test shortcut: where the animation stops by itself is what the user sees
    WaitForAsyncUtils.waitFor(
        10, java.util.concurrent.TimeUnit.SECONDS, () -> !window.graph().animating());
    assertExactlyAsDrawn(robot);
    robot.clickOn("#hull-name-ns1");
    WaitForAsyncUtils.waitFor(
        10, java.util.concurrent.TimeUnit.SECONDS, () -> !window.graph().animating());
    assertExactlyAsDrawn(robot);
  }

  private static List<Double> coordinates(List<Point> points, double margin) {
    List<Double> out = new ArrayList<>();
    for (Point p : points) {
      out.add(p.x() + margin);
      out.add(p.y() + margin);
    }
    return out;
  }

  /**
   * Every figure, edge, hull, name and card of the picture is exactly where the drawing puts it,
   * and nothing else is drawn: no scale, no shift, no half-faded or leftover node.
   */
  private void assertExactlyAsDrawn(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(
        () -> {
          assertFalse(window.graph().animating());
          Drawing d = drawing();
          double m = margin();
          assertNotNull(d);
          for (TaskNode n : d.tasks()) {
            TaskFigure f = window.graph().figure(n.serial());
            assertEquals(n.box().x() + m, f.getTranslateX(), n.label());
            assertEquals(n.box().y() + m, f.getTranslateY(), n.label());
            assertTrue(f.getTransforms().isEmpty(), n.label());
            assertEquals(1.0, f.getOpacity(), n.label());
          }
          assertEquals(d.tasks().size(), robot.lookup(".task-figure").queryAll().size());
          List<Node> lines = window.graph().edges().getChildren();
          assertEquals(d.edges().size(), lines.size(), "no leftover line");
          for (TreeEdge e : d.edges()) {
            Polyline l = line(e.fromSerial(), e.toSerial());
            assertNotNull(l, e.toString());
            assertEquals(coordinates(e.points(), m), l.getPoints(), e.toString());
          }
          assertEquals(d.hulls().size(), robot.lookup(".hull").queryAll().size(), "hulls");
          for (NamespaceHull h : d.hulls()) {
            Polygon p = robot.lookup("#hull-" + h.namespace() + "-" + h.part()).query();
            assertEquals(coordinates(h.outline(), m), p.getPoints(), h.namespace());
          }
          for (Node name : robot.lookup(".hull-name").queryAll()) {
            assertEquals(0, name.getTranslateX(), name.getId());
            assertEquals(0, name.getTranslateY(), name.getId());
          }
          assertEquals(d.cards().size(), robot.lookup(".summary-card").queryAll().size());
          for (SummaryCard c : d.cards()) {
            Node n = robot.lookup(cardId(c)).query();
            assertEquals(m, n.getTranslateX(), c.name());
            assertEquals(m, n.getTranslateY(), c.name());
            assertEquals(1.0, n.getOpacity(), c.name());
            assertFalse(n.isMouseTransparent(), c.name());
          }
        });
  }
}
