package org.pidnslab.app.experiment;

import java.util.HashMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.util.UndoUtils;
import org.fxmisc.wellbehaved.event.EventPattern;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;
import org.pidnslab.app.model.Beat;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.script.ScriptError;
import org.pidnslab.script.ScriptTrace;

/**
 * The script pane: the experiment's {@code .pidns} text with line numbers, highlighting, errors
 * underlined (hover for the message) and the current step's line marked. Typing re-runs the script
 * after a short pause; clicking a line number jumps there. Undo goes to the experiment, so a click
 * in the graph and a keystroke here are undone by the same Ctrl+Z.
 */
public final class ScriptEditor extends BorderPane {
  /** Typing within a line pauses this long before the script re-runs (Enter: at once). */
  static final Duration EDIT_PAUSE = Duration.millis(350);

  private final Experiment experiment;
  private final CodeArea area = new CodeArea();
  private final Label problems = new Label();
  private final PauseTransition pendingEdit = new PauseTransition(EDIT_PAUSE);
  private final Tooltip errorTip = new Tooltip();
  private Map<Integer, String> errors = Map.of();
  private boolean syncing;
  private int markedParagraph = -1;
  private int shownParagraph = -1; // the line last scrolled into view
  private boolean updateQueued;
  private String shown = ""; // the text the area holds, unless the user has typed since
  private String wanted = ""; // what the area should hold: the script, or its revealed part
  private final ScriptReveal reveal;
  private boolean typed; // keystrokes not yet handed to the experiment
  private final org.fxmisc.richtext.SelectionImpl<
          java.util.Collection<String>, String, java.util.Collection<String>>
      currentBand;
  private String[] styled = new String[0];
  private java.util.Set<Integer> styledErrors = java.util.Set.of();

  ScriptEditor(Experiment experiment) {
    this.experiment = experiment;
    this.reveal = new ScriptReveal(experiment);
    area.setId("scriptArea");
    Tooltip.install(
        area,
        new Tooltip(
            "The experiment as a script: clicks are recorded here, edits re-run it. Click a line"
                + " number to see the state after that line."));
    area.getStyleClass().add("script-area");
    area.setUndoManager(UndoUtils.noOpUndoManager());
    area.setWrapText(true); // narration is long prose; the pane is narrow
    area.setParagraphGraphicFactory(this::gutter);
    currentBand =
        new org.fxmisc.richtext.SelectionImpl<>(
            "current-step", area, path -> path.getStyleClass().add("current-step"));
    area.addSelection(currentBand);
    area.setMouseOverTextDelay(java.time.Duration.ofMillis(350));
    area.addEventHandler(
        MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN,
        e -> {
          int line = area.offsetToPosition(e.getCharacterIndex(), null).getMajor() + 1;
          String msg = errors.get(line);
          if (msg != null) {
            errorTip.setText("line " + line + ": " + msg);
            errorTip.show(area, e.getScreenPosition().getX(), e.getScreenPosition().getY() + 12);
          }
        });
    area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> errorTip.hide());
    Nodes.addInputMap(
        area,
        InputMap.sequence(
            // Tab moves the focus on, as in every other control (it typed a tab and marked the
            // file modified): ignored here, the key reaches the scene's focus traversal
            InputMap.ignore(EventPattern.keyPressed(KeyCode.TAB)),
            // Shift+Tab moves back out the same way
            InputMap.ignore(EventPattern.keyPressed(KeyCode.TAB, KeyCombination.SHIFT_DOWN)),
            // a tab character, for whoever wants one, is Ctrl+Tab
            InputMap.consume(
                EventPattern.keyPressed(KeyCode.TAB, KeyCombination.CONTROL_DOWN),
                e -> area.replaceSelection("\t")),
            InputMap.consume(
                EventPattern.keyPressed(KeyCode.Z, KeyCombination.SHORTCUT_DOWN),
                e -> {
                  flush();
                  experiment.undo();
                }),
            InputMap.consume(
                EventPattern.keyPressed(
                    KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                e -> experiment.redo()),
            InputMap.consume(
                EventPattern.keyPressed(KeyCode.Y, KeyCombination.SHORTCUT_DOWN),
                e -> experiment.redo())));
    area.plainTextChanges()
        .subscribe(
            c -> {
              if (!syncing) {
                typed = true;
                pendingEdit.playFromStart();
                if (c.getInserted().indexOf('\n') >= 0) {
                  flush(); // a finished line is a statement: it runs, and is autosaved, at once
                }
              }
            });
    pendingEdit.setOnFinished(e -> commitTyping());
    problems.setId("scriptProblems");
    problems.getStyleClass().add("script-problems");
    problems.setMaxWidth(Double.MAX_VALUE);
    problems.setWrapText(true);
    setCenter(new VirtualizedScrollPane<>(area));
    setBottom(problems);
    // the editor follows the experiment one pulse later: a click's picture comes first, and a
    // burst of changes (a replay, an undo) is one update
    experiment.textProperty().addListener((o, a, b) -> later());
    experiment.traceProperty().addListener((o, a, b) -> later());
    experiment.currentLineProperty().addListener((o, a, b) -> later());
    experiment.beatProperty().addListener((o, a, b) -> later());
    // at once, not a pulse later: the keystroke that showed the whole script edits it next
    reveal
        .wholeProperty()
        .addListener(
            (o, a, b) -> {
              flush();
              showNow();
            });
    reveal.guard(area);
    showNow();
  }

