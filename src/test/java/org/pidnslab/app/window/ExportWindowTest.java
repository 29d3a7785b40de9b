package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.common.Toast;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.export.ExportFormat;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Export, the toolbar's Export button and Copy Image, through the UI on Monocle. */
@ExtendWith(ApplicationExtension.class)
class ExportWindowTest {
  private static final String PREFS = "org/pidnslab/export-test-" + ProcessHandle.current().pid();

  @TempDir Path dir;
  private MainWindow window;
  private Stage stage;
  private Path chosen;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = new MainWindow(new LabModel(), new Settings(Preferences.userRoot().node(PREFS)));
    stage.setScene(window.createScene(1280, 800));
    window.graph().speedControl().setValue(Motion.INSTANT);
    window.exports().setChooser((owner, suggested, format) -> chosen);
    stage.show();
  }

  @AfterEach
  void closeDialogs(FxRobot robot) throws Exception {
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  private void experiment(FxRobot robot, String... statements) {
    WindowTests.perform(robot, window, statements);
  }

  private static void waitFor(Path file) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(file));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void fileExportSvgWritesThePictureOnShowWithThePidsAsText(FxRobot robot) throws Exception {
    experiment(robot, "clone init c newpid", "fork c c1");
    chosen = dir.resolve("view.svg");
    robot.clickOn("#fileMenu").clickOn("#exportMenu").clickOn("#exportItem-svg");
    waitFor(chosen);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var doc = f.newDocumentBuilder().parse(chosen.toFile());
    String text = doc.getDocumentElement().getTextContent();
    assertTrue(text.contains("c1") && text.contains("ns1"), text);
    assertTrue(
        robot.lookup("#toast").queryAs(Toast.class).message().startsWith("Exported view.svg"));
  }

  @Test
  void pngAtTwiceTheScaleIsTwiceAsLargeAndCanBeTransparent(FxRobot robot) throws Exception {
    experiment(robot, "fork init a");
    Path one = dir.resolve("one.png");
    robot.interact(() -> window.exports().run(ExportFormat.PNG, 1, false, one));
    waitFor(one);
    chosen = dir.resolve("two.png");
    robot.clickOn("#exportButton").clickOn("#exportButton-png");
    assertEquals(
        "2×",
        robot.lookup("#exportScale").queryAs(javafx.scene.control.ChoiceBox.class).getValue(),
        "2× is proposed for PNG");
    robot.clickOn("#exportTransparent");
    robot.clickOn("OK");
    waitFor(chosen);
    BufferedImage a = ImageIO.read(one.toFile());
    BufferedImage b = ImageIO.read(chosen.toFile());
    assertEquals(2 * a.getWidth(), b.getWidth());
    assertEquals(2 * a.getHeight(), b.getHeight());
    assertEquals(0, b.getRGB(0, 0) >>> 24, "the corner is transparent");
  }

  @Test
  void theGifAnimatesTheScriptUpToTheCurrentStep(FxRobot robot) throws Exception {
    experiment(robot, "fork init a", "fork a b", "exit b");
    robot.interact(() -> window.experiment().stepBack());
    Path gif = dir.resolve("story.gif");
    robot.interact(() -> window.exports().run(ExportFormat.GIF, 1, false, gif));
    waitFor(gif);
    var reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (var in = ImageIO.createImageInputStream(gif.toFile())) {
      reader.setInput(in);
      int frames = reader.getNumImages(true);
      assertTrue(frames >= 2 && frames <= 3, "one frame a statement up to step 2: " + frames);
    }
  }

  @Test
  void aFailedExportSaysWhyAndWhatToDo(FxRobot robot) throws Exception {
    chosen = dir.resolve("no-such-folder").resolve("x.svg");
    robot.clickOn("#fileMenu").clickOn("#exportMenu").clickOn("#exportItem-svg");
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> robot.lookup("#exportError").tryQuery().isPresent());
    String msg = robot.lookup("#exportError .content").queryLabeled().getText();
    assertFalse(msg.isBlank());
    assertFalse(Files.exists(chosen));
  }

  @Test
  void copyImagePutsThePictureOnTheClipboard(FxRobot robot) throws Exception {
    experiment(robot, "fork init a");
    robot.interact(() -> Clipboard.getSystemClipboard().clear());
    robot.clickOn("#fileMenu").clickOn("#exportMenu");
    robot.clickOn("#exportItem-copy", org.testfx.robot.Motion.HORIZONTAL_FIRST);
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().hasImage()).get());
    javafx.scene.image.Image img =
        WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getImage()).get();
    assertNotNull(img);
    assertTrue(img.getWidth() > 100 && img.getHeight() > 50);
  }
}
