package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.app.common.Icons;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.help.AboutDialog;
import org.pidnslab.app.help.HelpMenu;
import org.pidnslab.app.help.KernelFunctions;
import org.pidnslab.app.help.MarkdownView;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.app.model.Syscall;
import org.pidnslab.script.Lessons;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first start and the Help menu, headless on Monocle: the welcome and its three ways in, "Don't
 * show this again", the shortcut sheet, the language reference rendered from the project's doc, the
 * kernel functions with their links, About, and a tooltip on every button of the window.
 */
@ExtendWith(ApplicationExtension.class)
class HelpAndWelcomeTest {
  private static final String PREFS = "org/pidnslab/lab-help-test-" + ProcessHandle.current().pid();

  @TempDir Path dir;
  private MainWindow window;
  private Stage stage;
  private Path chosen;
  private final List<String> opened = new ArrayList<>();

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = new MainWindow(new LabModel(), settings());
    stage.setScene(window.createScene(1280, 800));
    window.graph().speedControl().setValue(Motion.INSTANT);
    window.setLinkOpener(opened::add);
    window.workbench().files().setChooser(WindowTests.answering(() -> chosen));
    stage.show();
  }

  @AfterEach
  void closeDialogs(FxRobot robot) throws Exception {
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  private static Settings settings() {
    return new Settings(Preferences.userRoot().node(PREFS));
  }

  private void welcome(FxRobot robot) {
    robot.interact(window::showWelcome);
  }

  private static boolean showing(FxRobot robot, String id) {
    return robot.lookup(id).tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false);
  }

  /** Every text a node shows: labels, texts, buttons. */
  private static String textOf(Node root) {
    StringBuilder sb = new StringBuilder();
    walk(
        root,
        n -> {
          if (n instanceof Labeled l && l.getText() != null) {
            sb.append(l.getText()).append('\n');
          } else if (n instanceof Text t) {
            sb.append(t.getText()).append('\n');
          }
        });
    return sb.toString();
  }

  private static void walk(Node n, java.util.function.Consumer<Node> visit) {
    visit.accept(n);
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        walk(c, visit);
      }
    }
  }

  @Test
  void aPlainFirstStartShowsTheWelcomeButNotForFilesDemosOrARecovery() {
    Settings s = settings();
    assertTrue(LabApp.welcomeWanted(s, false, false, false), "first start");
    assertFalse(LabApp.welcomeWanted(s, true, false, false), "--exit=true / --snapshot");
    assertFalse(LabApp.welcomeWanted(s, false, true, false), "a file from the command line");
    assertFalse(LabApp.welcomeWanted(s, false, false, true), "the recovery offer comes first");
    s.showWelcome(false);
    assertFalse(LabApp.welcomeWanted(s, false, false, false), "don't show again");
  }

  @Test
  void theWelcomeSaysWhatTheLabIsAndOffersThreeWaysIn(FxRobot robot) {
    welcome(robot);
    assertTrue(showing(robot, "#welcomeDialog"));
    for (String id : List.of("#welcomeLesson", "#welcomeBlank", "#welcomeOpen")) {
      assertNotNull(robot.lookup(id).queryButton().getTooltip(), id);
    }
    String text = textOf(robot.lookup("#welcomeDialog").query());
    assertTrue(text.contains("simulator of Linux PID namespaces"), text);
    assertTrue(text.contains("Lesson 1, " + Lessons.all().get(0).title()), text);
  }

  @Test
  void startALessonOpensLessonOneAtItsFirstStepWithTheLessonsTab(FxRobot robot) {
    welcome(robot);
    robot.clickOn("#welcomeLesson");
    assertFalse(showing(robot, "#welcomeDialog"), "the welcome closes");
    Experiment ex = window.experiment();
    assertTrue(ex.nameProperty().get().startsWith("Lesson 1: "), ex.nameProperty().get());
    assertEquals(0, ex.positionProperty().get());
    assertTrue(ex.stepCount() > 0);
    TabPane side = robot.lookup("#sideTabs").queryAs(TabPane.class);
    assertEquals("Lessons", side.getSelectionModel().getSelectedItem().getText());
    robot.type(javafx.scene.input.KeyCode.PAGE_DOWN);
    assertEquals(
        org.pidnslab.app.model.Beat.QUESTION,
        ex.beatProperty().get(),
        "Page Down reaches the player at once: lesson 1's first step asks first");
    robot.type(javafx.scene.input.KeyCode.PAGE_DOWN);
    assertEquals(1, ex.positionProperty().get(), "and the next Page Down runs it");
  }

  @Test
  void theQuizAndTheCaptionTakeTheirFullHeightNextToTheGraph(FxRobot robot) {
    robot.interact(() -> window.workbench().startLesson(Lessons.all().get(5), true));
    robot.interact(() -> window.experiment().jumpTo(7));
    robot.interact(() -> window.workbench().quiz().step());
    robot.interact(
        () -> {
          for (javafx.scene.layout.Region r :
              List.of(window.workbench().quiz(), window.workbench().caption())) {
            if (r.isVisible()) {
              double want = r.prefHeight(r.getWidth());
              assertTrue(r.getHeight() >= want - 1, r.getId() + " " + r.getHeight() + " < " + want);
            }
          }
        });
  }

  @Test
  void aBlankExperimentSelectsInitSoTheCallsAreReady(FxRobot robot) {
    welcome(robot);
    robot.clickOn("#welcomeBlank");
    assertFalse(showing(robot, "#welcomeDialog"));
    assertEquals(window.model().kernel().init(), window.model().selectedProperty().get());
    assertFalse(robot.lookup("#forkButton").queryButton().isDisabled());
    robot.type(javafx.scene.input.KeyCode.F);
    assertEquals("fork init p1\n", window.experiment().textProperty().get(), "F forks at once");
  }

  @Test
  void openAScriptAsksForAFileAndOpensIt(FxRobot robot) throws Exception {
    chosen = dir.resolve("demo.pidns");
    Files.writeString(chosen, "fork init a\nclone a b newpid\n");
    welcome(robot);
    robot.clickOn("#welcomeOpen");
    WindowTests.awaitFiles(window);
    assertFalse(showing(robot, "#welcomeDialog"));
    assertEquals(chosen, window.experiment().fileProperty().get());
    assertNotNull(window.model().task("b"));
  }

  @Test
  void dontShowAgainIsRememberedAndHelpWelcomeStillShowsIt(FxRobot robot) {
    welcome(robot);
    robot.clickOn("#welcomeDontShow");
    assertFalse(settings().showWelcome(), "kept in the settings");
    assertFalse(LabApp.welcomeWanted(settings(), false, false, false));
    robot.interact(() -> robot.lookup("#welcomeDialog").query().getScene().getWindow().hide());
    robot.clickOn("#helpMenu").clickOn("#welcomeItem");
    assertTrue(showing(robot, "#welcomeDialog"));
    assertTrue(robot.lookup("#welcomeDontShow").queryAs(CheckBox.class).isSelected());
    robot.clickOn("#welcomeDontShow");
    assertTrue(settings().showWelcome(), "unticking brings it back at the next start");
  }

  @Test
  void theShortcutSheetListsEveryKey(FxRobot robot) {
    robot.clickOn("#helpMenu").clickOn("#shortcutsItem");
    assertTrue(showing(robot, "#shortcutsDialog"));
    String text = textOf(robot.lookup("#shortcutSheet").query());
    for (Syscall s : Syscall.values()) {
      assertTrue(text.contains(s.key() + "\n" + s.text()), s.name() + " in\n" + text);
    }
    for (String key :
        List.of(
            "Page Down",
            "Page Up",
            "Home",
            "End",
            "Esc",
            "Ctrl+Z",
            "Ctrl+Shift+Z",
            "Ctrl+O",
            "Ctrl+S",
            "Ctrl+N",
            "Ctrl+Shift+C",
            "Ctrl+Q",
            "Ctrl+0",
            "Ctrl+=",
            "Ctrl+-")) {
      assertTrue(text.contains(key), key);
    }
  }

  @Test
  void theLanguageReferenceIsRenderedFromTheProjectsOwnDoc(FxRobot robot) throws Exception {
    String doc = Files.readString(Path.of("docs/scenario-language.md"));
    assertEquals(doc, HelpMenu.languageDoc(), "the build bundles docs/scenario-language.md");
    robot.clickOn("#helpMenu").clickOn("#languageItem");
    assertTrue(showing(robot, "#languageDialog"));
    javafx.scene.control.DialogPane pane =
        robot.lookup("#languageDialog").queryAs(javafx.scene.control.DialogPane.class);
    assertTrue(
        pane.getScene().getWidth() > 800,
        "wide enough for the tables: "
            + pane.getScene().getWidth()
            + " max "
            + pane.getMaxWidth()
            + " pref "
            + pane.prefWidth(-1)
            + " root "
            + pane.getScene().getRoot());
    MarkdownView md = robot.lookup("#languageReference").queryAs(MarkdownView.class);
    List<String> headings = new ArrayList<>();
    for (String line : doc.lines().toList()) {
      if (line.startsWith("#")) {
        headings.add(MarkdownView.stripInline(line.replaceFirst("^#+\\s+", "")));
      }
    }
    assertEquals(headings, md.headings());
    assertTrue(md.headings().contains("The scenario language (.pidns files), version 1"));
    String shown = textOf(md);
    assertTrue(shown.contains("fork PARENT CHILD"), "the statements table");
    assertTrue(shown.contains("5: fork init a = 2"), "the code blocks");
    assertTrue(shown.contains("kill SENDER TARGET [SIGNAL]"), "a table cell");
    assertFalse(shown.contains("```"), "no raw markdown");
    assertFalse(shown.contains("|---"), "no raw table rules");
  }

  @Test
  void markdownTableRowsKeepPipesInsideCode() {
    assertEquals(List.of("`a|b`", "c"), MarkdownView.splitRow("| `a|b` | c |"));
  }

  @Test
  void theKernelFunctionsTableLinksEveryFunctionToTheKernelSources(FxRobot robot) {
    robot.clickOn("#helpMenu").clickOn("#kernelItem");
    assertTrue(showing(robot, "#kernelDialog"));
    String text = textOf(robot.lookup("#kernelTable").query());
    for (String fn :
        List.of(
            "alloc_pid()",
            "create_pid_namespace()",
            "unshare_nsproxy_namespaces()",
            "pidns_install()",
            "zap_pid_ns_processes()",
            "find_new_reaper()",
            "release_task()",
            "kill_pid_info()",
            "ksys_setsid()",
            "ksys_setpgid()",
            "PR_SET_CHILD_SUBREAPER",
            "pid_ns_ctl_handler()",
            "find_child_reaper()",
            "switch_task_namespaces()",
            "pidns_get()",
            "prepare_signal()",
            "sig_ignored()")) {
      assertTrue(text.contains(fn), fn);
    }
    // the words checked against 6.18: a pid is freed only when nothing uses it any more, orphans
    // go to the exiting parent's namespace's reaper, and signals reach sig_task_ignored() last
    assertFalse(text.contains("reaping frees the zombie's numbers at every level"), text);
    assertTrue(text.contains("PID, process group or session id"), text);
    assertTrue(text.contains("reaper of the exiting parent's namespace"), text);
    assertTrue(text.contains("nearest living subreaper"), text);
    List<String> kill =
        KernelFunctions.rows().stream()
            .filter(r -> r.key().equals("K"))
            .findFirst()
            .orElseThrow()
            .functions()
            .stream()
            .map(KernelFunctions.Fn::name)
            .toList();
    assertEquals(
        List.of("send_signal_locked", "prepare_signal", "sig_ignored", "sig_task_ignored"),
        kill.subList(kill.indexOf("send_signal_locked"), kill.size()),
        "the call order");
    // 6.18: a pidfd of a zombie gives ESRCH (validate_nsset()); /proc/TARGET/ns/pid still opens
    String setns =
        KernelFunctions.rows().stream()
            .filter(r -> r.key().equals("N"))
            .findFirst()
            .orElseThrow()
            .note();
    assertTrue(setns.startsWith("open(/proc/TARGET/ns/pid), then setns()"), setns);
    assertTrue(setns.contains("a zombie or E target still works"), setns);
    assertTrue(setns.contains("ENOENT, reported as ESRCH"), setns);
    assertTrue(setns.contains("validate_nsset() refuses a zombie already"), setns);
    assertFalse(setns.contains("as with a pidfd"), setns);
    for (Syscall s : Syscall.values()) {
      assertTrue(text.contains(s.text() + "  [" + s.key() + "]"), s.name());
    }
    robot.clickOn("#fn-alloc_pid");
    assertEquals(List.of("https://elixir.bootlin.com/linux/v6.18/C/ident/alloc_pid"), opened);
    for (KernelFunctions.Row r : KernelFunctions.rows()) {
      for (KernelFunctions.Fn f : r.functions()) {
        assertTrue(f.file().matches("kernel/[a-z_]+\\.c"), f.toString());
      }
    }
  }

  @Test
  void theKernelRulesPageIsRenderedFromTheProjectsOwnDocAndLinkedFromKernelFunctions(FxRobot robot)
      throws Exception {
    String doc = Files.readString(Path.of("docs/kernel-rules.md"));
    assertEquals(doc, HelpMenu.kernelRulesDoc(), "the build bundles docs/kernel-rules.md");
    robot.clickOn("#helpMenu").clickOn("#kernelItem");
    assertTrue(showing(robot, "#kernelDialog"));
    robot.clickOn("#kernelRulesLink");
    assertTrue(showing(robot, "#kernelRulesDialog"));
    MarkdownView md = robot.lookup("#kernelRules").queryAs(MarkdownView.class);
    assertTrue(md.headings().contains("The kernel rules the Lab follows (Linux 6.18)"));
    String shown = textOf(md).replace("\n", "");
    assertTrue(shown.contains("State E is the Lab's label, not a kernel state"), shown);
    assertTrue(shown.contains("The exit of root's init panics a real machine"), shown);
    robot.clickOn("#helpMenu").clickOn("#kernelRulesItem");
    assertTrue(showing(robot, "#kernelRulesDialog"), "also straight from the Help menu");
  }

  @Test
  void aboutShowsTheVersionsTheLabRunsOn(FxRobot robot) {
    robot.clickOn("#helpMenu").clickOn("#aboutItem");
    assertTrue(showing(robot, "#aboutDialog"));
    String text = textOf(robot.lookup("#aboutDialog").query());
    String version = AboutDialog.labVersion();
    assertTrue(version.matches("\\d+\\.\\d+.*"), version);
    assertTrue(text.contains("PID Namespace Lab " + version), text);
    assertTrue(text.contains(System.getProperty("java.version")), text);
    assertTrue(text.contains(System.getProperty("javafx.runtime.version")), text);
    assertFalse(AboutDialog.versions().get("JGraphT").equals("unknown"), "from pom.properties");
  }

  @Test
  void aboutNamesTheLicenceAndListsEveryBundledLibraryWithItsLicence(FxRobot robot)
      throws Exception {
    robot.clickOn("#helpMenu").clickOn("#aboutItem");
    assertTrue(showing(robot, "#aboutDialog"));
    assertTrue(textOf(robot.lookup("#aboutDialog").query()).contains("(GPL-3.0-or-later)"));

    robot.clickOn("#aboutLicence");
    TextArea licence = robot.lookup("#aboutLicenceText").queryAs(TextArea.class);
    assertEquals(Files.readString(Path.of("LICENSE")), licence.getText());

    robot.clickOn("#aboutThirdParty");
    TextArea notice = robot.lookup("#aboutThirdPartyText").queryAs(TextArea.class);
    TitledPane pane = robot.lookup("#aboutThirdParty").queryAs(TitledPane.class);
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> pane.isExpanded() && notice.getHeight() > 50);
    // the notice the build generated, shown whole
    String generated =
        Files.readString(
            Path.of("target/generated-resources/licenses/META-INF/pidns-lab/THIRD-PARTY.txt"));
    assertEquals(generated, notice.getText());
    for (String library :
        List.of(
            "(GPL-3.0-or-later) JFreeSVG",
            "(GPL-3.0-or-later) org.jfree.pdf",
            "(GPL-2.0-only WITH Classpath-exception-2.0) javafx controls",
            "JGraphT - Core",
            "ControlsFX",
            "RichTextFX",
            "atlantafx-base",
            "Ikonli",
            "picocli")) {
      assertTrue(notice.getText().contains(library), library);
    }
  }

  @Test
  void theWindowAndItsDialogsCarryTheLabsIcon(FxRobot robot) {
    assertEquals(Icons.SIZES.length, Icons.all().size(), "every size is on the class path");
    welcome(robot);
    Stage w = (Stage) robot.lookup("#welcomeDialog").query().getScene().getWindow();
    assertEquals(Icons.SIZES.length, w.getIcons().size());
  }

  @Test
  void everyButtonFieldAndTabOfTheWindowHasATooltip(FxRobot robot) {
    robot.clickOn("#task-0"); // enabled and disabled states both need one
    robot.interact(() -> window.workbench().startLesson(Lessons.all().get(0), true));
    List<String> missing = new ArrayList<>();
    int[] checked = {0};
    TabPane side = robot.lookup("#sideTabs").queryAs(TabPane.class);
    for (int tab = 0; tab < side.getTabs().size(); tab++) {
      int i = tab;
      robot.interact(() -> side.getSelectionModel().select(i));
      robot.interact(
          () ->
              walk(
                  stage.getScene().getRoot(),
                  node -> {
                    if (insideMenuBar(node) || !visible(node)) {
                      return;
                    }
                    boolean wants =
                        node instanceof ButtonBase
                            || node instanceof TextInputControl
                            || node instanceof ComboBoxBase
                            || node instanceof Slider
                            || node instanceof javafx.scene.control.ListView;
                    if (wants) {
                      checked[0]++;
                      if (!hasTooltip(node) && !missing.contains(describe(node))) {
                        missing.add(describe(node));
                      }
                    }
                    if (node instanceof TabPane tp) {
                      for (Tab t : tp.getTabs()) {
                        if (t.getTooltip() == null && !missing.contains("tab " + t.getText())) {
                          missing.add("tab " + t.getText());
                        }
                      }
                    }
                  }));
    }
    assertTrue(robot.lookup("#quizReveal").query().isVisible(), "the quiz panel was checked too");
    assertTrue(checked[0] > 40, "checked " + checked[0]);
    assertEquals(List.of(), missing);
  }

  /** A tooltip on the node or on a holder around it (a disabled button's "why" sits there). */
  private static boolean hasTooltip(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (p.getProperties().get("javafx.scene.control.Tooltip") != null) {
        return true;
      }
      if (p != n && p instanceof javafx.scene.control.Control) {
        return false; // a control's own parts (a combo's editor...) belong to it
      }
    }
    return false;
  }

  private static boolean insideMenuBar(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (p instanceof MenuBar) {
        return true;
      }
    }
    return false;
  }

  private static boolean visible(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private static String describe(Node n) {
    String what = n.getClass().getSimpleName();
    if (n.getId() != null) {
      what += "#" + n.getId();
    }
    if (n instanceof Labeled l) {
      what += " '" + l.getText() + "'";
    }
    return what;
  }
}
