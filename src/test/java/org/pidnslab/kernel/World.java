package org.pidnslab.kernel;

import java.util.HashMap;
import java.util.Map;

/** A kernel with tasks by label, to keep tests close to the scenario language they mirror. */
final class World {
  final Kernel k = new Kernel();
  private final Map<String, Task> tasks = new HashMap<>();

  World() {
    tasks.put("init", k.init());
  }

  Task t(String label) {
    Task t = tasks.get(label);
    if (t == null) {
      throw new IllegalArgumentException("no task " + label);
    }
    return t;
  }

  String fork(String parent, String child) {
    return remember(k.fork(t(parent), child));
  }

  String clone(String parent, String child) {
    return remember(k.cloneNewPid(t(parent), child));
  }

  String unshare(String task) {
    return k.unshareNewPid(t(task)).toString();
  }

  String setns(String task, String target) {
    return k.setns(t(task), t(target)).toString();
  }

  String exit(String task) {
    return k.exit(t(task), 0).toString();
  }

  String waitAny(String task) {
    return k.waitpid(t(task), null).toString();
  }

  String waitFor(String task, String child) {
    return k.waitpid(t(task), t(child)).toString();
  }

  String kill(String sender, int pid, Signal sig) {
    return k.kill(t(sender), pid, sig).toString();
  }

  String kill(String sender, String target, Signal sig) {
    return k.killTask(t(sender), t(target), sig).toString();
  }

  String setsid(String task) {
    return k.setsid(t(task)).toString();
  }

  String setpgid(String task, int pgid) {
    return k.setpgid(t(task), pgid).toString();
  }

  String subreaper(String task) {
    return k.setChildSubreaper(t(task)).toString();
  }

  String pidMax(String task, int value) {
    return k.writePidMax(t(task), value).toString();
  }

  String nsLastPid(String task, int value) {
    return k.writeNsLastPid(t(task), value).toString();
  }

  /** NSpid as the state output shows it, e.g. {@code 6/4/3/2}. */
  String nspid(String label) {
    return t(label).pid().toString();
  }

  /** The state letter. */
  String state(String label) {
    return t(label).state().letter();
  }

  /** The real parent's label. */
  String parent(String label) {
    return t(label).realParent().comm();
  }

  private String remember(SysResult r) {
    if (r.child() != null) {
      tasks.put(r.child().comm(), r.child());
    }
    return r.toString();
  }
}
