package org.pidnslab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One test (or a few) for each item of the checklist of the kernel rules (docs/kernel-rules.md)
 * that the scenario language can express. Items about threads, user namespaces, pdeath_signal,
 * si_pid, pidfds, exec, CLONE_PARENT, reboot and /proc mounts are outside the language.
 */
class KernelChecklistTest {

  @Nested
  class ForkAndCloneReturnValues {
    @Test
    void cloneReturnsTheChildsNumberInTheCallersNamespaceWhileTheChildIsOneInside() {
      World w = new World();
      w.fork("init", "a");
      assertEquals("3", w.clone("a", "c"));
      assertEquals("3/1", w.nspid("c"));
      assertEquals(1, w.t("c").vnr());
    }

    @Test
    void forkInsideANamespaceReturnsTheInnerNumber() {
      World w = new World();
      w.clone("init", "c");
      assertEquals("2", w.fork("c", "c1"));
      assertEquals("3/2", w.nspid("c1"));
    }
  }

  @Nested
  class Unshare {
    @Test
    void unshareLeavesTheCallerWhereItIsAndTheNextChildIsPidOne() {
      World w = new World();
      w.fork("init", "u");
      assertEquals("0", w.unshare("u"));
      assertSame(w.k.root(), w.t("u").activeNs());
      assertEquals("3", w.fork("u", "k1"));
      assertEquals("3/1", w.nspid("k1"));
      assertTrue(w.t("k1").isNamespaceInit());
      assertEquals("4", w.fork("u", "k2"));
      assertEquals("4/2", w.nspid("k2"));
    }

    @Test
    void secondUnshareFailsWithEinvalEvenAfterAFork() {
      World w = new World();
      w.unshare("init");
      assertEquals("EINVAL", w.unshare("init"));
      w.fork("init", "k");
      assertEquals("EINVAL", w.unshare("init"));
    }

    @Test
    void unshareAndCloneNewpidAfterSetnsFailWithEinval() {
      World w = new World();
      w.clone("init", "c");
      w.fork("init", "p");
      assertEquals("0", w.setns("p", "c"));
      assertEquals("EINVAL", w.unshare("p"));
      assertEquals("EINVAL", w.clone("p", "x"));
    }

    @Test
    void cloneNewpidAfterUnshareFailsWithEinvalAndCreatesNoNamespace() {
      World w = new World();
      w.unshare("init");
      assertEquals("EINVAL", w.clone("init", "x"));
      assertEquals(2, w.k.namespaces().size());
    }

    @Test
    void anUnsharedNamespaceIsNamedAtOnceEvenIfNoTaskEverEntersIt() {
      World w = new World();
      w.unshare("init");
      w.fork("init", "a");
      w.fork("a", "b");
      assertEquals("0", w.unshare("b"));
      assertEquals("ns2", w.t("b").pidNsForChildren().name());
    }
  }

  @Nested
  class Setns {
    @Test
    void setnsToAGrandchildNamespaceAndBackToTheOwnOneIsAllowed() {
      World w = new World();
      w.clone("init", "c");
      w.clone("c", "d");
      w.fork("init", "p");
      assertEquals("0", w.setns("p", "d"));
      w.fork("p", "x");
      assertEquals("ns2", w.t("x").activeNs().name());
      assertEquals("0", w.setns("p", "p"));
      w.fork("p", "y");
      assertEquals("root", w.t("y").activeNs().name());
    }

    @Test
    void setnsToAnAncestorOrSiblingNamespaceIsEinval() {
      World w = new World();
      w.clone("init", "c1");
      w.clone("init", "c2");
      assertEquals("EINVAL", w.setns("c1", "init"));
      assertEquals("EINVAL", w.setns("c1", "c2"));
    }

    @Test
    void setnsToAZombieWorksButToAReapedTaskIsEsrch() {
      World w = new World();
      w.clone("init", "c");
      w.fork("c", "z");
      w.exit("z");
      assertEquals("0", w.setns("init", "z"));
      w.waitAny("c");
      assertEquals("ESRCH", w.setns("init", "z"));
    }

