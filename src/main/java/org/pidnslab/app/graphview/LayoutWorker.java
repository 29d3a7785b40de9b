package org.pidnslab.app.graphview;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.pidnslab.app.common.BackgroundThreads;
import org.pidnslab.graph.AwtTextMetrics;
import org.pidnslab.graph.Drawing;
import org.pidnslab.graph.DrawingBuilder;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.LayoutChoice;
import org.pidnslab.graph.Typography;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.script.ScriptError;
import org.pidnslab.script.ScriptRunner;
import org.pidnslab.script.Statement;

/**
 * Lays out big pictures off the FX thread, one build at a time; requests made while one runs
 * coalesce into one more build of the newest state.
 *
 * <p>The kernel is not thread-safe and the FX thread keeps changing it, so the layout thread
 * replays the experiment's statements into a private copy (a few milliseconds for thousands of
 * statements: the history is the state) and draws that. Task and namespace serials are the same in
 * the copy, so the picture maps back.
 */
final class LayoutWorker {
  /** Above this many tasks the tidy tree, circle and compact layouts run in the background. */
  static final int ASYNC_ABOVE = 1500;

  /**
   * Force-directed placement costs far more (about 3 s for 2,000 tasks): above this many tasks it
   * runs in the background too, so the window never freezes while it settles.
   */
  static final int ASYNC_FR_ABOVE = 100;

  /**
   * What to build: the statements that make the state, the options (their perspective is the FX
   * thread's namespace; the copy's namespace of the same serial is drawn) and the fonts.
   */
  record Job(
      List<Statement> history, DrawingOptions options, Typography typography, Planner planner) {}

  /** Chooses the options to draw a state with (the automatic collapse of a new big scene). */
  interface Planner {
    Plan plan(Kernel kernel, DrawingOptions options, DrawingBuilder builder);
  }

  /**
   * What a planner chose: the options, and the room the panes give the view they were planned for
   * (null: the view as it is).
   */
  record Plan(DrawingOptions options, PictureRoom.Offer room) {}

  /**
   * A finished picture, the options it was drawn with and the room they were planned for (null when
   * no planner ran or it kept the view as it is).
   */
  record Built(Drawing drawing, DrawingOptions options, PictureRoom.Offer room) {
    Built(Drawing drawing, DrawingOptions options) {
      this(drawing, options, null);
    }
  }

  private final Executor thread = BackgroundThreads.oneAtATime("layout");
  private boolean building;
  private int requested;

  /** Whether a picture of {@code tasks} tasks in {@code layout} is built in the background. */
  static boolean inBackground(int tasks, LayoutChoice layout) {
    return tasks > (layout == LayoutChoice.FR ? ASYNC_FR_ABOVE : ASYNC_ABOVE);
  }

  /** Whether a build is running or queued. */
  boolean building() {
    return building;
  }

  /** Marks a newer state: a build running now is stale and will be followed by another. */
  void invalidate() {
    requested++;
  }

  /**
   * Builds the newest state in the background and gives the picture to {@code done} on the FX
   * thread ({@code null} if the copy could not be made; the caller draws on the FX thread then).
   * {@code job} is asked on the FX thread, at the start of each build.
   */
  void request(Supplier<Job> job, Consumer<Built> done) {
    requested++;
    if (!building) {
      start(job, done);
    }
  }

  private void start(Supplier<Job> job, Consumer<Built> done) {
    building = true;
    int generation = requested;
    Job j = job.get();
    thread.execute(
        () -> {
          Built built = build(j);
          Platform.runLater(
              () -> {
                building = false;
                if (generation != requested) {
                  start(job, done); // newer clicks: draw their state instead
                } else {
                  done.accept(built);
                }
              });
        });
  }

  private static Built build(Job j) {
    try {
      ScriptRunner copy = new ScriptRunner();
      for (Statement st : j.history()) {
        copy.execute(st);
      }
      Kernel k = copy.kernel();
      PidNamespace view = j.options().perspective();
      PidNamespace copyView = null;
      for (PidNamespace ns : k.namespaces()) {
        if (view != null && ns.serial() == view.serial()) {
          copyView = ns;
        }
      }
      DrawingBuilder builder = new DrawingBuilder(new AwtTextMetrics(j.typography()));
      DrawingOptions options = j.options().withPerspective(copyView);
      PictureRoom.Offer room = null;
      if (j.planner() != null) {
        Plan plan = j.planner().plan(k, options, builder);
        options = plan.options();
        room = plan.room();
      }
      return new Built(builder.build(k, options), options, room);
    } catch (ScriptError | RuntimeException e) {
      return null; // cannot happen for a history that ran once
    }
  }
}
