package io.github.kongtranslator.core;

import org.jspecify.annotations.Nullable;

/**
 * Base type of every exception thrown by kong-translator.
 *
 * <p>Each failure family (manifest input, translation, gateway rejection, consistency) has its own
 * subtype. Messages name the objects involved as {@code Kind namespace/name} and never contain
 * Secret data, credentials or private keys.
 */
public abstract class KongTranslatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the objects involved
   */
  protected KongTranslatorException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the objects involved
   * @param cause the underlying failure, or null when there is none
   */
  protected KongTranslatorException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
