package io.github.kongtranslator.kongmodel.errors;

import java.util.Optional;

/**
 * The result of parsing a rejection body: {@link Parsed}, {@link EmptyBody} or {@link Unparseable}.
 * Parsing never throws; dispatch with {@code switch} over {@link #status()}.
 */
public sealed interface ParseOutcome
    permits ParseOutcome.Parsed, ParseOutcome.EmptyBody, ParseOutcome.Unparseable {

  /** The kind of outcome. */
  enum Status {
    /** A JSON object in the expected shape (possibly without {@code flattened_errors}). */
    PARSED,
    /** An empty or blank body. */
    EMPTY,
    /** Not JSON, not an object, wrong types, too large or too deep. */
    UNPARSEABLE
  }

  /**
   * The kind of outcome.
   *
   * @return the status
   */
  Status status();

  /**
   * The parsed rejection.
   *
   * @return the rejection, empty unless {@link Status#PARSED}
   */
  default Optional<GatewayRejection> rejection() {
    return Optional.empty();
  }

  /**
   * A body in the expected shape.
   *
   * @param value the parsed rejection
   */
  record Parsed(GatewayRejection value) implements ParseOutcome {
    @Override
    public Status status() {
      return Status.PARSED;
    }

    @Override
    public Optional<GatewayRejection> rejection() {
      return Optional.of(value);
    }
  }

  /** An empty or blank body. */
  record EmptyBody() implements ParseOutcome {
    @Override
    public Status status() {
      return Status.EMPTY;
    }
  }

  /**
   * A body that is not a rejection in the expected shape.
   *
   * @param reason what is wrong, with the JSON pointer of a wrongly typed value; never body content
   * @param topLevelMessage the body's top-level {@code message} when one could be extracted (KIC
   *     logs it), else empty
   * @param bodyLength the body length in characters
   */
  record Unparseable(String reason, String topLevelMessage, int bodyLength)
      implements ParseOutcome {
    @Override
    public Status status() {
      return Status.UNPARSEABLE;
    }

    /** Reason and length only: the message may quote rejected values. */
    @Override
    public String toString() {
      return "Unparseable{reason=" + reason + ", bodyLength=" + bodyLength + "}";
    }
  }
}
