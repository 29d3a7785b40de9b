package org.pidnslab.app.window;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.pidnslab.app.common.Settings;
import org.pidnslab.app.experiment.Autosave;
import org.pidnslab.app.graphview.Motion;
import org.pidnslab.app.model.LabModel;

/**
 * A measuring harness for the window (not a test: it asserts nothing and prints figures). On
 * headless Monocle it measures (1) the longest stall of the FX thread around each action with 5,000
 * tasks, with a watchdog that keeps posting to the FX thread, and (2) the frame times while a call
 * animates 500 visible tasks, and (3) the window between a click and its durable autosave ({@code
 * -Dharness.autosaveOnly=true} measures only that); {@code -Dharness.thisMachine=true} measures
 * View → This machine alone; {@code -Dharness.presentOnly=true} measures entering presentation mode
 * and its beats on 500 tasks instead; {@code -Dharness.bigOnly=true} the first fitted picture of a
 * 1,000-task script; {@code -Dharness.unfoldOnly=true} unfolding and folding a card of the
 * container host. Run (it makes a fresh home of its own: no -Duser.home, which would also move
 * Maven's own repository):
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.pidnslab.app.window.WindowPerfHarness
 * </pre>
 */
public final class WindowPerfHarness extends Application {
  private static final AtomicLong worstStallNanos = new AtomicLong();
  private static volatile boolean watching;

  /**
   * Starts the harness on Monocle, as a new user: its settings (java.util.prefs), home and autosave
   * folder are in a fresh temporary directory (as the tests' {@link org.pidnslab.FreshHome}), never
   * the real user's.
   */
  public static void main(String[] args) {
    System.out.println("== a new user's home: " + org.pidnslab.FreshHome.home());
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("java.awt.headless", "true");
    launch(args);
  }

  @Override
  public void start(Stage stage) {
    Preferences prefs = Preferences.userRoot().node("org/pidnslab/perf-harness");
    LabModel model = new LabModel();
    MainWindow window = new MainWindow(model, new Settings(prefs));
    stage.setScene(window.createScene(1280, 800));
    stage.show();
    Thread runner = new Thread(() -> measure(window, model), "harness");
    runner.setDaemon(true);
    runner.start();
  }