    @Test
    void enteringADeadNamespaceSucceedsButTheNextForkIsEnomem() {
      World w = new World();
      w.clone("init", "c");
      w.fork("c", "c1");
      w.fork("init", "p");
      w.kill("init", "c1", Signal.SIGKILL);
      w.exit("c");
      assertEquals("Z", w.state("c"));
      assertEquals("0", w.setns("p", "c"));
      assertEquals("ENOMEM", w.fork("p", "q"));
    }

    @Test
    void aSetnsChildHasAnOutsideParentThatReadsZero() {
      World w = new World();
      w.clone("init", "c");
      w.fork("init", "p");
      w.setns("p", "c");
      w.fork("p", "x");
      assertEquals("p", w.parent("x"));
      assertEquals(0, w.t("x").ppidNr(w.t("x").activeNs()));
      assertEquals(3, w.t("x").ppidNr(w.k.root()));
    }
  }

  @Nested
  class Nesting {
    private World nestedTo(int levels) {
      World w = new World();
      String parent = "init";
      for (int i = 1; i <= levels; i++) {
        assertFalse(w.clone(parent, "l" + i).startsWith("E"), "level " + i);
        parent = "l" + i;
      }
      return w;
    }

    @Test
    void thirtyTwoLevelsBelowRootAreAllowedTheThirtyThirdIsEnospc() {
      World w = nestedTo(32);
      assertEquals(32, w.t("l32").activeNs().level());
      assertEquals(33, w.nspid("l32").split("/").length);
      assertEquals("ENOSPC", w.clone("l32", "deeper"));
      assertEquals("ENOSPC", w.unshare("l32"));
    }

    @Test
    void unshareAtLevelThirtyOneStillWorks() {
      World w = nestedTo(31);
      assertEquals("0", w.unshare("l31"));
      w.fork("l31", "last");
      assertEquals(32, w.t("last").activeNs().level());
    }
  }

  @Nested
  class Allocation {
    @Test
    void aFailureAtAnOuterLevelStillAdvancesTheInnerCursor() {
      // verified on 6.x: with the outer level full the inner fork fails with EAGAIN, and after
      // one outer slot is freed the inner child gets 3, not 2
      World w = new World();
      w.pidMax("init", 301);
      w.nsLastPid("init", 299);
      w.clone("init", "c"); // 300 in root: root is now full
      assertEquals("300/1", w.nspid("c"));
      assertEquals("EAGAIN", w.fork("c", "x"));
      assertEquals(2, w.t("c").activeNs().nsLastPid(), "ns1's cursor moved past 2");
      assertEquals("EAGAIN", w.fork("init", "filler"), "root itself is full too");
    }

    @Test
    void theInnerCursorMovesOnEagainAndTheNextChildSkipsTheNumber() {
      World w = new World();
      w.clone("init", "c");
      w.fork("c", "c1");
      w.pidMax("init", 301);
      w.nsLastPid("init", 300); // cursor past pid_max: the search wraps to 300
      w.fork("init", "f300"); // takes 300: root is full
      assertEquals("EAGAIN", w.fork("c", "x")); // ns1 gave 3, root had nothing
      w.exit("f300");
      w.waitAny("init");
      assertEquals("4", w.fork("c", "c2"), "3 was consumed by the failed fork");
      assertEquals("300/4", w.nspid("c2"));
    }

    @Test
    void afterTheFirstWrapNumbersRestartAt300NotAt2() {
      World w = new World();
      w.pidMax("init", 400);
      w.nsLastPid("init", 398);
      assertEquals("399", w.fork("init", "a"));
      assertEquals("300", w.fork("init", "b"));
      assertEquals("301", w.fork("init", "c"));
    }

    @Test
    void aLevelIsFullWhen300ToPidMaxIsTakenEvenIfLowNumbersAreFree() {
      World w = new World();
      w.pidMax("init", 350);
      w.nsLastPid("init", 299);
      for (int i = 0; i < 50; i++) {
        assertEquals(Integer.toString(300 + i), w.fork("init", "t" + i));
      }
      assertEquals("EAGAIN", w.fork("init", "t50"));
      assertNull(w.k.root().findPidNs(2), "2..299 were free all along");
    }

    @Test
    void nsLastPidBringsBackLowNumbers() {
      World w = new World();
      w.pidMax("init", 400);
      w.nsLastPid("init", 399);
      assertEquals("300", w.fork("init", "a"));
      w.nsLastPid("init", 4);
      assertEquals("5", w.fork("init", "b"));
    }

