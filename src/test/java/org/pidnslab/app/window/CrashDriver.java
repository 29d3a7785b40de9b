package org.pidnslab.app.window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.experiment.Autosave;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.model.LabModel;

/**
 * A Lab in a process of its own for {@link CrashRecoveryTest}: it opens the window (headless, on
 * Monocle), makes a few calls by pressing the toolbar's buttons, waits until the autosave holds
 * them, prints {@code READY} and then keeps running until it is killed. With {@code --one-click} it
 * makes one call, prints {@code CLICKED} at once and waits to be killed.
 */
public final class CrashDriver extends Application {

  /**
   * The process's entry point, {@code CrashDriver$Main STATE_DIR}: a main class that extends
   * Application would need JavaFX on the module path.
   */
  public static final class Main {
    public static void main(String[] args) {
      Application.launch(CrashDriver.class, args);
    }
  }

  @Override
  public void start(Stage stage) {
    Path state = Path.of(getParameters().getRaw().get(0));
    boolean oneClick = getParameters().getRaw().contains("--one-click");
    Preferences prefs =
        Preferences.userRoot().node("org/pidnslab/crash-driver-" + ProcessHandle.current().pid());
    MainWindow w = new MainWindow(new LabModel(), new Settings(prefs));
    stage.setScene(w.createScene(1024, 700));
    w.graph().speedControl().setValue(Motion.INSTANT);
    stage.show();
    Autosave autosave = new Autosave(state);
    w.useAutosave(autosave);
    w.model().selectedProperty().set(w.model().kernel().init());
    press(stage, "#forkButton");
    if (oneClick) {
      // the test kills this Lab right after: the click must be on disk by then
      System.out.println("CLICKED");
      System.out.flush();
      return;
    }
    press(stage, "#cloneButton");
    w.model().selectedProperty().set(w.model().task("p2"));
    press(stage, "#forkButton");
    w.experiment().stepBack(); // the position is saved too
    Path file = autosave.file();
    PauseTransition poll = new PauseTransition(Duration.millis(100));
    poll.setOnFinished(
        e -> {
          try {
            if (Files.exists(file) && Files.readString(file).contains("position=2 ")) {
              System.out.println("READY " + w.experiment().textProperty().get().replace("\n", "|"));
              System.out.flush();
              return;
            }
          } catch (java.io.IOException ex) {
            // not there yet
          }
          poll.playFromStart();
        });
    poll.play();
  }

  private static void press(Stage stage, String id) {
    ((Button) stage.getScene().lookup(id)).fire();
  }
}
