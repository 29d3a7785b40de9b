package org.pidnslab.app.host;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.pidnslab.app.common.BackgroundThreads;
import org.pidnslab.app.graphview.TaskGraphView;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.host.HostSnapshot;
import org.pidnslab.host.HostTask;
import org.pidnslab.host.SnapshotScript;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;
import org.pidnslab.script.SafeText;
import org.pidnslab.script.ScriptError;
import org.pidnslab.script.Statement;

/**
 * View → "This machine": the running system's PID namespaces and processes, read from /proc off the
 * FX thread, drawn by the Lab's own graph (hulls, chips with the real pids at every level, the
 * perspective of one namespace), refreshed on demand or every few seconds. A refresh is told with
 * the animations of the calls that lead to it (see {@link LiveMachine}). What this reader could not
 * see is said, with the reason.
 */
public final class ThisMachinePane extends BorderPane {
  /** Seconds between automatic refreshes. */
  public static final int AUTO_SECONDS = 5;

  /** Above this many calls a refresh is shown in one step instead of call by call. */
  static final int TOLD_CALLS = 40;

  private static final ExecutorService READER = BackgroundThreads.oneAtATime("this-machine");

  private final Supplier<HostSnapshot> source;
  private final LabModel model = new LabModel();
  private final LiveMachine machine = new LiveMachine(model);
  private final TaskGraphView graph = new TaskGraphView(model);
  private final Label summary = new Label();
  private final VBox hidden = new VBox(2);
  private final Label detail = new Label();
  private final ComboBox<PidNamespace> perspective = new ComboBox<>();
  private final CheckBox auto = new CheckBox("Every " + AUTO_SECONDS + " s");
  private final Timeline ticker;
  private final ReadOnlyIntegerWrapper refreshes = new ReadOnlyIntegerWrapper();
  private boolean reading;
  private boolean telling;

