package io.github.kongtranslator.testkit.gateway;

/**
 * A fault a {@link KongAdminFake} node injects into one HTTP request.
 *
 * @param kind what goes wrong
 * @param status for {@link Kind#STATUS}: the HTTP status answered (e.g. 429, 500, 503)
 */
public record HttpFault(Kind kind, int status) {

  /** What goes wrong. */
  public enum Kind {
    /** The node answers {@code status} without processing the request (rate limit, 5xx). */
    STATUS,
    /** The connection is closed before the request is processed: nothing changes, no answer. */
    RESET_BEFORE,
    /** The request is processed, then the connection is closed without an answer. */
    RESET_AFTER
  }

  /**
   * Validates the status.
   *
   * @param kind what goes wrong
   * @param status for {@link Kind#STATUS}: the HTTP status answered (e.g. 429, 500, 503)
   */
  public HttpFault {
    if (kind == Kind.STATUS && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("a fault status must be 4xx or 5xx, was " + status);
    }
  }

  /**
   * An answer with this status, the request not processed.
   *
   * @param status e.g. 429 or 503
   * @return the fault
   */
  public static HttpFault status(int status) {
    return new HttpFault(Kind.STATUS, status);
  }

  /**
   * A connection reset before processing.
   *
   * @return the fault
   */
  public static HttpFault resetBefore() {
    return new HttpFault(Kind.RESET_BEFORE, 0);
  }

  /**
   * A connection reset after processing (the answer is lost).
   *
   * @return the fault
   */
  public static HttpFault resetAfter() {
    return new HttpFault(Kind.RESET_AFTER, 0);
  }
}
