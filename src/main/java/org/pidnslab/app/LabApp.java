package org.pidnslab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.pidnslab.script.ScriptError;
import org.pidnslab.script.ScriptParser;

/**
 * The Lab's JavaFX application: opens the window on a fresh machine ({@code init} alone in {@code
 * root}).
 *
 * <p>Named parameters, for demos and for the smoke test: {@code --script=FILE} runs a scenario's
 * statements first; {@code --snapshot=FILE} saves a PNG of the window once it is shown; {@code
 * --exit=true} quits after that.
 */
public final class LabApp extends Application {

  /** Starts the window; see the class comment for the parameters. */
  public static void main(String[] args) {
    launch(args);
  }

  @Override
  public void start(Stage stage) throws Exception {
    Settings settings = new Settings();
    LabModel model = new LabModel();
    MainWindow window = new MainWindow(model, settings);
    Scene scene = window.createScene(settings.width(), settings.height());
    stage.setTitle("PID Namespace Lab");
    stage.setScene(scene);
    stage.setOnHidden(
        e -> {
          settings.size(scene.getWidth(), scene.getHeight());
          settings.flush();
        });
    Map<String, String> named = getParameters().getNamed();
    if (named.containsKey("script")) {
      runScript(window, Path.of(named.get("script")));
    }
    stage.show();
    if (named.containsKey("snapshot")) {
      Path out = Path.of(named.get("snapshot"));
      window.graph().finishAnimations();
      Platform.runLater(
          () -> {
            try {
              Snapshots.save(scene, out);
            } catch (Exception ex) {
              System.err.println("pidns-lab: cannot save snapshot " + out + ": " + ex.getMessage());
            }
            if ("true".equals(named.get("exit"))) {
              Platform.exit();
            }
          });
    }
  }

  private static void runScript(MainWindow window, Path file) {
    try {
      String text = Files.readString(file);
      java.util.List<String> statements = new java.util.ArrayList<>();
      for (ScriptParser.ParsedLine line : ScriptParser.parse(text)) {
        if (line.error() != null) {
          throw line.error();
        }
        if (!line.statement().words().get(0).equals("expect")) {
          statements.add(line.statement().text());
        }
      }
      window.model().runAll(statements);
    } catch (ScriptError e) {
      System.err.println(e.format(file.toString()));
    } catch (java.io.IOException e) {
      System.err.println(file + ": cannot read: " + e.getMessage());
    }
  }
}
