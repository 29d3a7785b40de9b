package org.pidnslab.app.help;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.pidnslab.app.common.Icons;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.common.Toast;
import org.pidnslab.app.experiment.Workbench;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.app.model.Syscall;
import org.pidnslab.script.Lesson;

/**
 * The Help menu and what it opens: the welcome, the keyboard-shortcut sheet, the scenario language
 * reference (rendered from {@code docs/scenario-language.md}, bundled by the build), the kernel
 * functions behind each action, and About. Each opens once, beside the window, without blocking it.
 */
public final class HelpMenu {
  /** Where the build puts {@code docs/scenario-language.md}. */
  static final String LANGUAGE_DOC = "/org/pidnslab/docs/scenario-language.md";

  /** Where the build puts {@code docs/kernel-rules.md}. */
  static final String KERNEL_RULES_DOC = "/org/pidnslab/docs/kernel-rules.md";

  private final Workbench workbench;
  private final LabModel model;
  private final Settings settings;
  private final Toast toast;
  private final Consumer<String> showSideTab;
  private final Map<String, Dialog<?>> open = new HashMap<>();
  private Consumer<String> links;
  private Window owner;

  /**
   * @param showSideTab brings a side tab to the front by its title
   */
  public HelpMenu(
      Workbench workbench,
      LabModel model,
      Settings settings,
      Toast toast,
      Consumer<String> showSideTab) {
    this.workbench = workbench;
    this.model = model;
    this.settings = settings;
    this.toast = toast;
    this.showSideTab = showSideTab;
    this.links =
        url -> toast.show("Open " + url + " in your browser (no browser is known here)", false);
  }

  public void setOwner(Window w) {
    owner = w;
  }

  /** How links open: the desktop's browser in the app ({@code HostServices.showDocument}). */
  public void setLinkOpener(Consumer<String> opener) {
    links = opener;
  }

  /** The Help menu. */
  public Menu menu() {
    MenuItem welcome = item("_Welcome…", "welcomeItem", null, this::showWelcome);
    MenuItem keys = item("_Keyboard shortcuts", "shortcutsItem", "F1", this::showShortcuts);
    MenuItem language =
        item("Scenario _language reference", "languageItem", null, this::showLanguage);
    MenuItem kernel =
        item("Kernel _functions behind each action", "kernelItem", null, this::showKernelFunctions);
    MenuItem rules =
        item(
            "Kernel _rules the Lab follows (Linux 6.18)",
            "kernelRulesItem",
            null,
            this::showKernelRules);
    MenuItem about = item("_About PID Namespace Lab", "aboutItem", null, this::showAbout);
    Menu help =
        new Menu(
            "_Help",
            null,
            welcome,
            new SeparatorMenuItem(),
            keys,
            language,
            kernel,
            rules,
            new SeparatorMenuItem(),
            about);
    help.setId("helpMenu");
    return help;
  }

  /** Help → Welcome, and the first start. */
  public WelcomeDialog showWelcome() {
    List<Lesson> lessons = workbench.lessons();
    String first = lessons.isEmpty() ? "the Lessons tab" : "Lesson 1, " + lessons.get(0).title();
    WelcomeDialog w =
        new WelcomeDialog(
            owner,
            settings,
            new WelcomeDialog.Choices() {
              @Override
              public void startLesson() {
                showSideTab.accept("Lessons");
                if (!lessons.isEmpty()) {
                  workbench.startLesson(lessons.get(0), false);
                }
                focusGraph(); // Page Down steps at once
              }

              @Override
              public void blankExperiment() {
                if (workbench.files().confirmDiscard()) {
                  workbench.experiment().clear();
                  model.selectedProperty().set(model.kernel().init());
                  focusGraph(); // F, C, X... act at once
                  toast.show("init is selected: click Fork (or press F) to give it a child", false);
                }
              }

              @Override
              public void openScript() {
                workbench.files().open();
              }
            },
            first);
    w.show();
    return w;
  }

  /** The keyboard to the graph, where one-letter calls and the player's keys work. */
  private void focusGraph() {
    javafx.scene.Node graph = owner == null ? null : owner.getScene().lookup("#graph");
    if (graph != null) {
      graph.requestFocus();
    }
  }

  /** Help → Keyboard shortcuts. */
  Dialog<?> showShortcuts() {
    return dialog("shortcutsDialog", "Keyboard shortcuts", shortcutSheet(), 640, 700);
  }

  /** Help → Scenario language reference. */
  public Dialog<?> showLanguage() {
    return showDoc(
        "languageDialog",
        "The scenario language",
        "languageReference",
        languageDoc(),
        "the language reference: read docs/scenario-language.md");
  }

  /**
   * Help → Kernel rules: docs/kernel-rules.md, the rules the simulation follows function by
   * function and the source every text was checked against; also linked from Kernel functions.
   */
  public Dialog<?> showKernelRules() {
    return showDoc(
        "kernelRulesDialog",
        "The kernel rules the Lab follows (Linux 6.18)",
        "kernelRules",
        kernelRulesDoc(),
        "the kernel rules: read docs/kernel-rules.md");
  }

  /** A bundled Markdown document in a dialog of its own, or a line saying where to read it. */
  private Dialog<?> showDoc(
      String dialogId, String title, String viewId, String text, String lost) {
    Node content;
    if (text == null) {
      Label missing = new Label("This build has lost " + lost + " in the Lab's sources.");
      missing.setWrapText(true);
      content = missing;
    } else {
      MarkdownView md = new MarkdownView(text, links);
      md.setId(viewId);
      md.setPadding(new Insets(4, 12, 12, 4));
      content = md.scrolling();
    }
    return dialog(dialogId, title, content, 860, 700);
  }

