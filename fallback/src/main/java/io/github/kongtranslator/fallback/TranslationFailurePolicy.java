package io.github.kongtranslator.fallback;

import io.github.kongtranslator.translator.TranslationFailure;

/**
 * What the fail-closed entry points ({@link FailClosedTranslator}, {@link FallbackGenerator},
 * {@link io.github.kongtranslator.fallback.sync.ConfigSynchronizer}, the CLI) do with translation
 * failures that {@link TranslationFailure#failsClosed() fail closed}.
 */
public enum TranslationFailurePolicy {
  /**
   * The default (architecture principle 4): the objects blamed by an {@link
   * TranslationFailure.Effect#UNPROTECTED} or {@link TranslationFailure.Effect#KONG_INVALID}
   * failure and everything that depends on them are left out, with the reason path, exactly as for
   * objects a gateway rejected. A route whose authentication plugin cannot be translated is not
   * served.
   */
  FAIL_CLOSED,
  /**
   * KIC's behaviour: every failure only leaves out what failed; a route whose plugin cannot be
   * translated is emitted without it. For differential tests against KIC and its golden corpus.
   */
  KIC_COMPATIBLE
}
