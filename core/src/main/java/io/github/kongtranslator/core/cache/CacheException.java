package io.github.kongtranslator.core.cache;

import io.github.kongtranslator.core.KongTranslatorException;

/** An object cannot enter the cache (e.g. it has no name). The message names the object. */
public final class CacheException extends KongTranslatorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the object
   */
  public CacheException(String message) {
    super(message);
  }
}
