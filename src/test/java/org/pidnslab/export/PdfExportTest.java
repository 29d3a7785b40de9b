package org.pidnslab.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.pidnslab.graph.PidChip;
import org.pidnslab.graph.TaskNode;
import org.pidnslab.graph.Theme;

/** The PDF export: a PDF document whose page draws every pid and name as text. */
class PdfExportTest {

  /** The page content: every Flate-compressed stream of the document, inflated and joined. */
  static String contentStreams(byte[] pdf) throws Exception {
    String doc = new String(pdf, StandardCharsets.ISO_8859_1);
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (true) {
      int s = doc.indexOf("stream", from);
      if (s < 0) {
        break;
      }
      int start = doc.indexOf('\n', s) + 1;
      int end = doc.indexOf("endstream", start);
      if (doc.startsWith("end", s - 3)) { // the "stream" of an "endstream"
        from = s + 6;
        continue;
      }
      byte[] raw = doc.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
      Inflater inf = new Inflater();
      inf.setInput(raw);
      ByteArrayOutputStream plain = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      while (!inf.finished()) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          break;
        }
        plain.write(buf, 0, n);
      }
      out.append(plain.toString(StandardCharsets.ISO_8859_1));
      from = end + 9;
    }
    return out.toString();
  }

  @Test
  void pdfIsADocumentThatDrawsEveryPidAndNameAsText() throws Exception {
    ExportRequest r =
        ExportFixtures.request(ExportFixtures.state(ExportFixtures.NESTED), Theme.LIGHT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exporter.write(ExportFormat.PDF, r, out);
    byte[] pdf = out.toByteArray();
    assertTrue(new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"), "header");
    assertTrue(new String(pdf, StandardCharsets.ISO_8859_1).stripTrailing().endsWith("%%EOF"));
    String doc = new String(pdf, StandardCharsets.ISO_8859_1);
    assertTrue(doc.contains("/BaseFont /Helvetica"), "a sans-serif standard font");
    assertTrue(!doc.contains("/BaseFont /Courier"), "not the typewriter fallback");
    String content = contentStreams(pdf);
    for (TaskNode n : Exporter.picture(r).drawing().tasks()) {
      assertTrue(content.contains("(" + n.label() + ") Tj"), n.label() + " drawn as text");
      for (PidChip c : n.chips()) {
        assertTrue(content.contains("(" + c.text() + ") Tj"), "pid " + c.text());
      }
    }
  }
}
