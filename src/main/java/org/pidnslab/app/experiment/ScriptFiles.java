package org.pidnslab.app.experiment;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.pidnslab.app.common.BackgroundThreads;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.model.Experiment;

/**
 * Opening and saving {@code .pidns} scripts: file dialogs, atomic saves, recent files, and the
 * "save your changes?" question before an unsaved experiment is replaced. A script with errors
 * opens anyway: the editor shows them at their lines. Failures become a dialog saying what to do,
 * never a stack trace, and never lose the experiment.
 */
public final class ScriptFiles {
  /** How the window asks for a file; tests answer without a native dialog. */
  public interface Chooser {
    /** A script to open, or null if the user cancelled. */
    Path open(Window owner, Path near);

    /** Where to save, or null if the user cancelled. */
    Path save(Window owner, Path suggested);
  }

  /** Files larger than this are not scripts anyone wrote by hand or click. */
  static final long MAX_BYTES = 16L << 20;

  /** Files are read here: a thread per read, so one stuck on a slow disk holds up nothing else. */
  private static final ExecutorService READERS =
      Executors.newCachedThreadPool(BackgroundThreads.named("open"));

  private final ReadOnlyIntegerWrapper reading = new ReadOnlyIntegerWrapper();

  private final Experiment experiment;
  private final Settings settings;
  private final Runnable recentChanged;
  private Chooser chooser = new NativeChooser();
  private Window owner;
  private Runnable beforeSave = () -> {};

  ScriptFiles(Experiment experiment, Settings settings, Runnable recentChanged) {
    this.experiment = experiment;
    this.settings = settings;
    this.recentChanged = recentChanged;
  }

  void setOwner(Window owner) {
    this.owner = owner;
  }

  /** Runs before a save or the "save changes?" question (the editor hands over its typing). */
  void setBeforeSave(Runnable r) {
    beforeSave = r;
  }

  public void setChooser(Chooser chooser) {
    this.chooser = chooser;
  }

  /** File → Open: asks for a file (after offering to save changes) and opens it. */
  public void open() {
    if (!confirmDiscard()) {
      return;
    }
    Path f = chooser.open(owner, experiment.fileProperty().get());
    if (f != null) {
      openFile(f);
    }
  }

  /**
   * Opens a script without asking about changes (recent files and drops ask first; see {@link
   * #openAsking}). A narrated script (a lesson, a prepared demonstration) opens at its first step,
   * ready to be stepped through; any other opens at its end, the state {@code pidns-lab run}
   * prints. The file is read on a thread of its own, so a slow disk or a pipe never freezes the
   * window; only a regular file of at most {@link #MAX_BYTES} is read.
   *
   * @return completes on the FX thread with whether it opened (a dialog said why not)
   */
  public CompletableFuture<Boolean> openFile(Path f) {
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    reading.set(reading.get() + 1);
    READERS.execute(
        () -> {
          Read r = read(f);
          Platform.runLater(
              () -> {
                reading.set(reading.get() - 1);
                if (r.problem() != null) {
                  error("Cannot open " + f.getFileName(), r.problem());
                  done.complete(false);
                  return;
                }
                experiment.load(r.text(), f, narrated(r.text()) ? 0 : Integer.MAX_VALUE);
                settings.addRecent(f);
                recentChanged.run();
                done.complete(true);
              });
        });
    return done;
  }

  /** How many files are being read (tests wait for it to be 0). */
  public ReadOnlyIntegerProperty readingProperty() {
    return reading.getReadOnlyProperty();
  }

  /** A script's text, or why it cannot be opened (a sentence that says what to do). */
  record Read(String text, String problem) {}

  /**
   * Reads a script: a regular file (or a link to one) of at most {@link #MAX_BYTES} bytes of UTF-8.
   * Devices, pipes, sockets and folders are refused before they are opened, and no more than the
   * limit is ever read, even from a file that grows meanwhile.
   */
  static Read read(Path f) {
    try {
      return new Read(BoundedText.read(f, MAX_BYTES), null);
    } catch (BoundedText.Refused e) {
      return problem(f + " " + e.getMessage() + ": not a script. Choose a .pidns file.");
    } catch (CharacterCodingException e) {
      return problem(f + " is not UTF-8 text, so not a .pidns script. Choose a .pidns file.");
    } catch (IOException e) {
      return problem(
          "Reading "
              + f
              + " failed ("
              + reason(e)
              + "). Check that the file exists and is readable.");
    }
  }

  private static Read problem(String text) {
    return new Read(null, text);
  }

