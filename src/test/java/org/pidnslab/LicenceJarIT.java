package org.pidnslab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar carries the project's licence and a notice naming every library it bundles with
 * that library's licence.
 */
class LicenceJarIT {
  private static ZipFile jar;

  @BeforeAll
  static void open() throws IOException {
    jar = new ZipFile(System.getProperty("pidnslab.jar", "target/pidns-lab.jar"));
  }

  @Test
  void theJarHoldsTheLicenceOfTheRepository() throws IOException {
    String licence = read("META-INF/pidns-lab/LICENSE");
    assertEquals(Files.readString(Path.of("LICENSE")), licence);
    assertTrue(licence.contains("GNU GENERAL PUBLIC LICENSE\n                       Version 3"));
  }

  @Test
  void everyLibraryWithMavenCoordinatesInTheJarIsInTheNotice() throws IOException {
    String notice = read("META-INF/pidns-lab/THIRD-PARTY.txt");
    List<String> bundled = new ArrayList<>();
    for (ZipEntry e : Collections.list(jar.entries())) {
      if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
        Properties p = new Properties();
        p.load(new StringReader(read(e.getName())));
        if (!p.getProperty("groupId").equals("org.pidnslab")) {
          bundled.add(
              p.getProperty("groupId")
                  + ":"
                  + p.getProperty("artifactId")
                  + ":"
                  + p.getProperty("version"));
        }
      }
    }
    assertTrue(bundled.size() >= 10, bundled.toString());
    for (String library : bundled) {
      assertTrue(notice.contains("(" + library + " "), library + " is in the notice");
    }
  }

  @Test
  void theLibrariesWithoutCoordinatesInTheJarAreNamedWithTheirLicences() throws IOException {
    String notice = read("META-INF/pidns-lab/THIRD-PARTY.txt");
    for (String[] expected :
        new String[][] {
          {"org.jfree:org.jfree.svg:", "GPL-3.0-or-later"},
          {"org.jfree:org.jfree.pdf:", "GPL-3.0-or-later"},
          {"org.openjfx:javafx-graphics:", "GPL-2.0-only WITH Classpath-exception-2.0"},
          {"org.openjfx:javafx-controls:", "GPL-2.0-only WITH Classpath-exception-2.0"},
          {"org.jgrapht:jgrapht-core:", "EPL-2.0"},
          {"org.controlsfx:controlsfx:", "BSD-3-Clause"},
          {"org.fxmisc.richtext:richtextfx:", "BSD-2-Clause"},
          {"io.github.mkpaz:atlantafx-base:", "MIT"},
          {"org.kordamp.ikonli:ikonli-javafx:", "Apache-2.0"},
          {"info.picocli:picocli:", "Apache-2.0"}
        }) {
      String line =
          notice.lines().filter(l -> l.contains("(" + expected[0])).findFirst().orElse(null);
      assertNotNull(line, expected[0] + " is in the notice");
      assertTrue(line.contains("(" + expected[1] + ")"), line);
    }
    assertFalse(notice.contains("Unknown license"), notice);
  }

  private static String read(String entry) throws IOException {
    ZipEntry e = jar.getEntry(entry);
    assertNotNull(e, entry + " is in the jar");
    try (InputStream in = jar.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
