package org.pidnslab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pidnslab.kernel.KernelInvariantsSupport.Invariant;
import org.pidnslab.kernel.KernelInvariantsSupport.SequenceResult;
import org.pidnslab.kernel.KernelInvariantsSupport.Violation;
import org.pidnslab.kernel.SyscallSequenceGenerator.Op;
import org.pidnslab.kernel.SyscallSequenceGenerator.Profile;

/**
 * Property tests: 10,000 seeded random sequences of 20 to 80 system calls (fork, clone, unshare,
 * setns, exit, wait, kill in all its forms, setsid, setpgid, subreaper, ns_last_pid and pid_max
 * writes with small values), made only by RUNNING tasks, with every invariant of the kernel rules
 * (docs/kernel-rules.md) and every result the scenario language specifies checked after every call.
 * The sequences run once, for the whole class; each test method reports one property.
 *
 * <p>60% of the sequences mix everything, 30% force wrap-around and EAGAIN with pid_max 301..340,
 * 9% nest namespaces 32 deep, 1% (120 to 180 calls) fork long runs that fill whole 64-number idr
 * leaves after ns_last_pid writes just below them. Every eighth sequence is also replayed as a
 * {@code .pidns} script through {@code ScriptRun} (half of them also with {@code --explain}), with
 * random {@code expect} lines that must hold.
 *
 * <p>A failure names the seed and gives the sequence shrunk to a minimal script, ready for {@code
 * pidns-lab run}.
 */
class KernelInvariantsPropertyTest {
  private static final int SEQUENCES = 10_000;
  private static final long SEED_BASE = 0x5EED_2024L;

  private static List<SequenceResult> results;
  private static final Map<Invariant, List<SequenceResult>> FAILURES =
      new EnumMap<>(Invariant.class);
  private static final Set<String> FACTS = new HashSet<>();
  private static long totalSteps;

  /** The seed of sequence {@code i}: a fixed mix, so a failing seed replays alone. */
  static long seed(int i) {
    return SEED_BASE + i * 0x9E3779B97F4A7C15L;
  }

  static Profile profile(int i) {
    if (i % 100 == 49) {
      return Profile.FILL;
    }
    int r = i % 10;
    return r < 6 ? Profile.MIXED : r < 9 ? Profile.WRAP : Profile.DEEP;
  }

