package org.pidnslab.app.window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.pidnslab.app.common.Icons;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.experiment.Autosave;
import org.pidnslab.app.model.LabModel;

/**
 * The Lab's JavaFX application: opens the window on a fresh machine ({@code init} alone in {@code
 * root}).
 *
 * <p>Named parameters, for the desktop, demos and the smoke test: {@code --open=FILE} opens a
 * script as File → Open does (a narrated one at its first step); {@code --script=FILE} opens a
 * script at its end (the state {@code pidns-lab run} prints); {@code --snapshot=FILE} saves a PNG
 * of the window once it is shown; {@code --exit=true} quits after that (and skips the offer to
 * restore a crashed experiment); {@code --present=true} starts in presentation mode; {@code
 * --step=N} shows the opened script at its step N ({@link GuiOptions}).
 *
 * <p>A plain start shows the welcome (unless "Don't show this again" was ticked): not when a file
 * was given, not for a snapshot or demo run, and not while the offer to restore a crashed
 * experiment is on show, so the two never compete.
 */
public final class LabApp extends Application {

  /** Starts the window; see the class comment for the parameters. */
  public static void main(String[] args) {
    quietStartupLogs();
    try {
      GuiOptions.parse(GuiOptions.named(args));
    } catch (IllegalArgumentException e) {
      System.err.println("pidns-lab: " + e.getMessage());
      System.exit(2);
    }
    launch(args);
  }

  /**
   * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" on
   * every start from the class path, which is this project's choice (decision 0001) and works; the
   * filter drops that one record and lets every other JavaFX warning through. The logger is kept in
   * a field because java.util.logging holds loggers weakly.
   */
  static void quietStartupLogs() {
    JAVAFX_LOG.setFilter(
        r -> r.getMessage() == null || !r.getMessage().startsWith(CLASS_PATH_WARNING));
    // the window's settings are java.util.prefs; their first save logs "INFO: Created user
    // preferences directory." on a new user's first start, which is no news to the user
    PREFS_LOG.setLevel(Level.WARNING);
  }

  static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";
  private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
  private static final Logger PREFS_LOG = Logger.getLogger("java.util.prefs");

  @Override
  public void start(Stage stage) throws Exception {
    Settings settings = new Settings();
    LabModel model = new LabModel();
    MainWindow window = new MainWindow(model, settings);
    Scene scene = sceneFor(stage, window, settings, Screen.getPrimary().getVisualBounds());
    stage.titleProperty().bind(window.title());
    Icons.apply(stage);
    window.setLinkOpener(getHostServices()::showDocument);
    stage.setOnCloseRequest(
        e -> {
          if (!window.confirmClose()) {
            e.consume();
          }
        });
    stage.setOnHidden(
        e -> {
          // closed while presenting: the window's own size is remembered, not the screen's
          org.pidnslab.app.present.Presenter.WindowState was = window.presenter().windowBefore();
          if (was != null) {
            WindowSize.remember(settings, was.maximized(), was.width(), was.height());
          } else {
            WindowSize.remember(settings, stage.isMaximized(), scene.getWidth(), scene.getHeight());
          }
          settings.flush();
          window.closed();
        });
    Map<String, String> named = getParameters().getNamed();
    GuiOptions options = GuiOptions.parse(named);
    boolean demo = "true".equals(named.get("exit"));
    boolean fileGiven =
        named.containsKey("script")
            || named.containsKey("open")
            || !getParameters().getUnnamed().isEmpty();
    String given =
        named.containsKey("script")
            ? named.get("script")
            : named.containsKey("open")
                ? named.get("open")
                : getParameters().getUnnamed().isEmpty()
                    ? null
                    : getParameters().getUnnamed().get(0);
    // read off the FX thread (a pipe given as the file must not stop the window from showing)
    CompletableFuture<Boolean> opened =
        given != null && readable(Path.of(given))
            ? window.open(Path.of(given))
            : CompletableFuture.completedFuture(false);
    if (named.containsKey("script") || options.step() >= 0) {
      int step = options.step() >= 0 ? options.step() : Integer.MAX_VALUE;
      opened = opened.thenApply(ok -> jumpTo(window, ok, step));
    }
    stage.show();
    if (options.present()) {
      window.togglePresenting();
    }
    boolean recovering = !demo && window.useAutosave(new Autosave(Autosave.defaultDir()));
    if (welcomeWanted(settings, demo || named.containsKey("snapshot"), fileGiven, recovering)) {
      window.showWelcome();
    }
    if (named.containsKey("snapshot")) {
      Path out = Path.of(named.get("snapshot"));
      // full screen takes the window system a moment, the camera glides to a jump's picture and
      // the script editor fills on a later pulse: the picture must be the final one in both modes
      javafx.util.Duration settle = javafx.util.Duration.millis(800);
      opened.whenComplete(
          (ok, failure) -> {
            window.graph().finishAnimations();
            javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(settle);
            wait.setOnFinished(
                done ->
                    whenLaidOut(
                        window,
                        () -> {
                          window.graph().finishAnimations();
                          try {
                            Snapshots.save(scene, out);
                          } catch (Exception ex) {
                            System.err.println(
                                "pidns-lab: cannot save snapshot " + out + ": " + ex.getMessage());
                          }
                          if (demo) {
                            Platform.exit();
                          }
                        }));
            wait.play();
          });
    }
  }

  /** Shows the opened script at {@code step} (its last, if it has fewer); returns {@code ok}. */
  private static boolean jumpTo(MainWindow window, boolean ok, int step) {
    if (ok) {
      window.experiment().jumpTo(Math.min(step, window.experiment().stepCount()));
    }
    return ok;
  }

  /**
   * Runs {@code then} on the FX thread once the picture is final: a big one is laid out in the
   * background, and a snapshot taken before would show the progress indicator.
   */
  private static void whenLaidOut(MainWindow window, Runnable then) {
    if (!window.graph().layingOut()) {
      then.run();
      return;
    }
    javafx.animation.PauseTransition later =
        new javafx.animation.PauseTransition(javafx.util.Duration.millis(50));
    later.setOnFinished(e -> whenLaidOut(window, then));
    later.play();
  }

  /**
   * Puts {@code window} on {@code stage} as big as it was left, or, on a first start, fitted to
   * {@code screen} (the usable area of the screen it opens on): see {@link WindowSize}.
   */
  static Scene sceneFor(Stage stage, MainWindow window, Settings settings, Rectangle2D screen) {
    WindowSize size = WindowSize.forStart(settings, screen);
    Scene scene = window.createScene(size.width(), size.height());
    stage.setScene(scene);
    stage.setMaximized(size.maximized());
    return scene;
  }

  /** Whether a start shows the welcome. */
  static boolean welcomeWanted(
      Settings settings, boolean demo, boolean fileGiven, boolean recovering) {
    return settings.showWelcome() && !demo && !fileGiven && !recovering;
  }

  private static boolean readable(Path file) {
    if (!Files.isReadable(file)) {
      System.err.println("pidns-lab: " + file + ": cannot read the file");
      return false;
    }
    return true;
  }
}
