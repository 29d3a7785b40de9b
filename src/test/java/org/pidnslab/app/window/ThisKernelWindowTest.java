package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.host.DifferenceRows;
import org.pidnslab.app.host.KernelRunPane;
import org.pidnslab.app.host.ThisMachinePane;
import org.pidnslab.graph.PidChip;
import org.pidnslab.graph.TaskNode;
import org.pidnslab.host.Helper;
import org.pidnslab.host.KernelRelease;
import org.pidnslab.host.KernelRunner;
import org.pidnslab.host.ProcReader;
import org.pidnslab.host.RunMode;
import org.pidnslab.host.RunOutput;
import org.pidnslab.host.SnapshotScript;
import org.pidnslab.host.SyntheticProc;
import org.pidnslab.host.Verification;
import org.pidnslab.host.Verifier;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Run → "Run on this kernel" (the difference table, the cannot-run message, cancelling) and View →
 * "This machine" (a synthetic /proc drawn with its real pids, a refresh told as calls, an
 * experiment started from it).
 */
@ExtendWith(ApplicationExtension.class)
class ThisKernelWindowTest {
  private static final String PREFS =
      "org/pidnslab/kernelwin-test-" + ProcessHandle.current().pid();
  static final long ROOT = 4026531836L;
  static final long C1 = 4026532001L;
  static final long C2 = 4026532002L;

  @TempDir Path tmp;
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

  /** Chooses a menu item of the window's menu bar, as a click on it does. */
  private void choose(FxRobot robot, String menuId, String itemId) {
    robot.interact(
        () -> {
          MenuBar bar = (MenuBar) stage.getScene().lookup("#menuBar");
          for (Menu m : bar.getMenus()) {
            if (menuId.equals(m.getId())) {
              for (MenuItem i : m.getItems()) {
                if (itemId.equals(i.getId())) {
                  i.fire();
                  return;
                }
              }
            }
          }
          throw new AssertionError("no " + menuId + " → " + itemId);
        });
  }

  private KernelRunPane runOnKernel(FxRobot robot) throws Exception {
    choose(robot, "runMenu", "runOnKernelItem");
    KernelRunPane pane = window.hostWindows.kernelPane();
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !pane.runningProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    return pane;
  }

  /** The rows of the table that are drawn highlighted, by their first column. */
  private static List<String> highlighted(KernelRunPane pane) {
    List<String> out = new ArrayList<>();
    for (Node n : pane.table().lookupAll(".table-row-cell")) {
      TableRow<?> r = (TableRow<?>) n;
      if (r.getPseudoClassStates().contains(KernelRunPane.DIFFERS)
          && r.getItem() instanceof DifferenceRows.Row row) {
        out.add(row.what());
      }
    }
    return out;
  }