  private static void measure(MainWindow window, LabModel model) {
    try {
      startWatchdog();
      if (Boolean.getBoolean("harness.presentOnly")) {
        measurePresenting(window);
        return;
      }
      if (Boolean.getBoolean("harness.autosaveOnly")) {
        measureAutosave(window);
        return;
      }
      if (Boolean.getBoolean("harness.thisMachine")) {
        measureThisMachine(window);
        return;
      }
      if (Boolean.getBoolean("harness.bigOnly")) {
        measureFirstPicture(window);
        return;
      }
      if (Boolean.getBoolean("harness.unfoldOnly")) {
        measureUnfold(window);
        return;
      }
      System.out.println("== FX thread stalls around one action, 5,000 tasks");
      onFx(() -> window.graph().speedControl().setValue(Motion.NORMAL));
      onFx(() -> run(window, tree(5000)));
      waitLayout(window);
      String[] actions = {
        "fork init extra1",
        "fork w0 extra2",
        "exit extra2",
        "wait w0",
        "clone init c newpid",
        "fork c c1",
        "kill init c1",
        "wait c",
        "exit w1",
        "setsid w2",
        "fork w2 extra3",
        "unshare w3 newpid",
        "fork w3 extra4",
        "exit extra4",
        "wait w3",
        "kill init -1 SIGTERM"
      };
      List<Double> stalls = new ArrayList<>();
      for (String a : actions) {
        worstStallNanos.set(0);
        onFx(() -> run(window, List.of(a)));
        waitLayout(window);
        Thread.sleep(150);
        double ms = worstStallNanos.get() / 1e6;
        stalls.add(ms);
        System.out.printf("  %-26s worst stall %7.1f ms%n", a, ms);
      }
      Collections.sort(stalls);
      System.out.printf(
          "  median worst stall %.1f ms, max %.1f ms (goal: no action blocks > 100 ms)%n",
          stalls.get(stalls.size() / 2), stalls.get(stalls.size() - 1));

      if (Boolean.getBoolean("harness.clicksOnly")) {
        return; // profiling the clicks alone
      }
      measureAutosave(window);
      measureLongScript(window);

      System.out.println("== frame times while animating 500 visible tasks");
      onFx(() -> window.experiment().clear());
      onFx(() -> run(window, tree(500)));
      waitLayout(window);
      List<Double> frames = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String stmt = i % 2 == 0 ? "fork init mover" + i : "exit mover" + (i - 1);
        frames.addAll(framesDuring(() -> run(window, List.of(stmt))));
      }
      printFrames(frames);
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      Platform.exit();
    }
  }

  /**
   * Presentation mode on a 500-task picture: entering it (the layout change, full screen, the
   * camera's fit) and each beat the remote's Page Down plays (the player's own step, its animation
   * and the camera following it), as FX call time, worst FX stall and frame intervals.
   */
  private static void measurePresenting(MainWindow window) throws Exception {
    System.out.println("== presentation mode, 500 tasks");
    List<String> script = new ArrayList<>(tree(500));
    for (int i = 0; i < 6; i++) {
      script.add("fork w" + i + " beat" + i);
      script.add("exit w" + i + "x" + i);
    }
    onFx(() -> window.graph().speedControl().setValue(Motion.NORMAL));
    onFx(() -> window.experiment().load(String.join("\n", script), null, 500));
    waitLayout(window);
    worstStallNanos.set(0);
    long[] call = new long[1];
    List<Double> entering =
        framesDuring(
            () -> {
              long t0 = System.nanoTime();
              window.togglePresenting();
              call[0] = System.nanoTime() - t0;
            });
    System.out.printf(
        "  enter: FX call %.1f ms, worst FX stall %.1f ms, chips %.1f px%n",
        call[0] / 1e6, worstStallNanos.get() / 1e6, window.graph().camera().chipPixels());
    printFrames(entering);
    List<Double> beats = new ArrayList<>();
    List<Double> stalls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      worstStallNanos.set(0);
      beats.addAll(framesDuring(() -> window.workbench().stepForward()));
      stalls.add(worstStallNanos.get() / 1e6);
    }
    Collections.sort(stalls);
    System.out.printf(
        "  12 beats: worst FX stall median %.1f ms, max %.1f ms%n",
        stalls.get(stalls.size() / 2), stalls.get(stalls.size() - 1));
    printFrames(beats);
    onFx(window::togglePresenting);
  }

  /** Runs {@code action} on the FX thread and records the pulse intervals for 1.5 s. */
  private static List<Double> framesDuring(Runnable action) throws Exception {
    List<Long> stamps = Collections.synchronizedList(new ArrayList<>());
    AnimationTimer[] timer = new AnimationTimer[1];
    onFx(
        () -> {
          timer[0] =
              new AnimationTimer() {
                @Override
                public void handle(long now) {
                  stamps.add(now);
                }
              };
          timer[0].start();
          action.run();
        });
    Thread.sleep(1500);
    onFx(() -> timer[0].stop());
    List<Double> frames = new ArrayList<>();
    for (int j = 1; j < stamps.size(); j++) {
      frames.add((stamps.get(j) - stamps.get(j - 1)) / 1e6);
    }
    return frames;
  }

  private static void printFrames(List<Double> frames) {
    Collections.sort(frames);
    System.out.printf(
        "  %d frames: median %.1f ms, p90 %.1f ms, max %.1f ms (goal: median <= 16 ms)%n",
        frames.size(),
        frames.get(frames.size() / 2),
        frames.get((int) (frames.size() * 0.9)),
        frames.get(frames.size() - 1));
  }

  /**
   * A 10,000-statement script (a 6,000-task tree, then exits, waits, namespaces and signals):
   * opening it, jumping to its end and back, and one edit, each timed on the FX thread until the
   * picture is laid out, with the FX thread's worst stall meanwhile.
   */
  private static void measureLongScript(MainWindow window) throws Exception {
    System.out.println("== a 10,000-statement script");
    List<String> script = new ArrayList<>(tree(6000));
    for (int s = 0; script.size() < 10_000; s++) {
      String w = "w" + (s % 60);
      script.add("fork " + w + " q" + s);
      script.add(s % 3 == 0 ? "exit q" + s : "setsid q" + s);
      script.add(s % 3 == 0 ? "wait " + w : "clone q" + s + " r" + s + " newpid");
      script.add(s % 3 == 0 ? "kill init " + w + "x" + (s % 99) + " SIGTERM" : "exit r" + s);
    }
    String text = String.join("\n", script.subList(0, 10_000)) + "\n";
    onFx(() -> window.experiment().clear());
    waitLayout(window);
    timed("open at the first step", window, () -> window.experiment().load(text, null, 0));
    timed("jump to the end", window, () -> window.experiment().jumpTo(10_000));
    timed("one step back", window, () -> window.experiment().stepBack());
    timed("jump to the middle", window, () -> window.experiment().jumpTo(5_000));
    timed("jump to the end again", window, () -> window.experiment().jumpTo(10_000));
    timed(
        "an edit (re-runs all)",
        window,
        () -> window.experiment().edit(window.experiment().textProperty().get() + "fork init z\n"));
    int[] steps = new int[1];
    onFx(() -> steps[0] = window.experiment().stepCount());
    System.out.println("  steps in the script: " + steps[0]);
  }

  /**
   * The window between a change and its durable copy: from a click (the call, the redraw it makes
   * at once, then the autosave) to the moment the autosave file, renamed into place after its
   * fsync, holds the statement, found by polling the file; in an empty experiment and after 5,000
   * statements.
   */
  /**
   * The first fitted picture of the 1,000-task container host, from the call that opens the script
   * to the first frame drawn after its picture is laid out, collapsed and framed (goal: 1 s).
   */
  private static void measureFirstPicture(MainWindow window) throws Exception {
    String host =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("src/test/resources/bigscenes/container-host-1000.pidns"));
    onFx(() -> window.graph().speedControl().setValue(Motion.NORMAL));
    for (String name :
        System.getProperty("harness.layouts", "COMPACT,TREE,CIRCULAR,FR").split(",")) {
      org.pidnslab.graph.LayoutChoice layout = org.pidnslab.graph.LayoutChoice.valueOf(name);
      System.out.println("== first fitted picture of 1,000 tasks, " + layout);
      List<Double> times = new ArrayList<>();
      int runs = layout == org.pidnslab.graph.LayoutChoice.FR ? 2 : 5;
      for (int i = 0; i < runs; i++) {
        onFx(() -> window.experiment().clear());
        onFx(() -> window.setLayout(layout));
        waitLayout(window);
        Thread.sleep(300);
        CpuClock cpu = new CpuClock();
        long t0 = System.nanoTime();
        onFx(() -> window.experiment().load(host, null, Integer.MAX_VALUE));
        for (boolean busy = true; busy; ) {
          boolean[] b = new boolean[1];
          onFx(
              () ->
                  b[0] =
                      window.graph().layingOut()
                          || window.graph().camera().moving()
                          || window.model().kernel().taskCount() < 1000
                          || window.graph().drawing().tasks().isEmpty());
          busy = b[0];
          if (busy) {
            Thread.sleep(5);
          }
        }
        CountDownLatch frame = new CountDownLatch(1);
        AnimationTimer[] timer = new AnimationTimer[1];
        onFx(
            () -> {
              timer[0] =
                  new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                      frame.countDown();
                      stop();
                    }
                  };
              timer[0].start();
            });
        frame.await(10, TimeUnit.SECONDS);
        double ms = (System.nanoTime() - t0) / 1e6;
        times.add(ms);
        System.out.printf("  run %d: %7.0f ms  cpu %s%n", i + 1, ms, cpu.since());
      }
      Collections.sort(times);
      System.out.printf(
          "  median %.0f ms, worst %.0f ms (goal: <= 1000 ms)%n",
          times.get(times.size() / 2), times.get(times.size() - 1));
    }
    Platform.exit();
  }

  /**
   * The container host's biggest card (ns3, 503 tasks) expanded by a click and collapsed again by
   * its name, five times at the Normal speed: how long the click holds the FX thread, and the
   * frames from the click until the picture is still (how many, and their intervals).
   */
  private static void measureUnfold(MainWindow window) throws Exception {
    String host =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("assets/scenarios/container-host.pidns"));
    onFx(() -> window.experiment().load(host, null, Integer.MAX_VALUE));
    waitLayout(window);
    onFx(() -> window.graph().speedControl().setValue(Motion.NORMAL));
    org.pidnslab.graph.SummaryCard card =
        window.graph().drawing().cards().stream()
            .max(java.util.Comparator.comparingInt(org.pidnslab.graph.SummaryCard::tasks))
            .orElseThrow();
    System.out.println("== unfolding and folding " + card.name() + ", " + card.tasks() + " tasks");
    String[] clicks = {
      "#card-ns-" + card.serial() + "-" + card.part(), "#hull-name-" + card.name()
    };
    for (int i = 0; i < 10; i++) {
      javafx.scene.Node target = window.graph().getScene().lookup(clicks[i % 2]);
      List<Long> stamps = Collections.synchronizedList(new ArrayList<>());
      AnimationTimer timer =
          new AnimationTimer() {
            @Override
            public void handle(long now) {
              stamps.add(System.nanoTime());
            }
          };
      long t0 = System.nanoTime();
      long[] held = new long[1];
      onFx(
          () -> {
            timer.start();
            target.fireEvent(
                new javafx.scene.input.MouseEvent(
                    javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                    0,
                    0,
                    0,
                    0,
                    javafx.scene.input.MouseButton.PRIMARY,
                    1,
                    false,
                    false,
                    false,
                    false,
                    false,
                    false,
                    false,
                    true,
                    false,
                    true,
                    null));
            held[0] = System.nanoTime() - t0;
          });
      waitLayout(window);
      long still = System.nanoTime();
      onFx(timer::stop);
      List<Double> frames = new ArrayList<>();
      long last = t0;
      for (long stamp : stamps) {
        if (stamp <= still) {
          frames.add((stamp - last) / 1e6);
          last = stamp;
        }
      }
      Collections.sort(frames);
      System.out.printf(
          "  %-6s click holds the FX thread %5.0f ms; still after %5.0f ms, %2d frames:"
              + " median %5.1f ms, max %5.1f ms%n",
          i % 2 == 0 ? "unfold" : "fold",
          held[0] / 1e6,
          (still - t0) / 1e6,
          frames.size(),
          frames.get(frames.size() / 2),
          frames.get(frames.size() - 1));
    }
  }

  private static void measureAutosave(MainWindow window) throws Exception {
    System.out.println("== autosave: a click until its durable copy");
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pidns-lab-harness");
    Autosave autosave = new Autosave(dir);
    onFx(() -> window.useAutosave(autosave));
    for (int before : new int[] {0, 5000}) {
      onFx(() -> window.experiment().clear());
      if (before > 0) {
        onFx(() -> run(window, tree(before)));
      }
      waitLayout(window);
      List<Double> lags = new ArrayList<>();
      List<Double> calls = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        String stmt = "fork init saved" + i;
        AtomicLong changed = new AtomicLong();
        AtomicLong returned = new AtomicLong();
        onFx(
            () -> {
              changed.set(System.nanoTime()); // the click: the call, its redraw, the autosave
              run(window, List.of(stmt));
              returned.set(System.nanoTime());
            });
        long durable;
        while (true) {
          durable = System.nanoTime();
          java.nio.file.Path f = autosave.file();
          if (java.nio.file.Files.exists(f)
              && java.nio.file.Files.readString(f).endsWith(stmt + "\n")) {
            break;
          }
          Thread.onSpinWait();
        }
        lags.add((durable - changed.get()) / 1e6);
        calls.add((returned.get() - changed.get()) / 1e6);
        waitLayout(window);
      }
      Collections.sort(lags);
      Collections.sort(calls);
      System.out.printf(
          "  after %5d statements: durable after median %.1f ms, p90 %.1f ms, max %.1f ms"
              + " (the click's own FX work: median %.1f ms)%n",
          before, lags.get(15), lags.get(27), lags.get(29), calls.get(15));
    }
    onFx(() -> window.closed());
  }

  private static void timed(String what, MainWindow window, Runnable action) throws Exception {
    worstStallNanos.set(0);
    long t0 = System.nanoTime();
    onFx(action);
    long fx = System.nanoTime() - t0;
    waitLayout(window);
    long all = System.nanoTime() - t0;
    System.out.printf(
        "  %-24s FX call %6.0f ms, until drawn %6.0f ms, worst FX stall %6.0f ms%n",
        what, fx / 1e6, all / 1e6, worstStallNanos.get() / 1e6);
  }

  /** A fork tree of n tasks: init forks spawners w0, w1, ..., each forks up to 99 workers. */
  static List<String> tree(int n) {
    List<String> out = new ArrayList<>();
    int made = 1;
    for (int s = 0; made < n; s++) {
      out.add("fork init w" + s);
      made++;
      for (int k = 0; k < 99 && made < n; k++) {
        out.add("fork w" + s + " w" + s + "x" + k);
        made++;
      }
    }
    return out;
  }

  /** One statement as a click records it; many as a script opened at its end. */
  private static void run(MainWindow window, List<String> statements) {
    try {
      if (statements.size() == 1) {
        window.experiment().perform(statements.get(0));
      } else {
        window.experiment().load(String.join("\n", statements), null, statements.size());
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void waitLayout(MainWindow window) throws Exception {
    for (int i = 0; i < 400; i++) {
      boolean[] busy = new boolean[1];
      onFx(
          () ->
              busy[0] =
                  window.graph().layingOut()
                      || window.graph().animating()
                      || window.experiment().busyProperty().get());
      if (!busy[0]) {
        return;
      }
      Thread.sleep(25);
    }
  }

  private static void onFx(Runnable r) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    Platform.runLater(
        () -> {
          try {
            r.run();
          } finally {
            done.countDown();
          }
        });
    if (!done.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("FX thread did not answer");
    }
  }

  /**
   * View → This machine on a synthetic /proc of 9,901 processes (100 containers of 98): the time
   * from opening to the drawn picture, then refreshes without a change and with 5 processes gone
   * and 5 new (told call by call at normal speed), each with the FX thread's longest stall.
   */
  private static void measureThisMachine(MainWindow window) throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pidns-lab-harness-proc");
    org.pidnslab.host.SyntheticProc proc = new org.pidnslab.host.SyntheticProc(dir);
    long root = 4026531836L;
    proc.add("systemd", 0, root, 1);
    for (int c = 0; c < 100; c++) {
      int shim = 1000 + c;
      int init = 2000 + c * 100;
      proc.add("shim", 1, root, shim).add("c-init", shim, 4026532000L + c, init, 1);
      for (int k = 1; k < 98; k++) {
        proc.add("worker", init, 4026532000L + c, init + k, k + 1);
      }
    }
    System.out.println("== This machine, 9,901 processes in 101 namespaces (synthetic /proc)");
    onFx(() -> window.hostWindows.useSource(() -> new org.pidnslab.host.ProcReader(dir).read()));
    org.pidnslab.app.host.ThisMachinePane[] pane = new org.pidnslab.app.host.ThisMachinePane[1];
    worstStallNanos.set(0);
    long t0 = System.nanoTime();
    onFx(window.hostWindows::showThisMachine);
    onFx(() -> pane[0] = window.hostWindows.machinePane());
    waitMachine(pane[0], 1);
    report("open and draw", t0);
    onFx(() -> pane[0].graph().speedControl().setValue(Motion.NORMAL));
    worstStallNanos.set(0);
    t0 = System.nanoTime();
    onFx(pane[0]::refresh);
    waitMachine(pane[0], 2);
    report("refresh, nothing changed", t0);
    for (int c = 0; c < 5; c++) {
      int gone = 2000 + c * 100 + 50;
      try (var files = java.nio.file.Files.walk(dir.resolve(Integer.toString(gone)))) {
        for (java.nio.file.Path p : files.sorted(Collections.reverseOrder()).toList()) {
          java.nio.file.Files.delete(p);
        }
      }
      int init = 2000 + c * 100;
      proc.add("new", init, 4026532000L + c, init + 98, 99);
    }
    worstStallNanos.set(0);
    t0 = System.nanoTime();
    onFx(pane[0]::refresh);
    waitMachine(pane[0], 3);
    report("refresh, 5 exited and 5 new, told with animations", t0);
    Platform.exit();
  }

  private static void waitMachine(org.pidnslab.app.host.ThisMachinePane pane, int refreshes)
      throws Exception {
    boolean[] done = new boolean[1];
    while (!done[0]) {
      Thread.sleep(20);
      onFx(
          () ->
              done[0] =
                  pane.refreshesProperty().get() >= refreshes
                      && !pane.busy()
                      && !pane.graph().layingOut());
    }
  }

  private static void report(String what, long startNanos) {
    System.out.printf(
        "%-50s %6d ms, longest FX stall %5d ms%n",
        what, (System.nanoTime() - startNanos) / 1_000_000, worstStallNanos.get() / 1_000_000);
  }

  /** Posts to the FX thread every 2 ms and remembers the longest wait for it to run. */
  private static void startWatchdog() {
    watching = true;
    Thread t =
        new Thread(
            () -> {
              while (watching) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(ran::countDown);
                try {
                  ran.await();
                  worstStallNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "watchdog");
    t.setDaemon(true);
    t.start();
  }
}
