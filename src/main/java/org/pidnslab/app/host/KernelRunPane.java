package org.pidnslab.app.host;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pidnslab.app.common.BackgroundThreads;
import org.pidnslab.host.CannotRun;
import org.pidnslab.host.Verification;

/**
 * Run → "Run on this kernel": runs a script on the real kernel through the native helper, off the
 * FX thread (cancellable, bounded by the verifier's timeout), and shows the kernel's results and
 * final state beside the simulation's in a table, differences highlighted and explained where the
 * reason is known. When this machine cannot run it, says why and what would make it work.
 */
public final class KernelRunPane extends VBox {
  /**
   * What runs the script on both: {@code Verifier::verify} on this machine, or a test's stand-in.
   */
  @FunctionalInterface
  public interface Check {
    Verification run(String file, String text) throws CannotRun;
  }

  private final Check check;
  private final Duration timeout;
  private final Label status = new Label();
  private final Label kernelLine = new Label();
  private final ProgressIndicator progress = new ProgressIndicator();
  private final Button cancel = new Button("Cancel");
  private final TableView<DifferenceRows.Row> table = new TableView<>();
  private final VBox notes = new VBox(4);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final AtomicReference<Thread> worker = new AtomicReference<>();
  private Timeline clock;
  private int generation;

  /**
   * @param timeout the verifier's bound, shown while it runs
   */
  public KernelRunPane(Check check, Duration timeout) {
    super(8);
    this.check = check;
    this.timeout = timeout;
    setId("kernelRun");
    setPadding(new Insets(12));
    status.setId("kernelRunStatus");
    status.setWrapText(true);
    status.getStyleClass().add("title-4");
    kernelLine.setId("kernelRunKernel");
    kernelLine.setWrapText(true);
    progress.setPrefSize(22, 22);
    progress.managedProperty().bind(progress.visibleProperty());
    cancel.setId("kernelRunCancel");
    cancel.setOnAction(e -> cancel());
    cancel.setCancelButton(true);
    cancel.setTooltip(
        new javafx.scene.control.Tooltip("Stop the run: every process it started is killed"));
    HBox top = new HBox(10, progress, status, cancel);
    HBox.setHgrow(status, Priority.ALWAYS);
    status.setMaxWidth(Double.MAX_VALUE);
    notes.setId("kernelRunNotes");
    table.setId("differenceTable");
    table.setTooltip(
        new javafx.scene.control.Tooltip(
            "Each statement's result, then the final state: the simulation beside this kernel"));
    table.getColumns().add(column("Statement", DifferenceRows.Row::what, 0.34));
    table
        .getColumns()
        .add(column("Simulation (Linux 6.18 model)", DifferenceRows.Row::simulation, 0.33));
    table.getColumns().add(column("This kernel", DifferenceRows.Row::kernel, 0.33));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    table.setPlaceholder(new Label(""));
    // a row whose two columns differ is highlighted (and said so, for screen readers)
    table.setRowFactory(
        tv ->
            new TableRow<>() {
              @Override
              protected void updateItem(DifferenceRows.Row row, boolean empty) {
                super.updateItem(row, empty);
                boolean differs = !empty && row != null && row.differs();
                pseudoClassStateChanged(DIFFERS, differs);
                setAccessibleText(differs ? "different: " + row.what() : null);
              }
            });
    VBox.setVgrow(table, Priority.ALWAYS);
    getChildren().addAll(top, kernelLine, table, notes);
  }

  /** The pseudo-class of a row whose simulation and kernel columns differ. */
  public static final javafx.css.PseudoClass DIFFERS =
      javafx.css.PseudoClass.getPseudoClass("differs");

  private static TableColumn<DifferenceRows.Row, String> column(
      String title, java.util.function.Function<DifferenceRows.Row, String> value, double share) {
    TableColumn<DifferenceRows.Row, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
    c.setMaxWidth(share * 10_000); // proportions under the constrained policy
    c.setSortable(false);
    return c;
  }

