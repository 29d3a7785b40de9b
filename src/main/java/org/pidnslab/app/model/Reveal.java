package org.pidnslab.app.model;

import java.util.List;
import org.pidnslab.script.ScriptTrace;

/**
 * How much of a narrated script may be read while it is stepped through (predict, then reveal):
 * never more than the caption has told. The lines after a statement hold its answer (the comment
 * that opens the next caption, the expects that check it), so a script editor that showed them
 * would answer the question before the student has predicted.
 *
 * <ul>
 *   <li>In the question beat: the lines up to and including the statement marked as next.
 *   <li>In the answer beat: also the lines after the last statement run, up to the caption of the
 *       next system call (the expects after a call and their comments check its answer, which the
 *       caption has just given); everything once no call is left.
 *   <li>A script without narration (no caption on any statement) is never hidden: it has no
 *       question to spoil.
 * </ul>
 */
public final class Reveal {
  /** Every line may be read. */
  public static final int ALL = Integer.MAX_VALUE;

  private final Experiment experiment;
  private ScriptTrace narrationOf; // the dry run whose narration was last looked for
  private boolean narrated;

  public Reveal(Experiment experiment) {
    this.experiment = experiment;
  }

  /** How many of the script's first lines may be read now, or {@link #ALL}. */
  public int shownLines() {
    ScriptTrace trace = experiment.traceProperty().get();
    List<ScriptTrace.Step> steps = trace.steps();
    int p = experiment.positionProperty().get();
    if (p >= steps.size() || !narrated(trace)) {
      return ALL; // at the end every answer has been given
    }
    if (experiment.beatProperty().get() == Beat.QUESTION) {
      return experiment.markedLine();
    }
    for (int i = p; i < steps.size(); i++) {
      if (steps.get(i).isCall()) {
        return captionStart(steps.get(i).line()) - 1;
      }
    }
    return ALL; // only expects are left: they check answers already given
  }

  /** Whether any statement of the script has a caption (looked for once per script text). */
  private boolean narrated(ScriptTrace trace) {
    if (trace != narrationOf) {
      narrationOf = trace;
      narrated = false;
      for (ScriptTrace.Step s : trace.steps()) {
        if (experiment.captionOf(s.line()) != null) {
          narrated = true;
          break;
        }
      }
    }
    return narrated;
  }

  /** The first line of the comment block directly above the statement on {@code line}. */
  private int captionStart(int line) {
    int first = line;
    while (first > 1 && isComment(experiment.line(first - 1))) {
      first--;
    }
    return first;
  }

  private static boolean isComment(String line) {
    String s = line.startsWith("\uFEFF") ? line.substring(1) : line;
    return s.strip().startsWith("#");
  }
}
