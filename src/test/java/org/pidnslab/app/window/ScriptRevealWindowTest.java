package org.pidnslab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pidnslab.app.experiment.Autosave;
import org.pidnslab.app.model.Beat;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.script.Lesson;
import org.pidnslab.script.Lessons;
import org.pidnslab.script.ScriptTrace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Predict, then reveal in the script editor too: while a lesson is stepped through, the editor
 * never shows the lines that answer the question on show (the comment after a statement, the
 * expects that check it) before the caption has answered it; "Show whole script", an edit, the end
 * of the script show everything, and an edit or a save never loses a hidden line.
 */
@ExtendWith(ApplicationExtension.class)
class ScriptRevealWindowTest {
  private static final String PREFS = "org/pidnslab/reveal-test-" + ProcessHandle.current().pid();
  private static final Lesson EIGHT = Lessons.all().get(7);
  @TempDir Path dir;
  private MainWindow window;
  private Stage stage;
  private Path chosen;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = WindowTests.show(stage, PREFS, () -> chosen);
  }

  @AfterEach
  void cleanUp(FxRobot robot) throws Exception {
    WindowTests.closeAllBut(robot, stage, PREFS);
  }

  private Experiment ex() {
    return window.experiment();
  }

  /** What the script editor holds now, after its update on the next pulse. */
  private String editorText() {
    WaitForAsyncUtils.waitForFxEvents();
    return window.workbench().editor().area().getText();
  }

  private static String[] lines(String text) {
    return text.split("\n", -1);
  }

  /** The first {@code n} lines of {@code text}, each with its newline. */
  private static String firstLines(String text, int n) {
    return String.join("\n", Arrays.asList(lines(text)).subList(0, n)) + "\n";
  }

  /** Whether {@code word} stands in {@code line} on its own (LessonWordsTest's notion). */
  private static boolean holds(String line, String word) {
    return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(word) + "(?![A-Za-z0-9_])")
        .matcher(line)
        .find();
  }

  /** The step after {@code s} that is a system call, or null. */
  private static ScriptTrace.Step nextCall(List<ScriptTrace.Step> steps, ScriptTrace.Step s) {
    for (int i = s.index() + 1; i < steps.size(); i++) {
      if (steps.get(i).isCall()) {
        return steps.get(i);
      }
    }
    return null;
  }

  /**
   * The lines that answer the call {@code s} (0-based indexes): those after it, up to the next
   * call, that hold the number or errno it returns, as LessonWordsTest reads a give-away.
   */
  private static List<Integer> answerLines(String[] lines, ScriptTrace.Step s, ScriptTrace.Step n) {
    List<Integer> out = new ArrayList<>();
    int end = n == null ? lines.length : n.line() - 1;
    for (int i = s.line(); i < end; i++) {
      if (!s.result().equals("0") && holds(lines[i], s.result())) {
        out.add(i);
      }
    }
    return out;
  }

  /** The first line (1-based) of the comment block right above {@code line}. */
  private static int captionStart(String[] lines, int line) {
    int first = line;
    while (first > 1 && lines[first - 2].strip().startsWith("#")) {
      first--;
    }
    return first;
  }

  /** The editor's lines that are lines of the script (the placeholder left out). */
  private static int scriptLinesShown(String shown, String script) {
    String[] s = lines(shown);
    String[] all = lines(script);
    int n = 0;
    while (n < s.length && n < all.length && s[n].equals(all[n])) {
      n++;
    }
    return n;
  }

  @Test
  void everyQuestionOfEveryLessonIsAskedBeforeTheEditorShowsItsAnswer(FxRobot robot) {
    int checked = 0;
    List<Lesson> lessons = Lessons.all();
    assertEquals(15, lessons.size());
    for (Lesson lesson : lessons) {
      robot.interact(() -> window.workbench().startLesson(lesson, false));
      String script = ex().textProperty().get();
      String[] lines = lines(script);
      List<ScriptTrace.Step> steps = ex().traceProperty().get().steps();
      List<Integer> owed = List.of(); // answer lines the caption gives with the next call
      int owedBy = Integer.MAX_VALUE; // that call's line
      while (ex().positionProperty().get() < steps.size()) {
        robot.interact(() -> ex().nextBeat());
        String shown = editorText();
        int visible = scriptLinesShown(shown, script);
        String where = lesson.title() + " at step " + ex().positionProperty().get();
        // what the editor holds is the script's first lines, then at most the placeholder
        assertTrue(
            shown.equals(script) || shown.startsWith(firstLines(script, visible)),
            where + ": " + shown);
        if (ex().markedLine() >= owedBy) {
          for (int i : owed) {
            assertTrue(i < visible, where + ": answer line " + (i + 1) + " with its caption");
          }
          owed = List.of();
          owedBy = Integer.MAX_VALUE;
        }
        if (ex().beatProperty().get() == Beat.QUESTION) {
          ScriptTrace.Step asked = ex().nextStep();
          assertEquals(asked.line(), visible, where + ": up to the statement asked about");
          assertTrue(shown.contains("more line"), where + ": the rest is one placeholder line");
          ScriptTrace.Step next = nextCall(steps, asked);
          List<Integer> answers = answerLines(lines, asked, next);
          for (int i : answers) {
            assertTrue(i >= visible, where + ": line " + (i + 1) + " answers " + asked.line());
          }
          checked += answers.size();
          robot.interact(() -> ex().nextBeat()); // beat two: the run and its answer
          shown = editorText();
          visible = scriptLinesShown(shown, script);
          int nextCaption = next == null ? lines.length : captionStart(lines, next.line());
          if (next != null) {
            assertTrue(visible < next.line(), where + ": the next call is not shown yet");
          }
          // the expects that check the answer, and the answer lines before the next call's
          // caption, come with it; the rest with that caption
          for (int i = asked.index() + 1; i < steps.size() && !steps.get(i).isCall(); i++) {
            assertTrue(steps.get(i).line() <= visible, where + ": " + steps.get(i).line());
          }
          for (int i : answers) {
            assertTrue(i + 1 >= nextCaption || i < visible, where + ": answer line " + (i + 1));
          }
          owed = answers;
          owedBy = next == null ? Integer.MAX_VALUE : next.line();
        }
      }
      assertEquals(script, editorText(), lesson.title() + ": the end shows the whole script");
    }
    assertTrue(checked >= 40, "answer lines checked: " + checked);
  }

  /** Lesson 8 at the question of its step {@code k + 1}. */
  private void askStepAfter(FxRobot robot, int k) {
    robot.interact(() -> window.workbench().startLesson(EIGHT, false));
    robot.interact(() -> ex().jumpTo(k));
    robot.interact(() -> ex().nextBeat());
    assertEquals(Beat.QUESTION, ex().beatProperty().get());
  }

  @Test
  void theZapsQuestionHidesWhoIsLeftThenTheAnswerShowsItAndPageUpHidesItAgain(FxRobot robot) {
    askStepAfter(robot, 9);
    String script = ex().textProperty().get();
    assertEquals("exit c", ex().nextStep().statement().text());
    String asked = editorText();
    assertTrue(asked.endsWith("exit c\n" + placeholderOf(asked)), asked);
    assertFalse(asked.contains("c1, d and d1 are gone"), "the answer is not there");
    robot.clickOn("#task-0").type(KeyCode.PAGE_DOWN);
    String answered = editorText();
    assertTrue(answered.contains("# c1, d and d1 are gone"), answered);
    assertTrue(answered.contains("expect c state=E\n"), "the expects that check it");
    assertFalse(answered.contains("fork o late"), "not the next call");
    assertFalse(answered.contains("What does fork return?"), "nor its caption");
    assertTrue(script.startsWith(answered.substring(0, answered.lastIndexOf('\n') + 1)));
    robot.type(KeyCode.PAGE_UP);
    assertEquals(Beat.QUESTION, ex().beatProperty().get());
    assertEquals(asked, editorText(), "back a beat hides the answer again");
  }

  /** The placeholder line at the end of {@code shown}. */
  private static String placeholderOf(String shown) {
    String last = shown.substring(shown.lastIndexOf('\n') + 1);
    assertTrue(last.matches("⋯ [0-9]+ more lines?, revealed as you step"), last);
    return last;
  }

  @Test
  void thePlaceholderCountsTheHiddenLinesAndHasNoNumberOrMark(FxRobot robot) {
    askStepAfter(robot, 1); // clone init c newpid, line 8
    String script = ex().textProperty().get();
    String shown = editorText();
    int visible = scriptLinesShown(shown, script);
    int total = lines(script).length - (script.endsWith("\n") ? 1 : 0);
    assertEquals(8, visible);
    assertEquals("⋯ " + (total - 8) + " more lines, revealed as you step", placeholderOf(shown));
    javafx.scene.Node gutter = robot.lookup("#gutter9").query();
    assertEquals("", ((javafx.scene.text.Text) gutter.lookup(".gutter-number")).getText());
    assertEquals(" ", ((javafx.scene.text.Text) gutter.lookup(".gutter-marker")).getText());
    assertEquals(
        "8",
        ((javafx.scene.text.Text) robot.lookup("#gutter8").query().lookup(".gutter-number"))
            .getText());
  }

  @Test
  void showWholeScriptShowsAllUntilAskedToHideAgainOrAnotherLessonOpens(FxRobot robot) {
    askStepAfter(robot, 9);
    String script = ex().textProperty().get();
    String asked = editorText();
    Hyperlink link = robot.lookup("#wholeScriptLink").queryAs(Hyperlink.class);
    assertTrue(link.isVisible());
    assertEquals("Show whole script", link.getText());
    robot.clickOn(link);
    assertEquals(script, editorText(), "the link shows everything");
    assertEquals(Beat.QUESTION, ex().beatProperty().get(), "and changes nothing else");
    CheckMenuItem item = menuItem();
    assertTrue(item.isSelected(), "View → Show Whole Script is the same switch");
    robot.interact(() -> ex().nextBeat());
    assertEquals(script, editorText(), "stepping keeps it whole");
    robot.interact(() -> ex().previousBeat());
    assertEquals("Hide lines ahead", link.getText());
    robot.clickOn(link);
    assertEquals(asked, editorText(), "hidden again");
    assertFalse(item.isSelected());

    robot.interact(() -> item.setSelected(true)); // the menu's way
    assertEquals(script, editorText());
    robot.interact(() -> window.workbench().startLesson(EIGHT, false));
    assertFalse(item.isSelected(), "a new lesson is read step by step again");
    assertTrue(editorText().contains("more lines, revealed as you step"));
  }

  private CheckMenuItem menuItem() {
    javafx.scene.control.MenuBar bar =
        (javafx.scene.control.MenuBar) stage.getScene().lookup("#menuBar");
    return (CheckMenuItem)
        bar.getMenus().stream()
            .flatMap(m -> m.getItems().stream())
            .filter(i -> "wholeScriptItem".equals(i.getId()))
            .findFirst()
            .orElseThrow();
  }

  @Test
  void typingShowsTheWholeScriptFirstAndSaveAndAutosaveWriteAllOfIt(FxRobot robot)
      throws Exception {
    Autosave autosave = new Autosave(dir.resolve("state"));
    robot.interact(() -> window.useAutosave(autosave));
    askStepAfter(robot, 9);
    String script = ex().textProperty().get();
    String asked = editorText();
    var area = window.workbench().editor().area();
    int at = asked.indexOf("exit c") + "exit c".length();
    robot.clickOn(area);
    robot.interact(() -> area.moveTo(at));
    robot.write(" # typed");
    robot.interact(() -> window.workbench().editor().flush());
    String edited = script.substring(0, at) + " # typed" + script.substring(at);
    assertEquals(edited, ex().textProperty().get(), "the edit lands in the whole script");
    assertEquals(edited, editorText(), "and the editor shows all of it");
    assertEquals("Hide lines ahead", robot.lookup("#wholeScriptLink").queryLabeled().getText());

    chosen = dir.resolve("saved.pidns");
    robot.clickOn("#fileMenu").clickOn("#saveAsItem");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(edited, Files.readString(chosen), "Save As writes every line");
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () -> Files.exists(autosave.file()) && Files.readString(autosave.file()).endsWith(edited));
  }

  @Test
  void typingOnThePlaceholderLandsWhereTheHiddenLinesBeginAndLosesNone(FxRobot robot) {
    askStepAfter(robot, 1);
    String script = ex().textProperty().get();
    String asked = editorText();
    var area = window.workbench().editor().area();
    int start = asked.lastIndexOf('\n') + 1;
    robot.clickOn(area);
    robot.interact(() -> area.moveTo(asked.length() - 3)); // inside "⋯ N more lines…"
    robot.type(KeyCode.BACK_SPACE);
    robot.interact(() -> window.workbench().editor().flush());
    // Backspace at the start of the first hidden line joins it to the line before: one newline
    String edited = script.substring(0, start - 1) + script.substring(start);
    assertEquals(edited, ex().textProperty().get());
    assertEquals(edited, editorText());
  }

  @Test
  void aScriptWithoutNarrationIsNeverHiddenAndTheEndShowsEverything(FxRobot robot) {
    String plain = "fork init a\nclone a c newpid\nfork c d\n";
    robot.interact(() -> ex().load(plain, null, 0));
    assertEquals(plain, editorText());
    robot.interact(() -> ex().nextBeat());
    assertEquals(plain, editorText());
    assertFalse(robot.lookup("#wholeScriptLink").query().isVisible());

    robot.interact(() -> window.workbench().startLesson(EIGHT, false));
    assertTrue(editorText().contains("revealed as you step"));
    robot.clickOn("#task-0").type(KeyCode.END); // the player's "to the end"
    assertEquals(ex().textProperty().get(), editorText());
    assertFalse(robot.lookup("#wholeScriptLink").query().isVisible());
  }
}