  /** Help → Kernel functions. */
  public Dialog<?> showKernelFunctions() {
    return dialog(
        "kernelDialog",
        "Kernel functions behind each action",
        KernelFunctions.view(links, this::showKernelRules),
        940,
        640);
  }

  /** Help → About. */
  Dialog<?> showAbout() {
    return dialog("aboutDialog", "About PID Namespace Lab", AboutDialog.content(), 640, 560);
  }

  /** The bundled {@code docs/scenario-language.md}, or null. */
  public static String languageDoc() {
    return bundled(LANGUAGE_DOC);
  }

  /** The bundled {@code docs/kernel-rules.md}, or null. */
  public static String kernelRulesDoc() {
    return bundled(KERNEL_RULES_DOC);
  }

  private static String bundled(String resource) {
    try (InputStream in = HelpMenu.class.getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /** Every key the window knows, in groups. */
  static List<String[]> shortcuts() {
    List<String[]> rows = new java.util.ArrayList<>();
    rows.add(new String[] {"System calls (a task selected, keyboard not in a text field)"});
    for (Syscall s : Syscall.values()) {
      rows.add(new String[] {s.key(), s.text() + " — " + s.call()});
    }
    rows.add(new String[] {"Selecting"});
    rows.add(
        new String[] {"click", "select a task (right-click: all its calls, kill and wait forms)"});
    rows.add(new String[] {"← → ↑ ↓", "move the selection: parent, first child, neighbours"});
    rows.add(new String[] {"Esc", "cancel picking a target (Setns…, Kill…); stop a long replay"});
    rows.add(new String[] {"Enter", "in the statement field: run it; in find: select the task"});
    rows.add(new String[] {"Player (keyboard not in a text field or the script)"});
    rows.add(
        new String[] {
          "Page Down",
          "next beat: a narrated step's question, then its run and answer (in quiz mode: ask, then reveal)"
        });
    rows.add(new String[] {"Page Up", "back a beat"});
    rows.add(new String[] {"Home", "to the start: init alone"});
    rows.add(new String[] {"End", "to the end of the script"});
    rows.add(new String[] {"Edit and files"});
    rows.add(new String[] {"Ctrl+Z", "undo the last click or edit"});
    rows.add(new String[] {"Ctrl+Shift+Z", "redo"});
    rows.add(new String[] {"Ctrl+N", "new experiment"});
    rows.add(new String[] {"Ctrl+O", "open a script"});
    rows.add(new String[] {"Ctrl+S", "save"});
    rows.add(new String[] {"Ctrl+Shift+S", "save as"});
    rows.add(new String[] {"Ctrl+Shift+C", "copy the picture to the clipboard"});
    rows.add(new String[] {"Ctrl+Q", "quit"});
    rows.add(new String[] {"View"});
    rows.add(new String[] {"Ctrl+0", "fit the graph in the window"});
    rows.add(new String[] {"Ctrl+= / Ctrl+wheel up", "zoom in"});
    rows.add(new String[] {"Ctrl+- / Ctrl+wheel down", "zoom out"});
    rows.add(new String[] {"drag", "pan the graph"});
    rows.add(new String[] {"F1", "this sheet"});
    return rows;
  }

  private static Node shortcutSheet() {
    GridPane grid = new GridPane();
    grid.setId("shortcutSheet");
    grid.setHgap(16);
    grid.setVgap(3);
    int r = 0;
    for (String[] row : shortcuts()) {
      if (row.length == 1) {
        Label h = new Label(row[0]);
        h.getStyleClass().add("shortcut-group");
        GridPane.setColumnSpan(h, 2);
        grid.add(h, 0, r++);
      } else {
        Label key = new Label(row[0]);
        key.getStyleClass().add("shortcut-key");
        key.setMinWidth(Label.USE_PREF_SIZE);
        Label what = new Label(row[1]);
        what.setWrapText(true);
        grid.addRow(r++, key, what);
      }
    }
    VBox box = new VBox(grid);
    box.setPadding(new Insets(4, 8, 8, 8));
    ScrollPane sp = new ScrollPane(box);
    sp.setFitToWidth(true);
    return sp;
  }

  /** A help window: non-modal, owned by the Lab's window, themed like it, one of each. */
  private Dialog<?> dialog(String id, String title, Node content, double w, double h) {
    Dialog<?> shown = open.get(id);
    if (shown != null && shown.isShowing()) {
      Window win = shown.getDialogPane().getScene().getWindow();
      if (win instanceof Stage s) {
        s.toFront();
      }
      return shown;
    }
    Dialog<Void> d = new Dialog<>();
    d.setTitle(title);
    d.initModality(Modality.NONE);
    if (owner != null) {
      d.initOwner(owner);
      d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    d.getDialogPane().setId(id);
    d.getDialogPane().getStyleClass().add("help-dialog");
    d.getDialogPane().setContent(content);
    d.getDialogPane().setMaxWidth(Double.MAX_VALUE); // AtlantaFX caps dialogs at 600px: too narrow
    d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    // the headless test screen is 1280x800: never ask for more
    if (content instanceof javafx.scene.layout.Region r) {
      r.setPrefSize(w, Math.min(h, 660));
    }
    d.setResizable(true);
    Icons.apply(d);
    open.put(id, d);
    d.show();
    // AtlantaFX caps a dialog pane at 600px and GTK sizes the window from the capped pane: resize
    // the window itself, both ways (GTK rejects a resize whose other side is still unknown)
    d.setWidth(w + 40);
    d.setHeight(Math.max(d.getHeight(), Math.min(h, 660) + 90));
    return d;
  }

  private static MenuItem item(String text, String id, String accelerator, Runnable action) {
    MenuItem i = new MenuItem(text);
    i.setId(id);
    if (accelerator != null) {
      i.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    i.setOnAction(e -> action.run());
    return i;
  }
}
