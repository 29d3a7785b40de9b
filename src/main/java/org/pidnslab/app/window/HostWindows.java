package org.pidnslab.app.window;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.pidnslab.app.common.Theme;
import org.pidnslab.app.host.KernelRunPane;
import org.pidnslab.app.host.ThisMachinePane;
import org.pidnslab.host.HostSnapshot;
import org.pidnslab.host.ProcReader;
import org.pidnslab.host.Verifier;

/**
 * The two windows about this machine, each opened once and brought back to the front: Run → "Run on
 * this kernel" and View → "This machine".
 */
final class HostWindows {
  /** How long a run on the real kernel may take before the helper stops it. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final MainWindow w;
  private KernelRunPane.Check check =
      (file, text) -> Verifier.forThisMachine(TIMEOUT).verify(file, text);
  private Supplier<HostSnapshot> source = () -> new ProcReader(Path.of("/proc")).read();
  private Stage kernelStage;
  private KernelRunPane kernelPane;
  private Stage machineStage;
  private ThisMachinePane machinePane;

  HostWindows(MainWindow w) {
    this.w = w;
  }

  /** Tests run a stand-in for the verifier. */
  void useCheck(KernelRunPane.Check c) {
    check = c;
  }

  /** Tests read a synthetic /proc. */
  void useSource(Supplier<HostSnapshot> s) {
    source = s;
  }

  /** Run: the current script on this machine's kernel. */
  Menu runMenu() {
    MenuItem run = new MenuItem("Run on this _kernel…");
    run.setId("runOnKernelItem");
    run.setOnAction(e -> runOnKernel());
    Menu menu = new Menu("_Run", null, run);
    menu.setId("runMenu");
    return menu;
  }

  /** View → This machine. */
  MenuItem thisMachineItem() {
    MenuItem item = new MenuItem("This _machine…");
    item.setId("thisMachineItem");
    item.setOnAction(e -> showThisMachine());
    return item;
  }

  /** Runs the experiment's script on the real kernel, in a window beside the Lab. */
  void runOnKernel() {
    w.workbench().editor().flush();
    if (kernelPane == null) {
      kernelPane = new KernelRunPane(check, TIMEOUT);
      kernelStage = stage(kernelPane, 1100, 640);
      kernelStage.setOnHidden(e -> kernelPane.cancel());
    }
    String name = w.experiment().nameProperty().get();
    kernelStage.setTitle(
        "Run on this kernel — " + org.pidnslab.script.SafeText.escapeControls(name));
    kernelPane.start(name, w.experiment().textProperty().get());
    kernelStage.show();
    kernelStage.toFront();
  }

  /** Shows this machine's namespaces, read afresh. */
  void showThisMachine() {
    if (machinePane == null) {
      machinePane = new ThisMachinePane(source, this::startExperiment);
      machinePane.graph().setTheme(w.theme);
      machineStage = stage(machinePane, 1200, 760);
      machineStage.setTitle("This machine — PID Namespace Lab");
      machineStage.setOnHidden(e -> machinePane.dispose());
    }
    machineStage.show();
    machineStage.toFront();
    machinePane.refresh();
  }

  /** "Start an experiment from this": the snapshot's script as a new, unsaved experiment. */
  private void startExperiment(String script) {
    if (!w.workbench().files().confirmDiscard()) {
      return;
    }
    w.experiment().load(script, null, Integer.MAX_VALUE, "This machine");
    w.experiment().markUnsaved();
    Window main = w.root.getScene().getWindow();
    if (main instanceof Stage s) {
      s.toFront();
    }
  }

  /** Follows the Lab's theme. */
  void setTheme(Theme t) {
    if (kernelStage != null) {
      t.apply(kernelStage.getScene());
    }
    if (machineStage != null) {
      t.apply(machineStage.getScene());
      machinePane.graph().setTheme(t);
    }
  }

  private Stage stage(Parent content, double width, double height) {
    Stage s = new Stage();
    s.initOwner(w.root.getScene().getWindow());
    Scene scene = new Scene(content, width, height);
    w.theme.apply(scene);
    s.setScene(scene);
    return s;
  }

  KernelRunPane kernelPane() {
    return kernelPane;
  }

  ThisMachinePane machinePane() {
    return machinePane;
  }
}
