package org.pidnslab.app.model;

/**
 * Whether an action can be used now, and if not, the sentence its tooltip shows.
 *
 * @param reason why not, or null when enabled
 */
public record Availability(boolean enabled, String reason) {
  /** Usable. */
  public static final Availability OK = new Availability(true, null);

  /** Not usable, because of {@code reason}. */
  public static Availability no(String reason) {
    return new Availability(false, reason);
  }
}