  private void later() {
    if (!updateQueued) {
      updateQueued = true;
      javafx.application.Platform.runLater(
          () -> {
            updateQueued = false;
            showNow();
          });
    }
  }

  /** Brings the area up to date with the experiment: its text (or the part revealed), styles. */
  private void showNow() {
    int hiddenFrom = reveal.placeholderLine();
    wanted = reveal.shown(experiment.textProperty().get());
    syncText(wanted);
    restyle();
    int placeholder = reveal.placeholderLine();
    if (placeholder > 0 && placeholder != hiddenFrom && !area.isFocused()) {
      // lines just revealed (an answer) come into view down to the placeholder; if they are more
      // than the pane holds, the marked statement stays at the top (the layout tells, a pulse on)
      area.showParagraphAtBottom(placeholder - 1);
      int marked = markedParagraph;
      javafx.application.Platform.runLater(
          () -> {
            if (marked >= 0
                && marked < area.getParagraphs().size()
                && marked < area.firstVisibleParToAllParIndex()) {
              area.showParagraphAtTop(marked);
            }
          });
    }
  }

  /** What this editor hides of a narrated script while it is stepped through, and the toggle. */
  ScriptReveal reveal() {
    return reveal;
  }

  /** The editing control (tests type into it). */
  public CodeArea area() {
    return area;
  }

  /** Hands a pending keystroke edit to the experiment now, before another change. */
  public void flush() {
    if (pendingEdit.getStatus() == javafx.animation.Animation.Status.RUNNING) {
      pendingEdit.stop();
      commitTyping();
    }
  }

  private void commitTyping() {
    if (reveal.hiddenProperty().get() > 0) {
      return; // never hand the placeholder over as script (typing shows the whole script first)
    }
    shown = area.getText();
    typed = false;
    experiment.edit(shown);
  }

  /** Every error the script has, by line: syntax errors and the rule that stops the run. */
  public Map<Integer, String> errors() {
    return errors;
  }

  /**
   * Shows the experiment's text. Only the part that changed is replaced (a recorded click inserts
   * one line), so a 10,000-line script does not rebuild its whole view for every click.
   */
  private void syncText(String text) {
    if (typed) {
      if (text.equals(shown)) {
        // the experiment still holds what this area held before the keys not yet handed over:
        // this update is the echo of the editor's own last hand-over (queued a pulse before keys
        // that arrived meanwhile) or of a re-run. Those keys are newer; replacing the area's
        // text here lost them ("fork init typd" when the pause ran out between "p" and "e").
        return;
      }
      // the experiment changed under unsent keystrokes (a lesson opened, a restore): it wins
      pendingEdit.stop();
      typed = false;
      shown = area.getText();
    }
    String old = shown; // what the area holds: asking it (getText) rebuilds the whole text
    if (text.equals(old)) {
      return;
    }
    int max = Math.min(old.length(), text.length());
    int prefix = 0;
    while (prefix < max && old.charAt(prefix) == text.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < max - prefix
        && old.charAt(old.length() - 1 - suffix) == text.charAt(text.length() - 1 - suffix)) {
      suffix++;
    }
    syncing = true;
    try {
      area.replaceText(
          prefix, old.length() - suffix, text.substring(prefix, text.length() - suffix));
      shown = text;
      markedParagraph = -1;
    } finally {
      syncing = false;
    }
  }

  private void restyle() {
    ScriptTrace t = experiment.traceProperty().get();
    Map<Integer, String> found = new HashMap<>();
    for (ScriptError e : t.syntaxErrors()) {
      found.put(e.line(), e.getMessage());
    }
    if (t.stop() != null) {
      found.putIfAbsent(t.stop().line(), t.stop().getMessage());
    }
    errors = found;
    if (!typed && shown.equals(wanted)) {
      highlight(shown); // typing not yet handed over is coloured once it is
      quietPlaceholder();
    }
    problems.getStyleClass().removeAll("has-errors");
    if (t.stop() != null) {
      problems.getStyleClass().add("has-errors");
      problems.setText(
          "Line "
              + t.stop().line()
              + ": "
              + t.stop().getMessage()
              + " — the script stops here"
              + (found.size() > 1 ? " (" + found.size() + " problems; hover a red line)" : ""));
    } else {
      int n = t.steps().size();
      problems.setText(n == 0 ? "Empty script: click a system call to record one" : "");
    }
    problems.setVisible(!problems.getText().isEmpty());
    problems.setManaged(problems.isVisible());
    markCurrent(experiment.markedLine());
  }

