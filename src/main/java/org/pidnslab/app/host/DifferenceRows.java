package org.pidnslab.app.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pidnslab.host.RunOutput;
import org.pidnslab.host.Verification;

/**
 * The side-by-side table of "Run on this kernel": one row per statement, state line, error line and
 * the exit status, with what the simulation and this kernel gave for it. The unified diff of {@code
 * verify} says the same thing line by line; a learner reads a table of statements better.
 */
public final class DifferenceRows {
  /** {@code LINE: STATEMENT = RESULT}, as both runs print results. */
  private static final Pattern RESULT = Pattern.compile("^(\\d+: .*) = (\\S.*)$");

  /**
   * {@code ns NAME ...} or {@code task LABEL ...}: the final state, keyed by its first two words.
   */
  private static final Pattern STATE = Pattern.compile("^((?:ns|task) \\S+) (.*)$");

  private static final Pattern LINE = Pattern.compile("^(\\d{1,9}): ");

  /** Where neither run printed anything for a row. */
  public static final String NOTHING = "—";

  /**
   * One row.
   *
   * @param what the statement ({@code 5: fork init a}), the state line's subject ({@code task a}),
   *     {@code stderr} or {@code exit status}
   * @param differs whether the two columns differ
   */
  public record Row(String what, String simulation, String kernel, boolean differs) {}

  private DifferenceRows() {}

  /** The rows of {@code v}: results, then the final state, error lines and the exit status. */
  public static List<Row> of(Verification v) {
    Map<String, String[]> rows = new LinkedHashMap<>();
    add(rows, v.simulation(), 0);
    add(rows, v.kernel(), 1);
    List<Row> out = new ArrayList<>(rows.size());
    for (Map.Entry<String, String[]> e : rows.entrySet()) {
      String sim = e.getValue()[0] == null ? NOTHING : e.getValue()[0];
      String real = e.getValue()[1] == null ? NOTHING : e.getValue()[1];
      out.add(new Row(e.getKey(), sim, real, !sim.equals(real)));
    }
    // results first (in line order), then the state, the errors and the exit status
    out.sort(
        java.util.Comparator.comparingInt(DifferenceRows::section)
            .thenComparingInt(DifferenceRows::lineNumber));
    return out;
  }

  private static void add(Map<String, String[]> rows, RunOutput run, int column) {
    for (String line : run.resultLines()) {
      Matcher r = RESULT.matcher(line);
      Matcher s = STATE.matcher(line);
      if (r.matches()) {
        put(rows, r.group(1), column, r.group(2));
      } else if (s.matches()) {
        put(rows, s.group(1), column, s.group(2));
      } else {
        put(rows, line, column, line);
      }
    }
    List<String> err = run.stderr().lines().toList();
    for (int i = 0; i < err.size(); i++) {
      put(rows, "stderr " + (i + 1), column, err.get(i));
    }
    put(rows, "exit status", column, Integer.toString(run.exit()));
  }

  private static void put(Map<String, String[]> rows, String key, int column, String value) {
    rows.computeIfAbsent(key, k -> new String[2])[column] = value;
  }

  /** The script line of a result row; 0 for the other rows (which keep their order). */
  private static int lineNumber(Row r) {
    Matcher m = LINE.matcher(r.what());
    return m.find() && section(r) == 0 ? Integer.parseInt(m.group(1)) : 0;
  }

  private static int section(Row r) {
    if (r.what().startsWith("ns ") || r.what().startsWith("task ")) {
      return 1;
    }
    if (r.what().startsWith("stderr ")) {
      return 2;
    }
    return r.what().equals("exit status") ? 3 : 0;
  }
}