    @Test
    void aNamespaceThatNeverHeldAPidGetsItsCursorBackAfterAFailedFork() {
      World w = new World();
      w.pidMax("init", 301);
      w.nsLastPid("init", 299);
      w.fork("init", "full"); // 300: root full
      w.unshare("init");
      assertEquals("EAGAIN", w.fork("init", "x"));
      w.exit("full");
      w.waitAny("init");
      w.fork("init", "first");
      assertEquals("300/1", w.nspid("first"), "still pid 1: the cursor was reset");
    }

    @Test
    void aForkIntoADeadNamespaceMovesTheCursorOfEveryLevel() {
      World w = new World();
      w.fork("init", "p");
      w.unshare("p");
      w.fork("p", "c");
      w.exit("c");
      int rootCursor = w.k.root().nsLastPid();
      assertEquals("ENOMEM", w.fork("p", "q"));
      assertEquals(rootCursor + 1, w.k.root().nsLastPid());
    }
  }

  @Nested
  class PidMax {
    @Test
    void aNewNamespaceStartsAtPidMaxLimitNotAtItsParentsValue() {
      World w = new World();
      w.pidMax("init", 500);
      w.clone("init", "c");
      assertEquals(4194304, w.t("c").activeNs().pidMax());
    }

    @Test
    void theAncestorsLimitsStillApply() {
      World w = new World();
      w.clone("init", "c");
      w.pidMax("init", 301);
      w.nsLastPid("init", 300);
      assertEquals("2", w.fork("c", "c1")); // takes 300 in root
      assertEquals("EAGAIN", w.fork("c", "c2"));
    }

    @Test
    void pidMaxBoundsAndNsLastPidBounds() {
      World w = new World();
      assertEquals("EINVAL", w.pidMax("init", 300));
      assertEquals("0", w.pidMax("init", 301));
      assertEquals("0", w.pidMax("init", 4194304));
      assertEquals("EINVAL", w.pidMax("init", 4194305));
      w.pidMax("init", 400);
      assertEquals("EINVAL", w.nsLastPid("init", 401));
      assertEquals("0", w.nsLastPid("init", 400));
      assertEquals("0", w.nsLastPid("init", 0));
    }

    @Test
    void sysctlsFollowTheCallersActiveNamespaceNotPidNsForChildren() {
      World w = new World();
      w.unshare("init");
      w.pidMax("init", 999);
      assertEquals(999, w.k.root().pidMax());
      w.fork("init", "c");
      assertEquals(4194304, w.t("c").activeNs().pidMax());
      w.nsLastPid("c", 41);
      assertEquals("42", w.fork("c", "c1"));
    }
  }

  @Nested
  class ZombiesAndReservedNumbers {
    @Test
    void aZombieKeepsItsNumbersUntilReaped() {
      World w = new World();
      w.fork("init", "a");
      w.exit("a");
      assertSame(w.t("a").pid(), w.k.root().findPidNs(2));
      w.waitAny("init");
      assertNull(w.k.root().findPidNs(2));
    }

    @Test
    void aReapedGroupLeadersNumberStaysReservedWhileTheGroupLives() {
      World w = new World();
      w.fork("init", "a");
      w.setpgid("a", 0);
      w.fork("a", "b");
      w.exit("a");
      w.waitAny("init");
      assertEquals("R", w.state("b"));
      assertEquals(2, w.t("b").pgidNr(w.k.root()));
      assertTrue(w.k.root().findPidNs(2) != null, "2 is still a process group");
      w.nsLastPid("init", 1);
      assertEquals("4", w.fork("init", "c"), "2 is skipped");
      w.setpgid("b", 0);
      assertNull(w.k.root().findPidNs(2), "the group left: 2 is free");
    }
  }

  @Nested
  class Reparenting {
    @Test
    void orphansGoToTheInitOfTheExitingParentsNamespace() {
      World w = new World();
      w.subreaper("init");
      w.clone("init", "c");
      w.fork("c", "m");
      w.fork("m", "g");
      w.exit("m");
      assertEquals("c", w.parent("g"));
      assertEquals(1, w.t("g").ppidNr(w.t("g").activeNs()));
    }

