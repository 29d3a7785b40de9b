package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opening files by every way in (the command line's {@code --open}, File → Open, recent files, drag
 * and drop) reads only regular files of at most 16 MB, off the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class OpenFilesWindowTest {
  private static final String PREFS =
      "org/pidnslab/open-files-test-" + ProcessHandle.current().pid();
  @TempDir Path dir;
  private MainWindow window;
  private Stage stage;
  private Path chosen;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = WindowTests.show(stage, PREFS, () -> chosen);
  }

  @AfterEach
  void closeDialogs(FxRobot robot) throws Exception {
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  private Path fifo(String name) throws Exception {
    Path f = dir.resolve(name);
    assertEquals(0, new ProcessBuilder("mkfifo", f.toString()).start().waitFor());
    return f;
  }

  private String dialogText(FxRobot robot) throws Exception {
    WindowTests.awaitFiles(window);
    return robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText();
  }

  @Test
  void aPipeGivenAsTheFileNeverBlocksTheWindow(FxRobot robot) throws Exception {
    Path fifo = fifo("fifo.pidns");
    // as LabApp does for --open: before, this read the pipe on the FX thread and never returned
    CompletableFuture<Boolean> opened =
        WaitForAsyncUtils.asyncFx(() -> window.open(fifo)).get(5, TimeUnit.SECONDS);
    assertEquals(false, opened.get(5, TimeUnit.SECONDS));
    String text = dialogText(robot);
    assertTrue(text.contains("is not a regular file (a device, pipe or socket)"), text);
    assertEquals("", window.experiment().textProperty().get());
  }

  @Test
  void fileOpenRefusesAFolderAndAFileOver16Mb(FxRobot robot) throws Exception {
    chosen = Files.createDirectories(dir.resolve("folder.pidns"));
    robot.clickOn("#fileMenu").clickOn("#openItem");
    assertTrue(dialogText(robot).endsWith("is a folder: not a script. Choose a .pidns file."));
    WindowTests.closeAllBut(robot, stage, PREFS);
    chosen = dir.resolve("huge.pidns");
    try (RandomAccessFile f = new RandomAccessFile(chosen.toFile(), "rw")) {
      f.setLength(2L << 30); // 2 GB, sparse
    }
    robot.clickOn("#fileMenu").clickOn("#openItem");
    assertTrue(dialogText(robot).contains("is larger than 16 MB"));
    assertNull(window.experiment().fileProperty().get());
  }

  @Test
  void controlCharactersInAFileNameAreShownEscaped(FxRobot robot) throws Exception {
    // a name that would set a terminal's title and clear its screen
    chosen = Files.createDirectories(dir.resolve("x\u001b]0;OWNED\u0007\u001b[2J.pidns"));
    robot.clickOn("#fileMenu").clickOn("#openItem");
    String text = dialogText(robot);
    assertTrue(text.contains("x\\x1b]0;OWNED\\x07\\x1b[2J.pidns is a folder"), text);
    String header = robot.lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText();
    assertTrue(header.chars().noneMatch(c -> c < 0x20), header);
  }

  @Test
  void aRecentFileThatBecameAPipeIsRefused(FxRobot robot) throws Exception {
    chosen = Files.writeString(dir.resolve("mine.pidns"), "fork init a\n");
    robot.clickOn("#fileMenu").clickOn("#openItem");
    WindowTests.awaitFiles(window);
    robot.interact(() -> window.experiment().clear());
    Files.delete(chosen);
    fifo("mine.pidns");
    robot.clickOn("#fileMenu").clickOn("#recentMenu").clickOn("mine.pidns  —  " + dir);
    assertTrue(dialogText(robot).contains("is not a regular file"));
    assertEquals("", window.experiment().textProperty().get());
  }

  @Test
  void aDroppedPipeOrBinaryFileIsRefused(FxRobot robot) throws Exception {
    Path fifo = fifo("dropped.pidns");
    robot.interact(() -> window.workbench().dropped(List.of(fifo.toFile())));
    assertTrue(dialogText(robot).contains("is not a regular file"));
    WindowTests.closeAllBut(robot, stage, PREFS);
    Path binary = Files.write(dir.resolve("binary.pidns"), new byte[] {(byte) 0xc3, 0x28, 0, 1});
    robot.interact(() -> window.workbench().dropped(List.of(binary.toFile())));
    assertTrue(dialogText(robot).contains("is not UTF-8 text"));
    assertEquals("", window.experiment().textProperty().get());
  }

  @Test
  void theLabStartsWithAPipeForItsFileAndShowsItsWindow() throws Exception {
    Path fifo = fifo("start.pidns");
    Path shot = dir.resolve("shot.png");
    Process lab =
        WindowTests.labProcess(
                "org.pidnslab.Launcher",
                "gui",
                "--open=" + fifo,
                "--snapshot=" + shot,
                "--exit=true")
            .start();
    try {
      assertTrue(lab.waitFor(90, TimeUnit.SECONDS), "the Lab hung on the pipe");
    } finally {
      lab.destroyForcibly();
    }
    assertTrue(Files.size(shot) > 10_000, "the window was shown and photographed");
  }
}
