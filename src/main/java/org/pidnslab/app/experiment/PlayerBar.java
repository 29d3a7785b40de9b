package org.pidnslab.app.experiment;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.model.Beat;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.script.ScriptTrace;

/**
 * The player: to the start, step back, play/pause, step forward, to the end, and a timeline whose
 * ticks mark forks, exits, namespace creations and deaths and failed calls. Dragging the timeline
 * jumps to that step; every position is the exact state {@code pidns-lab run} gives for the
 * script's lines up to it.
 */
final class PlayerBar extends HBox {
  private final Experiment experiment;
  private final Slider timeline = new Slider(0, 0, 0);
  private final Canvas ticks = new Canvas();
  private final Label where = new Label();
  private final ToggleButton play = new ToggleButton("Play", new FontIcon(MaterialDesignP.PLAY));
  private final PauseTransition beat = new PauseTransition();
  private final BooleanSupplier animating;
  private final Supplier<Motion> motion;
  private Runnable stepper;
  private Runnable backStepper;
  private boolean updating;

  /**
   * @param animating whether the graph is still telling the last step (the player waits for it)
   * @param motion the animation speed, which also paces playback
   */
  PlayerBar(Experiment experiment, BooleanSupplier animating, Supplier<Motion> motion) {
    super(6);
    this.experiment = experiment;
    this.animating = animating;
    this.motion = motion;
    this.stepper = experiment::nextBeat;
    this.backStepper = experiment::previousBeat;
    setId("playerBar");
    getStyleClass().add("player-bar");
    setAlignment(Pos.CENTER_LEFT);
    Button start =
        button(MaterialDesignS.SKIP_PREVIOUS, "playerStart", "Go to the start: init alone (Home)");
    start.setOnAction(e -> experiment.jumpTo(0));
    Button back =
        button(
            MaterialDesignS.STEP_BACKWARD,
            "stepBack",
            "Back a beat: from an answer to its question, or to the step before (Page Up)");
    back.setOnAction(e -> backStepper.run());
    Button forward =
        button(
            MaterialDesignS.STEP_FORWARD,
            "stepForward",
            "Next beat: the next line's question, then its run and answer (Page Down)");
    forward.setOnAction(e -> stepper.run());
    Button end =
        button(MaterialDesignS.SKIP_NEXT, "playerEnd", "Go to the end of the script (End)");
    end.setOnAction(e -> experiment.jumpTo(experiment.stepCount()));
    play.setId("playButton");
    play.setTooltip(new Tooltip("Play the script step by step; the speed control paces it"));
    play.selectedProperty()
        .addListener(
            (o, a, on) -> {
              play.setText(on ? "Pause" : "Play");
              play.setGraphic(new FontIcon(on ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY));
              if (on) {
                if (experiment.positionProperty().get() >= experiment.stepCount()) {
                  experiment.jumpTo(0);
                }
                beat.setDuration(Duration.millis(50));
                beat.playFromStart();
              } else {
                beat.stop();
              }
            });
    beat.setOnFinished(e -> tick());

    timeline.setId("timeline");
    timeline.setBlockIncrement(1);
    timeline.setMajorTickUnit(1);
    timeline.setSnapToTicks(true);
    timeline.setTooltip(
        new Tooltip(
            "Drag to any step. Ticks: green fork, blue new namespace, orange exit, red namespace"
                + " death, purple failed call"));
    timeline
        .valueProperty()
        .addListener(
            (o, a, b) -> {
              if (!updating && !timeline.isValueChanging()) {
                experiment.jumpTo((int) Math.round(b.doubleValue()));
              }
            });
    timeline
        .valueChangingProperty()
        .addListener(
            (o, was, now) -> {
              if (was && !now) {
                experiment.jumpTo((int) Math.round(timeline.getValue()));
              }
            });
    ticks.setMouseTransparent(true);
    ticks.setHeight(10);
    StackPane track = new StackPane(ticks, timeline);
    StackPane.setAlignment(ticks, Pos.BOTTOM_CENTER);
    track.setMinWidth(80);
    HBox.setHgrow(track, Priority.ALWAYS);
    track.widthProperty().addListener((o, a, b) -> drawTicks());
    where.setId("playerPosition");
    where.setMinWidth(Label.USE_PREF_SIZE);
    javafx.scene.control.ProgressIndicator working = new javafx.scene.control.ProgressIndicator();
    working.setId("replayProgress");
    working.setPrefSize(18, 18);
    working.setTooltip(
        new Tooltip("Replaying the script up to the chosen step… Esc or a click stops"));
    working.setOnMouseClicked(e -> experiment.cancelReplay());
    working.visibleProperty().bind(experiment.busyProperty());
    working.managedProperty().bind(working.visibleProperty());
    getChildren().addAll(start, back, play, forward, end, track, working, where);
    // the controls keep their whole labels ("▶ …" was all a projector showed of Play at
    // 1280x800): the timeline gives way instead
    for (javafx.scene.Node n : getChildren()) {
      if (n instanceof javafx.scene.control.Control c) {
        c.setMinWidth(USE_PREF_SIZE);
      }
    }

    experiment.positionProperty().addListener((o, a, b) -> update());
    experiment.beatProperty().addListener((o, a, b) -> update());
    experiment.traceProperty().addListener((o, a, b) -> ticksChanged());
    experiment.busyProperty().addListener((o, a, b) -> update());
    // a long replay's progress, polled while it runs
    javafx.animation.Timeline progress =
        new javafx.animation.Timeline(
            new javafx.animation.KeyFrame(
                Duration.millis(100), e -> working.setProgress(experiment.replayProgress())));
    progress.setCycleCount(javafx.animation.Animation.INDEFINITE);
    experiment
        .busyProperty()
        .addListener(
            (o, was, busy) -> {
              working.setProgress(0);
              if (busy) {
                progress.play();
              } else {
                progress.stop();
              }
            });
    working.progressProperty().addListener((o, a, b) -> update());
    ticksChanged();
  }

