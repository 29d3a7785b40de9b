package org.pidnslab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pidnslab.graph.DrawingOptions;
import org.pidnslab.graph.PidChip;
import org.pidnslab.graph.TaskNode;
import org.pidnslab.graph.Theme;
import org.pidnslab.kernel.Kernel;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The SVG export: well-formed XML, pids as selectable text, and the same pixels as the PNG. */
class SvgExportTest {

  private static byte[] svg(ExportRequest r) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exporter.write(ExportFormat.SVG, r, out);
    return out.toByteArray();
  }

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    // the DOCTYPE names the SVG 1.0 DTD on w3.org: a test must not fetch it
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static List<String> texts(Document doc) {
    NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  @Test
  void svgIsWellFormedXmlWithEveryPidAndNameAsTextElements() throws Exception {
    Kernel k = ExportFixtures.state(ExportFixtures.NESTED);
    ExportRequest r = ExportFixtures.request(k, Theme.LIGHT);
    Document doc = parse(svg(r));
    assertEquals("svg", doc.getDocumentElement().getLocalName());
    List<String> texts = texts(doc);
    Picture p = Exporter.picture(r);
    int chips = 0;
    for (TaskNode n : p.drawing().tasks()) {
      assertTrue(texts.contains(n.label()), n.label() + " in " + texts);
      for (PidChip c : n.chips()) {
        assertTrue(texts.contains(c.text()), "pid " + c.text() + " of " + n.label());
        chips++;
      }
    }
    assertTrue(chips >= 10, "the fixture has nested pid stacks: " + chips + " chips");
    assertTrue(texts.contains("ns1") && texts.contains("ns2"), "hull names: " + texts);
  }

  @Test
  void aPerspectiveShowsOnlyTheNumbersThatNamespaceSees() throws Exception {
    Kernel k = ExportFixtures.state(ExportFixtures.NESTED);
    ExportRequest r =
        ExportRequest.of(
            k,
            DrawingOptions.DEFAULT.withPerspective(ExportFixtures.namespace(k, "ns2")),
            Theme.LIGHT);
    List<String> texts = texts(parse(svg(r)));
    // from ns2 only d is visible, as pid 1; every other task reads 0
    assertEquals(1, texts.stream().filter("1"::equals).count(), texts.toString());
    assertTrue(texts.contains("0"), texts.toString());
    assertTrue(!texts.contains("5"), "outsider's root pid 5 is invisible from ns2: " + texts);
  }

  /** Renders an SVG with Batik, the way a browser or Inkscape would. */
  static BufferedImage rasterise(byte[] svg, int width, int height) throws Exception {
    class Capture extends ImageTranscoder {
      BufferedImage image;

      @Override
      public BufferedImage createImage(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
      }

      @Override
      public void writeImage(BufferedImage img, TranscoderOutput out) {
        image = img;
      }
    }
    Capture t = new Capture();
    t.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, (float) width);
    t.addTranscodingHint(SVGAbstractTranscoder.KEY_HEIGHT, (float) height);
    t.transcode(new TranscoderInput(new ByteArrayInputStream(svg)), null);
    return t.image;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"light", "dark", "projector"})
  void svgRasterisedByBatikLooksLikeThePngExport(String theme) throws Exception {
    Kernel k = ExportFixtures.state(9); // a dying init (E note), a zombie, nested hulls gone
    ExportRequest r = ExportFixtures.request(k, Theme.named(theme));
    BufferedImage png = Exporter.image(r);
    BufferedImage batik = rasterise(svg(r), png.getWidth(), png.getHeight());
    ImageDiff blurred = ImageDiff.report("SVG (Batik) vs PNG, " + theme, png, batik);
    assertTrue(blurred.meanAbs() < 1.0, "mean difference " + blurred.meanAbs());
    assertTrue(blurred.fractionOver() < 0.001, "pixels differing " + blurred.fractionOver());
  }

  @Test
  void theComparisonNoticesAMissingTask() throws Exception {
    // the metric is not blind: one task more is far over the thresholds above
    ExportRequest before = ExportFixtures.request(ExportFixtures.state(4), Theme.LIGHT);
    ExportRequest after = ExportFixtures.request(ExportFixtures.state(5), Theme.LIGHT);
    BufferedImage a = Exporter.image(before);
    BufferedImage b = Exporter.image(after);
    int w = Math.min(a.getWidth(), b.getWidth());
    int h = Math.min(a.getHeight(), b.getHeight());
    ImageDiff d = ImageDiff.of(a.getSubimage(0, 0, w, h), b.getSubimage(0, 0, w, h), 1, 48);
    assertTrue(d.fractionOver() > 0.001, "a new task must show: " + d);
  }
}