  private static DifferenceRows.Row row(KernelRunPane pane, String what) {
    return pane.table().getItems().stream()
        .filter(r -> r.what().equals(what))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + what + ": " + pane.table().getItems()));
  }

  @Test
  void theRealKernelBesideAWrongSimulationHighlightsTheDifference(FxRobot robot) throws Exception {
    Optional<Path> helper = Helper.locate();
    Assumptions.assumeTrue(
        helper.isPresent() && RunMode.forThisProcess() == RunMode.ROOT,
        () -> {
          String why =
              "skipped: needs root and the native helper (target/pidns-lab-helper); "
                  + (helper.isEmpty() ? "the helper is not built" : "this run is not root");
          System.out.println(why);
          return why;
        });
    String release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
    // the real kernel's run, beside a simulation that deliberately expects the wrong pid
    window.hostWindows.useCheck(
        (file, text) -> {
          RunOutput sim = RunOutput.simulate(file, text);
          RunOutput wrong =
              new RunOutput(
                  sim.stdout().replaceFirst("(?m)^(1: fork init a) = 2$", "$1 = 7"),
                  sim.stderr(),
                  sim.exit());
          assertFalse(wrong.equals(sim), "the expectation was changed");
          RunOutput kernel =
              new KernelRunner(helper.get())
                  .runText(file, text, RunMode.ROOT, Duration.ofSeconds(30));
          return Verification.of(file, wrong, kernel, RunMode.ROOT, KernelRelease.of(release));
        });
    WindowTests.perform(robot, window, "fork init a", "clone a b newpid");
    KernelRunPane pane = runOnKernel(robot);
    DifferenceRows.Row fork = row(pane, "1: fork init a");
    assertEquals("7", fork.simulation());
    assertEquals("2", fork.kernel());
    assertTrue(fork.differs());
    assertFalse(row(pane, "2: clone a b newpid").differs());
    assertEquals(List.of("1: fork init a"), highlighted(pane));
    assertTrue(pane.status().getText().startsWith("1 difference"), pane.status().getText());
    assertTrue(pane.kernelLine().getText().contains(release), pane.kernelLine().getText());
    assertTrue(pane.kernelLine().getText().contains("as root"), pane.kernelLine().getText());
  }

  @Test
  void aDifferenceWithAKnownReasonIsHighlightedAndExplained(FxRobot robot) throws Exception {
    // a Verification made by hand: an old kernel, run unprivileged, refused a pid_max write
    window.hostWindows.useCheck(
        (file, text) -> {
          RunOutput sim = RunOutput.simulate(file, text);
          RunOutput kernel =
              new RunOutput(
                  sim.stdout()
                      .replace("2: sysctl a pid_max 400 = 0", "2: sysctl a pid_max 400 = EPERM"),
                  sim.stderr(),
                  sim.exit());
          return Verification.of(
              file, sim, kernel, RunMode.USER_NAMESPACE, KernelRelease.of("6.8.0-test"));
        });
    WindowTests.perform(robot, window, "clone init a newpid", "sysctl a pid_max 400");
    KernelRunPane pane = runOnKernel(robot);
    assertEquals(List.of("2: sysctl a pid_max 400"), highlighted(pane));
    assertEquals("EPERM", row(pane, "2: sysctl a pid_max 400").kernel());
    assertEquals("0", row(pane, "exit status").kernel());
    assertFalse(row(pane, "exit status").differs());
    String notes =
        pane.notes().getChildren().stream()
            .map(n -> ((javafx.scene.control.Label) n).getText())
            .reduce("", (a, b) -> a + "\n" + b);
    assertTrue(notes.contains("line 2: this write needs CAP_SYS_ADMIN"), notes);
    assertTrue(notes.contains("this kernel is 6.8.0-test"), notes);
    assertTrue(pane.kernelLine().getText().contains("unprivileged"), pane.kernelLine().getText());
  }

  @Test
  void withoutTheHelperItSaysWhatWouldMakeItWorkAndTheLabGoesOn(FxRobot robot) throws Exception {
    Verifier noHelper = new Verifier(Optional.empty(), RunMode.ROOT, Duration.ofSeconds(5));
    window.hostWindows.useCheck(noHelper::verify);
    WindowTests.perform(robot, window, "fork init a");
    KernelRunPane pane = runOnKernel(robot);
    String status = pane.status().getText();
    assertTrue(status.contains("cannot run the script on its kernel"), status);
    assertTrue(status.contains("pidns-lab-helper is not installed"), status);
    assertTrue(pane.kernelLine().getText().contains("C compiler"), pane.kernelLine().getText());
    assertTrue(pane.table().getItems().isEmpty());
    WindowTests.perform(robot, window, "fork a b");
    assertNotNull(window.model().task("b"), "the Lab works as before");
  }

  @Test
  void cancelStopsTheRunAndSaysSo(FxRobot robot) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    window.hostWindows.useCheck(
        (file, text) -> {
          started.countDown();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            interrupted.set(true); // as HelperCall stops the helper
          }
          return null;
        });
    choose(robot, "runMenu", "runOnKernelItem");
    assertTrue(started.await(10, TimeUnit.SECONDS));
    KernelRunPane pane = window.hostWindows.kernelPane();
    assertTrue(pane.runningProperty().get());
    robot.clickOn("#kernelRunCancel");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, interrupted::get);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(pane.runningProperty().get());
    assertTrue(pane.status().getText().startsWith("Cancelled"), pane.status().getText());
  }

  /** root: init 1, kthreadd 2 (+ a kworker), shim 100; C1 (101 = 1, 102 = 2, 105 = 5); C2 in C1. */
  private SyntheticProc machine() throws Exception {
    SyntheticProc proc = new SyntheticProc(tmp.resolve("proc"));
    proc.add("systemd", 0, ROOT, 1)
        .add("kthreadd", 0, ROOT, 2)
        .add("kworker", 2, ROOT, 3)
        .add("shim", 1, ROOT, 100)
        .add("c-init", 100, C1, 101, 1)
        .add("sh", 101, C1, 102, 2)
        .add("sleep", 102, C1, 105, 5)
        .add("inner", 101, C2, 103, 3, 1)
        .add("inner-sh", 103, C2, 104, 4, 2);
    return proc;
  }

  private ThisMachinePane showThisMachine(FxRobot robot, SyntheticProc proc) throws Exception {
    window.hostWindows.useSource(() -> new ProcReader(proc.root()).read());
    choose(robot, "viewMenu", "thisMachineItem");
    ThisMachinePane pane = window.hostWindows.machinePane();
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> pane.refreshesProperty().get() > 0 && !pane.busy());
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !pane.graph().layingOut());
    WaitForAsyncUtils.waitForFxEvents();
    return pane;
  }

  /** The pid chips drawn for the process with this real pid, outermost first. */
  private static List<String> chips(ThisMachinePane pane, int pid) {
    Task t = pane.model().task(pane.label(pid));
    assertNotNull(t, "pid " + pid + " is drawn");
    TaskNode n = pane.graph().drawing().tasksBySerial().get(t.serial());
    assertNotNull(n, "pid " + pid + " has a figure");
    return n.chips().stream().map(PidChip::text).toList();
  }

  @Test
  void thisMachineDrawsTheKnownTreeWithTheRealPidsAtEveryLevel(FxRobot robot) throws Exception {
    ThisMachinePane pane = showThisMachine(robot, machine());
    assertEquals(List.of("1"), chips(pane, 1));
    assertEquals(List.of("100"), chips(pane, 100));
    assertEquals(List.of("101", "1"), chips(pane, 101));
    assertEquals(List.of("102", "2"), chips(pane, 102));
    assertEquals(List.of("105", "5"), chips(pane, 105));
    assertEquals(List.of("103", "3", "1"), chips(pane, 103));
    assertEquals(List.of("104", "4", "2"), chips(pane, 104));
    assertNull(pane.label(2), "kernel threads are not drawn");
    assertEquals(7, pane.graph().drawing().tasks().size());
    Task sleep = pane.model().task(pane.label(105));
    assertEquals(pane.label(102), sleep.realParent().comm());
    assertEquals(3, pane.model().namespacesInUse().size());
    String summary = robot.lookup("#liveSummary").queryLabeled().getText();
    assertTrue(summary.contains("7 processes") || summary.contains("9 processes"), summary);
  }

  @Test
  void aRefreshTellsAnExitAndAForkWithTheirAnimations(FxRobot robot) throws Exception {
    SyntheticProc proc = machine();
    ThisMachinePane pane = showThisMachine(robot, proc);
    int before = pane.model().history().size();
    String sh = pane.label(102);
    // sh exits and is reaped; its child sleep is reparented to the container's init; a new
    // process appears in C1 at pid 106 = 6
    deleteProcess(proc.root().resolve("102"));
    deleteProcess(proc.root().resolve("105"));
    proc.add("sleep", 101, C1, 105, 5).add("top", 101, C1, 106, 6);
    robot.interact(() -> pane.graph().speedControl().setValue(Motion.NORMAL));
    AtomicBoolean animated = new AtomicBoolean();
    javafx.animation.AnimationTimer watch =
        new javafx.animation.AnimationTimer() {
          @Override
          public void handle(long now) {
            if (pane.graph().animating()) {
              animated.set(true);
            }
          }
        };
    robot.interact(watch::start);
    robot.clickOn("#liveRefresh");
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> pane.refreshesProperty().get() > 1 && !pane.busy());
    robot.interact(watch::stop);
    List<String> told =
        pane.model().history().subList(before, pane.model().history().size()).stream()
            .map(s -> String.join(" ", s.words()))
            .toList();
    assertTrue(told.contains("exit " + sh), told::toString);
    assertTrue(told.contains("wait " + pane.label(101) + " " + sh), told::toString);
    assertTrue(
        told.stream().anyMatch(s -> s.startsWith("fork ") && s.endsWith("top_106")),
        told::toString);
    assertTrue(animated.get(), "the calls were animated");
    Task gone = pane.model().task(sh);
    assertTrue(gone == null || gone.state() == TaskState.DEAD, "sh was reaped");
    assertEquals(pane.label(101), pane.model().task(pane.label(105)).realParent().comm());
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !pane.graph().layingOut());
    robot.interact(() -> pane.graph().finishAnimations());
    assertEquals(List.of("106", "6"), chips(pane, 106));
  }

  private static void deleteProcess(Path dir) throws Exception {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void startAnExperimentOpensTheSnapshotAsAScriptThatReplays(FxRobot robot) throws Exception {
    SyntheticProc proc = machine();
    showThisMachine(robot, proc);
    robot.interact(() -> robot.lookup("#liveExperiment").queryButton().fire());
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> !window.experiment().busyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    String expected = SnapshotScript.of(new ProcReader(proc.root()).read());
    assertEquals(expected, window.experiment().textProperty().get());
    assertEquals("This machine", window.experiment().nameProperty().get());
    assertTrue(window.experiment().dirtyProperty().get(), "a new, unsaved experiment");
    assertEquals(window.experiment().stepCount(), window.experiment().positionProperty().get());
    assertNotNull(window.model().task("inner-sh_104"), window.experiment().textProperty().get());
    assertEquals(2, window.model().task("inner-sh_104").activeNs().level());
    assertEquals(7, window.model().kernel().tasks().size());
  }

  @Test
  void startAnExperimentAsksToSaveAChangedOneFirst(FxRobot robot) throws Exception {
    showThisMachine(robot, machine());
    WindowTests.perform(robot, window, "fork init mine");
    String mine = window.experiment().textProperty().get();
    assertTrue(window.experiment().dirtyProperty().get());
    startExperimentAndAwaitTheQuestion(robot);
    robot.clickOn(showing(robot, "Cancel"));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(mine, window.experiment().textProperty().get(), "cancelled: nothing replaced");
    startExperimentAndAwaitTheQuestion(robot);
    robot.clickOn(showing(robot, "Don't save"));
    WaitForAsyncUtils.waitFor(
        20,
        TimeUnit.SECONDS,
        () -> "This machine".equals(window.experiment().nameProperty().get()));
    assertNotNull(window.model().task("inner-sh_104"));
    assertNull(window.model().task("mine"));
  }

  /** Presses "Start an experiment from this" without waiting for it: its dialog waits for us. */
  private static void startExperimentAndAwaitTheQuestion(FxRobot robot) throws Exception {
    javafx.application.Platform.runLater(
        () -> robot.lookup("#liveExperiment").queryButton().fire());
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> showing(robot, "Save the current experiment first?") != null);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * The node with this text in a window on screen (an answered dialog keeps its nodes), or null.
   */
  private static Node showing(FxRobot robot, String text) {
    return robot.lookup(text).queryAll().stream()
        .filter(n -> n.getScene() != null && n.getScene().getWindow() != null)
        .filter(n -> n.getScene().getWindow().isShowing())
        .findFirst()
        .orElse(null);
  }
}
