package org.pidnslab.app.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The window's background work (layouts, replays, autosaves, exports, opening files) runs on named
 * daemon threads, so a closing window is never kept alive by a queued job and a thread dump says
 * which job is which.
 */
public final class BackgroundThreads {
  private BackgroundThreads() {}

  /** Daemon threads named {@code pidns-lab-NAME}. */
  public static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, "pidns-lab-" + name);
      t.setDaemon(true);
      return t;
    };
  }

  /** One daemon thread running jobs one after the other, in order. */
  public static ExecutorService oneAtATime(String name) {
    return Executors.newSingleThreadExecutor(named(name));
  }
}
