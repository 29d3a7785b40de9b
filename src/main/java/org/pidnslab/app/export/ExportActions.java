package org.pidnslab.app.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.pidnslab.app.common.BackgroundThreads;
import org.pidnslab.app.common.Toast;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.export.ExportException;
import org.pidnslab.export.ExportFormat;
import org.pidnslab.export.ExportRequest;
import org.pidnslab.export.Exporter;
import org.pidnslab.export.Scenario;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;

/**
 * File → Export, the toolbar's Export button and Copy Image: the picture on show (its perspective,
 * layout and theme) written by the export package, which draws the same drawing model as the
 * window. The state is rebuilt from the script on a background thread (the window's kernel is not
 * thread-safe), so the window stays responsive; an export that takes longer than half a second
 * shows progress. Failures become a dialog that says what to do.
 */
public final class ExportActions {
  /** How the window asks where to save; tests answer without a native dialog. */
  public interface Chooser {
    /** Where to write a {@code format} file, or null if the user cancelled. */
    Path save(Window owner, Path suggested, ExportFormat format);
  }

  /** Progress appears when an export takes longer than this. */
  static final Duration PROGRESS_AFTER = Duration.millis(500);

  private static final ExecutorService EXPORTS = BackgroundThreads.oneAtATime("export");

  private final Experiment experiment;
  private final Supplier<DrawingOptions> drawn;
  private final Supplier<org.pidnslab.graph.Theme> theme;
  private final Toast toast;
  private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
  private Chooser chooser = new NativeChooser();
  private Window owner;

  /**
   * @param drawn how the window draws the picture on show (its layout, the shape the compact layout
   *     aims at, what is collapsed): an export draws the same
   */
  public ExportActions(
      Experiment experiment,
      Supplier<DrawingOptions> drawn,
      Supplier<org.pidnslab.graph.Theme> theme,
      Toast toast) {
    this.experiment = experiment;
    this.drawn = drawn;
    this.theme = theme;
    this.toast = toast;
  }

  public void setOwner(Window w) {
    owner = w;
  }

  public void setChooser(Chooser c) {
    chooser = c;
  }

  /** Whether an export runs for longer than {@link #PROGRESS_AFTER} (the progress mark). */
  public ReadOnlyBooleanProperty workingProperty() {
    return working.getReadOnlyProperty();
  }

  /** The File menu's Export submenu. */
  public Menu menu() {
    Menu m = new Menu("_Export");
    m.setId("exportMenu");
    m.getItems().addAll(items("exportItem-"));
    return m;
  }

  /** The toolbar's Export button: the same entries. */
  public MenuButton button() {
    MenuButton b = new MenuButton("Export");
    b.setId("exportButton");
    b.setTooltip(
        new Tooltip(
            "Export the picture on show (this perspective, layout, collapsed parts and theme) as"
                + " SVG, PNG, PDF, DOT, GraphML, JSON or an animated GIF of the script"));
    b.getItems().addAll(items("exportButton-"));
    return b;
  }

  private java.util.List<MenuItem> items(String idPrefix) {
    java.util.List<MenuItem> out = new java.util.ArrayList<>();
    for (ExportFormat f : ExportFormat.values()) {
      MenuItem i = new MenuItem(title(f));
      i.setId(idPrefix + f.extension());
      i.setOnAction(e -> export(f));
      out.add(i);
    }
    MenuItem copy = new MenuItem("Copy image to clipboard");
    copy.setId(idPrefix + "copy");
    if (idPrefix.startsWith("exportItem")) {
      copy.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+C"));
    }
    copy.setOnAction(e -> copyImage());
    out.add(new SeparatorMenuItem());
    out.add(copy);
    return out;
  }

  private static String title(ExportFormat f) {
    return switch (f) {
      case SVG -> "SVG (vector, selectable text)…";
      case PNG -> "PNG image…";
      case PDF -> "PDF (vector)…";
      case DOT -> "DOT (Graphviz)…";
      case GRAPHML -> "GraphML (yEd, Gephi)…";
      case JSON -> "JSON (the whole state)…";
      case GIF -> "Animated GIF of the script up to this step…";
    };
  }

  /** Asks for the options a format has (PNG: scale, transparency; GIF: scale), then where. */
  void export(ExportFormat f) {
    int scale = 1;
    boolean transparent = false;
    if (f == ExportFormat.PNG || f == ExportFormat.GIF) {
      Optional<int[]> o = imageOptions(f);
      if (o.isEmpty()) {
        return;
      }
      scale = o.get()[0];
      transparent = o.get()[1] == 1;
    }
    Path out = chooser.save(owner, suggestedFile(f), f);
    if (out == null) {
      return;
    }
    run(f, scale, transparent, out);
  }

  /** Puts the picture on show on the clipboard as an image. */
  void copyImage() {
    Snapshot s = snapshot();
    toast.show("Copying the picture…", false);
    EXPORTS.execute(
        () -> {
          try {
            java.awt.image.BufferedImage img =
                Exporter.image(s.request(ExportFormat.PNG, 1, false));
            Platform.runLater(
                () -> {
                  int w = img.getWidth();
                  int h = img.getHeight();
                  int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
                  WritableImage fx = new WritableImage(w, h);
                  fx.getPixelWriter()
                      .setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
                  ClipboardContent c = new ClipboardContent();
                  c.putImage(fx);
                  Clipboard.getSystemClipboard().setContent(c);
                  toast.show("The picture is on the clipboard (" + w + " × " + h + " px)", false);
                });
          } catch (ExportException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Platform.runLater(
                () -> {
                  toast.setVisible(false);
                  failed("Cannot copy the picture", why);
                });
          }
        });
  }

