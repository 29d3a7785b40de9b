package org.pidnslab.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProcReader on a synthetic /proc: the tree, races and permission errors. */
class ProcReaderTest {
  static final long ROOT = 4026531836L;
  static final long C1 = 4026532001L;
  static final long C2 = 4026532002L;

  @TempDir Path tmp;
  SyntheticProc proc;

  /** root: init 1, shim 100; ns C1 (init 101 = 1, sh 102 = 2); ns C2 inside C1 (103 = 3 = 1). */
  @BeforeEach
  void machine() throws IOException {
    proc = new SyntheticProc(tmp.resolve("proc"));
    proc.add("systemd", 0, ROOT, 1)
        .add("shim", 1, ROOT, 100)
        .add("c-init", 100, C1, 101, 1)
        .add("sh", 101, C1, 102, 2)
        .add("inner", 101, C2, 103, 3, 1);
  }

  private HostSnapshot read(ProcFiles files) {
    return new ProcReader(files, "synthetic", () -> NamespaceParents.none("synthetic")).read();
  }

  private static HostTask task(HostSnapshot s, int pid) {
    return s.tasks().stream().filter(t -> t.pid() == pid).findFirst().orElse(null);
  }

  @Test
  void readsEveryProcessWithItsPidsAtEveryLevelAndItsNamespace() {
    HostSnapshot s = read(ProcFiles.of(proc.root()));
    assertEquals(List.of(1, 100, 101, 102, 103), s.tasks().stream().map(HostTask::pid).toList());
    HostTask inner = task(s, 103);
    assertArrayEquals(new int[] {103, 3, 1}, inner.nspid());
    assertEquals(C2, inner.nsInode());
    assertEquals("inner", inner.comm());
    assertEquals('S', inner.state());
    assertEquals(101, inner.ppid());
    assertEquals(0, s.vanished());
    assertTrue(
        s.hidden().stream().noneMatch(h -> h.contains("no namespace identity")),
        s.hidden()::toString);
  }

  @Test
  void theTreeComesFromTheLevelsAndEachInitsParent() {
    HostSnapshot s = read(ProcFiles.of(proc.root()));
    assertEquals(3, s.namespaces().size());
    assertEquals(0, s.namespace(ROOT).level());
    assertEquals(ROOT, s.namespace(C1).parent());
    assertEquals("init's parent", s.namespace(C1).parentFrom());
    assertEquals(C1, s.namespace(C2).parent());
    assertEquals(2, s.namespace(C1).tasks());
  }

  @Test
  void theKernelsAnswerWinsAndNamesNamespacesWithoutProcesses() throws IOException {
    long empty = 4026532999L; // C2's real parent: a namespace whose processes have all exited
    NamespaceParents kernel =
        NamespaceParents.parse(C1 + " " + ROOT + "\n" + C2 + " " + empty + "\n" + empty + " " + C1);
    HostSnapshot s = new ProcReader(ProcFiles.of(proc.root()), "synthetic", () -> kernel).read();
    assertEquals(empty, s.namespace(C2).parent());
    assertEquals("NS_GET_PARENT", s.namespace(C2).parentFrom());
    assertNotNull(s.namespace(empty), "the empty namespace is part of the tree");
    assertEquals(C1, s.namespace(empty).parent());
    assertEquals(0, s.namespace(empty).tasks());
  }

  @Test
  void aProcessThatVanishesBeforeItsStatusIsLeftOut() {
    ProcFiles racing =
        new Wrapped(ProcFiles.of(proc.root())) {
          @Override
          public byte[] status(String pid) throws IOException {
            if (pid.equals("102")) {
              delete(proc.root().resolve(pid)); // it exits between the listing and the read
            }
            return super.status(pid);
          }
        };
    HostSnapshot s = read(racing);
    assertNull(task(s, 102));
    assertEquals(1, s.vanished());
    assertEquals(4, s.tasks().size());
    assertTrue(
        SnapshotText.lines(s).contains("1 process exited while /proc was read and is left out"),
        SnapshotText.lines(s)::toString);
    assertTrue(SnapshotText.lines(s).get(0).endsWith(" 4 processes"), SnapshotText.lines(s).get(0));
  }

  @Test
  void aProcessThatVanishesAfterItsStatusIsLeftOutWhole() {
    ProcFiles racing =
        new Wrapped(ProcFiles.of(proc.root())) {
          @Override
          public String pidNamespaceLink(String pid) throws IOException {
            if (pid.equals("103")) {
              delete(proc.root().resolve(pid));
            }
            return super.pidNamespaceLink(pid);
          }
        };
    HostSnapshot s = read(racing);
    assertNull(task(s, 103), "no half task: its status was read, but it is gone");
    assertEquals(1, s.vanished());
    assertNull(s.namespace(C2), "its namespace had no other process");
  }

  @Test
  void aStatusCutShortIsAVanishedProcessNotAnError() throws IOException {
    Files.writeString(proc.root().resolve("102/status"), "Name:\tsh\nUmask:\t0022\n");
    HostSnapshot s = read(ProcFiles.of(proc.root()));
    assertNull(task(s, 102));
    assertEquals(1, s.vanished());
  }