  /** What "step forward" and "step back" do: the next and previous beat, or the quiz's steps. */
  void setSteppers(Runnable forward, Runnable back) {
    this.stepper = forward;
    this.backStepper = back;
  }

  /** Play is unavailable while {@code condition} holds (quiz mode waits for answers). */
  void disablePlayWhen(javafx.beans.value.ObservableBooleanValue condition) {
    play.disableProperty().bind(condition);
  }

  /** Stops playback. */
  void pause() {
    play.setSelected(false);
  }

  boolean playing() {
    return play.isSelected();
  }

  private void tick() {
    if (!play.isSelected()) {
      return;
    }
    if (animating.getAsBoolean()) {
      beat.setDuration(Duration.millis(60));
      beat.playFromStart();
      return;
    }
    if (experiment.positionProperty().get() >= experiment.stepCount()) {
      play.setSelected(false);
      return;
    }
    stepper.run();
    Motion m = motion.get();
    // a pause after each step to read the caption: longer at classroom speed
    beat.setDuration(
        Duration.millis(m.instant() ? 250 : Motion.STEP_MS * 1.5 + m.steps(2).toMillis()));
    if (play.isSelected()) {
      beat.playFromStart();
    }
  }

  private void update() {
    int n = experiment.stepCount();
    int p = experiment.positionProperty().get();
    updating = true;
    try {
      timeline.setMax(Math.max(n, 1));
      timeline.setValue(p);
      timeline.setDisable(n == 0);
    } finally {
      updating = false;
    }
    int line = experiment.markedLine();
    boolean asking = experiment.beatProperty().get() == Beat.QUESTION;
    where.setText(
        experiment.busyProperty().get()
            ? String.format(
                "replaying… %d%% (Esc stops)", Math.round(experiment.replayProgress() * 100))
            : "step "
                + p
                + " / "
                + n
                + (line > 0 ? (asking ? " · next" : "") + " · line " + line : ""));
  }

  /** A new script: new ticks (a step only moves the thumb, so it redraws nothing). */
  private void ticksChanged() {
    update();
    drawTicks();
  }

  private void drawTicks() {
    double w = Math.max(0, ((StackPane) ticks.getParent()).getWidth() - 16);
    ticks.setWidth(w);
    GraphicsContext g = ticks.getGraphicsContext2D();
    g.clearRect(0, 0, ticks.getWidth(), ticks.getHeight());
    ScriptTrace t = experiment.traceProperty().get();
    int n = t.steps().size();
    if (n == 0 || w <= 0) {
      return;
    }
    // one tick a pixel column, the most important kind winning: a 10,000-step script draws at
    // most as many lines as the bar is wide
    int columns = (int) Math.ceil(w) + 1;
    Color[] tick = new Color[columns];
    int[] rank = new int[columns];
    for (ScriptTrace.Step s : t.steps()) {
      Color c = tickColor(s);
      if (c == null) {
        continue;
      }
      int x = (int) Math.round((s.index() + 1) * w / n);
      int r = TICK_COLORS.indexOf(c) + 1;
      if (r > rank[x]) {
        rank[x] = r;
        tick[x] = c;
      }
    }
    for (int x = 0; x < columns; x++) {
      if (tick[x] != null) {
        g.setStroke(tick[x]);
        g.strokeLine(x + 0.5, 0, x + 0.5, ticks.getHeight());
      }
    }
  }

  private static final Color FORK = Color.web("#1A7F37");
  private static final Color EXIT = Color.web("#BC4C00");
  private static final Color FAILED = Color.web("#8250DF");
  private static final Color NS_CREATED = Color.web("#0969DA");
  private static final Color NS_DIED = Color.web("#CF222E");

  /** Tick colours, least important first. */
  private static final java.util.List<Color> TICK_COLORS =
      java.util.List.of(FORK, EXIT, FAILED, NS_CREATED, NS_DIED);

  private static Color tickColor(ScriptTrace.Step s) {
    if (s.marks().contains(ScriptTrace.Mark.NS_DIED)) {
      return NS_DIED;
    } else if (s.marks().contains(ScriptTrace.Mark.NS_CREATED)) {
      return NS_CREATED;
    } else if (s.marks().contains(ScriptTrace.Mark.FAILED)
        || s.marks().contains(ScriptTrace.Mark.EXPECT_FAILED)) {
      return FAILED;
    } else if (s.marks().contains(ScriptTrace.Mark.EXIT)) {
      return EXIT;
    } else if (s.marks().contains(ScriptTrace.Mark.FORK)) {
      return FORK;
    }
    return null;
  }

  private static Button button(Ikon icon, String id, String tip) {
    Button b = new Button(null, new FontIcon(icon));
    b.setId(id);
    b.setTooltip(new Tooltip(tip));
    return b;
  }

  /** Whether the playback beat is waiting (tests). */
  boolean beating() {
    return beat.getStatus() == Animation.Status.RUNNING;
  }
}
