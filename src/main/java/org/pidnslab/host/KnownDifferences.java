package org.pidnslab.host;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Differences between the simulation and a real run that have a known reason, so that verify can
 * say why instead of showing a bare difference: the run's root is one level below the host's, an
 * older kernel's system-wide pid_max, and capabilities an unprivileged run lacks.
 */
final class KnownDifferences {
  /** A result line: {@code LINE: STATEMENT = RESULT}. */
  private static final Pattern RESULT = Pattern.compile("^(\\d+): (\\S+)(.*) = (\\S.*)$");

  private KnownDifferences() {}

  static List<String> explain(
      RunOutput simulation, RunOutput kernel, RunMode mode, KernelRelease release) {
    Map<String, Matcher> sim = byLine(simulation.resultLines());
    List<String> notes = new ArrayList<>();
    for (String line : kernel.resultLines()) {
      Matcher k = RESULT.matcher(line);
      if (!k.matches()) {
        continue;
      }
      Matcher s = sim.get(k.group(1));
      if (s == null || s.group(4).equals(k.group(4))) {
        continue;
      }
      String note = note(k.group(1), k.group(2), k.group(3), k.group(4), mode, release);
      if (note != null) {
        notes.add(note);
      }
    }
    if (!release.atLeast(6, 18) || release.atLeast(6, 19)) {
      notes.add(
          "this kernel is "
              + release.text()
              + "; the simulation models Linux 6.18"
              + (release.hasPerNamespacePidMax()
                  ? ""
                  : " (before 6.14 pid_max is one system-wide value, so a new namespace has no"
                      + " limit of its own and pids near the limit differ)"));
    }
    if (!notes.isEmpty()) {
      notes.add("later differences can follow from the first one");
    }
    return notes;
  }

  private static String note(
      String line, String verb, String args, String real, RunMode mode, KernelRelease release) {
    if (real.equals("(not run)")) {
      return "line "
          + line
          + ": pid_max is one system-wide value before Linux 6.14 (this kernel is "
          + release.text()
          + "), so the run does not write it: that would change the whole machine";
    }
    if (real.equals("ENOSPC") && (verb.equals("clone") || verb.equals("unshare"))) {
      return "line "
          + line
          + ": the real run's root namespace is level 1 of this machine, so it can nest one"
          + " level less than the simulation, whose root is level 0 (MAX_PID_NS_LEVEL is 32)";
    }
    if (verb.equals("sysctl")
        && mode == RunMode.USER_NAMESPACE
        && (real.equals("EPERM") || real.equals("EACCES"))) {
      String cap =
          args.contains("pid_max")
              ? "CAP_SYS_ADMIN in the user namespace that owns the PID namespace"
              : "CAP_CHECKPOINT_RESTORE (or CAP_SYS_ADMIN) in the user namespace that owns the"
                  + " PID namespace";
      return "line "
          + line
          + ": this write needs "
          + cap
          + ", which this unprivileged run does not have here; run verify as root";
    }
    return null;
  }

  private static Map<String, Matcher> byLine(List<String> lines) {
    Map<String, Matcher> m = new HashMap<>();
    for (String l : lines) {
      Matcher r = RESULT.matcher(l);
      if (r.matches()) {
        m.put(r.group(1), r);
      }
    }
    return m;
  }
}
