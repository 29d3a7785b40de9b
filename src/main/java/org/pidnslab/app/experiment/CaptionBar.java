package org.pidnslab.app.experiment;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.pidnslab.app.model.Beat;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.script.Lesson;
import org.pidnslab.script.Lessons;
import org.pidnslab.script.ScriptTrace;

/**
 * The caption over the graph while a script plays, large enough to read at a projector, in the
 * experiment's two beats: the question (the next line, marked as next, and its narration) over the
 * picture before it, then the answer (the line's result and every line of the kernel's explanation)
 * once it has run. Before a lesson's first step it is the lesson's title card. Any number of
 * caption bars can show one experiment (the window's, a presentation's).
 *
 * <p>In the window, the answer of a step that asked is its result and a short explanation (a fork's
 * two lines), with a toggle that opens the question again; a long explanation waits behind that
 * toggle too: a zap explains itself in twenty lines, and at 1280x800 they took the picture's room.
 * Presenting, the room reads the whole answer.
 */
public final class CaptionBar extends VBox {
  /** The most of the window's height the answer's explanation takes before it scrolls. */
  public static final double ANSWER_SHARE = 1.0 / 6;

  /**
   * In the window, an explanation of at most this many lines is shown with its result; a longer one
   * (a zap's) waits behind the toggle, so that the picture it explains keeps its room.
   */
  static final int SHORT_EXPLANATION = 4;

  private final Experiment experiment;
  private final Label title = label("captionTitle", "caption-title");
  private final Label summary = label("captionSummary", "caption-text");
  private final Label seeing = label("captionSeeing", "caption-seeing");
  private final Label head = label("captionHead", "caption-head");
  private final Label narration = label("caption", "caption-text");
  private final Label answer = label("captionAnswer", "caption-answer");
  // in the window an opened answer scrolls with its question: both must leave the picture room
  private final VBox body = new VBox(2, answer);
  private final ScrollPane answerScroll = new ScrollPane(body);
  private final ToggleButton detail = new ToggleButton();
  private Lesson.Card card;
  private boolean presenting;

  public CaptionBar(Experiment experiment) {
    super(2);
    this.experiment = experiment;
    setId("captionBar");
    summary.getStyleClass().add("caption-summary"); // the projector sets it below a question's size
    getStyleClass().add("caption-bar");
    setPadding(new Insets(8, 14, 8, 14));
    setMaxHeight(USE_PREF_SIZE);
    setMinHeight(USE_PREF_SIZE); // above the graph: the graph shrinks, the caption never elides
    // a zap explains itself in twenty lines and more: past a sixth of the window they scroll,
    // so the picture they explain keeps its room
    answerScroll.setId("captionAnswerScroll");
    answerScroll.getStyleClass().add("caption-answer-scroll");
    answerScroll.setFitToWidth(true);
    answerScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    answerScroll.setFocusTraversable(false);
    sceneProperty().addListener((o, was, scene) -> boundAnswer());
    detail.setId("captionDetail");
    detail.getStyleClass().add("caption-detail");
    detail.setFocusTraversable(false); // Page Down stays the graph's
    detail.setMinWidth(USE_PREF_SIZE);
    detail.setTooltip(new Tooltip("The question and every line of the kernel's explanation"));
    // once opened it stays open for the next answers: the user chose to read them
    detail.selectedProperty().addListener((o, a, b) -> update());
    head.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(head, Priority.ALWAYS);
    HBox headRow = new HBox(12, head, detail);
    headRow.setAlignment(Pos.CENTER_LEFT);
    headRow.managedProperty().bind(head.managedProperty());
    headRow.visibleProperty().bind(head.visibleProperty());
    getChildren().addAll(title, summary, seeing, headRow, narration, answerScroll);
    experiment.textProperty().addListener((o, a, b) -> card = Lessons.card(b));
    card = Lessons.card(experiment.textProperty().get());
    experiment.positionProperty().addListener((o, a, b) -> update());
    experiment.beatProperty().addListener((o, a, b) -> update());
    experiment.questionProperty().addListener((o, a, b) -> update());
    experiment.traceProperty().addListener((o, a, b) -> update());
    update();
  }

  /** The narration on show: the question of the step in focus (empty when there is none). */
  public String questionText() {
    return narration.getText();
  }

  /**
   * The answer on show: the last call's result line and the kernel's explanation lines, empty in
   * the question beat.
   */
  public String answerText() {
    String a = experiment.answerProperty().get();
    return experiment.beatProperty().get() == Beat.ANSWER && a != null && isVisible() ? a : "";
  }

  /** Whether the lesson's title card is on show (before its first step). */
  public boolean showsTitleCard() {
    return title.isVisible();
  }

  /**
   * As high as the answer once wrapped to the caption's width, up to its share of the window: its
   * unwrapped height showed two lines of four beside a tall picture.
   */
  @Override
  protected double computePrefHeight(double width) {
    if (width > 0) {
      double inner = width - snappedLeftInset() - snappedRightInset();
      answerScroll.setPrefViewportHeight(body.prefHeight(inner));
      if (presenting && getScene() != null) {
        answerScroll.setMaxHeight(roomForAnswer(inner, getScene().getHeight()));
      }
    }
    return super.computePrefHeight(width);
  }

