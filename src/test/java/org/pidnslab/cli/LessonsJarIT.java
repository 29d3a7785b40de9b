package org.pidnslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.pidnslab.script.Lessons;

/** The packaged fat jar carries the lessons, and runs one as the README says. */
class LessonsJarIT {
  private static final Path LESSONS = Path.of("assets/lessons");

  @Test
  void theJarHoldsTheIndexAndEveryLessonItLists() throws IOException {
    Path jar = Path.of(System.getProperty("pidnslab.jar", "target/pidns-lab.jar"));
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      String index = read(zip, Lessons.INDEX);
      assertEquals(Files.readString(LESSONS.resolve("index.txt")), index);
      List<String> names = Lessons.index(index);
      assertTrue(names.size() >= 12);
      for (String name : names) {
        assertEquals(
            Files.readString(LESSONS.resolve(name)), read(zip, Lessons.FOLDER + name), name);
      }
    }
  }

  @Test
  void aLessonRunsFromTheCommandLineWithExplanations() throws Exception {
    ConformanceJarIT.Run r =
        ConformanceJarIT.runJar(
            Path.of("."), "run", "--explain", "assets/lessons/07-zombies-and-wait.pidns");
    assertEquals("", r.err());
    assertEquals(0, r.status());
    assertTrue(r.out().contains("wait a = 3"), r.out());
  }

  private static String read(ZipFile zip, String entry) throws IOException {
    ZipEntry e = zip.getEntry(entry);
    assertNotNull(e, entry + " is in the jar");
    try (InputStream in = zip.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
