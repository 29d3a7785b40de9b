package org.pidnslab.app.experiment;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.app.model.Reveal;

/**
 * What the script editor shows of a narrated script being stepped through: the lines the caption
 * has told ({@link Reveal}) and one quiet placeholder line for the rest. The experiment's text
 * stays the whole script (saves and autosaves write it); only the editor's view is shortened. The
 * user stays in control: "Show whole script" shows everything, and so does starting to type, before
 * the keystroke lands, so an edit never meets a half-hidden text. A new script hides again.
 */
final class ScriptReveal {
  private final Reveal reveal;
  private final BooleanProperty whole = new SimpleBooleanProperty(this, "wholeScript");
  private final ReadOnlyIntegerWrapper hidden = new ReadOnlyIntegerWrapper(this, "hiddenLines");
  private final ReadOnlyIntegerWrapper placeholderLine = new ReadOnlyIntegerWrapper();
  private final ReadOnlyBooleanWrapper wouldHide = new ReadOnlyBooleanWrapper();
  private int placeholderStart = -1; // where the placeholder begins in the editor's text

  ScriptReveal(Experiment experiment) {
    this.reveal = new Reveal(experiment);
    // a lesson or file opened next is read step by step again, whatever this one showed
    experiment.loadsProperty().addListener((o, a, b) -> whole.set(false));
  }

  /** Whether the whole script is on show by the user's choice (the toggle, or an edit). */
  BooleanProperty wholeProperty() {
    return whole;
  }

  /** How many lines the placeholder stands for; 0 when the whole script is on show. */
  ReadOnlyIntegerProperty hiddenProperty() {
    return hidden.getReadOnlyProperty();
  }

  /** The placeholder's line in the editor (1-based), or 0 when there is none. */
  int placeholderLine() {
    return placeholderLine.get();
  }

  /** The same, observable (a gutter shows no number and no mark for the placeholder). */
  ReadOnlyIntegerProperty placeholderLineProperty() {
    return placeholderLine.getReadOnlyProperty();
  }

  /** Where the placeholder starts in the editor's text, or -1. */
  int placeholderStart() {
    return placeholderStart;
  }

  /**
   * What the editor shows of {@code text}: all of it, or its first lines (as many as the caption
   * has told) followed by a placeholder line saying how many more there are.
   */
  String shown(String text) {
    int keep = reveal.shownLines();
    int end = keep == Reveal.ALL ? -1 : 0; // just after the kept lines' last newline
    for (int i = 0; i < keep && end >= 0; i++) {
      int nl = text.indexOf('\n', end);
      end = nl < 0 ? -1 : nl + 1;
    }
    int rest = end < 0 || keep == Reveal.ALL ? 0 : linesFrom(text, end);
    wouldHide.set(rest > 0);
    if (rest == 0 || whole.get()) {
      hidden.set(0);
      placeholderStart = -1;
      placeholderLine.set(0);
      return text;
    }
    hidden.set(rest);
    placeholderStart = end;
    placeholderLine.set(keep + 1);
    return text.substring(0, end) + placeholder(rest);
  }

  /** The placeholder's words for {@code n} hidden lines. */
  static String placeholder(int n) {
    return "⋯ " + n + (n == 1 ? " more line" : " more lines") + ", revealed as you step";
  }

  /** The lines of {@code text} from {@code start}, a final newline ending the last one. */
  private static int linesFrom(String text, int start) {
    if (start >= text.length()) {
      return 0;
    }
    int n = 1;
    for (int i = text.indexOf('\n', start); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (i + 1 < text.length()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Shows the whole script as soon as a key would change the text (the editor fills in the hidden
   * lines at once), so the keystroke edits the whole script, never the placeholder. The area
   * refuses edits by any other way (a drop) while lines are hidden.
   */
  void guard(CodeArea area) {
    area.editableProperty().bind(hidden.isEqualTo(0));
    area.addEventFilter(
        KeyEvent.ANY,
        e -> {
          if (hidden.get() > 0 && edits(e)) {
            int ps = placeholderStart;
            // an edit at the placeholder lands where the hidden lines begin
            int anchor = Math.min(area.getAnchor(), ps);
            int caret = Math.min(area.getCaretPosition(), ps);
            whole.set(true); // the editor shows the whole script at once
            area.selectRange(anchor, caret); // filling the text in moved the caret to its end
          }
        });
  }

  /** Whether a key event would change the text (typing, deleting, Enter, paste, cut). */
  static boolean edits(KeyEvent e) {
    if (e.getEventType() == KeyEvent.KEY_TYPED) {
      String c = e.getCharacter();
      return !c.isEmpty()
          && !c.equals(KeyEvent.CHAR_UNDEFINED)
          && !e.isControlDown()
          && !e.isMetaDown()
          && (c.charAt(0) >= ' ' || c.charAt(0) == '\t')
          && c.charAt(0) != 0x7f;
    }
    if (e.getEventType() != KeyEvent.KEY_PRESSED) {
      return false;
    }
    KeyCode k = e.getCode();
    return k == KeyCode.BACK_SPACE
        || k == KeyCode.DELETE
        || k == KeyCode.ENTER
        || (k == KeyCode.TAB && e.isControlDown())
        || (k == KeyCode.INSERT && e.isShiftDown())
        || ((k == KeyCode.V || k == KeyCode.X) && e.isShortcutDown());
  }

  /** View → Show Whole Script, a check item on the same switch as the editor's link. */
  CheckMenuItem menuItem() {
    CheckMenuItem item = new CheckMenuItem("Show _Whole Script");
    item.setId("wholeScriptItem");
    item.selectedProperty().bindBidirectional(whole);
    return item;
  }

  /**
   * The editor header's link: "Show whole script" while lines are hidden; "Hide lines ahead" once
   * the user has shown a script that would hide some; absent otherwise.
   */
  Hyperlink link() {
    Hyperlink link = new Hyperlink();
    link.setId("wholeScriptLink");
    link.setFocusTraversable(false); // the keyboard stays with the picture and the player
    link.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the title gives way, not the link
    link.setTooltip(
        new Tooltip(
            "While a narrated script is stepped through, the editor shows only what the caption"
                + " has told, so the comments after a statement do not answer its question early"));
    link.textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(hidden.greaterThan(0))
                .then("Show whole script")
                .otherwise("Hide lines ahead"));
    link.visibleProperty().bind(hidden.greaterThan(0).or(whole.and(wouldHide)));
    link.managedProperty().bind(link.visibleProperty());
    link.setOnAction(
        e -> {
          whole.set(hidden.get() > 0);
          link.setVisited(false);
        });
    return link;
  }
}