    @Test
    void aSubreaperInsideTheNamespaceTakesOrphansBeforeInit() {
      World w = new World();
      w.clone("init", "c");
      w.fork("c", "s");
      w.subreaper("s");
      w.fork("s", "m");
      w.fork("m", "g");
      w.exit("m");
      assertEquals("s", w.parent("g"));
    }

    @Test
    void aSubreaperSetAfterTheForkStillAdoptsExistingDescendantsOrphans() {
      World w = new World();
      w.fork("init", "s");
      w.fork("s", "m");
      w.fork("m", "g");
      w.subreaper("s");
      w.exit("m");
      assertEquals("s", w.parent("g"));
    }

    @Test
    void theNearestLivingSubreaperWins() {
      World w = new World();
      w.fork("init", "s1");
      w.subreaper("s1");
      w.fork("s1", "s2");
      w.subreaper("s2");
      w.fork("s2", "m");
      w.fork("m", "g");
      w.exit("m");
      assertEquals("s2", w.parent("g"));
      w.exit("s2");
      assertEquals("s1", w.parent("g"));
    }

    @Test
    void aSetnsChildOfAnExitingParentGoesToTheParentsNamespaceInitNotToItsOwn() {
      World w = new World();
      w.clone("init", "c");
      w.fork("init", "p");
      w.setns("p", "c");
      w.fork("p", "x");
      w.exit("p");
      assertEquals("init", w.parent("x"));
      assertEquals(0, w.t("x").ppidNr(w.t("x").activeNs()), "getppid() stays 0");
    }

    @Test
    void aSetnsChildGoesToTheParentsSubreaperInTheParentsNamespace() {
      World w = new World();
      w.clone("init", "c");
      w.fork("init", "s");
      w.subreaper("s");
      w.fork("s", "p");
      w.setns("p", "c");
      w.fork("p", "x");
      w.exit("p");
      assertEquals("s", w.parent("x"));
    }

    @Test
    void theSubreaperSearchStaysAtTheExitingParentsLevel() {
      World w = new World();
      w.fork("init", "s");
      w.subreaper("s");
      w.clone("s", "c"); // ns1 init, has_child_subreaper inherited
      w.fork("c", "m");
      w.fork("m", "g");
      w.exit("m");
      assertEquals("c", w.parent("g"), "s is outside ns1");
    }

    @Test
    void orphansKeepTheirOrderAtTheTailOfTheNewParentsChildren() {
      World w = new World();
      w.fork("init", "m");
      w.fork("m", "g1");
      w.fork("m", "g2");
      w.exit("g2");
      w.exit("g1");
      w.exit("m");
      assertEquals("2", w.waitAny("init"), "m was init's child first");
      assertEquals("3", w.waitAny("init"), "g1 comes before g2, though g2 died first");
      assertEquals("4", w.waitAny("init"));
    }
  }

  @Nested
  class InitDeath {
    @Test
    void initDeathKillsEveryMemberIncludingNestedNamespacesAndRefusesForks() {
      World w = new World();
      w.fork("init", "p");
      w.unshare("p");
      w.fork("p", "c");
      w.fork("c", "c1");
      w.clone("c1", "d");
      w.fork("d", "d1");
      w.exit("c");
      for (String t : new String[] {"c1", "d", "d1"}) {
        assertEquals("X", w.state(t), t + " is killed and reaped at once");
      }
      assertEquals("Z", w.state("c"));
      assertEquals("ENOMEM", w.fork("p", "q"));
      assertEquals(PidNamespace.Life.DEAD, w.t("c").activeNs().life());
    }

    @Test
    void initStaysExitingWhileAnOutsideParentsZombieHoldsAPid() {
      World w = new World();
      w.clone("init", "c");
      w.fork("init", "p");
      w.setns("p", "c");
      w.fork("p", "x"); // in ns1, parent outside
      w.exit("c");
      assertEquals("Z", w.state("x"), "killed, a zombie of p");
      assertEquals("E", w.state("c"));
      assertEquals(PidNamespace.Life.DYING, w.t("c").activeNs().life());
      assertEquals("0", w.waitAny("init"), "c is not reapable yet");
      assertEquals("4", w.waitAny("p"));
      assertEquals("Z", w.state("c"));
      assertEquals("2", w.waitAny("init"));
    }