  /**
   * Opens {@code f} after offering to save the current changes.
   *
   * @return completes with whether it opened (false at once if the user cancelled)
   */
  CompletableFuture<Boolean> openAsking(Path f) {
    return confirmDiscard() ? openFile(f) : CompletableFuture.completedFuture(false);
  }

  /** File → Save: to the script's file, or asks where. */
  boolean save() {
    beforeSave.run();
    Path f = experiment.fileProperty().get();
    return f == null ? saveAs() : write(f);
  }

  /** File → Save As. */
  boolean saveAs() {
    beforeSave.run();
    Path current = experiment.fileProperty().get();
    Path f = chooser.save(owner, current != null ? current : Path.of("experiment.pidns"));
    if (f == null) {
      return false;
    }
    if (!f.getFileName().toString().contains(".")) {
      f = f.resolveSibling(f.getFileName() + ".pidns");
      // the desktop's dialog asked about the name without .pidns, not about this file
      if (Files.exists(f) && !confirmReplace(f)) {
        return false;
      }
    }
    return write(f);
  }

  /**
   * Before the experiment is replaced or the window closes: offers to save unsaved changes.
   *
   * @return false if the user cancelled (keep everything as it is)
   */
  public boolean confirmDiscard() {
    beforeSave.run();
    if (!experiment.dirtyProperty().get() || experiment.textProperty().get().isBlank()) {
      return true;
    }
    ButtonType saveIt = new ButtonType("Save", ButtonBar.ButtonData.YES);
    ButtonType drop = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
    Alert a =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "The experiment has changes that are not saved in a file.",
            saveIt,
            drop,
            ButtonType.CANCEL);
    a.setHeaderText("Save the current experiment first?");
    a.initOwner(owner);
    Optional<ButtonType> r = a.showAndWait();
    if (r.isEmpty() || r.get() == ButtonType.CANCEL) {
      return false;
    }
    return r.get() == drop || save();
  }

  private boolean confirmReplace(Path f) {
    Alert a =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            f + " exists. Replace it with this experiment?",
            ButtonType.YES,
            ButtonType.NO);
    a.setHeaderText("Replace " + f.getFileName() + "?");
    a.initOwner(owner);
    return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
  }

  private boolean write(Path f) {
    try {
      org.pidnslab.script.AtomicFile.writeString(f, experiment.textProperty().get());
    } catch (IOException e) {
      error(
          "Cannot save " + f.getFileName(),
          "Writing "
              + f
              + " failed ("
              + reason(e)
              + "). Nothing was lost: choose another place with File → Save As.");
      return false;
    }
    experiment.saved(f);
    settings.addRecent(f);
    recentChanged.run();
    return true;
  }

  /** Whether a script narrates its steps (a lesson or demonstration). */
  static boolean narrated(String text) {
    return !org.pidnslab.script.Narration.of(text).captions().isEmpty();
  }

  private static String reason(IOException e) {
    String kind = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
  }

  /** An error dialog; file names may hold control characters, shown escaped ({@code \x1b}). */
  private void error(String header, String text) {
    Alert a =
        new Alert(
            Alert.AlertType.ERROR,
            org.pidnslab.script.SafeText.escapeControls(text),
            ButtonType.OK);
    a.setHeaderText(org.pidnslab.script.SafeText.escapeControls(header));
    a.initOwner(owner);
    a.show();
  }

  /** The desktop's file dialogs, filtered to scripts. */
  private static final class NativeChooser implements Chooser {
    @Override
    public Path open(Window owner, Path near) {
      FileChooser fc = chooser("Open a scenario script", near);
      var f = fc.showOpenDialog(owner);
      return f == null ? null : f.toPath();
    }

    @Override
    public Path save(Window owner, Path suggested) {
      FileChooser fc = chooser("Save the experiment as a script", suggested);
      fc.setInitialFileName(suggested.getFileName().toString());
      var f = fc.showSaveDialog(owner);
      return f == null ? null : f.toPath();
    }

    private static FileChooser chooser(String title, Path near) {
      FileChooser fc = new FileChooser();
      fc.setTitle(title);
      fc.getExtensionFilters()
          .addAll(
              new FileChooser.ExtensionFilter("Scenario scripts (*.pidns)", "*.pidns"),
              new FileChooser.ExtensionFilter("All files", "*"));
      Path dir = near == null ? null : near.toAbsolutePath().getParent();
      if (dir != null && Files.isDirectory(dir)) {
        fc.setInitialDirectory(dir.toFile());
      }
      return fc;
    }
  }
}