  @BeforeAll
  static void runAllSequences() {
    long wall = System.nanoTime();
    long cpu = processCpuNanos();
    results =
        IntStream.range(0, SEQUENCES)
            .parallel()
            .mapToObj(KernelInvariantsPropertyTest::sequence)
            .collect(Collectors.toList());
    for (SequenceResult r : results) {
      totalSteps += r.steps();
      FACTS.addAll(r.facts());
      Set<Invariant> broken = new LinkedHashSet<>();
      for (Violation v : r.violations()) {
        broken.add(v.invariant());
      }
      for (Invariant inv : broken) {
        FAILURES.computeIfAbsent(inv, x -> new ArrayList<>()).add(r);
      }
    }
    System.out.printf(
        "%d sequences, %d calls checked in %.1f s (%.1f s of CPU)%n",
        results.size(),
        totalSteps,
        (System.nanoTime() - wall) / 1e9,
        (processCpuNanos() - cpu) / 1e9);
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** Runs sequence {@code i} of the campaign again, alone: for debugging a reported failure. */
  static SequenceResult sequence(int i) {
    return KernelInvariantsSupport.runSequence(seed(i), profile(i), i % 4 != 1, i % 8 == 0);
  }

  /** Fails with the first sequence that broke {@code invariant}, shrunk to a minimal script. */
  private static void assertHolds(Invariant invariant) {
    List<SequenceResult> failed = FAILURES.getOrDefault(invariant, List.of());
    if (failed.isEmpty()) {
      return;
    }
    SequenceResult first = failed.get(0);
    String message = "";
    for (Violation v : first.violations()) {
      if (v.invariant() == invariant) {
        message = v.message();
        break;
      }
    }
    List<Op> minimal =
        invariant == Invariant.SCRIPT_REPLAY
            ? first.ops()
            : KernelInvariantsSupport.shrink(first.ops(), invariant);
    StringBuilder seeds = new StringBuilder();
    for (int i = 0; i < Math.min(5, failed.size()); i++) {
      seeds.append(i == 0 ? "" : ", ").append(failed.get(i).seed());
    }
    fail(
        "Property '"
            + invariant.behaviour
            + "' broken in "
            + failed.size()
            + " of "
            + results.size()
            + " sequences (seeds "
            + seeds
            + ").\nFirst: sequence #"
            + results.indexOf(first)
            + " (seed "
            + first.seed()
            + ", "
            + first.profile()
            + "; rerun it alone with KernelInvariantsPropertyTest.sequence(#)), at call "
            + (first.failedStep() + 1)
            + " of "
            + first.ops().size()
            + ": "
            + message
            + "\nMinimal script ("
            + minimal.size()
            + " calls):\n"
            + KernelInvariantsSupport.script(minimal)
            + (invariant == Invariant.SCRIPT_REPLAY
                ? ""
                : "which breaks it with: "
                    + KernelInvariantsSupport.messageOf(minimal, invariant)));
  }

  @Test
  void tenThousandSequencesOfTwentyToEightyCallsRanToTheirEnd() {
    assertEquals(SEQUENCES, results.size());
    long full = results.stream().filter(r -> r.steps() >= 20).count();
    assertTrue(full > SEQUENCES * 0.9, "only " + full + " sequences reached 20 calls");
    assertTrue(totalSteps >= SEQUENCES * 40L, "only " + totalSteps + " calls in all");
  }

  @Test
  void theSequencesReachEveryErrnoNamespaceDepthAndTaskState() {
    Set<String> missing = new LinkedHashSet<>(KernelInvariantsSupport.REQUIRED_FACTS);
    missing.removeAll(FACTS);
    assertTrue(missing.isEmpty(), "never reached: " + missing);
  }

  /**
   * prctl(PR_SET_CHILD_SUBREAPER) walks every descendant (walk_process_tree()); root's pid_max
   * allows a fork chain about 32,766 deep, so the walk must not recurse once per generation.
   */
  @Test
  void aSubreaperAboveAChainTwentyThousandDeepMarksEveryDescendantWithoutOverflowingTheStack() {
    Kernel k = new Kernel();
    Task t = k.init();
    for (int i = 0; i < 20_000; i++) {
      t = k.fork(t, "t" + i).child();
    }
    try {
      assertEquals(0, k.setChildSubreaper(k.init()).value());
    } catch (StackOverflowError e) {
      fail("setChildSubreaper(init) overflowed the stack in " + e.getStackTrace()[0]);
    }
    for (Task d : k.tasks()) {
      assertTrue(d == k.init() || d.hasChildSubreaper(), d + " missed has_child_subreaper");
    }
  }

  @Test
  void noSystemCallThrows() {
    assertHolds(Invariant.NO_EXCEPTION);
  }

  @Test
  void everyTaskHoldsExactlyOneNumberPerLevelFromRootToItsNamespace() {
    assertHolds(Invariant.ONE_NUMBER_PER_LEVEL);
  }

  @Test
  void numbersAreUniqueInANamespaceAndFindPidNsMapsThemBack() {
    assertHolds(Invariant.NUMBERS_UNIQUE);
  }

  @Test
  void aTaskIsVisibleExactlyInTheNamespacesOnItsAncestorChain() {
    assertHolds(Invariant.VISIBILITY);
  }

  @Test
  void pidAllocatedCountsTheLivePidsHoldingANumberThere() {
    assertHolds(Invariant.PID_ALLOCATED);
  }

  @Test
  void parentLinksFormATreeRootedAtInitMatchingTheChildrenLists() {
    assertHolds(Invariant.PARENT_TREE);
  }

  @Test
  void aChildLivesInItsParentsNamespaceOrBelowIt() {
    assertHolds(Invariant.CHILD_NAMESPACE_NESTING);
  }

  @Test
  void sessionLeadersLeadTheirGroupAndAGroupStaysInOneSession() {
    assertHolds(Invariant.SESSIONS_AND_GROUPS);
  }

  @Test
  void noRunningTaskLivesInANamespaceWhoseInitDied() {
    assertHolds(Invariant.NO_RUNNING_TASK_IN_DEAD_NAMESPACE);
  }

  @Test
  void aNamespaceAcceptsPidsExactlyWhileItsInitRuns() {
    assertHolds(Invariant.NAMESPACE_LIFE);
  }

  @Test
  void anExitingTaskIsAnInitWhoseNamespaceStillHoldsOtherPids() {
    assertHolds(Invariant.EXITING_STATE);
  }

  @Test
  void aZombieHasARunningParentAndNoChildren() {
    assertHolds(Invariant.ZOMBIE_STATE);
  }

  @Test
  void forksTakeTheNumbersIdrAllocCyclicGivesAndNeverAHeldOne() {
    assertHolds(Invariant.ALLOCATION);
  }

  @Test
  void everyResultIsAValueOrAnErrnoTheSpecAllowsForThatCall() {
    assertHolds(Invariant.ERRNO_ALLOWED);
  }

  @Test
  void everyCallReturnsAndDoesWhatTheSpecSays() {
    assertHolds(Invariant.SPEC_RESULT);
  }

  @Test
  void killKillsExactlyTheTasksTheSignalRulesAllow() {
    assertHolds(Invariant.SIGNAL_OUTCOME);
  }

  @Test
  void orphansGoToTheNearestLivingSubreaperElseTheirFathersNamespaceInit() {
    assertHolds(Invariant.REPARENTING);
  }

  @Test
  void aFailedCallChangesNothingButAllocationCursors() {
    assertHolds(Invariant.FAILED_CALL_CHANGES_NOTHING);
  }

  @Test
  void theStatePrintsAsTheScenarioLanguageDescribesIt() {
    assertHolds(Invariant.STATE_OUTPUT);
  }

  @Test
  void theSameCallsAsAScriptPrintTheSameResultsAndFinalState() {
    assertHolds(Invariant.SCRIPT_REPLAY);
  }
}
