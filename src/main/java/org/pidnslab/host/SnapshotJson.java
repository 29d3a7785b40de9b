package org.pidnslab.host;

import java.util.List;
import org.pidnslab.export.JsonText;

/**
 * {@code pidns-lab live --json}: the snapshot as JSON, format {@value #FORMAT}, schema version
 * {@value #SCHEMA_VERSION}, described field by field in docs/user-guide.md ("Your machine's
 * namespaces").
 */
public final class SnapshotJson {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "pidns-lab/live";

  /** Raised whenever a field changes meaning or disappears; new fields do not raise it. */
  public static final int SCHEMA_VERSION = 1;

  private SnapshotJson() {}

  /** The JSON document of {@code s}. */
  public static String of(HostSnapshot s) {
    StringBuilder sb = new StringBuilder(512 + s.tasks().size() * 200);
    sb.append("{\n  \"format\": ").append(quote(FORMAT));
    sb.append(",\n  \"schemaVersion\": ").append(SCHEMA_VERSION);
    sb.append(",\n  \"kernel\": ").append(s.release() == null ? "null" : quote(s.release()));
    sb.append(",\n  \"proc\": ").append(quote(s.procRoot()));
    sb.append(",\n  \"reader\": ").append(quote(s.reader()));
    sb.append(",\n  \"namespaces\": [");
    List<HostNamespace> nss = s.namespaces();
    for (int i = 0; i < nss.size(); i++) {
      HostNamespace ns = nss.get(i);
      sb.append(i == 0 ? "\n" : ",\n");
      sb.append("    {\"inode\": ").append(ns.identified() ? Long.toString(ns.inode()) : "null");
      sb.append(", \"level\": ").append(ns.level());
      sb.append(", \"parent\": ").append(ns.parent() == 0 ? "null" : Long.toString(ns.parent()));
      sb.append(", \"parentFrom\": ").append(quote(ns.parentFrom()));
      sb.append(", \"processes\": ").append(ns.tasks()).append('}');
    }
    sb.append("\n  ],\n  \"processes\": [");
    List<HostTask> ts = s.tasks();
    for (int i = 0; i < ts.size(); i++) {
      HostTask t = ts.get(i);
      sb.append(i == 0 ? "\n" : ",\n");
      sb.append("    {\"pid\": ").append(t.pid());
      sb.append(", \"comm\": ").append(quote(t.comm()));
      sb.append(", \"state\": ").append(quote(String.valueOf(t.state())));
      sb.append(", \"ppid\": ").append(t.ppid());
      sb.append(", \"uid\": ").append(t.uid());
      sb.append(", \"namespace\": ").append(t.nsInode() > 0 ? Long.toString(t.nsInode()) : "null");
      sb.append(", \"level\": ").append(t.level());
      sb.append(", \"nspid\": ");
      array(sb, t.nspid());
      sb.append(", \"nstgid\": ");
      array(sb, t.nstgid());
      sb.append(", \"nspgid\": ");
      array(sb, t.nspgid());
      sb.append(", \"nssid\": ");
      array(sb, t.nssid());
      sb.append('}');
    }
    sb.append("\n  ],\n  \"hidden\": [");
    for (int i = 0; i < s.hidden().size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(quote(s.hidden().get(i)));
    }
    sb.append("],\n  \"vanished\": ").append(s.vanished()).append("\n}\n");
    return sb.toString();
  }

  private static void array(StringBuilder sb, int[] ids) {
    sb.append('[');
    for (int i = 0; i < ids.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(ids[i]);
    }
    sb.append(']');
  }

  private static String quote(String s) {
    return JsonText.quote(s);
  }
}
