package org.pidnslab.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats the Lab writes, with their usual file name extension. */
public enum ExportFormat {
  /** Vector picture with selectable text; the same picture as the window. */
  SVG("svg", "image/svg+xml"),
  /** Raster picture at 1x, 2x or 4x, optionally with a transparent background. */
  PNG("png", "image/png"),
  /** Vector picture for print and LaTeX. */
  PDF("pdf", "application/pdf"),
  /** Graphviz source: the task tree with namespaces as clusters. */
  DOT("dot", "text/vnd.graphviz"),
  /** GraphML for yEd, Gephi and other graph tools. */
  GRAPHML("graphml", "application/graphml+xml"),
  /** The whole state as JSON (docs/diagrams.md describes the schema). */
  JSON("json", "application/json"),
  /** A scenario as an animated picture: one frame per statement, with captions. */
  GIF("gif", "image/gif");

  private final String extension;
  private final String mediaType;

  ExportFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  /** The file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** The IANA media type, for the clipboard and file dialogs. */
  public String mediaType() {
    return mediaType;
  }

  /** Whether the format is a picture of the drawing (as opposed to the graph or the state). */
  public boolean isPicture() {
    return this == SVG || this == PNG || this == PDF || this == GIF;
  }

  /** The format called {@code name} (its extension), ignoring case. */
  public static ExportFormat named(String name) {
    for (ExportFormat f : values()) {
      if (f.extension.equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "'; try " + namesList());
  }

  /** The formats' names, as a user types them: {@code svg, png, ...}. */
  public static String namesList() {
    return Arrays.stream(values()).map(f -> f.extension).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return extension.toUpperCase(Locale.ROOT);
  }
}
