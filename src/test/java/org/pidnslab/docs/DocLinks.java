package org.pidnslab.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the links of the project's Markdown files: every relative link names a file inside the
 * repository (and a heading that exists, where it names one), and the only links out are https
 * links to the documentation hosts in {@link #ALLOWED_HOSTS}. Text that names an absolute path of
 * one machine ({@code /work/...}, {@code /home/...}) is reported too.
 */
final class DocLinks {
  /**
   * Hosts a document may link to, each for a reason: the kernel's own source and documentation (the
   * simulation mirrors named kernel functions, and the kernel rules page links to them), the man
   * pages of the system calls, the licence texts, and the OpenJDK/OpenJFX projects the app is built
   * on. Anything else (a blog, a file on one machine) can vanish or mean nothing to a user.
   */
  static final Set<String> ALLOWED_HOSTS =
      Set.of(
          "elixir.bootlin.com",
          "git.kernel.org",
          "github.com/torvalds/linux",
          "docs.kernel.org",
          "www.kernel.org",
          "man7.org",
          "www.gnu.org",
          "openjdk.org",
          "openjfx.io");

  private static final Pattern INLINE = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?");
  private static final Pattern REFERENCE =
      Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(\\s|$)");
  private static final Pattern AUTOLINK =
      Pattern.compile("<((?:https?|file|ftp|mailto):[^>\\s]+)>");
  private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");
  private static final Pattern MACHINE_PATH =
      Pattern.compile("(?<![\\w.~-])/(?:work|home)/[^\\s)\\]`'\"]*");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");

  private final Path root;
  private final Map<Path, Set<String>> anchors = new HashMap<>();

  DocLinks(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The Markdown files of the repository, build output and hidden folders left out. */
  List<Path> markdownFiles() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".md"))
          .filter(p -> !root.relativize(p).toString().startsWith("target"))
          .filter(p -> !root.relativize(p).toString().matches("(^|.*/)\\..*"))
          .sorted()
          .toList();
    }
  }

  /** One line per broken or outside link in {@code file}: {@code FILE:LINE: message}. */
  List<String> problems(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
        fenced = !fenced;
        continue;
      }
      String where = root.relativize(file) + ":" + (i + 1) + ": ";
      Matcher path = MACHINE_PATH.matcher(line);
      while (path.find()) {
        out.add(where + "names a path on one machine: " + path.group());
      }
      if (fenced) {
        continue;
      }
      String text = CODE_SPAN.matcher(line).replaceAll("");
      for (Pattern p : List.of(INLINE, REFERENCE, AUTOLINK)) {
        Matcher m = p.matcher(text);
        while (m.find()) {
          String problem = check(file, m.group(1));
          if (problem != null) {
            out.add(where + problem);
          }
        }
      }
    }
    return out;
  }

  /** What is wrong with {@code target} as a link in {@code file}, or null. */
  private String check(Path file, String target) {
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("https://")) {
      return allowed(target) ? null : "links to " + target + ", not a documentation host we list";
    }
    if (lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
      return "links outside the repository: " + target;
    }
    int hash = target.indexOf('#');
    String pathPart = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    if (pathPart.startsWith("/")) {
      return "absolute link " + target + " (use a path relative to " + file.getFileName() + ")";
    }
    Path resolved = pathPart.isEmpty() ? file : file.getParent().resolve(decode(pathPart));
    resolved = resolved.toAbsolutePath().normalize();
    if (!resolved.startsWith(root)) {
      return "links outside the repository: " + target;
    }
    if (!Files.exists(resolved)) {
      return "links to " + target + ", which does not exist";
    }
    if (anchor != null && resolved.toString().endsWith(".md")) {
      if (!anchorsOf(resolved).contains(anchor)) {
        return "links to " + target + ", but " + root.relativize(resolved) + " has no such heading";
      }
    }
    return null;
  }

  private static boolean allowed(String url) {
    try {
      URI uri = new URI(url);
      String hostAndPath = uri.getHost() + (uri.getPath() == null ? "" : uri.getPath());
      return ALLOWED_HOSTS.stream()
          .anyMatch(h -> hostAndPath.equals(h) || hostAndPath.startsWith(h + "/"));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String decode(String path) {
    return path.replace("%20", " ");
  }

  /** The heading anchors of a Markdown file, as GitHub derives them. */
  private Set<String> anchorsOf(Path md) {
    return anchors.computeIfAbsent(
        md,
        f -> {
          try {
            return headingAnchors(Files.readAllLines(f));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * GitHub's rule: the heading text lower-cased, inline markup and punctuation other than {@code -}
   * and {@code _} dropped, spaces made hyphens; a repeated anchor gets {@code -1}, {@code -2}.
   */
  static Set<String> headingAnchors(List<String> lines) {
    Set<String> found = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    for (String line : lines) {
      if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
        fenced = !fenced;
      }
      Matcher h = HEADING.matcher(line);
      if (fenced || !h.matches()) {
        continue;
      }
      String text = h.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
      String slug =
          text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
      int n = seen.merge(slug, 1, Integer::sum) - 1;
      found.add(n == 0 ? slug : slug + "-" + n);
    }
    return found;
  }
}
