package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pidnslab.app.common.Theme;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.graphview.TaskGraphView;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.export.ExportFixtures;
import org.pidnslab.export.ExportRequest;
import org.pidnslab.export.Exporter;
import org.pidnslab.export.ImageDiff;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.LayoutChoice;
import org.pidnslab.script.ScriptParser;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The PNG export looks like the window: the on-screen task graph of a state, snapshotted at 100 %
 * on Monocle, against {@code Exporter.image} of the same state, theme and perspective. JavaFX and
 * Java2D rasterise glyphs differently (hinting, gamma, sub-pixel placement), so the images are
 * compared after a 3x3 box blur and with a tolerance per pixel; a changed box, chip, colour or hull
 * still shows (see {@code SvgExportTest.theComparisonNoticesAMissingTask}).
 */
@ExtendWith(ApplicationExtension.class)
class ExportMatchesWindowTest {
  private LabModel model;
  private TaskGraphView view;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    model = new LabModel();
    view = new TaskGraphView(model);
    view.speedControl().setValue(Motion.INSTANT);
    stage.setScene(new Scene(view, 160, 160));
    stage.show();
  }

  private BufferedImage window(FxRobot robot, Theme theme, String perspectiveOf, int lines)
      throws Exception {
    AtomicReference<BufferedImage> shot = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    robot.interact(
        () -> {
          try {
            for (ScriptParser.ParsedLine p : ScriptParser.parse(ExportFixtures.SCRIPT)) {
              if (p.line() <= lines) {
                model.run(p.statement().text());
              }
            }
            view.setTheme(theme);
            model
                .perspectiveProperty()
                .set(perspectiveOf == null ? null : model.task(perspectiveOf).activeNs());
            view.redraw();
            view.finishAnimations();
            // a new picture comes up framed whole (issue 14): compare pixels at 100 %
            view.camera().actualSize();
          } catch (Exception e) {
            failure.set(e);
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
    ExportRequest request =
        ExportRequest.of(
            model.kernel(),
            new DrawingOptions(model.perspectiveProperty().get(), LayoutChoice.TREE),
            theme.graphTheme());
    BufferedImage exported = Exporter.image(request);
    org.pidnslab.graph.Drawing drawn = Exporter.picture(request).drawing();
    robot.interact(
        () -> {
          assertEquals(1.0, view.zoom(), "the window shows the picture at 100 %");
          assertEquals(drawn, view.drawing(), "the same drawing model");
          Group content = (Group) view.edges().getParent();
          SnapshotParameters params = new SnapshotParameters();
          params.setFill(Color.web(theme.graphTheme().background()));
          params.setViewport(new Rectangle2D(0, 0, exported.getWidth(), exported.getHeight()));
          shot.set(Snapshots.toBufferedImage(content.snapshot(params, null)));
        });
    BufferedImage screen = shot.get();
    String what =
        "PNG export vs JavaFX window, "
            + theme
            + (perspectiveOf == null ? "" : ", seen from " + perspectiveOf + "'s namespace");
    ImageDiff blurred = ImageDiff.report(what, exported, screen);
    assertTrue(blurred.meanAbs() < 1.5, "mean difference " + blurred.meanAbs());
    assertTrue(blurred.fractionOver() < 0.005, "pixels differing " + blurred.fractionOver());
    return screen;
  }

  @Test
  void pngExportOfADyingNamespaceMatchesTheWindow(FxRobot robot) throws Exception {
    window(robot, Theme.LIGHT, null, 9);
  }

  @Test
  void pngExportOfAPerspectiveMatchesTheWindowInTheDarkTheme(FxRobot robot) throws Exception {
    window(robot, Theme.DARK, "c1", ExportFixtures.NESTED);
  }

  @Test
  void pngExportMatchesTheWindowInTheProjectorTheme(FxRobot robot) throws Exception {
    window(robot, Theme.PROJECTOR, null, ExportFixtures.NESTED);
  }
}
