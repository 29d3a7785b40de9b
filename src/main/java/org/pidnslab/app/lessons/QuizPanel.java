package org.pidnslab.app.lessons;

import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.kernel.Task;
import org.pidnslab.kernel.TaskState;
import org.pidnslab.script.ScriptTrace;
import org.pidnslab.script.StatePrinter;
import org.pidnslab.script.Statement;

/**
 * Quiz mode (predict, then reveal): before each system call of the script the student types what it
 * will return and, for a fork or clone, optionally the child's NSpid; Reveal runs the step, and the
 * panel says whether the prediction was right while the caption explains why. At the end of the
 * script it shows the session's score.
 */
public final class QuizPanel extends VBox {
  private enum Phase {
    ASKING,
    REVEALED,
    FINISHED
  }

  private final Experiment experiment;
  private final Quiz quiz = new Quiz();
  private final Label question = new Label();
  private final TextField answer = new TextField();
  private final TextField nspid = new TextField();
  private final HBox nspidRow;
  private final Label problem = new Label();
  private final Label verdict = new Label();
  private final Label score = new Label();
  private final Button reveal = new Button("Reveal");
  private final Button skip = new Button("Skip");
  private final Button again = new Button("Start again");
  private Phase phase = Phase.REVEALED;
  private ScriptTrace.Step asked;
  private boolean revealing;