  @Test
  void otherUsersNamespacesAreHiddenAndSaidSo() {
    Set<String> foreign = Set.of("1", "101", "103");
    ProcFiles nonRoot =
        new Wrapped(ProcFiles.of(proc.root())) {
          @Override
          public String pidNamespaceLink(String pid) throws IOException {
            if (foreign.contains(pid)) {
              throw new AccessDeniedException(pid + "/ns/pid");
            }
            return super.pidNamespaceLink(pid);
          }
        };
    HostSnapshot s = read(nonRoot);
    assertEquals(5, s.tasks().size(), "their status is readable: they are all shown");
    assertEquals(ROOT, task(s, 1).nsInode(), "level 0 by NSpid: the top namespace");
    assertEquals(C1, task(s, 102).nsInode(), "its own process: identified");
    assertEquals(-1, task(s, 101).nsInode(), "some namespace at level 1");
    assertEquals(-2, task(s, 103).nsInode(), "some namespace at level 2");
    assertFalse(s.namespace(-2).identified());
    assertTrue(
        s.hidden().stream().anyMatch(h -> h.startsWith("3 processes show no namespace identity")),
        s.hidden()::toString);
  }

  @Test
  void unreadableStatusHidesTheProcessAndSaysWhy() {
    ProcFiles hidepid =
        new Wrapped(ProcFiles.of(proc.root())) {
          @Override
          public byte[] status(String pid) throws IOException {
            if (pid.equals("100")) {
              throw new AccessDeniedException(pid + "/status");
            }
            return super.status(pid);
          }
        };
    HostSnapshot s = read(hidepid);
    assertNull(task(s, 100));
    assertEquals(0, s.vanished());
    assertTrue(
        s.hidden().get(0).startsWith("1 process is not shown: its status"), s.hidden()::toString);
  }

  @Test
  void aMissingProcIsOneNoteNotACrash() {
    HostSnapshot s = read(ProcFiles.of(tmp.resolve("nothing")));
    assertTrue(s.tasks().isEmpty());
    assertEquals(1, s.hidden().size());
  }

  @Test
  void textHasNoRawControlCharactersAndJsonQuotesThem() throws IOException {
    proc.add("evil\u0001\u001b[31m", 1, ROOT, 200);
    HostSnapshot s = read(ProcFiles.of(proc.root()));
    for (String line : SnapshotText.lines(s)) {
      assertFalse(line.chars().anyMatch(c -> c < 0x20 || c == 0x7f), line);
    }
    assertTrue(SnapshotText.lines(s).stream().anyMatch(l -> l.contains("evil\\x01\\x1b[31m")));
    String json = SnapshotJson.of(s);
    assertTrue(json.contains("\"evil\\u0001\\u001b[31m\""), json);
    Object parsed = org.pidnslab.export.MiniJson.parse(json);
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = (Map<String, Object>) parsed;
    assertEquals("pidns-lab/live", doc.get("format"));
    assertEquals(6, ((List<?>) doc.get("processes")).size());
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A ProcFiles that forwards to another; tests override one method to inject a race. */
  static class Wrapped implements ProcFiles {
    private final ProcFiles inner;

    Wrapped(ProcFiles inner) {
      this.inner = inner;
    }

    @Override
    public List<String> pids() throws IOException {
      return inner.pids().stream().sorted(Comparator.comparingInt(Integer::parseInt)).toList();
    }

    @Override
    public byte[] status(String pid) throws IOException {
      return inner.status(pid);
    }

    @Override
    public String pidNamespaceLink(String pid) throws IOException {
      return inner.pidNamespaceLink(pid);
    }
  }

  @Test
  void theLinkParserAcceptsOnlyPidNamespaces() {
    assertEquals(ROOT, ProcReader.inode("pid:[4026531836]"));
    assertEquals(0, ProcReader.inode("net:[4026531836]"));
    assertEquals(0, ProcReader.inode("pid:[x]"));
  }

  @Test
  void noSuchFileFromTheLinkIsNeverFatal() {
    ProcFiles gone =
        new Wrapped(ProcFiles.of(proc.root())) {
          @Override
          public String pidNamespaceLink(String pid) throws IOException {
            throw new NoSuchFileException(pid);
          }
        };
    HostSnapshot s = read(gone);
    assertTrue(s.tasks().isEmpty());
    assertEquals(5, s.vanished());
  }

  private static final String PROC_MOUNT =
      "22 1 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw,";

  @Test
  void hidepidIsSaidForAnOrdinaryUserAndNotForRoot() {
    String info = "1 0 8:1 / / rw - ext4 /dev/sda1 rw\n" + PROC_MOUNT + "hidepid=invisible,gid=4\n";
    String note = ProcReader.hidepidNote(info, "/proc", 1000);
    assertNotNull(note);
    assertTrue(note.startsWith("/proc is mounted with hidepid=invisible"), note);
    assertTrue(note.contains("not listed at all for uid 1000"), note);
    assertNull(ProcReader.hidepidNote(info, "/proc", 0), "root sees every process");
    String one = ProcReader.hidepidNote(PROC_MOUNT + "hidepid=1\n", "/proc", 1000);
    assertTrue(one.contains("unreadable"), one);
  }

  @Test
  void noHidepidOrAnotherMountPointSaysNothing() {
    assertNull(ProcReader.hidepidNote(PROC_MOUNT + "hidepid=0\n", "/proc", 1000));
    assertNull(
        ProcReader.hidepidNote(
            PROC_MOUNT.replace("/proc ", "/other ") + "hidepid=2\n", "/proc", 1000));
    // a later proc mount over the same point is the one seen
    assertNull(
        ProcReader.hidepidNote(PROC_MOUNT + "hidepid=2\n" + PROC_MOUNT + "\n", "/proc", 1000));
    assertNull(ProcReader.hidepidNote("", "/proc", 1000));
  }
}