    @Test
    void initStaysExitingWhileAnOutsideTaskUsesANumberOfTheNamespaceAsItsGroup() {
      World w = new World();
      w.clone("init", "c");
      w.fork("init", "p");
      w.setns("p", "c");
      w.fork("p", "x");
      assertEquals("0", w.setpgid("x", 0));
      assertEquals("0", w.setpgid("p", 4)); // p joins x's group (same session, visible)
      w.exit("c");
      w.waitFor("p", "x");
      assertEquals("E", w.state("c"), "4 is still p's process group");
      w.setpgid("p", 0);
      assertEquals("Z", w.state("c"));
    }

    @Test
    void exitOfTheRootInitKillsEveryTaskAndLeavesInitAZombie() {
      World w = new World();
      w.fork("init", "a");
      w.clone("a", "c");
      w.fork("c", "c1");
      w.exit("init");
      assertEquals(1, w.k.taskCount());
      assertEquals("Z", w.state("init"));
    }

    @Test
    void initReapsItsOwnZombiesAtOnceInsteadOfReparentingThem() {
      World w = new World();
      w.clone("init", "c");
      w.fork("c", "c1");
      w.exit("c1");
      w.exit("c");
      assertEquals("X", w.state("c1"));
      assertEquals("Z", w.state("c"));
    }
  }

  @Nested
  class SignalsToAnInit {
    @Test
    void initIgnoresSigkillAndSigtermFromInsideButTheCallReturnsZero() {
      World w = new World();
      w.clone("init", "c");
      w.fork("c", "c1");
      w.clone("c1", "d");
      assertEquals("0", w.kill("c", 1, Signal.SIGKILL));
      assertEquals("0", w.kill("c1", "c", Signal.SIGKILL));
      assertEquals("0", w.kill("d", "d", Signal.SIGKILL));
      assertEquals("R", w.state("c"));
      assertEquals("R", w.state("d"));
    }

    @Test
    void fromAnAncestorSigkillKillsTheInitButSigtermIsDropped() {
      World w = new World();
      w.clone("init", "c");
      w.fork("c", "c1");
      w.clone("c1", "d");
      assertEquals("0", w.kill("c", "d", Signal.SIGTERM));
      assertEquals("R", w.state("d"));
      assertEquals("0", w.kill("c", "d", Signal.SIGKILL));
      assertEquals("Z", w.state("d"));
    }

    @Test
    void theRootInitIgnoresEverySignal() {
      World w = new World();
      w.fork("init", "a");
      assertEquals("0", w.kill("a", 1, Signal.SIGKILL));
      assertEquals("0", w.kill("init", 0, Signal.SIGKILL));
      assertEquals("R", w.state("init"));
      assertEquals("Z", w.state("a"), "a was in init's group");
    }

    @Test
    void aSignalToAZombieReturnsZeroAndChangesNothing() {
      World w = new World();
      w.fork("init", "a");
      w.exit("a");
      assertEquals("0", w.kill("init", "a", Signal.SIGKILL));
      assertEquals("Z", w.state("a"));
    }

    @Test
    void aTaskThatKillsItselfGetsZero() {
      World w = new World();
      w.fork("init", "a");
      assertEquals("0", w.kill("a", 2, Signal.SIGTERM));
      assertEquals("Z", w.state("a"));
    }
  }

  @Nested
  class KillMinusOneAndGroups {
    @Test
    void killMinusOneSkipsTheOwnInitButReachesChildNamespaceInits() {
      World w = new World();
      w.clone("init", "c");
      w.fork("c", "c1");
      w.clone("c1", "d");
      w.fork("d", "d1");
      assertEquals("0", w.kill("c1", -1, Signal.SIGTERM));
      assertEquals("R", w.state("c"), "own namespace's pid 1 is skipped");
      assertEquals("R", w.state("d"), "SIGTERM to a child init is dropped");
      assertEquals("R", w.state("c1"), "the caller itself is skipped");
      assertEquals("Z", w.state("d1"));
      assertEquals("0", w.kill("c1", -1, Signal.SIGKILL));
      assertEquals("Z", w.state("d"));
    }