  /**
   * Colours the lines that changed since the last time (found by comparing from both ends) and the
   * lines whose error mark changed; a large change restyles everything at once.
   */
  private void highlight(String text) {
    String[] lines = text.split("\n", -1);
    int n = lines.length;
    int m = styled.length;
    int top = 0;
    while (top < Math.min(n, m) && lines[top].equals(styled[top])) {
      top++;
    }
    int bottom = 0;
    while (bottom < Math.min(n, m) - top && lines[n - 1 - bottom].equals(styled[m - 1 - bottom])) {
      bottom++;
    }
    java.util.Set<Integer> marks = new java.util.HashSet<>(errors.keySet());
    if (n - bottom - top > n / 2 || styled.length == 0) {
      area.setStyleSpans(0, ScriptHighlighter.spans(text, marks));
    } else {
      for (int i = top; i < n - bottom; i++) {
        styleLine(i, lines[i]);
      }
      java.util.Set<Integer> flipped = new java.util.HashSet<>(marks);
      flipped.addAll(styledErrors);
      for (int line : flipped) {
        boolean changed = marks.contains(line) != styledErrors.contains(line);
        int i = line - 1;
        if (changed && i < n && (i < top || i >= n - bottom)) {
          styleLine(i, lines[i]);
        }
      }
    }
    styled = lines;
    styledErrors = marks;
  }

  /** The placeholder of hidden lines in a quiet style of its own, never an error's. */
  private void quietPlaceholder() {
    int line = reveal.placeholderLine();
    if (line > 0 && line <= area.getParagraphs().size()) {
      int length = area.getParagraph(line - 1).length();
      area.setStyleSpans(
          line - 1,
          0,
          org.fxmisc.richtext.model.StyleSpans.singleton(
              java.util.List.of("hidden-lines"), length));
      styled[line - 1] = null; // restyled whenever it comes back as a script line
    }
  }

  private void styleLine(int paragraph, String line) {
    java.util.Set<Integer> err =
        errors.containsKey(paragraph + 1) ? java.util.Set.of(1) : java.util.Set.of();
    area.setStyleSpans(paragraph, 0, ScriptHighlighter.spans(line, err));
  }

  /**
   * Marks the current step's line with a selection-like band (a paragraph style would rebuild the
   * line's view at every step) and keeps it in sight while the player runs.
   */
  private void markCurrent(int line) {
    int paragraphs = area.getParagraphs().size();
    markedParagraph = line - 1;
    if (line == 0 && !area.isFocused() && paragraphs > 0) {
      area.showParagraphAtTop(0); // at the start: the script's first lines
    }
    if (markedParagraph >= 0 && markedParagraph < paragraphs) {
      currentBand.selectParagraph(markedParagraph);
      if (!area.isFocused() && markedParagraph != shownParagraph) {
        area.showParagraphInViewport(markedParagraph);
        shownParagraph = markedParagraph;
      }
    } else {
      currentBand.selectRange(0, 0);
    }
  }

  /**
   * A line's gutter: a marker (the current step, an error) and its number; a click shows the state
   * after that line. Plain Text nodes and no tooltip of its own: the visible lines' gutters are
   * rebuilt whenever lines shift, so they must be cheap.
   */
  private Node gutter(int paragraph) {
    int line = paragraph + 1;
    javafx.scene.text.Text marker = new javafx.scene.text.Text();
    marker.getStyleClass().add("gutter-marker");
    marker
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    reveal.placeholderLine() == line
                        ? " "
                        : experiment.markedLine() == line
                            // a hollow marker: the line is asked about, not yet run
                            ? experiment.beatProperty().get() == Beat.QUESTION ? "▷" : "▶"
                            : errors.containsKey(line) ? "✗" : " ",
                experiment.currentLineProperty(),
                experiment.beatProperty(),
                experiment.traceProperty(),
                reveal.placeholderLineProperty()));
    javafx.scene.text.Text number = new javafx.scene.text.Text();
    number
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> reveal.placeholderLine() == line ? "" : Integer.toString(line),
                reveal.placeholderLineProperty()));
    number.getStyleClass().add("gutter-number");
    javafx.scene.layout.StackPane numberBox = new javafx.scene.layout.StackPane(number);
    numberBox.setMinWidth(32);
    // a wrapped line's number and marker sit on its first row: centred, they named the row below
    numberBox.setAlignment(Pos.TOP_RIGHT);
    HBox box = new HBox(2, marker, numberBox);
    box.getStyleClass().add("script-gutter");
    box.setAlignment(Pos.TOP_LEFT);
    box.setMinWidth(50);
    box.setId("gutter" + line);
    box.setOnMouseClicked(
        e -> {
          if (reveal.placeholderLine() != line) {
            flush();
            experiment.jumpToLine(line);
          }
        });
    return box;
  }
}
