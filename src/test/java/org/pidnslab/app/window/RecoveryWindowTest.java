package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.app.common.Toast;
import org.pidnslab.app.experiment.Autosave;
import org.pidnslab.app.experiment.AutosaveTest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The offer to restore what crashed Labs left behind, in the window: several crashed experiments,
 * damaged and oversized autosaves, and an autosave that cannot be written.
 */
@ExtendWith(ApplicationExtension.class)
class RecoveryWindowTest {
  private static final String PREFS = "org/pidnslab/recovery-test-" + ProcessHandle.current().pid();
  @TempDir Path state;
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = WindowTests.show(stage, PREFS, () -> null);
  }

  @AfterEach
  void closeDialogs(FxRobot robot) throws Exception {
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  private Path crashed(String id, String time, String script) throws Exception {
    // a Lab's id is 16 hex digits
    return AutosaveTest.leftByADeadLab(
        state,
        "00000000000000" + id,
        "# pidns-lab autosave position=1 time=" + time + "\n" + script);
  }

  private String offerText(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup("#recoveryDialog").queryAs(DialogPane.class).getContentText();
  }

  @Test
  void aSecondRestoreAsksBeforeReplacingTheFirstAndKeepsWhatIsNotRestored(FxRobot robot)
      throws Exception {
    Path older = crashed("01", "2026-11-29T06:00:00Z", "fork init older\n");
    Path newer = crashed("02", "2026-11-29T07:00:00Z", "fork init newer\n");
    Autosave mine = new Autosave(state);
    robot.interact(() -> window.useAutosave(mine));
    assertTrue(offerText(robot).contains("1 more will be offered"), offerText(robot));
    robot.clickOn("Restore");
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !Files.exists(newer));
    assertEquals("fork init newer\n", window.experiment().textProperty().get());
    assertTrue(Files.readString(mine.file()).endsWith("fork init newer\n"), "safe in ours first");
    // the older one is offered just after the newer's file goes, in the same FX event, which
    // waits for the autosave write: under load that write outlasts the click's own wait, and a
    // test waiting for the file alone looked for the offer in between (the query "Restore"
    // returned no nodes)
    String older06 = shownTime("2026-11-29T06:00:00Z");
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onShow(robot).contains(older06));
    assertFalse(onShow(robot).contains("more will be offered"), onShow(robot));

    robot.clickOn("Restore"); // the older one: the restored experiment is not saved anywhere
    assertTrue(
        robot.lookup("Save the current experiment first?").tryQuery().isPresent(),
        "asks before replacing an unsaved experiment");
    robot.clickOn("Cancel");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("fork init newer\n", window.experiment().textProperty().get());
    assertTrue(Files.exists(older), "not restored, not deleted");
    assertEquals(1, offeredAgain(), "and offered again next time");
  }

  /** The recovery offer on show, or "" while there is none. */
  private static String onShow(FxRobot robot) {
    return robot
        .lookup("#recoveryDialog")
        .tryQueryAs(DialogPane.class)
        .map(DialogPane::getContentText)
        .orElse("");
  }

  /** An autosave's time as the offer shows it. */
  private static String shownTime(String instant) {
    return DateTimeFormatter.ofPattern("HH:mm:ss")
        .withZone(ZoneId.systemDefault())
        .format(Instant.parse(instant));
  }

  @Test
  void theCrashedFileStaysWhenThisLabsAutosaveCannotHoldIt(FxRobot robot) throws Exception {
    Path crashed = crashed("03", "2026-11-29T06:00:00Z", "fork init kept\n");
    Autosave mine = new Autosave(state);
    Files.createDirectories(mine.file()); // a directory in the way: every write of ours fails
    robot.interact(() -> window.useAutosave(mine));
    robot.clickOn("Restore");
    // once the failed write is known, the crashed file is let go for the next start, not deleted
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> offeredAgain() == 1);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("fork init kept\n", window.experiment().textProperty().get());
    assertTrue(Files.exists(crashed), "its only durable copy is not deleted");
    String toast = robot.lookup("#toast").queryAs(Toast.class).message();
    assertTrue(toast.startsWith("Autosave failed"), toast);
  }

  /** How many autosaves a Lab starting now would offer (it lets go of them at once). */
  private int offeredAgain() {
    var left = new Autosave(state).leftBehind();
    left.forEach(Autosave.Recovery::release);
    return left.size();
  }

  @Test
  void damagedAndOversizedAutosavesAreOfferedForDiscard(FxRobot robot) throws Exception {
    Path damaged = crashed("04", "2026-11-29T06:00:00Z", "");
    Files.writeString(damaged, "no header: damaged\n");
    Path huge = crashed("05", "2026-11-29T06:00:00Z", "fork init a\n");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(2L << 30);
    }
    robot.interact(() -> window.useAutosave(new Autosave(state)));
    assertTrue(offerText(robot).contains("cannot be restored"), offerText(robot));
    assertFalse(robot.lookup("Restore").tryQuery().isPresent(), "nothing to restore");
    robot.clickOn("Discard");
    assertTrue(offerText(robot).contains("cannot be restored"), offerText(robot));
    robot.clickOn("Discard");
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(Files.exists(damaged));
    assertFalse(Files.exists(huge));
    assertEquals("", window.experiment().textProperty().get(), "the Lab started as usual");
  }
}