  /**
   * @param source reads a snapshot (this machine's /proc; a synthetic one in tests); called off the
   *     FX thread
   * @param startExperiment opens a script as a new, unsaved experiment in the main window
   */
  public ThisMachinePane(Supplier<HostSnapshot> source, Consumer<String> startExperiment) {
    this.source = source;
    setId("thisMachine");
    Button refresh = new Button("Refresh");
    refresh.setId("liveRefresh");
    refresh.setTooltip(new Tooltip("Read /proc again and show what changed"));
    refresh.setOnAction(e -> refresh());
    auto.setId("liveAuto");
    auto.setTooltip(new Tooltip("Read /proc again every " + AUTO_SECONDS + " seconds"));
    ticker = new Timeline(new KeyFrame(Duration.seconds(AUTO_SECONDS), e -> refresh()));
    ticker.setCycleCount(Timeline.INDEFINITE);
    auto.selectedProperty()
        .addListener(
            (o, a, on) -> {
              if (on) {
                ticker.play();
              } else {
                ticker.stop();
              }
            });
    perspective.setId("livePerspective");
    perspective.setTooltip(
        new Tooltip("View from this container: what ps inside that namespace would show"));
    perspective.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(PidNamespace ns) {
            return ns == null ? "view: this machine (all)" : "view from " + nsName(ns);
          }

          @Override
          public PidNamespace fromString(String s) {
            return null;
          }
        });
    perspective.valueProperty().bindBidirectional(model.perspectiveProperty());
    Button experiment = new Button("Start an experiment from this");
    experiment.setId("liveExperiment");
    experiment.setTooltip(
        new Tooltip(
            "A script of this shape (pids numbered from 1) as a new experiment in the Lab"));
    experiment.setOnAction(
        e -> {
          if (machine.shown() != null) {
            startExperiment.accept(SnapshotScript.of(machine.shown()));
          }
        });
    experiment.disableProperty().bind(refreshes.isEqualTo(0));
    Button fit = new Button("Fit");
    fit.setId("liveFit");
    fit.setTooltip(new Tooltip("Scale the picture to show every process"));
    fit.setOnAction(e -> graph.fit());
    ToolBar bar = new ToolBar(refresh, auto, perspective, graph.speedControl(), fit, experiment);
    summary.setId("liveSummary");
    summary.setWrapText(true);
    hidden.setId("liveHidden");
    detail.setId("liveDetail");
    detail.setWrapText(true);
    VBox info = new VBox(4, summary, hidden, detail);
    info.setPadding(new Insets(6, 10, 8, 10));
    setTop(bar);
    setCenter(graph);
    setBottom(info);
    model.revisionProperty().addListener((o, a, b) -> redraw());
    model
        .perspectiveProperty()
        .addListener(
            (o, a, b) -> {
              graph.redraw();
              if (b != null) {
                // a container's processes may be far from the top of a big machine: show them
                Platform.runLater(() -> graph.reveal(b.childReaper()));
              }
            });
    model.selectedProperty().addListener((o, a, b) -> showDetail(b));
    graph.setOnTaskClicked(t -> model.selectedProperty().set(t));
    summary.setText("Reading this machine's /proc…");
  }

  /** The graph (tests and screenshots reach into it). */
  public TaskGraphView graph() {
    return graph;
  }

  /** The simulated machine drawn (tests read it). */
  public LabModel model() {
    return model;
  }

  /** The label of the process with this pid, or null (tests). */
  public String label(int pid) {
    return machine.label(pid);
  }

  /** Counts finished refreshes (tests wait for it). */
  public ReadOnlyIntegerProperty refreshesProperty() {
    return refreshes.getReadOnlyProperty();
  }

  /** Whether a refresh is being read or told. */
  public boolean busy() {
    return reading || telling;
  }

  /** The automatic refresh toggle. */
  public CheckBox autoRefresh() {
    return auto;
  }

  /** Stops the automatic refresh (the window closed). */
  public void dispose() {
    auto.setSelected(false);
    ticker.stop();
  }

  /** Reads /proc again and works out the change off the FX thread, then shows it. */
  public void refresh() {
    if (reading || telling) {
      return; // one at a time: the next tick or click reads the newer state
    }
    reading = true;
    LiveMachine.Base base = machine.base();
    READER.execute(
        () -> {
          HostSnapshot s = null;
          LiveMachine.Rebuilt rebuilt = null;
          LiveMachine.Change change = null;
          String error = null;
          try {
            s = source.get();
            change = LiveMachine.changeTo(base, s);
            if (change == null) {
              rebuilt = LiveMachine.prepare(s); // the first read, or calls cannot reach it
            }
          } catch (ScriptError | RuntimeException e) {
            error = SafeText.escapeControls(String.valueOf(e.getMessage()));
          }
          LiveMachine.Rebuilt afresh = rebuilt;
          LiveMachine.Change c = change;
          String failed = error;
          Platform.runLater(
              () -> {
                reading = false;
                if (failed != null) {
                  summary.setText("This machine could not be drawn: " + failed);
                } else if (c != null) {
                  show(c);
                } else {
                  rebuild(afresh);
                }
              });
        });
  }

  /** Shows a change: told call by call when few calls lead to it, else in one step. */
  private void show(LiveMachine.Change c) {
    if (c.statements().isEmpty()) {
      machine.changed(c);
      done();
      return;
    }
    if (c.statements().size() > TOLD_CALLS || graph.motion().instant()) {
      try {
        model.advance(c.statements());
      } catch (ScriptError e) {
        refreshAfresh(c.next());
        return;
      }
      machine.changed(c);
      done();
      return;
    }
    telling = true;
    tell(c, new ArrayList<>(c.statements()));
  }

  /** Runs the calls one at a time, each after the previous one's animation. */
  private void tell(LiveMachine.Change c, List<Statement> left) {
    if (left.isEmpty()) {
      telling = false;
      machine.changed(c);
      done();
      return;
    }
    if (graph.animating()) {
      PauseTransition wait = new PauseTransition(Duration.millis(60));
      wait.setOnFinished(e -> tell(c, left));
      wait.play();
      return;
    }
    try {
      model.run(left.remove(0));
    } catch (ScriptError e) {
      telling = false;
      refreshAfresh(c.next());
      return;
    }
    PauseTransition next = new PauseTransition(Duration.millis(30));
    next.setOnFinished(e -> tell(c, left));
    next.play();
  }

  /** Cannot happen for calls that ran on a copy: draws {@code s} afresh all the same. */
  private void refreshAfresh(HostSnapshot s) {
    try {
      rebuild(LiveMachine.prepare(s));
    } catch (ScriptError e) {
      summary.setText("This machine could not be drawn: " + e.getMessage());
    }
  }

  /** The first picture, or calls could not reach the new state: drawn afresh, without a story. */
  private void rebuild(LiveMachine.Rebuilt r) {
    // the new model numbers its tasks afresh, so figures would glide between unrelated processes
    org.pidnslab.app.graphview.Motion speed = graph.speedControl().getValue();
    graph.speedControl().setValue(org.pidnslab.app.graphview.Motion.INSTANT);
    try {
      machine.adopt(r);
    } finally {
      graph.speedControl().setValue(speed);
    }
    done();
  }

  private void done() {
    HostSnapshot s = machine.shown();
    long namespaces = s.namespaces().size();
    summary.setText(
        "Linux "
            + (s.release() == null ? "(unknown)" : s.release())
            + " · "
            + s.procRoot()
            + " read as "
            + s.reader()
            + " at "
            + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))
            + " · "
            + org.pidnslab.host.Plural.processes(s.tasks().size())
            + " in "
            + namespaces
            + (namespaces == 1 ? " PID namespace" : " PID namespaces")
            + " · kernel threads are not drawn · the pids are the real ones at every level");
    hidden.getChildren().clear();
    List<String> lines = new ArrayList<>();
    for (String h : s.hidden()) {
      lines.add("Hidden: " + h);
    }
    lines.addAll(machine.mismatches());
    for (String l : lines) {
      Label label = new Label(SafeText.escapeControls(l));
      label.setWrapText(true);
      label.getStyleClass().add("host-hidden");
      hidden.getChildren().add(label);
    }
    refreshes.set(refreshes.get() + 1);
    updateChoices();
  }

  /** After the model changed: the picture, and the namespaces to view from. */
  private void redraw() {
    updateChoices();
    graph.redraw();
  }

  private void updateChoices() {
    List<PidNamespace> choices = new ArrayList<>();
    choices.add(null);
    for (PidNamespace ns : model.namespacesInUse()) {
      if (ns.level() > 0) {
        choices.add(ns);
      }
    }
    PidNamespace view = model.perspectiveProperty().get();
    if (!perspective.getItems().equals(choices)) {
      perspective.setItems(FXCollections.observableArrayList(choices));
      perspective.setValue(view);
    }
    showDetail(model.selectedProperty().get());
  }

  private String nsName(PidNamespace ns) {
    long inode = machine.inode(ns);
    return ns.name() + (inode > 0 ? " = pid:[" + inode + "]" : "");
  }

  /** A line about the selected process: its real name, state, owner and pids. */
  private void showDetail(Task t) {
    HostTask h = machine.process(t);
    if (h == null) {
      detail.setText("Click a process for its details. Namespaces: " + namespaceLegend());
      return;
    }
    StringBuilder pids = new StringBuilder();
    for (int p : h.nspid()) {
      pids.append(pids.length() == 0 ? "" : "/").append(p);
    }
    detail.setText(
        "pid "
            + h.pid()
            + " "
            + SafeText.escapeControls(h.comm())
            + " · state "
            + h.state()
            + " · uid "
            + h.uid()
            + " · NSpid "
            + pids
            + " · in "
            + nsName(t.activeNs()));
  }

  private String namespaceLegend() {
    List<String> names = new ArrayList<>();
    for (PidNamespace ns : model.namespacesInUse()) {
      names.add(nsName(ns));
    }
    return String.join(", ", names);
  }
}
