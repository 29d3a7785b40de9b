package org.pidnslab.app.graphview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.BoundingBox;
import org.junit.jupiter.api.Test;
import org.pidnslab.app.model.Experiment;
import org.pidnslab.app.model.LabModel;
import org.pidnslab.graph.AutoCollapse;
import org.pidnslab.graph.DrawingBuilder;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.LayoutChoice;

/**
 * The first view's plan asks for the panes' room only when the collapsed picture's text stays under
 * 10 px, and takes the least room that reaches it (the container host in a 1280x800 window's
 * 666x442 px graph area).
 */
class RoomPlanTest {
  private static final double W = 666;
  private static final double H = 442;
  private static final PictureRoom.Offer LOG = new PictureRoom.Offer(0, 136);
  private static final PictureRoom.Offer BOTH = new PictureRoom.Offer(301, 136);
  private static final DrawingBuilder BUILDER = new DrawingBuilder();
  private static final DrawingOptions COMPACT =
      DrawingOptions.DEFAULT.withLayout(LayoutChoice.COMPACT);

  private static LabModel opened(String script) {
    LabModel model = new LabModel();
    new Experiment(model).load(script, null, Integer.MAX_VALUE);
    return model;
  }

  private static LabModel host() throws Exception {
    return opened(Files.readString(Path.of("assets/scenarios/container-host.pidns")));
  }

  private static LayoutWorker.Plan plan(LabModel model, List<PictureRoom.Offer> offers) {
    return Collapsing.planFirstView(model, List.of(), new BoundingBox(0, 0, W, H), offers)
        .plan(model.kernel(), COMPACT, BUILDER);
  }

  private static double px(LabModel model, LayoutWorker.Plan plan) {
    double w = W + (plan.room() == null ? 0 : plan.room().width());
    double h = H + (plan.room() == null ? 0 : plan.room().height());
    return AutoCollapse.fittedTextPx(BUILDER.build(model.kernel(), plan.options()), w, h);
  }

  @Test
  void theHostTakesTheLogAndTheSidePanelAndReachesTenPixels() throws Exception {
    LabModel model = host();
    LayoutWorker.Plan asIs = plan(model, List.of());
    assertNull(asIs.room());
    assertTrue(px(model, asIs) < 10, "without room: " + px(model, asIs));
    LayoutWorker.Plan roomy = plan(model, List.of(LOG, BOTH));
    assertEquals(BOTH, roomy.room(), "the log alone is not enough");
    assertTrue(px(model, roomy) >= 10, "with room: " + px(model, roomy));
    assertEquals((W + BOTH.width()) / (H + BOTH.height()), roomy.options().aspect(), 1e-9);
  }

  @Test
  void roomThatHardlyHelpsIsNotTaken() throws Exception {
    LabModel model = host();
    LayoutWorker.Plan plan = plan(model, List.of(new PictureRoom.Offer(4, 4)));
    assertNull(plan.room(), "4 px more would take the panes for nothing");
  }

  @Test
  void roomThatReachesTenPixelsIsTakenAndNoMore() throws Exception {
    LabModel model = host();
    LayoutWorker.Plan plan = plan(model, List.of(BOTH, new PictureRoom.Offer(600, 600)));
    assertEquals(BOTH, plan.room(), "the first offer that reaches 10 px");
  }

  @Test
  void aSmallSceneIsNeverPlanned() {
    LabModel model = opened("fork init a\nfork a b\n");
    assertNull(
        Collapsing.planFirstView(model, List.of(), new BoundingBox(0, 0, W, H), List.of(BOTH)));
  }
}
