package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.PropertySheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.common.Toast;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.graphview.TaskFigure;
import org.pidnslab.app.graphview.TaskGraphView;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.app.model.PsListing;
import org.pidnslab.graph.LayoutChoice;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window through its UI, headless on Monocle: every action, its disabled states and results.
 */
@ExtendWith(ApplicationExtension.class)
class LabWindowTest {
  private static final String PREFS = "org/pidnslab/lab-test-" + ProcessHandle.current().pid();
  private MainWindow window;
  private LabModel model;

  @Start
  void start(Stage stage) {
    model = new LabModel();
    window = new MainWindow(model, new Settings(Preferences.userRoot().node(PREFS)));
    stage.setScene(window.createScene(1280, 800));
    window.graph().speedControl().setValue(Motion.INSTANT);
    stage.show();
  }

  @AfterEach
  void closePopupsAndForgetSettings(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w instanceof PopupWindow) {
              w.hide();
            }
          }
        });
    Preferences.userRoot().node(PREFS).removeNode();
  }

  private void run(FxRobot robot, String... statements) {
    WindowTests.perform(robot, window, statements);
  }

  private void select(FxRobot robot, String label) {
    robot.clickOn("#task-" + model.task(label).serial());
  }

  private String lastLog() {
    List<LabModel.LogEntry> log = model.log();
    return log.isEmpty() ? null : log.get(log.size() - 1).resultLine();
  }

  private static String toast(FxRobot robot) {
    Toast t = robot.lookup("#toast").queryAs(Toast.class);
    return t.message();
  }

  @Test
  void opensOnAFreshWorldWithInitAloneInRoot(FxRobot robot) {
    assertNotNull(robot.lookup("#task-0").tryQuery().orElse(null), "init's figure");
    assertEquals(1, robot.lookup(".task-figure").queryAll().size());
    assertTrue(robot.lookup("#status").queryLabeled().getText().startsWith("1 tasks"));
  }

  @Test
  void clickingATaskSelectsItAndTheInspectorShowsItsStructPid(FxRobot robot) {
    run(robot, "clone init c newpid");
    select(robot, "c");
    assertEquals(model.task("c"), model.selectedProperty().get());
    PropertySheet sheet = robot.lookup("#inspector").queryAs(PropertySheet.class);
    List<String> rows =
        sheet.getItems().stream().map(i -> i.getName() + "=" + i.getValue()).toList();
    assertTrue(rows.contains("numbers[0]={nr 2, ns root}"), rows.toString());
    assertTrue(rows.contains("numbers[1]={nr 1, ns ns1}  ← own"), rows.toString());
    assertTrue(rows.contains("pid_ns_for_children=ns1"), rows.toString());
    assertTrue(
        robot.lookup("#task-" + model.task("c").serial()).queryAs(TaskFigure.class).isSelected());
  }

  @Test
  void forkFromTheToolbarCreatesAChildAndProposesTheNextLabel(FxRobot robot) {
    select(robot, "init");
    robot.clickOn("#forkButton");
    assertEquals("fork init p1 = 2", lastLog());
    assertNotNull(model.task("p1"));
    assertEquals("p2", robot.lookup("#childLabel").queryAs(TextField.class).getText());
    assertEquals(2, robot.lookup(".task-figure").queryAll().size());
  }

  @Test
  void anEditedLabelNamesTheChild(FxRobot robot) {
    select(robot, "init");
    robot.doubleClickOn("#childLabel").eraseText(4).write("web");
    robot.clickOn("#cloneButton");
    assertEquals("clone init web newpid = 2", lastLog());
    TaskFigure f = robot.lookup("#task-" + model.task("web").serial()).queryAs(TaskFigure.class);
    assertEquals(2, f.chips().size(), "a chip for root and one for ns1");
  }

  @Test
  void actionsAreDisabledWithoutASelectionAndTheTooltipSaysWhy(FxRobot robot) {
    Button fork = robot.lookup("#forkButton").queryButton();
    assertTrue(fork.isDisabled());
    assertTrue(
        fork.getTooltip().getText().contains("Select a task first"), fork.getTooltip().getText());
    select(robot, "init");
    assertFalse(fork.isDisabled());
    assertTrue(fork.getTooltip().getText().contains("alloc_pid"), fork.getTooltip().getText());
  }

  @Test
  void aZombieCannotMakeCallsAndTheButtonsSayWhy(FxRobot robot) {
    run(robot, "fork init a", "exit a");
    select(robot, "a");
    Button exit = robot.lookup("#exitButton").queryButton();
    assertTrue(exit.isDisabled());
    assertTrue(exit.getTooltip().getText().contains("zombie"), exit.getTooltip().getText());
    robot.type(KeyCode.F);
    assertEquals("exit a = 0", lastLog(), "the shortcut did nothing");
  }

  @Test
  void aFailedCallShowsItsErrnoAndReasonAsAToastNotADialog(FxRobot robot) {
    select(robot, "init");
    robot.clickOn("#unshareButton");
    robot.clickOn("#unshareButton");
    assertEquals("unshare init newpid = EINVAL", lastLog());
    String t = toast(robot);
    assertNotNull(t);
    assertTrue(t.startsWith("EINVAL — copy_pid_ns"), t);
    assertEquals(
        1,
        robot.listWindows().stream().filter(w -> w instanceof Stage).count(),
        "no dialog opened (tooltips are popups, not stages)");
  }

  @Test
  void setnsPicksItsTargetByClicking(FxRobot robot) {
    run(robot, "clone init c newpid", "fork init p");
    select(robot, "p");
    robot.clickOn("#setnsButton");
    assertTrue(robot.lookup("#pickPrompt").query().isVisible());
    select(robot, "c");
    assertEquals("setns p c = 0", lastLog());
    assertFalse(robot.lookup("#pickPrompt").query().isVisible());
    assertEquals("ns1", model.task("p").pidNsForChildren().name());
    assertEquals(
        model.task("p"), model.selectedProperty().get(), "the pick did not change the selection");
  }

  @Test
  void escapeCancelsAPick(FxRobot robot) {
    run(robot, "fork init a");
    select(robot, "init");
    robot.clickOn("#killButton");
    robot.type(KeyCode.ESCAPE);
    select(robot, "a");
    assertEquals("fork init a = 2", lastLog());
    assertEquals(TaskState.RUNNING, model.task("a").state());
  }

  @Test
  void killPicksATargetAndTheTargetBecomesAZombie(FxRobot robot) {
    run(robot, "fork init a");
    select(robot, "init");
    robot.clickOn("#killButton");
    select(robot, "a");
    assertEquals("kill init a SIGKILL = 0", lastLog());
    assertEquals(TaskState.ZOMBIE, model.task("a").state());
  }

  @Test
  void theContextMenuOffersKillToTheOwnGroupWithSigterm(FxRobot robot) {
    run(robot, "fork init a", "fork a b");
    robot.rightClickOn("#task-" + model.task("a").serial());
    robot.clickOn("#killMenu-SIGTERM", org.testfx.robot.Motion.HORIZONTAL_FIRST);
    robot.clickOn("#killGroup0-SIGTERM", org.testfx.robot.Motion.HORIZONTAL_FIRST);
    assertEquals("kill a 0 SIGTERM = 0", lastLog());
    assertEquals(TaskState.ZOMBIE, model.task("b").state());
    assertEquals(TaskState.RUNNING, model.kernel().init().state(), "the root init ignores it");
  }

  @Test
  void theContextMenuWaitsForAChosenChild(FxRobot robot) {
    run(robot, "fork init a", "fork init b", "exit b");
    robot.rightClickOn("#task-0");
    robot.clickOn("#waitForMenu", org.testfx.robot.Motion.HORIZONTAL_FIRST);
    robot.clickOn("#waitFor-b", org.testfx.robot.Motion.HORIZONTAL_FIRST);
    assertEquals("wait init b = 3", lastLog());
  }

  @Test
  void everyOtherToolbarCallLandsInTheLog(FxRobot robot) {
    run(robot, "fork init a", "fork a b", "exit b");
    select(robot, "a");
    robot.clickOn("#waitButton");
    assertEquals("wait a = 3", lastLog());
    robot.clickOn("#setsidButton");
    assertEquals("setsid a = 2", lastLog());
    robot.clickOn("#subreaperButton");
    assertEquals("subreaper a = 0", lastLog());
    robot.clickOn("#setpgidButton");
    assertEquals("setpgid a = EPERM", lastLog(), "a session leader cannot move");
    robot.clickOn("#exitButton");
    assertEquals("exit a = 0", lastLog());
  }

  @Test
  void sysctlIsWrittenThroughASmallDialog(FxRobot robot) {
    select(robot, "init");
    robot.clickOn("#sysctlButton");
    robot.interact(
        () -> {
          @SuppressWarnings("unchecked")
          javafx.scene.control.ChoiceBox<String> name =
              robot.lookup("#sysctlName").queryAs(javafx.scene.control.ChoiceBox.class);
          name.setValue("pid_max");
        });
    robot.doubleClickOn("#sysctlValue").eraseText(8).write("400");
    robot.clickOn("OK");
    assertEquals("sysctl init pid_max 400 = 0", lastLog());
    assertEquals(400, model.kernel().root().pidMax());
  }

  @Test
  void keyboardShortcutsRunTheSelectedTasksCalls(FxRobot robot) {
    select(robot, "init");
    robot.type(KeyCode.F);
    assertEquals("fork init p1 = 2", lastLog());
    robot.type(KeyCode.C);
    assertEquals("clone init p2 newpid = 3", lastLog());
  }

  @Test
  void arrowKeysMoveBetweenTasks(FxRobot robot) {
    run(robot, "fork init a", "fork init b", "fork a a1");
    select(robot, "init");
    robot.type(KeyCode.DOWN);
    assertEquals("a", model.selectedProperty().get().comm());
    robot.type(KeyCode.RIGHT);
    assertEquals("b", model.selectedProperty().get().comm());
    robot.type(KeyCode.LEFT, KeyCode.DOWN);
    assertEquals("a1", model.selectedProperty().get().comm());
    robot.type(KeyCode.UP, KeyCode.UP);
    assertEquals("init", model.selectedProperty().get().comm());
  }

  @Test
  void aStatementTypedInTheCommandFieldRuns(FxRobot robot) {
    robot.clickOn("#command").write("clone init c newpid").type(KeyCode.ENTER);
    assertEquals("clone init c newpid = 2", lastLog());
    assertEquals("", robot.lookup("#command").queryAs(TextField.class).getText());
    robot.clickOn("#command").write("fork ghost x").type(KeyCode.ENTER);
    assertEquals(
        "unknown task 'ghost' — use a label the graph shows (find one with the find field)",
        toast(robot));
    assertEquals(
        "fork ghost x",
        robot.lookup("#command").queryAs(TextField.class).getText(),
        "kept for fixing");
  }

  @Test
  void findSelectsByLabelOrByPidAsSeenFromANamespace(FxRobot robot) {
    run(robot, "clone init c newpid", "fork c c1");
    robot.clickOn("#find").write("ns1:2").type(KeyCode.ENTER);
    assertEquals("c1", model.selectedProperty().get().comm());
    robot.doubleClickOn("#find").eraseText(5).write("c").type(KeyCode.ENTER);
    assertEquals("c", model.selectedProperty().get().comm());
  }

  @Test
  void aPerspectiveFadesInvisibleTasksAndShowsNumbersAsSeenThere(FxRobot robot) {
    run(robot, "fork init a", "setsid a", "clone a c newpid", "fork c c1");
    PidNamespace ns1 = model.task("c").activeNs();
    robot.interact(
        () -> robot.lookup("#perspective").queryAs(ComboBox.class).getSelectionModel().select(ns1));
    assertEquals(ns1, model.perspectiveProperty().get());
    TaskFigure a = robot.lookup("#task-" + model.task("a").serial()).queryAs(TaskFigure.class);
    TaskFigure c1 = robot.lookup("#task-" + model.task("c1").serial()).queryAs(TaskFigure.class);
    assertTrue(a.node().faded(), "a is outside ns1");
    assertFalse(c1.node().faded());
    assertEquals(List.of("2"), c1.node().chips().stream().map(ch -> ch.text()).toList());
    @SuppressWarnings("unchecked")
    TableView<PsListing.Row> ps = robot.lookup("#psTable").queryAs(TableView.class);
    assertEquals(2, ps.getItems().size());
    assertEquals(0, ps.getItems().get(0).ppid(), "ns1's init has its parent outside");
    assertEquals(0, ps.getItems().get(0).sid());
    robot.interact(() -> model.perspectiveProperty().set(null));
    assertFalse(a.node().faded());
    assertEquals(4, ps.getItems().size());
  }

  @Test
  void themesSwitchFromTheMenuAndAreRemembered(FxRobot robot) {
    robot
        .clickOn("#viewMenu")
        .clickOn("#themeMenu")
        .clickOn("#themeDARK", org.testfx.robot.Motion.HORIZONTAL_FIRST);
    assertEquals("DARK", new Settings(Preferences.userRoot().node(PREFS)).theme());
    robot
        .clickOn("#viewMenu")
        .clickOn("#themeMenu")
        .clickOn("#themePROJECTOR", org.testfx.robot.Motion.HORIZONTAL_FIRST);
    assertTrue(
        robot.lookup("#menuBar").query().getScene().getStylesheets().stream()
            .anyMatch(s -> s.endsWith("projector.css")));
    assertEquals("PROJECTOR", new Settings(Preferences.userRoot().node(PREFS)).theme());
  }

  @Test
  void layoutsSwitchFromTheMenuAndAreRemembered(FxRobot robot) {
    run(robot, "fork init a", "fork init b", "fork a c");
    robot
        .clickOn("#viewMenu")
        .clickOn("#layoutMenu")
        .clickOn("#layoutCIRCULAR", org.testfx.robot.Motion.HORIZONTAL_FIRST);
    assertEquals(LayoutChoice.CIRCULAR, window.graph().layoutChoice());
    assertEquals("CIRCULAR", new Settings(Preferences.userRoot().node(PREFS)).layout());
    assertEquals(LayoutChoice.CIRCULAR, window.graph().drawing().layout());
  }

  @Test
  void aNewActionFinishesTheRunningAnimationAtOnce(FxRobot robot) {
    robot.interact(() -> window.graph().speedControl().setValue(Motion.SLOW));
    select(robot, "init");
    boolean[] told = new boolean[1];
    robot.interact(
        () -> {
          try {
            window.experiment().perform("fork init p1");
          } catch (Exception e) {
            throw new AssertionError(e);
          }
          told[0] = window.graph().animating();
        });
    assertTrue(told[0], "the fork is being told");
    robot.clickOn("#forkButton");
    assertEquals("fork init p2 = 3", lastLog(), "input was not blocked");
    robot.interact(() -> window.graph().finishAnimations());
    assertFalse(window.graph().animating());
    TaskFigure p1 = robot.lookup("#task-" + model.task("p1").serial()).queryAs(TaskFigure.class);
    assertEquals(1.0, p1.getScaleX());
    for (Node chip : p1.chips()) {
      assertEquals(1.0, chip.getOpacity());
    }
  }

  /** The red signal rings the story of {@code statement} draws, counted before any pulse. */
  private long signalRingsAfter(FxRobot robot, String statement) {
    return runAndRead(
        robot,
        statement,
        () ->
            window.graph().overlay().getChildren().stream()
                .filter(n -> n.getStyleClass().contains("signal-ring"))
                .count());
  }

  /** Runs {@code statement} and reads {@code what} in the same FX call, before any pulse. */
  private <T> T runAndRead(FxRobot robot, String statement, java.util.function.Supplier<T> what) {
    List<T> out = new ArrayList<>();
    robot.interact(
        () -> {
          try {
            window.experiment().perform(statement);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
          out.add(what.get());
        });
    return out.get(0);
  }

  @Test
  void theStoryOfAnInitsDeathShowsASigkillWaveAndOrphansSayWhyTheyMoved(FxRobot robot) {
    run(
        robot,
        "clone init c newpid",
        "fork c s",
        "subreaper s",
        "fork s m",
        "fork m g",
        "fork c v");
    robot.interact(() -> window.graph().speedControl().setValue(Motion.SLOW));
    String why =
        runAndRead(
            robot,
            "exit m",
            () ->
                ((javafx.scene.text.Text)
                        window
                            .graph()
                            .overlay()
                            .lookup("#reparent-label-" + model.task("g").serial()))
                    .getText());
    assertEquals("adopted by s (child subreaper)", why);
    assertEquals(
        3, signalRingsAfter(robot, "exit c"), "one ring per victim: s, g, v (m is a zombie)");
    robot.interact(() -> window.graph().finishAnimations());
    assertEquals(
        0, robot.lookup(".signal-ring").queryAll().size(), "the final frame has no marks left");
  }

  @Test
  void oneZapKillsANestedNamespaceOnceAndTheNestedZapKillsNobodyAgain(FxRobot robot) {
    run(robot, "clone init c newpid", "fork c c1", "clone c1 d newpid", "fork d d1");
    robot.interact(() -> window.graph().speedControl().setValue(Motion.SLOW));
    // c's one loop dooms c1, d and d1; d's own zap finds d1 doomed already (6.18)
    assertEquals(3, signalRingsAfter(robot, "exit c"), "one ring per task: c1, d, d1, none twice");
    robot.interact(() -> window.graph().finishAnimations());
  }

  @Test
  void theExitOfRootsInitIsMarkedAsAKernelPanicOnARealMachine(FxRobot robot) {
    javafx.scene.control.Label note =
        robot.lookup("#panicNote").queryAs(javafx.scene.control.Label.class);
    run(robot, "clone init c newpid", "exit c");
    assertFalse(note.isVisible(), "a container's init exits without a panic");
    run(robot, "exit init");
    assertTrue(note.isVisible());
    assertTrue(note.getText().startsWith("Kernel panic on a real machine"), note.getText());
    assertTrue(note.getText().contains("Attempted to kill init!"), note.getText());
    assertTrue(
        model.log().get(model.log().size() - 1).steps().get(0).contains("a real machine panics"),
        "the log says it too");
    robot.interact(() -> window.experiment().undo());
    assertFalse(note.isVisible(), "back before the exit, init runs again");
  }

  @Test
  void aForkShowsItsChipsOnlyAsTheStoryFillsThem(FxRobot robot) {
    run(robot, "clone init c newpid");
    robot.interact(() -> window.graph().speedControl().setValue(Motion.SLOW));
    List<Double> atStart = new ArrayList<>();
    robot.interact(
        () -> {
          try {
            window.experiment().perform("fork c c1");
          } catch (Exception e) {
            throw new AssertionError(e);
          }
          // read in the same FX call as the fork: no pulse has run, however slow the machine
          window
              .graph()
              .figure(model.task("c1"))
              .chips()
              .forEach(ch -> atStart.add(ch.getOpacity()));
        });
    assertEquals(List.of(0.0, 0.0), atStart, "both chips start empty and are filled by the story");
    robot.interact(() -> window.graph().finishAnimations());
    TaskFigure f = robot.lookup("#task-" + model.task("c1").serial()).queryAs(TaskFigure.class);
    assertTrue(f.chips().stream().allMatch(ch -> ch.getOpacity() == 1));
  }

  @Test
  void theEventLogNamesTheKernelFunctions(FxRobot robot) {
    select(robot, "init");
    robot.clickOn("#cloneButton");
    @SuppressWarnings("unchecked")
    ListView<LabModel.LogEntry> log = robot.lookup("#log").queryAs(ListView.class);
    LabModel.LogEntry e = log.getItems().get(0);
    assertTrue(
        e.steps().stream().anyMatch(s -> s.startsWith("alloc_pid: ns1 (level 1) gives 1")),
        e.steps().toString());
  }

  @Test
  void anExitingInitShowsWhatItWaitsFor(FxRobot robot) {
    run(robot, "clone init c newpid", "fork init p", "setns p c", "fork p x", "exit c");
    Task c = model.task("c");
    assertEquals(TaskState.EXITING, c.state());
    TaskFigure f = robot.lookup("#task-" + c.serial()).queryAs(TaskFigure.class);
    assertTrue(
        f.getChildren().stream()
            .anyMatch(
                n ->
                    n instanceof javafx.scene.text.Text t
                        && t.getText().startsWith("E: waits for x (Z)")));
  }

  private boolean layingOut(FxRobot robot) {
    boolean[] busy = new boolean[1];
    robot.interact(() -> busy[0] = window.graph().layingOut());
    return busy[0];
  }

  @Test
  void largeGraphsAreLaidOutOffTheFxThreadAndOnlyWhatIsInViewIsInTheSceneGraph(FxRobot robot)
      throws Exception {
    int n = TaskGraphView.ASYNC_ABOVE + 500;
    robot.interact(
        () -> {
          try {
            window.experiment().load(String.join("\n", WindowPerfHarness.tree(n)), null, n);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
    WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> !layingOut(robot));
    // the first view of a big scene is collapsed (issue 14); every task, expanded
    robot.interact(() -> window.graph().expandAll());
    WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> !layingOut(robot));
    assertEquals(n, window.graph().drawing().tasks().size());
    int inScene = robot.lookup(".task-figure").queryAll().size();
    assertTrue(inScene > 0 && inScene < n / 2, "virtualized: " + inScene + " figures of " + n);
    run(robot, "fork init latecomer", "fork latecomer late2");
    WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> !layingOut(robot));
    assertEquals(n + 2, window.graph().drawing().tasks().size(), "both coalesced clicks are drawn");
    robot.clickOn("#find").write("late2").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(
        10,
        java.util.concurrent.TimeUnit.SECONDS,
        () -> robot.lookup("#task-" + model.task("late2").serial()).tryQuery().isPresent());
    TaskFigure late =
        robot.lookup("#task-" + model.task("late2").serial()).queryAs(TaskFigure.class);
    assertEquals("late2", late.node().label(), "found and scrolled into view");
    assertTrue(late.isSelected());
  }

  @Test
  void theNamespaceTreeInspectsOnClickAndViewsFromANamespaceOnDoubleClick(FxRobot robot) {
    run(robot, "clone init c newpid", "fork c c1");
    robot.clickOn("Namespaces");
    robot.clickOn("#ns-ns1");
    PropertySheet sheet = robot.lookup("#inspector").queryAs(PropertySheet.class);
    List<String> rows =
        sheet.getItems().stream().map(i -> i.getName() + "=" + i.getValue()).toList();
    assertTrue(rows.contains("child_reaper=c"), rows.toString());
    assertTrue(rows.contains("pid_max=4194304"), rows.toString());
    robot.doubleClickOn("#ns-ns1");
    assertEquals(model.task("c").activeNs(), model.perspectiveProperty().get());
  }

  @Test
  void zoomButtonsScaleThePictureAndFitBringsItBack(FxRobot robot) {
    run(robot, "fork init a", "fork a b");
    double fitted = window.graph().zoom();
    robot.clickOn("#zoomInButton");
    assertEquals(fitted * 1.25, window.graph().zoom(), 1e-9);
    robot.clickOn("#zoomOutButton").clickOn("#zoomOutButton");
    assertEquals(fitted / 1.25, window.graph().zoom(), 1e-9);
    robot.clickOn("#fitButton");
    assertEquals(fitted, window.graph().zoom(), 1e-9);
  }

  @Test
  void namespacesAreDrawnAsNamedHullsBehindTheirTasks(FxRobot robot) {
    run(robot, "clone init c newpid", "clone c d newpid");
    assertNotNull(robot.lookup("#hull-ns1-0").tryQuery().orElse(null));
    assertNotNull(robot.lookup("#hull-ns2-0").tryQuery().orElse(null));
    assertTrue(
        robot.lookup(".hull-name").queryAll().stream()
            .map(n -> ((javafx.scene.text.Text) n).getText())
            .toList()
            .containsAll(List.of("ns1", "ns2")));
  }

  @Test
  void newExperimentStartsOverAfterAskingAboutUnsavedChanges(FxRobot robot) {
    run(robot, "fork init a");
    robot.clickOn("#fileMenu").clickOn("#newItem");
    robot.clickOn("Don't save");
    assertNull(model.task("a"));
    assertEquals("", window.experiment().textProperty().get());
    assertEquals(1, robot.lookup(".task-figure").queryAll().size());
    WaitForAsyncUtils.waitForFxEvents();
  }
}
