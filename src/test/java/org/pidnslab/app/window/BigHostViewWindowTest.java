package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.graph.AutoCollapse;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.SummaryCard;
import org.pidnslab.graph.TaskNode;
import org.pidnslab.kernel.Task;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The container host of the examples in a new user's window at 1280x800 (issue 14): its first
 * fitted view shows its text as large as the automatic collapse computed (the plan and the camera
 * fit alike), and expanding one of its cards brings the expanded namespace into view.
 */
@ExtendWith(ApplicationExtension.class)
class BigHostViewWindowTest {
  private static final String PREFS = "org/pidnslab/bighost-test-" + ProcessHandle.current().pid();
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

  /** Opens the example container host at its end with the new user's (automatic) layout. */
  private void openHost(FxRobot robot) throws Exception {
    String host = Files.readString(Path.of("assets/scenarios/container-host.pidns"));
    robot.interact(() -> window.experiment().load(host, null, Integer.MAX_VALUE));
    WindowTests.settle(robot, window);
  }

  private static Box enclosing(List<Box> boxes) {
    List<org.pidnslab.graph.Point> corners = new ArrayList<>();
    for (Box b : boxes) {
      corners.add(new org.pidnslab.graph.Point(b.x(), b.y()));
      corners.add(new org.pidnslab.graph.Point(b.maxX(), b.maxY()));
    }
    return Box.enclosing(corners);
  }

  @Test
  void theFirstViewOfTheHostShowsItsTextAsLargeAsThePlanPromised(FxRobot robot) throws Exception {
    assertEquals(1280, stage.getScene().getWidth(), 1);
    openHost(robot);
    Drawing d = window.graph().drawing();
    assertTrue(!d.cards().isEmpty(), "the first view is collapsed");
    Bounds view = WindowTests.graphViewport(robot);
    // what the automatic collapse computes for this picture in this view: the camera's own fit
    double promised = AutoCollapse.fittedTextPx(d, view.getWidth(), view.getHeight());
    double px = WindowTests.smallestTextPx(robot);
    assertEquals(
        promised, px, 0.01, "the smallest text on screen at zoom " + window.graph().zoom());
    Box seen = window.graph().camera().viewportProperty().get();
    assertTrue(
        seen.grow(1).contains(new Box(0, 0, d.width(), d.height())),
        "the whole host is in view " + seen + " of " + d.width() + "x" + d.height());
  }

  /** Opens the host, expands the namespace card chosen by {@code pick}, returns the card. */
  private SummaryCard expand(FxRobot robot, Comparator<SummaryCard> pick) throws Exception {
    openHost(robot);
    SummaryCard card =
        window.graph().drawing().cards().stream()
            .filter(c -> c.kind() == SummaryCard.Kind.NAMESPACE && c.nested().isEmpty())
            .max(pick)
            .orElseThrow();
    robot.clickOn("#card-ns-" + card.serial() + "-" + card.part());
    WindowTests.settle(robot, window);
    assertTrue(
        window.graph().drawing().card(SummaryCard.Kind.NAMESPACE, card.serial()).isEmpty(),
        "expanded");
    return card;
  }

  /** The boxes of the tasks of {@code card}'s namespace, its init's first. */
  private List<Box> members(SummaryCard card) {
    Drawing d = window.graph().drawing();
    List<Box> members = new ArrayList<>();
    for (Task t : window.model().kernel().tasks()) {
      TaskNode n = d.tasksBySerial().get(t.serial());
      if (n != null && t.activeNs().serial() == card.serial()) {
        boolean init = t.pid().nr(t.pid().level()) == 1;
        members.add(init ? 0 : members.size(), n.box());
      }
    }
    assertTrue(members.size() > 1, card.name() + "'s tasks are drawn: " + members.size());
    return members;
  }

  private String where(List<Box> members, Box seen) {
    Drawing d = window.graph().drawing();
    return " at " + enclosing(members) + " in view " + seen + " of " + d.width() + "x" + d.height();
  }

  @Test
  void expandingASmallCardBringsItsInitAndItsTasksIntoView(FxRobot robot) throws Exception {
    // the smallest card with more than a handful of tasks
    SummaryCard card =
        expand(robot, Comparator.comparingInt(c -> c.tasks() >= 20 ? -c.tasks() : -100_000));
    List<Box> members = members(card);
    Box seen = window.graph().camera().viewportProperty().get();
    assertTrue(seen.contains(members.get(0)), "its init" + where(members, seen));
    long inView = members.stream().filter(seen::contains).count();
    assertTrue(
        inView >= 0.6 * members.size(),
        inView + " of " + members.size() + " of " + card.name() + where(members, seen));
  }

  @Test
  void expandingTheBiggestCardShowsItsInitAndFillsTheViewWithItsTasks(FxRobot robot)
      throws Exception {
    SummaryCard card = expand(robot, Comparator.comparingInt(SummaryCard::tasks));
    List<Box> members = members(card);
    Box seen = window.graph().camera().viewportProperty().get();
    assertTrue(seen.contains(members.get(0)), "its init" + where(members, seen));
    long mine = members.stream().filter(seen::contains).count();
    long all =
        window.graph().drawing().tasks().stream().filter(n -> seen.contains(n.box())).count();
    assertTrue(
        mine >= 10 && mine >= 0.6 * all,
        mine + " of " + all + " tasks in view are " + card.name() + "'s" + where(members, seen));
    assertTrue(
        window.graph().camera().chipPixels() >= 9 - 1e-6,
        "readable: " + window.graph().camera().chipPixels());
  }

  /**
   * The tidy tree centres ns3's init over its 502 workers, a row about 80,000 px wide: the camera
   * went to the row's left end, 40,000 px from the init.
   */
  @Test
  void inTheTidyTreeTooExpandingTheBiggestCardShowsItsInit(FxRobot robot) throws Exception {
    robot.interact(() -> window.setLayout(org.pidnslab.graph.LayoutChoice.TREE));
    SummaryCard card = expand(robot, Comparator.comparingInt(SummaryCard::tasks));
    List<Box> members = members(card);
    Box seen = window.graph().camera().viewportProperty().get();
    assertTrue(seen.contains(members.get(0)), "its init" + where(members, seen));
    // one row of workers: as many as the readable view's width holds
    long mine = members.stream().filter(seen::contains).count();
    assertTrue(mine >= 6, mine + " of " + card.name() + "'s tasks in view" + where(members, seen));
    assertTrue(
        window.graph().camera().chipPixels() >= 9 - 1e-6,
        "readable: " + window.graph().camera().chipPixels());
  }

  @Test
  void atNormalSpeedTheCameraEndsItsGlideOnTheExpandedTasks(FxRobot robot) throws Exception {
    openHost(robot);
    SummaryCard card =
        window.graph().drawing().cards().stream()
            .filter(c -> c.kind() == SummaryCard.Kind.NAMESPACE && c.nested().isEmpty())
            .max(Comparator.comparingInt(SummaryCard::tasks))
            .orElseThrow();
    robot.interact(() -> window.graph().speedControl().setValue(Motion.NORMAL));
    robot.clickOn("#card-ns-" + card.serial() + "-" + card.part());
    // the glide ends by itself (no test shortcut): where it stops is what the user sees
    org.testfx.util.WaitForAsyncUtils.waitFor(
        10, java.util.concurrent.TimeUnit.SECONDS, () -> !window.graph().animating());
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    List<Box> members = members(card);
    Box seen = window.graph().camera().viewportProperty().get();
    assertTrue(seen.contains(members.get(0)), "its init" + where(members, seen));
  }
}