  /**
   * In the window the answer scrolls past its share of the window's height; presenting, it may take
   * the whole screen's height left by the rest of the caption (a sixth of 1080 px showed five of a
   * zap's 21 lines beside a picture with room to spare below).
   */
  private void boundAnswer() {
    answerScroll.maxHeightProperty().unbind();
    Scene scene = getScene();
    if (scene != null && !presenting) {
      answerScroll.maxHeightProperty().bind(scene.heightProperty().multiply(ANSWER_SHARE));
    }
  }

  /** The screen's height less the caption's other rows, its spacing and its padding. */
  private double roomForAnswer(double inner, double screen) {
    double others = snappedTopInset() + snappedBottomInset();
    for (Node n : getChildren()) {
      if (n != answerScroll && n.isManaged()) {
        others += n.prefHeight(inner) + getSpacing();
      }
    }
    return Math.max(screen * ANSWER_SHARE, screen - others);
  }

  /** Presenting, the answer is shown whole; in the window a long one waits for its toggle. */
  public void setPresenting(boolean on) {
    presenting = on;
    boundAnswer();
    update();
  }

  /** Whether the answer's question and explanation are on show (always, when presenting). */
  public boolean detailShown() {
    return answer.isVisible() || narration.isVisible();
  }

  private void update() {
    boolean asking = experiment.beatProperty().get() == Beat.QUESTION;
    int p = experiment.positionProperty().get();
    ScriptTrace.Step step =
        asking
            ? experiment.nextStep()
            : p == 0 || p > experiment.stepCount()
                ? null
                : experiment.traceProperty().get().steps().get(p - 1);
    String text = experiment.questionProperty().get();
    boolean titled = card != null && p == 0 && !asking;
    show(title, titled ? card.title() : null);
    show(summary, titled ? card.summary() : null);
    show(seeing, titled && !card.seeing().isEmpty() ? "You will see: " + card.seeing() : null);
    String[] answered = answerLines();
    if (step == null) {
      show(head, null);
    } else if (asking) {
      show(head, "Next, line " + step.line() + ": " + step.statement().text());
    } else {
      show(
          head,
          "Line "
              + step.line()
              + ": "
              + (answered != null ? answered[0] : step.statement().text()));
    }
    String explanation = answered == null || answered.length < 2 ? null : answered[1];
    // the question was read in the first beat; a one-beat step's caption is its own answer
    boolean asked = !asking && Beat.asks(step, text);
    int lines = explanation == null ? 0 : (int) explanation.lines().count();
    // a fork explains itself in two lines, shown with its result; a zap's twenty wait for a click
    boolean longExplanation = lines > SHORT_EXPLANATION;
    boolean open = presenting || detail.isSelected();
    show(narration, !open && asked ? null : text);
    show(answer, !open && longExplanation ? null : explanation);
    scrollWithAnswer(!presenting && !asking && detail.isSelected() && explanation != null);
    boolean toggles = !presenting && !asking && (asked || longExplanation);
    detail.setVisible(toggles);
    detail.setManaged(toggles);
    detail.setText(
        detail.isSelected()
            ? "▾ Hide"
            : "▸ "
                + (!asked
                    ? counted(lines)
                    : !longExplanation ? "Question" : "Question + " + counted(lines)));
    answerScroll.setVvalue(0); // a new answer reads from its first line
    boolean on = text != null || titled;
    setVisible(on);
    setManaged(on);
  }

  /**
   * Puts the question inside the answer's scroll pane ({@code in}) or above it: opened in the
   * window's narrow column, the two together are bounded; presenting, the question stays whole.
   */
  private void scrollWithAnswer(boolean in) {
    if (in && narration.getParent() != body) {
      getChildren().remove(narration);
      body.getChildren().add(0, narration);
    } else if (!in && narration.getParent() != this) {
      body.getChildren().remove(narration);
      getChildren().add(getChildren().indexOf(answerScroll), narration);
    }
    boolean on = answer.isVisible() || in && narration.isVisible();
    answerScroll.setVisible(on);
    answerScroll.setManaged(on);
  }

  /** "21 kernel steps": how many lines the kernel's explanation has. */
  private static String counted(int lines) {
    return lines == 1 ? "1 kernel step" : lines + " kernel steps";
  }

  /** The answer split into its result line and its explanation lines, or null. */
  private String[] answerLines() {
    String a = experiment.answerProperty().get();
    if (experiment.beatProperty().get() != Beat.ANSWER || a == null) {
      return null;
    }
    int nl = a.indexOf('\n');
    // the log indents the kernel's steps under the result; the caption sets them apart by style
    return nl < 0
        ? new String[] {a}
        : new String[] {a.substring(0, nl), a.substring(nl + 1).replaceAll("(?m)^ {4}", "")};
  }

  private static void show(Label l, String text) {
    boolean on = text != null && !text.isEmpty();
    l.setText(on ? text : "");
    l.setVisible(on);
    l.setManaged(on);
  }

  private static Label label(String id, String style) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(style);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }
}
