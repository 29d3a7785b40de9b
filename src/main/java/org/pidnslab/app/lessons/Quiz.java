package org.pidnslab.app.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pidnslab.kernel.Errno;

/**
 * Quiz mode's score keeping: before a step runs the student predicts what the call returns (a pid
 * as the caller sees it, 0, or an errno) and, for a fork or clone, optionally the child's NSpid;
 * after the step the prediction is compared with what the kernel answered. No JavaFX here, so the
 * rules are tested directly.
 */
final class Quiz {
  /**
   * One asked question and how it went.
   *
   * @param statement the step's statement, as written
   * @param predicted what the student typed for the result
   * @param actual what the call returned
   * @param predictedNspid the student's NSpid, or null if not asked or left empty
   * @param actualNspid the child's NSpid after the step, or null
   */
  record Answer(
      int line,
      String statement,
      String predicted,
      String actual,
      String predictedNspid,
      String actualNspid) {

    /** Whether the result was predicted right. */
    boolean resultRight() {
      return sameResult(predicted, actual);
    }

    /** Whether an NSpid was predicted and is right; null when none was predicted. */
    Boolean nspidRight() {
      if (predictedNspid == null || predictedNspid.isBlank() || actualNspid == null) {
        return null;
      }
      return normalNspid(predictedNspid).equals(normalNspid(actualNspid));
    }
  }

  private final List<Answer> answers = new ArrayList<>();

  /** Records an answered question. */
  Answer record(Answer a) {
    answers.add(a);
    return a;
  }

  List<Answer> answers() {
    return List.copyOf(answers);
  }

  /** Questions asked (one per result, one per NSpid predicted). */
  int asked() {
    int n = 0;
    for (Answer a : answers) {
      n += a.nspidRight() == null ? 1 : 2;
    }
    return n;
  }

  /** Questions answered right. */
  int right() {
    int n = 0;
    for (Answer a : answers) {
      n += a.resultRight() ? 1 : 0;
      n += Boolean.TRUE.equals(a.nspidRight()) ? 1 : 0;
    }
    return n;
  }

  void reset() {
    answers.clear();
  }

  /**
   * Whether a typed prediction is something a call can return: a number or an errno name. Null when
   * it is; otherwise what to type instead.
   */
  static String problemWith(String typed) {
    String t = typed == null ? "" : typed.strip();
    if (t.isEmpty()) {
      return "Type a number (a pid as the caller sees it, or 0) or an errno such as ESRCH";
    }
    if (t.matches("-?[0-9]+")) {
      return null;
    }
    try {
      Errno.valueOf(t.toUpperCase(Locale.ROOT));
      return null;
    } catch (IllegalArgumentException e) {
      return "'" + t + "' is neither a number nor an errno (EINVAL, ENOMEM, ESRCH, EPERM...)";
    }
  }

  /** Whether a prediction names the same result: numbers by value, errnos in any case. */
  static boolean sameResult(String predicted, String actual) {
    String p = predicted == null ? "" : predicted.strip();
    if (p.matches("-?[0-9]+") && actual.matches("-?[0-9]+")) {
      try {
        return Long.parseLong(p) == Long.parseLong(actual);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return p.equalsIgnoreCase(actual);
  }

  /** An NSpid as {@code a/b/c}, accepting spaces, commas or slashes between the numbers. */
  static String normalNspid(String s) {
    return String.join("/", s.strip().split("[\\s,/]+"));
  }
}
