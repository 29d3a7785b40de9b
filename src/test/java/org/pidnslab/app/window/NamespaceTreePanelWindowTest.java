package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The side panel's namespace tree opens on its root (issue 14): the tidy tree centres the root over
 * a wide row of containers, and the panel used to open on the empty top-left corner beside it.
 */
@ExtendWith(ApplicationExtension.class)
class NamespaceTreePanelWindowTest {
  private static final String PREFS = "org/pidnslab/nstree-test-" + ProcessHandle.current().pid();
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

  private static Bounds onScreen(Node n) {
    return n.localToScene(n.getLayoutBounds());
  }

  @Test
  void theNamespaceTreeOfTheContainerHostOpensOnItsRootUntilTheUserScrolls(FxRobot robot)
      throws Exception {
    String host = BigScenesWindowTest.script("container-host-1000.pidns");
    robot.interact(() -> window.experiment().load(host, null, Integer.MAX_VALUE));
    WindowTests.settle(robot, window);
    // the host's first view takes the side panel's room; the user brings the panel back
    robot.clickOn("#panesBack");
    WindowTests.settle(robot, window);
    ScrollPane scroller = robot.lookup("#nsTreeScroller").queryAs(ScrollPane.class);
    Bounds view = onScreen(scroller.lookup(".viewport"));
    Bounds root = onScreen(robot.lookup("#ns-root").query());
    Bounds ns7 = onScreen(robot.lookup("#ns-ns7").query());
    assertTrue(
        ns7.getMaxX() - onScreen(robot.lookup("#ns-ns1").query()).getMinX() > view.getWidth(),
        "the row of containers is wider than the panel");
    assertTrue(view.contains(root), "the root " + root + " in the panel " + view);

    robot.interact(() -> scroller.setHvalue(1)); // the user looks at the right end
    WindowTests.perform(robot, window, "fork init z");
    WindowTests.settle(robot, window);
    assertEquals(1.0, scroller.getHvalue(), "the user's place is kept");
  }
}