  public QuizPanel(Experiment experiment) {
    super(6);
    this.experiment = experiment;
    setId("quizPanel");
    getStyleClass().add("quiz-panel");
    setPadding(new Insets(10, 14, 10, 14));
    // the window gives it the script's column (the script would give the answers away): it runs
    // the column's height and wraps to its width
    setMinWidth(0);
    question.setId("quizQuestion");
    question.setWrapText(true);
    question.getStyleClass().add("quiz-question");
    answer.setId("quizAnswer");
    answer.setPromptText("a pid as the caller sees it, 0, or an errno (ENOMEM...)");
    answer.setTooltip(
        new Tooltip(
            "Your prediction: the result the calling task sees (a pid in its namespace, 0, or an"
                + " errno such as ENOMEM); Enter reveals"));
    answer.setOnAction(e -> reveal());
    answer.setMaxWidth(440);
    nspid.setId("quizNspid");
    nspid.setPromptText("optional, e.g. 4/2/1");
    nspid.setTooltip(
        new Tooltip(
            "Optional: the child's pid at every level, root first, joined by / (as NSpid in"
                + " /proc/PID/status)"));
    nspid.setOnAction(e -> reveal());
    Label nspidLabel = new Label("child's NSpid:");
    nspidRow = new HBox(6, nspidLabel, nspid);
    nspidRow.setAlignment(Pos.CENTER_LEFT);
    problem.setId("quizProblem");
    problem.managedProperty().bind(problem.textProperty().isNotEmpty());
    verdict.managedProperty().bind(verdict.textProperty().isNotEmpty());
    problem.getStyleClass().add("quiz-problem");
    verdict.setId("quizVerdict");
    verdict.setWrapText(true);
    score.setId("quizScore");
    reveal.setId("quizReveal");
    reveal.setDefaultButton(false);
    reveal.setTooltip(new Tooltip("Run the step and compare with your prediction (Enter)"));
    reveal.setOnAction(e -> reveal());
    skip.setId("quizSkip");
    skip.setTooltip(new Tooltip("Run the step without scoring it"));
    skip.setOnAction(
        e -> {
          revealing = true;
          try {
            experiment.stepForward();
          } finally {
            revealing = false;
          }
          phase = Phase.REVEALED;
          next();
        });
    again.setId("quizAgain");
    again.setTooltip(new Tooltip("Go back to the script's start and ask every question again"));
    again.setOnAction(e -> restart());
    // Page Down is the player's "next" everywhere, also while typing an answer
    addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == javafx.scene.input.KeyCode.PAGE_DOWN) {
            step();
            e.consume();
          }
        });
    // the player's other controls, the timeline or a click may move the script under the
    // question: ask about the step that will really run next
    experiment.positionProperty().addListener((o, a, b) -> moved());
    experiment.traceProperty().addListener((o, a, b) -> moved());
    javafx.scene.layout.FlowPane buttons =
        new javafx.scene.layout.FlowPane(8, 6, reveal, skip, again);
    buttons.setAlignment(Pos.CENTER_LEFT);
    Label title = new Label("Quiz: predict, then reveal");
    title.getStyleClass().add("pane-title");
    problem.setWrapText(true);
    getChildren().addAll(title, question, answer, nspidRow, problem, verdict, buttons, score);
    setVisible(false);
    setManaged(false);
  }

  /** Turns quiz mode on (from the current step) or off. */
  public void setActive(boolean on) {
    setVisible(on);
    setManaged(on);
    if (on) {
      quiz.reset();
      phase = Phase.REVEALED;
      next();
    }
  }

  public boolean active() {
    return isVisible();
  }

  /** The player's "step forward" in quiz mode: ask, or go on to the next question. */
  public void step() {
    if (phase == Phase.ASKING) {
      reveal();
    } else {
      next();
    }
  }

  Quiz quiz() {
    return quiz;
  }

  private void moved() {
    if (active() && !revealing && phase == Phase.ASKING && !same(asked, experiment.nextStep())) {
      next();
    } else if (active() && !revealing && phase == Phase.FINISHED && experiment.nextStep() != null) {
      next(); // stepped back after the end: more to ask
    }
  }

  private static boolean same(ScriptTrace.Step a, ScriptTrace.Step b) {
    return a != null
        && b != null
        && a.index() == b.index()
        && a.line() == b.line()
        && a.statement().text().equals(b.statement().text());
  }

  private void next() {
    // expect lines are checks, not calls: run them on the way to the next question
    ScriptTrace.Step s = experiment.nextStep();
    revealing = true; // our own steps: not a move under the question
    try {
      while (s != null && !s.isCall()) {
        experiment.stepForward();
        s = experiment.nextStep();
      }
    } finally {
      revealing = false;
    }
    problem.setText("");
    if (s == null) {
      finish();
      return;
    }
    asked = s;
    phase = Phase.ASKING;
    question.setText("Line " + s.line() + ": " + s.statement().text() + "\n" + ask(s.statement()));
    answer.clear();
    nspid.clear();
    boolean forks =
        s.statement() instanceof Statement.Fork || s.statement() instanceof Statement.Clone;
    nspidRow.setVisible(forks);
    nspidRow.setManaged(forks);
    verdict.setText("");
    show(true);
    answer.requestFocus();
  }

  private void reveal() {
    if (phase != Phase.ASKING) {
      step();
      return;
    }
    String issue = Quiz.problemWith(answer.getText());
    if (issue != null) {
      problem.setText(issue);
      return;
    }
    ScriptTrace.Step s = asked;
    if (!same(s, experiment.nextStep())) {
      next(); // the script moved since the question was asked
      return;
    }
    revealing = true;
    try {
      experiment.stepForward();
    } finally {
      revealing = false;
    }
    String child = childLabel(s.statement());
    String actualNspid = null;
    if (child != null) {
      Task t = experiment.model().task(child);
      if (t != null && t.state() != TaskState.DEAD) {
        Map<String, String> f = StatePrinter.fields(t);
        actualNspid = f.get("nspid");
      }
    }
    Quiz.Answer a =
        quiz.record(
            new Quiz.Answer(
                s.line(),
                s.statement().text(),
                answer.getText().strip(),
                s.result(),
                nspid.getText(),
                actualNspid));
    StringBuilder v = new StringBuilder();
    String verb = s.statement().words().get(0);
    v.append(a.resultRight() ? "✓ Right: " : "✗ Not quite: ")
        .append(verb)
        .append(" returned ")
        .append(s.result());
    if (!a.resultRight()) {
      v.append(" (you said ").append(a.predicted()).append(')');
    }
    Boolean ns = a.nspidRight();
    if (ns != null) {
      v.append(ns ? "\n✓ NSpid " : "\n✗ NSpid ").append(actualNspid);
      if (!ns) {
        v.append(" (you said ").append(Quiz.normalNspid(a.predictedNspid())).append(')');
      }
    }
    verdict.setText(v.toString());
    verdict.getStyleClass().removeAll("right", "wrong");
    verdict.getStyleClass().add(a.resultRight() && !Boolean.FALSE.equals(ns) ? "right" : "wrong");
    phase = Phase.REVEALED;
    show(false);
    reveal.setText("Next question");
  }

  private void finish() {
    phase = Phase.FINISHED;
    question.setText("Quiz finished: the script has no more steps.");
    StringBuilder b =
        new StringBuilder("You predicted " + quiz.right() + " of " + quiz.asked() + " right.");
    for (Quiz.Answer a : quiz.answers()) {
      if (!a.resultRight()) {
        b.append("\nline ")
            .append(a.line())
            .append(": ")
            .append(a.statement())
            .append(" returned ")
            .append(a.actual())
            .append(", not ")
            .append(a.predicted());
      }
    }
    verdict.setText(b.toString());
    verdict.getStyleClass().removeAll("right", "wrong");
    answer.setVisible(false);
    answer.setManaged(false);
    nspidRow.setVisible(false);
    nspidRow.setManaged(false);
    reveal.setVisible(false);
    skip.setVisible(false);
    again.setVisible(true);
    updateScore();
  }

  private void restart() {
    experiment.jumpTo(0);
    setActive(true);
  }

  private void show(boolean asking) {
    answer.setVisible(true);
    answer.setManaged(true);
    answer.setDisable(!asking);
    nspid.setDisable(!asking);
    reveal.setVisible(true);
    reveal.setText("Reveal");
    skip.setVisible(asking);
    again.setVisible(false);
    updateScore();
  }

  private void updateScore() {
    score.setText("score " + quiz.right() + " / " + quiz.asked());
  }

  private static String childLabel(Statement s) {
    if (s instanceof Statement.Fork f) {
      return f.child();
    } else if (s instanceof Statement.Clone c) {
      return c.child();
    }
    return null;
  }

  /** The question for a call, without giving the answer away. */
  static String ask(Statement s) {
    String who = s.actor();
    if (s instanceof Statement.Fork || s instanceof Statement.Clone) {
      return "What does " + s.words().get(0) + " return to " + who + "?";
    } else if (s instanceof Statement.Wait) {
      return "What does wait return to " + who + " (the reaped child's pid, 0, or an errno)?";
    } else if (s instanceof Statement.Setsid) {
      return "What does setsid return to " + who + "?";
    }
    return "What does " + s.words().get(0) + " return to " + who + " (0 or an errno)?";
  }
}
