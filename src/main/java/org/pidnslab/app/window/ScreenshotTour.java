package org.pidnslab.app.window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.common.Theme;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.help.MarkdownView;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.script.ScriptParser;

/**
 * Generates the documentation's screenshots from the real window, so they stay true as the UI
 * changes: {@code xvfb-run -a -s "-screen 0 1600x1000x24" java -cp target/pidns-lab.jar
 * org.pidnslab.app.window.ScreenshotTour docs/images}. Each shot runs a scenario, picks a theme, a
 * perspective and a selection, and saves the window as PNG.
 */
public final class ScreenshotTour {

  /**
   * One screenshot.
   *
   * @param statements run before the shot, instantly
   * @param animated a last statement run at normal speed; the shot is taken mid-story
   * @param perspective a task whose namespace the picture is seen from, or null
   * @param then runs once the window is shown (a lesson, the quiz, a dialog) and gives the scene to
   *     save, or null for the window
   */
  record Shot(
      String name,
      Theme theme,
      List<String> statements,
      String animated,
      String select,
      String perspective,
      String sideTab,
      Function<MainWindow, Scene> then) {
    Shot(
        String name,
        Theme theme,
        List<String> statements,
        String animated,
        String select,
        String perspective,
        String sideTab) {
      this(name, theme, statements, animated, select, perspective, sideTab, null);
    }
  }

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
    out.add(
        scripted(
            "lesson-caption",
            "Inspector",
            w -> {
              // lesson 8 after "exit c": the caption explains zap_pid_ns_processes()
              atLessonStep(w, 8, 10);
              w.model().selectedProperty().set(w.model().task("c"));
              return null;
            }));
    out.add(
        scripted(
            "lesson-title-card",
            "Lessons",
            w -> {
              // lesson 5 at step 0: its title card
              atLessonStep(w, 5, 0);
              return null;
            }));
    out.add(
        scripted(
            "lesson-question",
            "Lessons",
            w -> {
              // lesson 5, the question of "exit a": the picture before it, the line marked next
              atLessonStep(w, 5, 4);
              w.experiment().nextBeat();
              return null;
            }));
    out.add(
        scripted(
            "lesson-answer",
            "Lessons",
            w -> {
              // the same step's answer: a has exited, the caption adds what the kernel did
              atLessonStep(w, 5, 4);
              w.experiment().nextBeat();
              w.experiment().nextBeat();
              return null;
            }));
    out.add(
        scripted(
            "quiz",
            "Namespaces",
            w -> {
              // lesson 8 as a quiz at "fork o v": predicted, revealed, scored
              atLessonStep(w, 8, 7);
              w.workbench().quiz().setActive(true);
              Scene scene = w.graph().getScene();
              ((javafx.scene.control.TextField) scene.lookup("#quizAnswer")).setText("7");
              ((javafx.scene.control.TextField) scene.lookup("#quizNspid")).setText("7/5");
              ((javafx.scene.control.Button) scene.lookup("#quizReveal")).fire();
              return null;
            }));
    out.add(scripted("welcome", "Lessons", w -> w.help().showWelcome().getDialogPane().getScene()));
    out.add(
        scripted(
            "help-language-reference",
            "Namespaces",
            w -> {
              // scrolled to the statements table: headings, code and a table in one picture
              Scene s = w.help().showLanguage().getDialogPane().getScene();
              MarkdownView md = (MarkdownView) s.lookup("#languageReference");
              PauseTransition resized = new PauseTransition(Duration.millis(600));
              resized.setOnFinished(e -> md.scrollTo("Statements"));
              resized.play();
              return s;
            }));
    out.add(
        scripted(
            "help-kernel-functions",
            "Namespaces",
            w -> w.help().showKernelFunctions().getDialogPane().getScene()));
    return out;
  }

  /**
   * Lesson {@code number} at {@code step}, in a window of the screen's full height (1000 in the
   * documented xvfb) to leave the graph room beside the caption and the quiz.
   */
  private static void atLessonStep(MainWindow w, int number, int step) {
    w.workbench().startLesson(lesson(number), false);
    w.experiment().jumpTo(step);
    Stage s = (Stage) w.graph().getScene().getWindow();
    s.setWidth(1400);
    s.setHeight(1000);
  }

  /** A light-theme shot of a fresh window that {@code then} prepares (a lesson, a dialog). */
  private static Shot scripted(String name, String sideTab, Function<MainWindow, Scene> then) {
    return new Shot(name, Theme.LIGHT, List.of(), null, null, null, sideTab, then);
  }

  private static org.pidnslab.script.Lesson lesson(int number) {
    return org.pidnslab.script.Lessons.all().stream()
        .filter(l -> l.number() == number)
        .findFirst()
        .orElseThrow();
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
        Scene main = window.createScene(1400, 860);
        stage.setScene(main);
        stage.show();
        double wait = 400;
        Scene shown = shot.then() == null ? null : shot.then().apply(window);
        Scene scene = shown == null ? main : shown;
        if (shot.then() != null) {
          wait = 1200; // a lesson's replay, a dialog's layout
        }
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
              for (javafx.stage.Window w : new ArrayList<>(javafx.stage.Window.getWindows())) {
                w.hide(); // the window and any dialog it opened
              }
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
