package io.github.kongtranslator.fallback.backfill;

import static io.github.kongtranslator.fallback.Fixtures.object;
import static io.github.kongtranslator.fallback.Fixtures.ref;
import static io.github.kongtranslator.fallback.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.backfill.BackfillRefusal.Reason;
import io.github.kongtranslator.fallback.exclusion.Exclusion;
import io.github.kongtranslator.fallback.exclusion.ExclusionResult;
import io.github.kongtranslator.fallback.graph.ConfigGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackfillTest {

  /** Ingress ing → Service svc → KongPlugin auth (rate {@code %s}). */
  static final String BASE =
      """
      apiVersion: configuration.konghq.com/v1
      kind: KongPlugin
      metadata: {name: auth, namespace: default, uid: u-auth}
      plugin: rate-limiting
      config: {minute: %s}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: svc, namespace: default, uid: u-svc, annotations: {konghq.com/plugins: auth}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: ing, namespace: default, uid: u-ing}
      spec:
        rules:
        - http:
            paths:
            - {path: /, pathType: Prefix, backend: {service: {name: svc, port: {number: 80}}}}
      """;

  @Test
  void backfill_brokenPluginEditedSinceLastValid_restoresOldPluginAndItsDependents() {
    CacheStores last = snapshot(BASE.formatted("5"));
    CacheStores now = snapshot(BASE.formatted("-1"));
    ExclusionResult ex = Exclusion.exclude(now, List.of(ref(now, "KongPlugin default/auth")));

    BackfillResult r = Backfill.apply(ex, last);

    assertThat(r.restored())
        .map(ObjectRef::toString)
        .containsExactly("Ingress default/ing", "Service default/svc", "KongPlugin default/auth");
    assertThat(r.refused()).isEmpty();
    assertThat(r.snapshot().all()).containsExactlyElementsOf(last.all());
  }

  @Test
  void backfill_emptyLastValid_isTheExclusion() {
    CacheStores now = snapshot(BASE.formatted("-1"));
    ExclusionResult ex = Exclusion.exclude(now, List.of(ref(now, "KongPlugin default/auth")));

    BackfillResult r = Backfill.apply(ex, CacheStores.empty());

    assertThat(r.restored()).isEmpty();
    assertThat(r.snapshot()).isSameAs(ex.fallback());
    assertThat(r.refused().values())
        .extracting(BackfillRefusal::reason)
        .containsOnly(Reason.NOT_IN_LAST_VALID);
  }

  @Test
  void backfill_lastValidEqualsCurrent_givesTheCurrentSnapshot() {
    CacheStores now = snapshot(BASE.formatted("5"));
    ExclusionResult ex = Exclusion.exclude(now, List.of(ref(now, "KongPlugin default/auth")));

    BackfillResult r = Backfill.apply(ex, now);

    assertThat(r.snapshot().hash()).isEqualTo(now.hash());
  }

  @Test
  void backfill_recreatedObject_isNotRestored() {
    CacheStores last = snapshot(BASE.formatted("5"));
    CacheStores now = snapshot(BASE.formatted("-1").replace("uid: u-auth", "uid: u-auth-2"));
    ExclusionResult ex = Exclusion.exclude(now, List.of(ref(now, "KongPlugin default/auth")));

    BackfillResult r = Backfill.apply(ex, last);

    assertThat(r.refused().get(ref(now, "KongPlugin default/auth")).reason())
        .isEqualTo(Reason.NOT_IN_LAST_VALID);
    assertThat(r.refused().get(ref(now, "Service default/svc")))
        .isEqualTo(
            new BackfillRefusal(
                ref(now, "Service default/svc"),
                Reason.DEPENDENCY_NOT_RESTORED,
                ref(last, "KongPlugin default/auth")));
    assertThat(r.restored()).isEmpty();
  }

  @Test
  void backfill_brokenServiceWhosePluginChanged_isRefused_andItsIngressToo() {
    CacheStores last = snapshot(BASE.formatted("5"));
    CacheStores now =
        snapshot(
            BASE.formatted("10")
                .replace(
                    "annotations: {konghq.com/plugins: auth}",
                    "annotations: {konghq.com/plugins: auth, konghq.com/path: /x}"));
    ExclusionResult ex = Exclusion.exclude(now, List.of(ref(now, "Service default/svc")));

    BackfillResult r = Backfill.apply(ex, last);

    assertThat(r.refused().get(ref(now, "Service default/svc")))
        .isEqualTo(
            new BackfillRefusal(
                ref(now, "Service default/svc"),
                Reason.DEPENDENCY_DIFFERS,
                ref(now, "KongPlugin default/auth")));
    assertThat(r.refused().get(ref(now, "Ingress default/ing")).reason())
        .isEqualTo(Reason.DEPENDENCY_NOT_RESTORED);
    assertThat(r.snapshot().all()).containsExactlyElementsOf(ex.fallback().all());
  }

  @Test
  void backfill_brokenServiceWithUnchangedPlugin_isRestoredBesideTheKeptPlugin() {
    CacheStores last = snapshot(BASE.formatted("5"));
    CacheStores now =
        snapshot(
            BASE.formatted("5")
                .replace(
                    "annotations: {konghq.com/plugins: auth}",
                    "annotations: {konghq.com/plugins: auth, konghq.com/path: /x}"));
    ExclusionResult ex = Exclusion.exclude(now, List.of(ref(now, "Service default/svc")));

    BackfillResult r = Backfill.apply(ex, last);

    assertThat(r.restored())
        .containsExactly(ref(now, "Ingress default/ing"), ref(now, "Service default/svc"));
    assertThat(r.snapshot().get(ref(now, "Service default/svc")))
        .contains(object(last, "Service default/svc"));
  }

  @Test
  void backfill_neverResurrectsDeletedObjects_norTouchesKeptOnes() {
    String extraRoute =
        """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: old-route, namespace: default, uid: u-r}
        spec:
          rules:
          - backendRefs: [{kind: Service, name: svc, port: 80}]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cm, namespace: default, uid: u-cm}
        data: {v: "%s"}
        """;
    CacheStores last = snapshot(BASE.formatted("5") + extraRoute.formatted("old"));
    CacheStores now =
        snapshot(
            BASE.formatted("-1")
                + extraRoute
                    .formatted("new")
                    .replaceAll("(?s)---\\s*apiVersion: gateway.*?port: 80\\}\\]\\n", ""));
    ExclusionResult ex = Exclusion.exclude(now, List.of(ref(now, "KongPlugin default/auth")));

    BackfillResult r = Backfill.apply(ex, last);

    assertThat(now.get(ref(last, "HTTPRoute default/old-route"))).isEmpty();
    assertThat(r.snapshot().get(ref(last, "HTTPRoute default/old-route"))).isEmpty();
    assertThat(r.snapshot().get(ref(now, "ConfigMap default/cm")))
        .contains(object(now, "ConfigMap default/cm"));
    assertThat(r.restored()).hasSize(3);
  }

  @Test
  void backfill_oldPolicyTargetingAKeptService_isRefused() {
    String policy =
        """
        apiVersion: gateway.networking.k8s.io/v1alpha3
        kind: BackendTLSPolicy
        metadata: {name: tls, namespace: default, uid: u-tls}
        spec:
          targetRefs: [{group: "", kind: Service, name: %s}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: a, namespace: default, uid: u-a}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b, namespace: default, uid: u-b}
        """;
    CacheStores last = snapshot(policy.formatted("a"));
    CacheStores now = snapshot(policy.formatted("b"));
    ExclusionResult ex = Exclusion.exclude(now, List.of(ref(now, "BackendTLSPolicy default/tls")));

    BackfillResult r = Backfill.apply(ex, last);

    assertThat(ex.excluded().keySet())
        .containsExactly(ref(now, "Service default/b"), ref(now, "BackendTLSPolicy default/tls"));
    assertThat(r.refused().get(ref(now, "BackendTLSPolicy default/tls")))
        .isEqualTo(
            new BackfillRefusal(
                ref(now, "BackendTLSPolicy default/tls"),
                Reason.WOULD_CHANGE_DEPENDENT,
                ref(now, "Service default/a")));
    assertThat(r.snapshot().get(ref(now, "Service default/a"))).isPresent();
    assertThat(ConfigGraph.of(r.snapshot()).dependencies(ref(now, "Service default/a"))).isEmpty();
  }

  @Test
  void backfill_oldVersionWouldPickUpAPluginCreatedSince_isRefused() {
    String extra =
        """
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: extra, namespace: default, uid: u-extra}
        plugin: cors
        """;
    CacheStores last =
        snapshot(
            BASE.formatted("5")
                .replace("konghq.com/plugins: auth", "konghq.com/plugins: 'auth,extra'"));
    CacheStores now =
        snapshot(
            BASE.formatted("5")
                    .replace("konghq.com/plugins: auth", "konghq.com/plugins: 'auth,extra,x'")
                + extra);
    ExclusionResult ex = Exclusion.exclude(now, List.of(ref(now, "Service default/svc")));

    BackfillResult r = Backfill.apply(ex, last);

    assertThat(r.refused().get(ref(now, "Service default/svc")))
        .isEqualTo(
            new BackfillRefusal(
                ref(now, "Service default/svc"),
                Reason.DEPENDENCIES_CHANGED,
                ref(now, "KongPlugin default/extra")));
  }

  @Test
  void refusal_toString_namesTheObjects() {
    ObjectRef ing = io.github.kongtranslator.fallback.Fixtures.parse("Ingress default/web");
    ObjectRef svc = io.github.kongtranslator.fallback.Fixtures.parse("Service default/web");

    assertThat(new BackfillRefusal(ing, Reason.DEPENDENCY_NOT_RESTORED, svc))
        .hasToString(
            "Ingress default/web not restored: DEPENDENCY_NOT_RESTORED (Service default/web)");
  }
}
