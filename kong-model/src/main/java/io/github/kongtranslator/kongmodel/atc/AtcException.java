package io.github.kongtranslator.kongmodel.atc;

import io.github.kongtranslator.core.KongTranslatorException;
import java.util.Objects;

/**
 * An ATC expression that Kong's router (atc-router) would reject: a syntax error with its position,
 * a bad literal or regex, an unknown field or a type mismatch. The message is what Kong would say,
 * without the route; expressions hold no secrets, but callers add the route.
 *
 * <p>{@link #unsupported()} marks a regex that Rust's {@code regex} crate accepts but this library
 * cannot express in Java (see {@link AtcParser}): not Kong's rejection, only ours.
 */
public final class AtcException extends KongTranslatorException {
  private static final long serialVersionUID = 1L;

  private final boolean unsupported;

  /**
   * Creates the exception for an expression Kong would reject.
   *
   * @param message what Kong would say, without the route
   */
  public AtcException(String message) {
    this(message, false);
  }

  private AtcException(String message, boolean unsupported) {
    super(message);
    this.unsupported = unsupported;
  }

  /**
   * What is wrong with the expression.
   *
   * @return the message, never null: every constructor takes one
   */
  @Override
  public String getMessage() {
    return Objects.requireNonNull(super.getMessage(), "an AtcException always has a message");
  }

  /**
   * An expression Kong accepts but this library cannot evaluate.
   *
   * @param message what cannot be expressed
   * @return the exception
   */
  public static AtcException unsupported(String message) {
    return new AtcException(message, true);
  }

  /**
   * Whether Kong would accept the expression and only this library cannot handle it.
   *
   * @return true for an unsupported regex feature, false for Kong's own rejection
   */
  public boolean unsupported() {
    return unsupported;
  }
}