    @Test
    void killMinusOneIsEsrchOnlyWithNoTargetAndZombiesCount() {
      World w = new World();
      w.clone("init", "c");
      assertEquals("ESRCH", w.kill("c", -1, Signal.SIGKILL));
      w.fork("c", "c1");
      w.exit("c1");
      assertEquals("0", w.kill("c", -1, Signal.SIGKILL));
    }

    @Test
    void killZeroReachesTheInheritedGroupOutsideTheNamespace() {
      World w = new World();
      w.fork("init", "a");
      w.setsid("a");
      w.fork("a", "outside");
      w.clone("a", "c");
      w.fork("c", "c1");
      assertEquals("0", w.kill("c1", 0, Signal.SIGKILL));
      assertEquals("Z", w.state("outside"));
      assertEquals("Z", w.state("a"));
      assertEquals("R", w.state("c"), "c is ns1's init and c1 is inside");
    }

    @Test
    void numbersAndGroupsTheSenderCannotSeeAreEsrch() {
      World w = new World();
      w.fork("init", "a");
      w.clone("init", "c");
      assertEquals("ESRCH", w.kill("c", 2, Signal.SIGKILL), "2 is nobody in ns1");
      assertEquals("ESRCH", w.kill("c", "a", Signal.SIGKILL));
      assertEquals("ESRCH", w.kill("c", -1 * 2, Signal.SIGKILL));
      assertEquals("R", w.state("a"));
    }

    @Test
    void killOfAGroupReturnsEsrchWhenTheGroupHasNoMembers() {
      World w = new World();
      w.fork("init", "a");
      assertEquals("ESRCH", w.kill("init", -2, Signal.SIGKILL));
      w.setpgid("a", 0);
      assertEquals("0", w.kill("init", -2, Signal.SIGKILL));
      assertEquals("Z", w.state("a"));
    }
  }

  @Nested
  class IdsAcrossNamespaces {
    @Test
    void aFreshInitHasGroupAndSessionZeroUntilSetsidReturnsOne() {
      World w = new World();
      w.fork("init", "a");
      w.setsid("a");
      w.clone("a", "c");
      PidNamespace ns1 = w.t("c").activeNs();
      assertEquals(0, w.t("c").pgidNr(ns1));
      assertEquals(0, w.t("c").sidNr(ns1));
      assertEquals(0, w.t("c").ppidNr(ns1));
      assertEquals("1", w.setsid("c"));
      assertEquals(1, w.t("c").pgidNr(ns1));
      assertEquals(3, w.t("c").sidNr(w.k.root()));
    }

    @Test
    void setsidAfterSetpgidZeroIsEperm() {
      World w = new World();
      w.clone("init", "c");
      w.setpgid("c", 0);
      assertEquals("EPERM", w.setsid("c"));
    }

    @Test
    void setpgidToAGroupTheCallerCannotSeeIsEperm() {
      World w = new World();
      w.fork("init", "a");
      w.clone("init", "c");
      w.fork("c", "c1");
      w.fork("init", "g"); // 5 in root
      w.setpgid("g", 0);
      assertEquals("EPERM", w.setpgid("c1", 5), "group 5 has no number in ns1");
      assertEquals("0", w.setpgid("a", 5), "from root, the same group can be joined");
    }

    @Test
    void aSessionLeaderCannotChangeItsGroup() {
      World w = new World();
      assertEquals("EPERM", w.setpgid("init", 0));
    }
  }

  @Nested
  class Wait {
    @Test
    void waitReapsZombiesInChildListOrderAndReturnsTheParentsView() {
      World w = new World();
      w.clone("init", "c");
      w.fork("c", "c1");
      w.fork("c", "c2");
      w.exit("c2");
      w.exit("c1");
      assertEquals("2", w.waitAny("c"));
      assertEquals("3", w.waitAny("c"));
      assertEquals("ECHILD", w.waitAny("c"));
    }

    @Test
    void waitForARunningOrExitingChildReturnsZero() {
      World w = new World();
      w.clone("init", "c");
      w.fork("init", "p");
      w.setns("p", "c");
      w.fork("p", "x");
      assertEquals("0", w.waitFor("init", "c"));
      w.exit("c");
      assertEquals("E", w.state("c"));
      assertEquals("0", w.waitFor("init", "c"));
    }
  }
}
