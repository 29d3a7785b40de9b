package org.pidnslab.app.window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Supplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.experiment.ScriptFiles;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.model.LabModel;
import org.testfx.api.FxRobot;

/**
 * What the window tests share: a Lab on the stage, a file chooser that answers without a dialog,
 * and cleaning up.
 */
final class WindowTests {
  private WindowTests() {}

  /** A chooser that "picks" whatever {@code file} gives at the time it is asked (null: cancel). */
  static ScriptFiles.Chooser answering(Supplier<Path> file) {
    return new ScriptFiles.Chooser() {
      @Override
      public Path open(Window owner, Path near) {
        return file.get();
      }

      @Override
      public Path save(Window owner, Path suggested) {
        return file.get();
      }
    };
  }

  /**
   * Shows a fresh Lab on {@code stage} at the headless screen's size, with instant animations, its
   * settings under {@code prefsNode}, and a file chooser that answers with {@code chosen}.
   */
  static MainWindow show(Stage stage, String prefsNode, Supplier<Path> chosen) {
    MainWindow window =
        new MainWindow(new LabModel(), new Settings(Preferences.userRoot().node(prefsNode)));
    stage.setScene(window.createScene(1280, 800));
    window.graph().speedControl().setValue(Motion.INSTANT);
    window.workbench().files().setChooser(answering(chosen));
    stage.show();
    return window;
  }

  /**
   * A Lab (or any class of the test classpath) as a process of its own: headless on Monocle, with
   * this test run's fresh home.
   */
  static ProcessBuilder labProcess(String mainClass, String... args) {
    return labProcess(java.util.List.of(), mainClass, args);
  }

  /** The same with more JVM options, e.g. a headless screen of another size. */
  static ProcessBuilder labProcess(
      java.util.List<String> jvmOptions, String mainClass, String... args) {
    String bin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    java.util.List<String> cmd =
        new ArrayList<>(java.util.List.of(bin, "-cp", System.getProperty("java.class.path")));
    cmd.addAll(org.pidnslab.FreshHome.jvmArgs());
    cmd.addAll(
        java.util.List.of(
            "-Dglass.platform=Monocle",
            "-Dmonocle.platform=Headless",
            "-Dprism.order=sw",
            "-Djava.awt.headless=true"));
    cmd.addAll(jvmOptions);
    cmd.add(mainClass);
    cmd.addAll(java.util.List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true);
  }

  /** Waits until the files the window is reading (File → Open, recent files, drops) are open. */
  static void awaitFiles(MainWindow window) throws java.util.concurrent.TimeoutException {
    org.testfx.util.WaitForAsyncUtils.waitFor(
        10,
        java.util.concurrent.TimeUnit.SECONDS,
        () -> window.workbench().files().readingProperty().get() == 0);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * After a test: hides every window but {@code stage} (dialogs, popups) and drops its settings.
   */
  static void closeAllBut(FxRobot robot, Stage stage, String prefsNode)
      throws BackingStoreException {
    robot.interact(
        () -> {
          for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != stage) {
              w.hide();
            }
          }
        });
    Preferences.userRoot().node(prefsNode).removeNode();
  }

  /**
   * Waits until {@code w}'s picture is on show and still: no background layout, no animation, no
   * camera move (animations are finished at once).
   */
  static void settle(FxRobot robot, MainWindow w) throws java.util.concurrent.TimeoutException {
    org.testfx.util.WaitForAsyncUtils.waitFor(
        120,
        java.util.concurrent.TimeUnit.SECONDS,
        () -> {
          boolean[] busy = new boolean[1];
          robot.interact(
              () -> {
                w.graph().finishAnimations();
                w.graph().camera().finishMove();
                busy[0] = w.graph().layingOut() || w.graph().camera().moving();
              });
          return !busy[0];
        });
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
  }

  /** Runs {@code statements} as the window's own calls, on the FX thread, and waits for them. */
  static void perform(FxRobot robot, MainWindow window, String... statements) {
    robot.interact(
        () -> {
          for (String s : statements) {
            try {
              window.experiment().perform(s);
            } catch (Exception e) {
              throw new AssertionError(s, e);
            }
          }
        });
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
  }

  /** The graph's visible area, in scene coordinates. */
  static javafx.geometry.Bounds graphViewport(FxRobot robot) {
    javafx.scene.Node v = robot.lookup("#graphScroller").query().lookup(".viewport");
    return v.localToScene(v.getLayoutBounds());
  }

  /**
   * The smallest text of the task figures and summary cards in the graph's view, as high as it is
   * on screen: its font size times the scale it is drawn at.
   */
  static double smallestTextPx(FxRobot robot) {
    double[] smallest = {Double.POSITIVE_INFINITY};
    javafx.geometry.Bounds view = graphViewport(robot);
    robot.interact(
        () -> {
          java.util.List<javafx.scene.Node> owners =
              new ArrayList<>(robot.lookup(".task-figure").queryAll());
          owners.addAll(robot.lookup(".summary-card").queryAll());
          for (javafx.scene.Node owner : owners) {
            for (javafx.scene.text.Text t : texts(owner)) {
              javafx.geometry.Bounds b = t.localToScene(t.getBoundsInLocal());
              if (t.isVisible() && !t.getText().isBlank() && view.intersects(b)) {
                double scale = t.getLocalToSceneTransform().deltaTransform(0, 1).getY();
                smallest[0] = Math.min(smallest[0], t.getFont().getSize() * scale);
              }
            }
          }
        });
    return smallest[0];
  }

  private static java.util.List<javafx.scene.text.Text> texts(javafx.scene.Node n) {
    java.util.List<javafx.scene.text.Text> out = new ArrayList<>();
    if (n instanceof javafx.scene.text.Text t) {
      out.add(t);
    } else if (n instanceof javafx.scene.Parent p) {
      for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
        out.addAll(texts(c));
      }
    }
    return out;
  }
}
