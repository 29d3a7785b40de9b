package org.pidnslab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.pidnslab.script.ScriptParser;

/**
 * Generates the documentation's screenshots from the real window, so they stay true as the UI
 * changes: {@code xvfb-run -a java -cp target/pidns-lab.jar org.pidnslab.app.ScreenshotTour
 * docs/images}. Each shot runs a scenario, picks a theme, a perspective and a selection, and saves
 * the window as PNG.
 */
public final class ScreenshotTour {

  /**
   * One screenshot.
   *
   * @param statements run before the shot, instantly
   * @param animated a last statement run at normal speed; the shot is taken mid-story
   * @param perspective a task whose namespace the picture is seen from, or null
   */
  record Shot(
      String name,
      Theme theme,
      List<String> statements,
      String animated,
      String select,
      String perspective,
      String sideTab) {}

  private ScreenshotTour() {}

  /** Writes every shot into the folder given as the first argument (default docs/images). */
  public static void main(String[] args) {
    // the main class must not be an Application, or a classpath launch asks for JavaFX modules
    Application.launch(Tour.class, args);
  }

  static List<Shot> shots() throws Exception {
    List<String> nested = statementsOf("assets/scenarios/one-task-many-pids.pidns");
    List<String> dies = statementsOf("assets/scenarios/when-init-dies.pidns");
    List<String> orphans = statementsOf("assets/scenarios/orphans-and-subreapers.pidns");
    List<Shot> out = new ArrayList<>();
    out.add(new Shot("nested-namespaces", Theme.LIGHT, nested, null, "deep", null, "Inspector"));
    out.add(
        new Shot(
            "zombie-and-exiting-init",
            Theme.LIGHT,
            dies.subList(0, 7),
            null,
            "c",
            null,
            "Namespaces"));
    out.add(
        new Shot(
            "reparenting",
            Theme.LIGHT,
            orphans.subList(0, 5),
            "exit job",
            "manager",
            null,
            "Namespaces"));
    out.add(new Shot("perspective-ns1", Theme.LIGHT, nested, null, "deep", "l1", "ps"));
    out.add(new Shot("dark-theme", Theme.DARK, orphans, null, "c", null, "Namespaces"));
    out.add(new Shot("projector-theme", Theme.PROJECTOR, nested, null, "l2", null, "Namespaces"));
    return out;
  }

  private static List<String> statementsOf(String file) throws Exception {
    List<String> out = new ArrayList<>();
    for (ScriptParser.ParsedLine l : ScriptParser.parse(Files.readString(Path.of(file)))) {
      if (l.statement() != null && !l.statement().words().get(0).equals("expect")) {
        out.add(l.statement().text());
      }
    }
    return out;
  }

  /** The JavaFX side of the tour. */
  public static final class Tour extends Application {
    @Override
    public void start(Stage ignored) throws Exception {
      List<String> raw = getParameters().getUnnamed();
      Path dir = Path.of(raw.isEmpty() ? "docs/images" : raw.get(0));
      Files.createDirectories(dir);
      Deque<Shot> queue = new ArrayDeque<>(shots());
      next(queue, dir);
    }

    private void next(Deque<Shot> queue, Path dir) {
      Shot shot = queue.poll();
      if (shot == null) {
        Platform.exit();
        return;
      }
      try {
        Stage stage = new Stage();
        LabModel model = new LabModel();
        Preferences prefs = Preferences.userRoot().node("org/pidnslab/screenshot-tour");
        MainWindow window = new MainWindow(model, new Settings(prefs));
        window.setTheme(shot.theme());
        window.graph().speedControl().setValue(Motion.INSTANT);
        for (String s : shot.statements()) {
          window.experiment().perform(s);
        }
        if (shot.select() != null) {
          model.selectedProperty().set(model.task(shot.select()));
        }
        if (shot.perspective() != null) {
          model.perspectiveProperty().set(model.task(shot.perspective()).activeNs());
        }
        window.showSideTab(shot.sideTab());
        Scene scene = window.createScene(1400, 860);
        stage.setScene(scene);
        stage.show();
        double wait = 400;
        if (shot.animated() != null) {
          window.graph().speedControl().setValue(Motion.SLOW);
          window.experiment().perform(shot.animated());
          wait = Motion.STEP_MS * 2.2 * 1.6;
        }
        PauseTransition settle = new PauseTransition(Duration.millis(wait));
        settle.setOnFinished(
            e -> {
              try {
                Snapshots.save(scene, dir.resolve(shot.name() + ".png"));
                System.out.println("wrote " + dir.resolve(shot.name() + ".png"));
              } catch (Exception ex) {
                System.err.println("pidns-lab: " + shot.name() + ": " + ex.getMessage());
              }
              stage.close();
              next(queue, dir);
            });
        settle.play();
      } catch (Exception ex) {
        System.err.println("pidns-lab: " + shot.name() + ": " + ex.getMessage());
        next(queue, dir);
      }
    }
  }
}
