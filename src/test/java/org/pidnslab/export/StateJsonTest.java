package org.pidnslab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pidnslab.kernel.Kernel;
import org.pidnslab.kernel.PidNamespace;
import org.pidnslab.kernel.Task;

/** The JSON export parses, carries its schema version, and says what the state says. */
class StateJsonTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> doc(Kernel k, PidNamespace view) {
    return (Map<String, Object>) MiniJson.parse(StateJson.of(k, view));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> byId(List<Object> list, String key, Object value) {
    for (Object o : list) {
      Map<String, Object> m = (Map<String, Object>) o;
      if (value.equals(m.get(key))) {
        return m;
      }
    }
    throw new AssertionError("no " + key + "=" + value);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyTaskAndNamespaceIsThereWithItsIdsPerLevel() throws Exception {
    Kernel k = ExportFixtures.state(ExportFixtures.NESTED);
    Map<String, Object> d = doc(k, null);
    assertEquals("pidns-lab/state", d.get("format"));
    assertEquals(1L, d.get("schemaVersion"));
    assertNull(d.get("perspective"));
    List<Object> tasks = (List<Object>) d.get("tasks");
    assertEquals(k.taskCount(), tasks.size());
    for (Task t : k.tasks()) {
      Map<String, Object> j = byId(tasks, "id", TaskAttributes.id(t));
      assertEquals(t.comm(), j.get("comm"));
      assertEquals(t.state().letter(), j.get("state"));
      assertEquals(t.activeNs().name(), j.get("ns"));
      List<Object> nspid = (List<Object>) j.get("nspid");
      assertEquals(t.activeNs().level() + 1, nspid.size(), t.comm());
      for (int level = 0; level < nspid.size(); level++) {
        PidNamespace ns = t.activeNs().ancestorAt(level);
        assertEquals((long) t.pidNr(ns), nspid.get(level), t.comm() + " at level " + level);
      }
      Object parent = j.get("parent");
      assertEquals(t.realParent() == null ? null : TaskAttributes.id(t.realParent()), parent);
    }
    List<Object> namespaces = (List<Object>) d.get("namespaces");
    assertEquals(k.namespaces().size(), namespaces.size());
    Map<String, Object> ns2 = byId(namespaces, "name", "ns2");
    assertEquals("ns1", ns2.get("parent"));
    assertEquals(2L, ns2.get("level"));
    Map<String, Object> sysctl = (Map<String, Object>) ns2.get("sysctl");
    assertEquals((long) ExportFixtures.namespace(k, "ns2").pidMax(), sysctl.get("pid_max"));
    assertEquals(1L, sysctl.get("ns_last_pid"), "d took pid 1 in ns2");
  }

  @Test
  void theDocumentNamesThePerspectiveAndTheDyingNamespace() throws Exception {
    Kernel k = ExportFixtures.state(9);
    Map<String, Object> d = doc(k, ExportFixtures.namespace(k, "ns1"));
    assertEquals("ns1", d.get("perspective"));
    @SuppressWarnings("unchecked")
    List<Object> namespaces = (List<Object>) d.get("namespaces");
    assertEquals("dying", byId(namespaces, "name", "ns1").get("life"));
    assertEquals(false, byId(namespaces, "name", "ns1").get("allocationEnabled"));
  }

  @Test
  void namesWithQuotesAndControlCharactersStayValidJson() {
    assertEquals("a\"b\\c\nd\u0001", MiniJson.parse(StateJson.quote("a\"b\\c\nd\u0001")));
  }
}