  /** Exports in the background; progress after half a second; a toast or a dialog at the end. */
  public void run(ExportFormat f, int scale, boolean transparent, Path out) {
    Snapshot s = snapshot();
    PauseTransition slow = new PauseTransition(PROGRESS_AFTER);
    slow.setOnFinished(
        e -> {
          working.set(true);
          toast.show("Exporting " + out.getFileName() + "…", false);
        });
    slow.play();
    EXPORTS.execute(
        () -> {
          String error = null;
          try {
            Exporter.export(f, s.request(f, scale, transparent), out);
          } catch (ExportException e) {
            error = e.getMessage();
          } catch (IOException | RuntimeException e) {
            error =
                "Writing "
                    + out
                    + " failed ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "). Nothing was written: choose another folder or file name.";
          }
          String problem = error;
          Platform.runLater(
              () -> {
                slow.stop();
                working.set(false);
                if (problem != null) {
                  toast.setVisible(false);
                  failed("Cannot export " + out.getFileName(), problem);
                } else {
                  toast.show("Exported " + out.getFileName() + " (" + size(out) + ")", false);
                }
              });
        });
  }

  /**
   * What is on show, as something a background thread can rebuild: the script up to the current
   * step, the perspective's name, the layout and the theme.
   */
  private Snapshot snapshot() {
    PidNamespace view = experiment.model().perspectiveProperty().get();
    return new Snapshot(
        experiment.nameProperty().get(),
        experiment.textProperty().get(),
        experiment.currentLineProperty().get(),
        view == null ? null : view.name(),
        drawn.get().withPerspective(null),
        theme.get());
  }

  private record Snapshot(
      String name,
      String text,
      int line,
      String view,
      DrawingOptions drawn,
      org.pidnslab.graph.Theme theme) {

    /** Rebuilds the state from the script (on the calling thread) and makes the request. */
    ExportRequest request(ExportFormat f, int scale, boolean transparent) throws ExportException {
      Scenario scenario = Scenario.of(name, text).until(line);
      Kernel k = scenario.state();
      PidNamespace ns = null;
      for (PidNamespace candidate : k.namespaces()) {
        if (candidate.name().equals(view)) {
          ns = candidate;
        }
      }
      ExportRequest r =
          ExportRequest.of(k, drawn.withPerspective(ns), theme)
              .withScale(scale)
              .withTransparentBackground(transparent);
      return f == ExportFormat.GIF ? r.withScenario(scenario) : r;
    }
  }

  private Optional<int[]> imageOptions(ExportFormat f) {
    Dialog<int[]> d = new Dialog<>();
    d.setTitle(f == ExportFormat.PNG ? "Export PNG" : "Export animated GIF");
    d.setHeaderText(
        f == ExportFormat.PNG
            ? "The picture on show as a PNG image"
            : "One frame per statement up to this step, with the narration as captions");
    ChoiceBox<String> scale = new ChoiceBox<>();
    scale.getItems().addAll("1×", "2×", "4×");
    scale.setValue(f == ExportFormat.PNG ? "2×" : "1×");
    scale.setId("exportScale");
    CheckBox transparent = new CheckBox("Transparent background");
    transparent.setId("exportTransparent");
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.addRow(0, new Label("Scale"), scale);
    if (f == ExportFormat.PNG) {
      grid.add(transparent, 1, 1);
    }
    d.getDialogPane().setContent(grid);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    d.getDialogPane().setId("exportOptions");
    d.setResultConverter(
        b ->
            b == ButtonType.OK
                ? new int[] {
                  Integer.parseInt(scale.getValue().substring(0, 1)),
                  transparent.isSelected() ? 1 : 0
                }
                : null);
    if (owner != null) {
      d.initOwner(owner);
    }
    return d.showAndWait();
  }

  private Path suggestedFile(ExportFormat f) {
    Path script = experiment.fileProperty().get();
    String base =
        script == null
            ? "pid-namespaces"
            : script.getFileName().toString().replaceFirst("\\.pidns$", "");
    Path dir = script == null ? null : script.toAbsolutePath().getParent();
    Path name = Path.of(base + "." + f.extension());
    return dir == null ? name : dir.resolve(name);
  }

  private void failed(String header, String message) {
    Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
    a.setHeaderText(header);
    a.getDialogPane().setId("exportError");
    if (owner != null) {
      a.initOwner(owner);
    }
    a.show();
  }

  private static String size(Path p) {
    try {
      long b = Files.size(p);
      return b < 10_000 ? b + " bytes" : (b + 512) / 1024 + " kB";
    } catch (IOException e) {
      return "written";
    }
  }

  /** The desktop's save dialog, filtered to the format. */
  private static final class NativeChooser implements Chooser {
    @Override
    public Path save(Window owner, Path suggested, ExportFormat f) {
      FileChooser fc = new FileChooser();
      fc.setTitle("Export as " + f.extension().toUpperCase(java.util.Locale.ROOT));
      fc.getExtensionFilters()
          .add(
              new FileChooser.ExtensionFilter(
                  f.extension().toUpperCase(java.util.Locale.ROOT) + " files",
                  "*." + f.extension()));
      fc.setInitialFileName(suggested.getFileName().toString());
      Path dir = suggested.toAbsolutePath().getParent();
      if (dir != null && Files.isDirectory(dir)) {
        fc.setInitialDirectory(dir.toFile());
      }
      var file = fc.showSaveDialog(owner);
      return file == null ? null : file.toPath();
    }
  }
}
