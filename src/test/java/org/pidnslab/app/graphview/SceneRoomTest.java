package org.pidnslab.app.graphview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the window's panes yield to a big picture and when they come back, without a window. */
class SceneRoomTest {
  private static final PictureRoom.Offer LOG = new PictureRoom.Offer(0, 130);
  private static final PictureRoom.Offer BOTH = new PictureRoom.Offer(300, 130);

  /** A window whose panes record what they were asked. */
  private static final class Panes implements PictureRoom {
    final List<String> calls = new ArrayList<>();

    @Override
    public List<Offer> offers() {
      return List.of(LOG, BOTH);
    }

    @Override
    public void take(Offer offer) {
      calls.add("take " + offer.width() + "x" + offer.height());
    }

    @Override
    public void giveBack() {
      calls.add("give back");
    }
  }

  private final Panes panes = new Panes();
  private final SceneRoom room = new SceneRoom();

  SceneRoomTest() {
    room.use(panes);
  }

  @Test
  void nothingIsOfferedOrTakenBeforeAScriptIsOpened() {
    assertEquals(List.of(), room.offers());
    room.shown(true, BOTH);
    assertEquals(List.of(), panes.calls);
  }

  @Test
  void theFirstPlannedPictureOfAScriptDecidesOnce() {
    room.newScript();
    assertEquals(List.of(LOG, BOTH), room.offers());
    room.planning(true);
    room.shown(true, BOTH);
    assertEquals(List.of(), room.offers(), "decided: no more room is offered");
    room.shown(false, null); // a jump to a small picture
    room.shown(true, null); // and back to a big one planned as it is
    assertEquals(List.of("take 300.0x130.0"), panes.calls);
  }

  @Test
  void smallPicturesGiveBackButLeaveTheDecisionToTheFirstBigOne() {
    room.newScript();
    room.shown(false, null); // a script opened at its first step
    room.planning(true);
    room.shown(true, LOG); // then jumps to its big picture
    assertEquals(List.of("give back", "take 0.0x130.0"), panes.calls);
  }

  @Test
  void aBigPictureThatNeedsNoRoomGivesBackWhatTheScriptBeforeTook() {
    room.newScript();
    room.planning(true);
    room.shown(true, BOTH);
    room.newScript();
    room.planning(true);
    room.shown(true, null);
    assertEquals(List.of("take 300.0x130.0", "give back"), panes.calls);
  }

  @Test
  void aPlanMadeBeforeTheViewHadASizeDecidesNothingAndIsMadeAgain() {
    room.newScript();
    room.planning(false); // a window still opening: the plan guessed the view's size
    room.shown(true, null);
    assertEquals(List.of(), panes.calls);
    assertTrue(room.replanNow(), "planned again once the view has a size");
    assertFalse(room.replanNow(), "once");
    room.planning(true);
    room.shown(true, BOTH);
    assertEquals(List.of("take 300.0x130.0"), panes.calls);
  }
}
