package org.pidnslab.app.window;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.graph.Box;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.TaskNode;

/**
 * A Lab presenting in a process of its own, so that its headless screen can have a projector's size
 * ({@code -Dheadless.geometry=1920x1080-32}) while the other window tests keep theirs: it opens
 * {@code FILE}, enters presentation mode and, for every {@code STEP} given, jumps there and prints
 * {@code STEP n answer CHIPS px SCENE wxh GRAPH h CROPPED labels} (the pid chips' text size on
 * screen, the presentation's size, the graph's height, the tasks not wholly in view), then goes a
 * beat forward to the next step's question (when it asks one) and prints the same line with {@code
 * question}; then {@code DONE}.
 */
public final class PresentationDriver extends Application {

  /** The entry point, {@code PresentationDriver$Main FILE STEP...}. */
  public static final class Main {
    public static void main(String[] args) {
      Application.launch(PresentationDriver.class, args);
    }
  }

  private MainWindow w;
  private Stage stage;
  private final Deque<Integer> steps = new ArrayDeque<>();

  @Override
  public void start(Stage stage) {
    this.stage = stage;
    Preferences prefs =
        Preferences.userRoot().node("org/pidnslab/present-driver-" + ProcessHandle.current().pid());
    w = new MainWindow(new LabModel(), new Settings(prefs));
    stage.setScene(w.createScene(1024, 700));
    w.graph().speedControl().setValue(Motion.INSTANT);
    stage.show();
    for (String s : getParameters().getRaw().subList(1, getParameters().getRaw().size())) {
      steps.add(Integer.parseInt(s));
    }
    w.open(Path.of(getParameters().getRaw().get(0)))
        .thenAccept(
            ok -> {
              w.togglePresenting();
              later(this::next); // full screen takes a moment
            });
  }

  private void next() {
    if (steps.isEmpty()) {
      System.out.println("DONE");
      System.out.flush();
      Platform.exit();
      return;
    }
    int step = steps.poll();
    w.experiment().jumpTo(step);
    later(
        () -> {
          report(step);
          w.experiment().nextBeat();
          if (w.experiment().beatProperty().get() != org.pidnslab.app.model.Beat.QUESTION) {
            next(); // the next step asks nothing (or there is none)
            return;
          }
          later(
              () -> {
                report(step);
                next();
              });
        });
  }

  private void report(int step) {
    w.graph().finishAnimations();
    System.out.println(
        "STEP "
            + step
            + " "
            + w.experiment().beatProperty().get().name().toLowerCase(java.util.Locale.ROOT)
            + " CHIPS "
            + w.graph().camera().chipPixels()
            + " SCENE "
            + (int) stage.getScene().getWidth()
            + "x"
            + (int) stage.getScene().getHeight()
            + " GRAPH "
            + w.graph().getHeight()
            + " CROPPED"
            + cropped());
  }

  private String cropped() {
    Box view = w.graph().camera().viewportProperty().get();
    Drawing d = w.graph().drawing();
    StringBuilder out = new StringBuilder();
    for (TaskNode n : d.tasks()) {
      if (!view.grow(1).contains(n.box())) {
        out.append(' ').append(n.label());
      }
    }
    return out.toString();
  }

  private static void later(Runnable r) {
    PauseTransition p = new PauseTransition(Duration.millis(700));
    p.setOnFinished(e -> r.run());
    p.play();
  }
}
