package org.pidnslab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every link in the project's documents (README, docs/, packaging/, the kernel-replay notes)
 * resolves inside the repository or goes to a documentation host {@link DocLinks} lists; and the
 * checker itself finds each kind of broken link.
 */
class DocumentationLinksTest {
  @TempDir Path dir;

  @Test
  void everyLinkInTheRepositoryResolves() throws IOException {
    DocLinks links = new DocLinks(Path.of("."));
    List<Path> files = links.markdownFiles();
    assertTrue(files.contains(Path.of("README.md").toAbsolutePath()), files.toString());
    assertTrue(files.size() >= 10, files.toString());
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      problems.addAll(links.problems(f));
    }
    assertEquals("", String.join("\n", problems));
  }

  private List<String> problemsOf(String markdown) throws IOException {
    Files.createDirectories(dir.resolve("docs"));
    Files.writeString(dir.resolve("docs/other.md"), "# Other page\n\n## The `run` command\n");
    Path page = Files.writeString(dir.resolve("docs/page.md"), markdown);
    return new DocLinks(dir).problems(page);
  }

  @Test
  void goodLinksPass() throws IOException {
    assertEquals(
        List.of(),
        problemsOf(
            "# Title\n\nSee [other](other.md), [its part](other.md#the-run-command),"
                + " [here](#title), ![pic](other.md) and the"
                + " [kernel](https://elixir.bootlin.com/linux/v6.18/source/kernel/pid.c).\n"
                + "```\n[not a link](nowhere.md)\n```\n"
                + "`[code](nowhere.md)`\n"));
  }

  @Test
  void aMissingFileAMissingHeadingAndAnEscapeAreEachReported() throws IOException {
    List<String> p =
        problemsOf(
            "[a](missing.md)\n[b](other.md#no-such)\n[c](../../outside.md)\n[d](#nowhere)\n");
    assertEquals(4, p.size(), p.toString());
    assertTrue(p.get(0).startsWith("docs/page.md:1: links to missing.md, which does not exist"));
    assertTrue(p.get(1).contains("has no such heading"), p.get(1));
    assertTrue(p.get(2).contains("links outside the repository"), p.get(2));
    assertTrue(p.get(3).startsWith("docs/page.md:4:"), p.get(3));
  }

  @Test
  void linksOutAreAllowedOnlyToListedHostsOverHttps() throws IOException {
    List<String> p =
        problemsOf(
            "[a](https://example.com/x)\n[b](http://elixir.bootlin.com/x)\n"
                + "[c](file:///work/shared/x.md)\n[d](/etc/passwd)\n"
                + "[e]: https://github.com/someone/else\n<https://blog.invalid/post>\n"
                + "[f](https://github.com/torvalds/linux/blob/master/kernel/pid.c)\n");
    // the file: link counts twice: a link out, and a path on one machine
    assertEquals(7, p.size(), p.toString());
    assertTrue(p.get(0).contains("not a documentation host"), p.get(0));
    assertTrue(p.get(1).contains("outside the repository: http://"), p.get(1));
    assertTrue(p.get(2).endsWith("names a path on one machine: /work/shared/x.md"), p.get(2));
  }

  @Test
  void aPathOnOneMachineInTheTextOrInCodeIsReported() throws IOException {
    List<String> p =
        problemsOf(
            "Read `/work/shared/stack.md` first, or /home/me/notes.\n```\ncd /work/x\n```\n");
    assertEquals(3, p.size(), p.toString());
    assertTrue(p.get(0).contains("names a path on one machine: /work/shared/stack.md"), p.get(0));
  }

  @Test
  void headingAnchorsFollowGitHub() {
    assertEquals(
        Set.of("the-run-command", "install-run-test", "faq", "faq-1", "what-is-pid-1"),
        DocLinks.headingAnchors(
            List.of(
                "## The `run` command",
                "## Install, run, test",
                "# FAQ",
                "### FAQ",
                "## What is pid 1?",
                "```",
                "# not a heading",
                "```")));
  }
}
