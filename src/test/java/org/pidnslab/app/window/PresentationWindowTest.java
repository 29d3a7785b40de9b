package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pidnslab.script.Lessons;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presentation mode: F5 and View → Present fill the screen with the graph and the caption, the
 * remote's keys step the player, B blanks, Esc returns to the window exactly as it was; a zap's
 * whole answer leaves the picture 60 % of the screen; at 1920x1080 the pid digits of every beat of
 * lesson 8 are large enough for a room.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationWindowTest {
  private static final String PREFS = "org/pidnslab/present-test-" + ProcessHandle.current().pid();
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = WindowTests.show(stage, PREFS, () -> null);
  }

  @AfterEach
  void cleanUp(FxRobot robot) throws Exception {
    robot.interact(() -> window.presenter().leave());
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  private void lesson(FxRobot robot, int index, int step) {
    robot.interact(
        () -> {
          window.workbench().startLesson(Lessons.all().get(index), false);
          window.experiment().jumpTo(step);
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private int position() {
    return window.experiment().positionProperty().get();
  }

  /** Steps and beats as one count: step p's answer is 2p, the question of step p+1 is 2p+1. */
  private int progress() {
    boolean asking =
        window.experiment().beatProperty().get() == org.pidnslab.app.model.Beat.QUESTION;
    return 2 * position() + (asking ? 1 : 0);
  }

  private boolean presenting() {
    return window.presenter().presentingProperty().get();
  }

  /** Whether {@code n} and all its ancestors are visible (in a scene). */
  private static boolean shown(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return n != null && n.getScene() != null;
  }

  @Test
  void f5PresentsTheGraphAndCaptionAloneAndEscRestoresTheWindow(FxRobot robot) {
    lesson(robot, 7, 4);
    robot.clickOn("#graph");
    Parent windowRoot = stage.getScene().getRoot();
    Node graph = robot.lookup("#graph").query();
    Parent graphParent = graph.getParent();
    int graphIndex = graphParent.getChildrenUnmodifiable().indexOf(graph);
    Node caption = window.workbench().caption();
    Parent captionParent = caption.getParent();
    int captionIndex = captionParent.getChildrenUnmodifiable().indexOf(caption);
    double[] bounds = {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
    double zoom = window.graph().zoom();

    robot.press(KeyCode.F5).release(KeyCode.F5);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(presenting());
    assertTrue(stage.isFullScreen(), "full screen");
    assertTrue(shown(stage.getScene().lookup("#presentation")));
    assertFalse(shown(stage.getScene().lookup("#menuBar")), "no menus");
    assertFalse(shown(stage.getScene().lookup("#scriptPane")), "no script");
    assertFalse(shown(stage.getScene().lookup("#log")), "no log");
    assertTrue(shown(graph));
    assertTrue(shown(caption), "lesson 8's caption is on show");
    assertSame(stage.getScene(), caption.getScene());

    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(presenting());
    assertFalse(stage.isFullScreen());
    assertSame(windowRoot, stage.getScene().getRoot(), "the window's own content");
    assertTrue(shown(stage.getScene().lookup("#menuBar")));
    assertTrue(shown(stage.getScene().lookup("#scriptPane")));
    assertNull(stage.getScene().lookup("#presentation"));
    assertSame(graphParent, graph.getParent());
    assertEquals(graphIndex, graphParent.getChildrenUnmodifiable().indexOf(graph));
    assertSame(captionParent, caption.getParent());
    assertEquals(captionIndex, captionParent.getChildrenUnmodifiable().indexOf(caption));
    assertEquals(bounds[0], stage.getX());
    assertEquals(bounds[1], stage.getY());
    assertEquals(bounds[2], stage.getWidth());
    assertEquals(bounds[3], stage.getHeight());
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> window.graph().finishAnimations());
    assertEquals(zoom, window.graph().zoom(), 1e-9, "the camera as it was");
    assertEquals(4, position(), "leaving does not move the player");
  }

  @Test
  void theViewMenuPresentsToo(FxRobot robot) {
    robot.clickOn("#viewMenu").clickOn("#presentItem");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(presenting());
    robot.press(KeyCode.F5).release(KeyCode.F5);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(presenting(), "F5 leaves as well");
  }

  @Test
  void theRemoteStepsThePlayer(FxRobot robot) {
    lesson(robot, 1, 3);
    robot.interact(() -> window.togglePresenting());
    int tasks = window.model().kernel().taskCount();
    // next and back are the player's beats: a narrated step asks first, then runs
    for (KeyCode next : List.of(KeyCode.PAGE_DOWN, KeyCode.RIGHT, KeyCode.SPACE)) {
      int before = progress();
      robot.press(next).release(next);
      WaitForAsyncUtils.waitForFxEvents();
      assertTrue(progress() > before, next + " goes a beat forward");
    }
    for (KeyCode back : List.of(KeyCode.PAGE_UP, KeyCode.LEFT)) {
      int before = progress();
      robot.press(back).release(back);
      WaitForAsyncUtils.waitForFxEvents();
      assertTrue(progress() < before, back + " goes a beat back");
    }
    robot.press(KeyCode.END).release(KeyCode.END);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(window.experiment().stepCount(), position(), "End");
    robot.press(KeyCode.HOME).release(KeyCode.HOME);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(0, position(), "Home");
    tasks = window.model().kernel().taskCount();
    robot.press(KeyCode.F).release(KeyCode.F); // the window's fork key
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(tasks, window.model().kernel().taskCount(), "no stray call in front of the room");
    assertEquals(0, position());
    assertTrue(presenting());
  }

  @Test
  void bBlanksTheScreenAndAnyKeyBringsThePictureBack(FxRobot robot) {
    lesson(robot, 1, 2);
    robot.interact(() -> window.togglePresenting());
    Node blank = robot.lookup("#blankScreen").query();
    assertFalse(blank.isVisible());
    robot.press(KeyCode.B).release(KeyCode.B);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(blank.isVisible(), "B blanks");
    robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(blank.isVisible(), "any key un-blanks");
    assertEquals(2, position(), "the key that un-blanks does nothing else");
    robot.press(KeyCode.B).release(KeyCode.B).press(KeyCode.B).release(KeyCode.B);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(blank.isVisible(), "B again un-blanks");
    assertTrue(presenting());
  }

  @Test
  void thePlayerAppearsOnAMouseMove(FxRobot robot) {
    lesson(robot, 1, 2);
    robot.interact(() -> window.togglePresenting());
    Node controls = robot.lookup("#presentationControls").query();
    assertEquals(0, controls.getOpacity(), "hidden at first");
    assertNotNull(stage.getScene().lookup("#playerBar"), "the window's own player");
    robot.moveTo("#graph").moveBy(40, 20);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(1, controls.getOpacity(), 1e-9, "shown on a mouse move");
  }

  @Test
  void whichTaskDiesKeepsD1AndD2InViewAt1280x800(FxRobot robot) {
    // lesson 3, "kill init 5 ... Which task dies?": its answer grows the caption, the view shrinks
    lesson(robot, 2, 9);
    robot.interact(() -> window.togglePresenting());
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> window.graph().finishAnimations());
    org.pidnslab.graph.Box view = window.graph().camera().viewportProperty().get();
    for (org.pidnslab.graph.TaskNode n : window.graph().drawing().tasks()) {
      assertTrue(view.grow(1).contains(n.box()), n.label() + " cropped: " + view);
    }
    assertTrue(
        window.graph().drawing().tasks().stream().anyMatch(n -> n.label().equals("d2")),
        "d1 and d2 are drawn");
  }

  @Test
  void theZapsWholeAnswerLeavesThePicture60PercentOfTheScreen(FxRobot robot) {
    lesson(robot, 7, 9);
    robot.interact(() -> window.togglePresenting());
    robot.interact(
        () -> {
          window.experiment().nextBeat();
          window.experiment().nextBeat();
        });
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> window.graph().finishAnimations());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(10, position(), "exit c has run");
    var caption = window.workbench().caption();
    assertTrue(caption.detailShown(), "presenting, the room reads the whole answer");
    assertTrue(caption.questionText().contains("Which tasks are left afterwards?"));
    assertTrue(shown(robot.lookup("#captionAnswer").query()));
    assertFalse(shown(robot.lookup("#captionDetail").query()), "no button in front of the room");
    double screen = stage.getScene().getHeight();
    // all 21 kernel lines are on show, or the answer runs down to the screen's foot and scrolls
    // only what the screen cannot hold (bound to the window's sixth it showed five lines)
    javafx.scene.control.ScrollPane scroll = robot.lookup("#captionAnswerScroll").query();
    double content = scroll.getContent().getLayoutBounds().getHeight();
    double foot = scroll.localToScene(scroll.getLayoutBounds()).getMaxY();
    assertTrue(
        scroll.getHeight() >= content - 2 || foot >= screen - 40,
        "the answer is cut to " + scroll.getHeight() + " of " + content + " px, ending at " + foot);
    double graph = window.graph().getHeight();
    assertTrue(graph >= 0.6 * screen, "the picture has " + graph + " px of " + screen);
    // the survivors' tree is taller than wide: the caption is beside it, the picture as high as
    // the screen
    assertTrue(window.presenter().captionBeside());
    assertEquals(screen, graph, 1, "the picture has the screen's height");
    org.pidnslab.graph.Box view = window.graph().camera().viewportProperty().get();
    for (org.pidnslab.graph.TaskNode n : window.graph().drawing().tasks()) {
      assertTrue(view.grow(1).contains(n.box()), n.label() + " cropped: " + view);
    }
    robot.interact(() -> window.presenter().leave());
    assertFalse(window.presenter().captionBeside(), "back above the picture for the next time");
    assertFalse(caption.detailShown(), "the window's answer is one row again");
  }

  @Test
  void pidDigitsAreAtLeast24PxOnEveryBeatOfLesson8At1920x1080() throws Exception {
    Path lesson = Path.of("assets/lessons/08-when-the-init-dies.pidns").toAbsolutePath();
    int steps =
        org.pidnslab.script.ScriptTrace.of(java.nio.file.Files.readString(lesson)).steps().size();
    assertEquals(24, steps, "lesson 8's steps");
    List<String> args = new ArrayList<>(List.of(PresentationDriver.Main.class.getName()));
    args.add(lesson.toString());
    for (int step = 0; step <= steps; step++) {
      args.add(Integer.toString(step));
    }
    Process lab =
        WindowTests.labProcess(
                List.of("-Dheadless.geometry=1920x1080-32"),
                args.get(0),
                args.subList(1, args.size()).toArray(String[]::new))
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("STEP") || line.equals("DONE")) {
          lines.add(line);
        }
      }
    }
    assertTrue(lab.waitFor(180, TimeUnit.SECONDS));
    assertEquals("DONE", lines.get(lines.size() - 1), lines.toString());
    List<String> beats = lines.subList(0, lines.size() - 1);
    // every step's answer, and the question beat of each step that asks one
    assertEquals(steps + 1, beats.stream().filter(l -> l.split(" ")[2].equals("answer")).count());
    assertTrue(beats.stream().filter(l -> l.split(" ")[2].equals("question")).count() >= 8);
    for (String line : beats) {
      // STEP n beat CHIPS px SCENE wxh GRAPH h CROPPED labels...
      String[] w = line.split(" ");
      double chips = Double.parseDouble(w[4]);
      assertEquals("1920x1080", w[6], "presenting fills the projector's screen: " + line);
      assertTrue(chips <= 60.0001, "never above the bound: " + line);
      if (!w[1].equals("0")) {
        assertTrue(chips >= 24, "pid digits of at least 24 px: " + line);
      }
      assertEquals(10, w.length, "no task cropped: " + line);
    }
    assertEquals(60, Double.parseDouble(beats.get(0).split(" ")[4]), 1e-6, "init alone: 60 px");
  }
}
