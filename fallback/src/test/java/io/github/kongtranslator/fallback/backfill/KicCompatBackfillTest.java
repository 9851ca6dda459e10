package io.github.kongtranslator.fallback.backfill;

import static io.github.kongtranslator.fallback.Fixtures.object;
import static io.github.kongtranslator.fallback.Fixtures.ref;
import static io.github.kongtranslator.fallback.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.fallback.exclusion.Exclusion;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KIC's backfill quirks (spec §3.3) are reproduced by the compat variant and avoided by the safe
 * one.
 */
class KicCompatBackfillTest {

  static final String PLUGIN =
      """
      apiVersion: configuration.konghq.com/v1
      kind: KongPlugin
      metadata: {name: auth, namespace: default, uid: u-auth}
      plugin: key-auth
      config: {v: %s}
      """;

  static final String INGRESS =
      """
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: %s, namespace: default, uid: u-%s, annotations: {konghq.com/plugins: "%s"}}
      """;

  @Test
  void compat_resurrectsAnObjectDeletedSinceTheLastValidSnapshot_q2() {
    CacheStores last = snapshot(PLUGIN.formatted(1) + INGRESS.formatted("gone", "gone", "auth"));
    CacheStores now = snapshot(PLUGIN.formatted(2));
    ExclusionResult ex = Exclusion.exclude(now, List.of(ref(now, "KongPlugin default/auth")));

    BackfillResult compat = KicBackfill.apply(ex, last);
    BackfillResult safe = Backfill.apply(ex, last);

    assertThat(compat.snapshot().get(ref(last, "Ingress default/gone"))).isPresent();
    assertThat(safe.snapshot().get(ref(last, "Ingress default/gone"))).isEmpty();
    assertThat(safe.restored()).containsExactly(ref(now, "KongPlugin default/auth"));
  }

  @Test
  void compat_rollsBackAnObjectThatNoLongerDependsOnTheBrokenOne_q3() {
    CacheStores last = snapshot(PLUGIN.formatted(1) + INGRESS.formatted("web", "web", "auth"));
    CacheStores now = snapshot(PLUGIN.formatted(2) + INGRESS.formatted("web", "web", "other"));
    ExclusionResult ex = Exclusion.exclude(now, List.of(ref(now, "KongPlugin default/auth")));

    BackfillResult compat = KicBackfill.apply(ex, last);
    BackfillResult safe = Backfill.apply(ex, last);

    assertThat(ex.isExcluded(ref(now, "Ingress default/web"))).isFalse();
    assertThat(compat.snapshot().get(ref(now, "Ingress default/web")))
        .contains(object(last, "Ingress default/web"));
    assertThat(safe.snapshot().get(ref(now, "Ingress default/web")))
        .contains(object(now, "Ingress default/web"));
  }

  @Test
  void compat_withoutAnythingInTheLastValidSnapshot_isTheExclusion() {
    CacheStores now = snapshot(PLUGIN.formatted(2));
    ExclusionResult ex = Exclusion.exclude(now, List.of(ref(now, "KongPlugin default/auth")));

    BackfillResult r = KicBackfill.apply(ex, CacheStores.empty());

    assertThat(r.snapshot()).isSameAs(ex.fallback());
    assertThat(r.refused()).containsOnlyKeys(ref(now, "KongPlugin default/auth"));
  }
}
