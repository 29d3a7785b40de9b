package org.pidnslab.host;

/** Counts of processes in the sentences the host side writes: "1 process", "2 processes". */
public final class Plural {
  private Plural() {}

  /** {@code n} and the noun "process" in the number {@code n} asks for. */
  public static String processes(long n) {
    return n + (n == 1 ? " process" : " processes");
  }

  /** {@code one} for a single process, {@code many} otherwise (a verb, a pronoun). */
  public static String agree(long n, String one, String many) {
    return n == 1 ? one : many;
  }
}