  /** Runs {@code text} (the script called {@code file}) and shows the outcome when it is known. */
  public void start(String file, String text) {
    cancel();
    int mine = ++generation;
    table.getItems().clear();
    notes.getChildren().clear();
    kernelLine.setText("");
    status.getStyleClass().remove("cannot-run");
    running.set(true);
    progress.setVisible(true);
    cancel.setDisable(false);
    long started = System.nanoTime();
    status.setText(runningText(0));
    clock =
        new Timeline(
            new KeyFrame(
                javafx.util.Duration.seconds(1),
                e -> status.setText(runningText((System.nanoTime() - started) / 1_000_000_000L))));
    clock.setCycleCount(Timeline.INDEFINITE);
    clock.play();
    Thread t =
        BackgroundThreads.named("kernel-run")
            .newThread(
                () -> {
                  Verification v = null;
                  CannotRun cannot = null;
                  RuntimeException failed = null;
                  try {
                    v = check.run(file, text);
                  } catch (CannotRun e) {
                    cannot = e;
                  } catch (RuntimeException e) {
                    failed = e;
                  }
                  Verification done = v;
                  CannotRun no = cannot;
                  RuntimeException broke = failed;
                  Platform.runLater(
                      () -> {
                        if (mine != generation) {
                          return; // cancelled, or another run started
                        }
                        finish();
                        if (done != null) {
                          show(done);
                        } else if (no != null) {
                          showCannot(no.getMessage(), no.remedy());
                        } else {
                          showCannot(
                              "the run failed: "
                                  + org.pidnslab.script.SafeText.escapeControls(
                                      String.valueOf(broke.getMessage())),
                              "run it again; if it persists, report it with the script");
                        }
                      });
                });
    worker.set(t);
    t.start();
  }

  private String runningText(long seconds) {
    return "Running on this kernel… "
        + seconds
        + " s (stopped after "
        + timeout.toSeconds()
        + " s)";
  }

  /** Stops a run in progress: the helper is stopped and every process of the run killed. */
  public void cancel() {
    if (!running.get()) {
      return;
    }
    generation++;
    Thread t = worker.getAndSet(null);
    if (t != null) {
      t.interrupt(); // HelperCall stops the helper, which kills its namespaces' processes
    }
    finish();
    status.setText("Cancelled: the run on this kernel was stopped.");
  }

  private void finish() {
    running.set(false);
    progress.setVisible(false);
    cancel.setDisable(true);
    if (clock != null) {
      clock.stop();
    }
  }

  /** Whether a run is in progress. */
  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  private void show(Verification v) {
    var rows = DifferenceRows.of(v);
    long differences = rows.stream().filter(DifferenceRows.Row::differs).count();
    String first =
        rows.stream()
            .filter(DifferenceRows.Row::differs)
            .findFirst()
            .map(DifferenceRows.Row::what)
            .orElse("");
    status.setText(
        v.identical()
            ? "Identical: this kernel gave exactly what the simulation shows."
            : differences
                + (differences == 1 ? " difference" : " differences")
                + " between the simulation and this kernel, from \""
                + first
                + "\" on (highlighted).");
    kernelLine.setText(
        "This kernel: Linux " + v.release().text() + ", run " + v.mode().description() + ".");
    table.getColumns().get(2).setText("This kernel (" + v.release().text() + ")");
    table.getItems().setAll(rows);
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).differs()) {
        table.scrollTo(Math.max(0, i - 3)); // the first difference in view, with its context
        break;
      }
    }
    for (String n : v.notes()) {
      Label l = new Label("Why: " + n);
      l.setWrapText(true);
      l.getStyleClass().add("known-difference");
      notes.getChildren().add(l);
    }
  }

  private void showCannot(String why, String remedy) {
    status.setText("This machine cannot run the script on its kernel: " + why + ".");
    kernelLine.setText("What would make it work: " + remedy + ".");
    status.getStyleClass().add("cannot-run");
  }

  /** The table (tests read it). */
  public TableView<DifferenceRows.Row> table() {
    return table;
  }

  /** The status line (tests read it). */
  public Label status() {
    return status;
  }

  /** The kernel line, or the remedy where it cannot run (tests read it). */
  public Label kernelLine() {
    return kernelLine;
  }

  /** The known differences explained (tests read them). */
  public VBox notes() {
    return notes;
  }
}
