package io.github.kongtranslator.testkit.sync;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.fallback.gateway.GatewayClient;
import io.github.kongtranslator.fallback.gateway.GatewayState;
import io.github.kongtranslator.fallback.sync.FallbackMode;
import io.github.kongtranslator.fallback.sync.SyncListener;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.fallback.sync.internal.SkipPolicy;
import io.github.kongtranslator.fallback.sync.internal.SyncLoop;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.List;

/**
 * The update loop under test, with a choice of skip policy: {@link SkipPolicy#TARGET} is the
 * library's; the KIC policies ({@link KicSkipPolicies}) let a test show that it catches a
 * synchronizer that skips by SHA.
 */
final class Loop {
  static final Translator TRANSLATOR = Translator.create(TranslatorOptions.defaults());

  private final SyncLoop loop;

  private Loop(SkipPolicy policy, FallbackMode mode, SyncListener listener) {
    this.loop = new SyncLoop(TRANSLATOR::translate, mode, listener, policy);
  }

  static Loop with(SkipPolicy policy) {
    return new Loop(policy, FallbackMode.EXCLUDE, SyncListener.NONE);
  }

  static Loop with(SkipPolicy policy, FallbackMode mode, SyncListener listener) {
    return new Loop(policy, mode, listener);
  }

  SyncResult tick(CacheStores snapshot, GatewayClient... gateways) {
    return loop.sync(snapshot, List.of(gateways));
  }

  GatewayState state(String id) {
    return loop.state(id);
  }

  SyncLoop loop() {
    return loop;
  }

  static KongConfig translate(CacheStores snapshot) {
    return TRANSLATOR.translate(snapshot).config();
  }
}
