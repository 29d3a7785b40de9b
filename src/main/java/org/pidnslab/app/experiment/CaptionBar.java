package org.pidnslab.app.experiment;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
 */
public final class CaptionBar extends VBox {
  /** The most of the window's height the answer's explanation takes before it scrolls. */
  public static final double ANSWER_SHARE = 1.0 / 6;

  private final Experiment experiment;
  private final Label title = label("captionTitle", "caption-title");
  private final Label summary = label("captionSummary", "caption-text");
  private final Label seeing = label("captionSeeing", "caption-seeing");
  private final Label head = label("captionHead", "caption-head");
  private final Label narration = label("caption", "caption-text");
  private final Label answer = label("captionAnswer", "caption-answer");
  private final ScrollPane answerScroll = new ScrollPane(answer);
  private Lesson.Card card;

  public CaptionBar(Experiment experiment) {
    super(2);
    this.experiment = experiment;
    setId("captionBar");
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
    answerScroll.visibleProperty().bind(answer.visibleProperty());
    answerScroll.managedProperty().bind(answer.managedProperty());
    sceneProperty()
        .addListener(
            (o, was, scene) -> {
              answerScroll.maxHeightProperty().unbind();
              if (scene != null) {
                answerScroll
                    .maxHeightProperty()
                    .bind(scene.heightProperty().multiply(ANSWER_SHARE));
              }
            });
    getChildren().addAll(title, summary, seeing, head, narration, answerScroll);
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
    show(narration, text);
    show(answer, answered == null || answered.length < 2 ? null : answered[1]);
    answerScroll.setVvalue(0); // a new answer reads from its first line
    boolean on = text != null || titled;
    setVisible(on);
    setManaged(on);
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
