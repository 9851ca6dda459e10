package io.github.kongtranslator.fallback.gateway;

import io.github.kongtranslator.core.KongTranslatorException;

/**
 * A gateway could not be asked something the update loop needs (e.g. its node id). The loop catches
 * it and treats the gateway's configuration as unknown. Messages name the gateway by id, never by
 * credentials.
 */
public final class GatewayUnavailableException extends KongTranslatorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be read, naming the gateway
   */
  public GatewayUnavailableException(String message) {
    super(message);
  }
}
