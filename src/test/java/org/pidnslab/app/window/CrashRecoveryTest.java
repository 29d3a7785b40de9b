package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.experiment.Autosave;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.script.ScriptTrace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Crash recovery with a real process: a Lab ({@link CrashDriver}) makes calls, is killed with
 * SIGKILL mid-experiment, and a Lab started afterwards offers the experiment back, exactly.
 */
@ExtendWith(ApplicationExtension.class)
class CrashRecoveryTest {
  private static final String PREFS = "org/pidnslab/crash-test-" + ProcessHandle.current().pid();

  @TempDir Path state;
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = new MainWindow(new LabModel(), new Settings(Preferences.userRoot().node(PREFS)));
    stage.setScene(window.createScene(1024, 700));
    stage.show();
  }

  @AfterEach
  void cleanUp(FxRobot robot) throws Exception {
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  @Test
  void anExperimentSurvivesAKilledLabAndIsRestoredExactly(FxRobot robot) throws Exception {
    Process lab = startLab();
    String recorded;
    try {
      recorded = waitFor(lab, "READY ").replace("|", "\n");
    } finally {
      lab.destroyForcibly(); // SIGKILL: no shutdown hook, no clean exit
    }
    assertTrue(lab.waitFor(30, TimeUnit.SECONDS));
    Preferences.userRoot().node("org/pidnslab/crash-driver-" + lab.pid()).removeNode();
    assertEquals(137, lab.exitValue(), "killed by SIGKILL");
    try (var files = Files.list(state)) {
      assertEquals(1, files.filter(f -> f.toString().endsWith(".pidns")).count());
    }

    Autosave mine = new Autosave(state);
    robot.interact(() -> window.useAutosave(mine));
    assertNotNull(robot.lookup("#recoveryDialog").tryQuery().orElse(null), "the offer to restore");
    robot.clickOn("Restore");
    Experiment ex = window.experiment();
    assertEquals(recorded, ex.textProperty().get());
    assertEquals(2, ex.positionProperty().get(), "the position came back too");
    ScriptTrace.Step last = ex.traceProperty().get().steps().get(1);
    assertEquals("clone init p2 newpid", last.statement().text());
    assertNotNull(window.model().task("p2"));
    assertEquals(null, window.model().task("p21"), "not run yet: the Lab stood at step 2");
    assertTrue(ex.dirtyProperty().get(), "a restored experiment is not saved in a file");
    // once this Lab's own autosave holds the experiment, and only then, the dead Lab's file goes
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> pidnsFiles().equals(List.of(mine.file())));
    assertTrue(Files.readString(mine.file()).endsWith(recorded));
  }

  @Test
  void aCallIsOnDiskATenthOfASecondAfterItWasMade(FxRobot robot) throws Exception {
    Process lab = startLab("--one-click");
    try {
      waitFor(lab, "CLICKED");
      Thread.sleep(100);
    } finally {
      lab.destroyForcibly();
    }
    assertTrue(lab.waitFor(30, TimeUnit.SECONDS));
    Preferences.userRoot().node("org/pidnslab/crash-driver-" + lab.pid()).removeNode();
    robot.interact(() -> window.useAutosave(new Autosave(state)));
    robot.clickOn("Restore");
    assertEquals("fork init p1\n", window.experiment().textProperty().get());
  }

  private List<Path> pidnsFiles() throws java.io.IOException {
    try (var files = Files.list(state)) {
      return files.filter(f -> f.toString().endsWith(".pidns")).toList();
    }
  }

  private Process startLab(String... options) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of(state.toString()));
    args.addAll(List.of(options));
    return WindowTests.labProcess(CrashDriver.Main.class.getName(), args.toArray(String[]::new))
        .start();
  }

  /** Reads the Lab's output until a line starts with {@code mark}; returns the rest of it. */
  private static String waitFor(Process lab, String mark) throws Exception {
    CompletableFuture<String> ready =
        CompletableFuture.supplyAsync(
            () -> {
              StringBuilder seen = new StringBuilder();
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(lab.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  if (line.startsWith(mark)) {
                    return line.substring(mark.length());
                  }
                  seen.append(line).append('\n');
                }
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
              throw new IllegalStateException("the Lab ended without " + mark + ":\n" + seen);
            });
    return ready.get(90, TimeUnit.SECONDS);
  }
}
