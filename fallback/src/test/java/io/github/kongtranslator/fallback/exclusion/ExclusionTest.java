package io.github.kongtranslator.fallback.exclusion;

import static io.github.kongtranslator.fallback.Fixtures.parse;
import static io.github.kongtranslator.fallback.Fixtures.ref;
import static io.github.kongtranslator.fallback.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.graph.Dependency;
import io.github.kongtranslator.fallback.graph.DependencyRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExclusionTest {

  /**
   *
   *
   * <pre>
   * Ingress ing → Service svc → KongPlugin auth → Secret conf
   * HTTPRoute route → Service svc
   * KongConsumer alice (no dependencies)
   * </pre>
   */
  static final String CLUSTER =
      """
      apiVersion: v1
      kind: Secret
      metadata: {name: conf, namespace: default, uid: u-conf}
      ---
      apiVersion: configuration.konghq.com/v1
      kind: KongPlugin
      metadata: {name: auth, namespace: default, uid: u-auth}
      plugin: key-auth
      configFrom: {secretKeyRef: {name: conf, key: config}}
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
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: route, namespace: default}
      spec:
        rules:
        - backendRefs: [{kind: Service, name: svc, port: 80}]
      ---
      apiVersion: configuration.konghq.com/v1
      kind: KongConsumer
      metadata: {name: alice, namespace: default, uid: u-alice}
      username: alice
      """;

  private final CacheStores s = snapshot(CLUSTER);

  @Test
  void exclude_brokenPlugin_dropsServiceAndRoutesThatUseIt_keepsItsSecret() {
    ExclusionResult r = Exclusion.exclude(s, List.of(ref(s, "KongPlugin default/auth")));

    assertThat(r.excluded().keySet())
        .map(ObjectRef::toString)
        .containsExactly(
            "Ingress default/ing",
            "Service default/svc",
            "HTTPRoute default/route",
            "KongPlugin default/auth");
    assertThat(r.fallback().all())
        .map(o -> o.ref().toString())
        .containsExactly("Secret default/conf", "KongConsumer default/alice");
  }

  @Test
  void exclude_reason_isTheDependencyPathToTheBrokenObject() {
    ExclusionResult r = Exclusion.exclude(s, List.of(ref(s, "Secret default/conf")));
    ExclusionReason reason = r.reason(parse("Ingress default/ing")).orElseThrow();

    assertThat(reason.cause()).isEqualTo(ref(s, "Secret default/conf"));
    assertThat(reason.objects())
        .containsExactly(
            ref(s, "Ingress default/ing"),
            ref(s, "Service default/svc"),
            ref(s, "KongPlugin default/auth"),
            ref(s, "Secret default/conf"));
    assertThat(reason.path())
        .extracting(Dependency::rule)
        .containsExactly(
            DependencyRule.INGRESS_BACKEND,
            DependencyRule.PLUGINS_ANNOTATION,
            DependencyRule.PLUGIN_CONFIG_SECRET);
    assertThat(reason)
        .hasToString(
            "Ingress default/ing -[IB]-> Service default/svc -[P]-> "
                + "KongPlugin default/auth -[PS]-> Secret default/conf (broken)");
    assertThat(r.reason(parse("Secret default/conf")).orElseThrow().isBroken()).isTrue();
  }

  @Test
  void exclude_twoBroken_reasonNamesTheNearestOne() {
    ExclusionResult r =
        Exclusion.exclude(s, List.of(ref(s, "Secret default/conf"), ref(s, "Service default/svc")));

    assertThat(r.reason(parse("Ingress default/ing")).orElseThrow().cause())
        .isEqualTo(ref(s, "Service default/svc"));
    assertThat(r.reason(parse("KongPlugin default/auth")).orElseThrow().cause())
        .isEqualTo(ref(s, "Secret default/conf"));
  }

  @Test
  void exclude_emptyBrokenSet_changesNothing() {
    ExclusionResult r = Exclusion.exclude(s, List.of());

    assertThat(r.excludedNothing()).isTrue();
    assertThat(r.fallback()).isSameAs(s);
  }

  @Test
  void exclude_unknownRefs_areReportedAndHaveNoEffect() {
    ObjectRef absent = parse("KongPlugin default/nope");
    ObjectRef wrongUid =
        new ObjectRef("configuration.konghq.com", "v1", "KongPlugin", "default", "auth", "u-old");
    ObjectRef noUid = parse("KongPlugin default/auth");

    ExclusionResult r = Exclusion.exclude(s, List.of(absent, wrongUid, noUid, absent));

    assertThat(r.unknownBroken()).containsExactly(absent, wrongUid, noUid);
    assertThat(r.excludedNothing()).isTrue();
    assertThat(r.fallback().all()).containsExactlyElementsOf(s.all());
  }

  @Test
  void exclude_duplicatesAndOrder_doNotChangeTheResult() {
    ObjectRef plugin = ref(s, "KongPlugin default/auth");
    ObjectRef alice = ref(s, "KongConsumer default/alice");

    ExclusionResult once = Exclusion.exclude(s, List.of(plugin, alice));
    ExclusionResult repeated = Exclusion.exclude(s, List.of(alice, plugin, alice, plugin));

    assertThat(repeated.requestedBroken()).hasSize(4);
    assertThat(repeated.broken()).containsExactlyInAnyOrder(plugin, alice);
    assertThat(repeated.excluded().keySet()).containsExactlyElementsOf(once.excluded().keySet());
    assertThat(repeated.fallback().all()).containsExactlyElementsOf(once.fallback().all());
  }

  @Test
  void exclude_brokenRoute_excludesOnlyItself_nothingDependsOnARoute() {
    ExclusionResult r = Exclusion.exclude(s, List.of(ref(s, "HTTPRoute default/route")));

    assertThat(r.excluded().keySet()).containsExactly(ref(s, "HTTPRoute default/route"));
  }

  @Test
  void exclude_leavesTheInputSnapshotUnchanged() {
    String hash = s.hash();

    Exclusion.exclude(s, List.of(ref(s, "Secret default/conf")));

    assertThat(s.hash()).isEqualTo(hash);
    assertThat(s.size()).isEqualTo(6);
  }

  @Test
  void reason_brokenPathNotEndingAtCause_isRejectedNamingTheObjects() {
    ObjectRef a = parse("Service default/a");
    ObjectRef b = parse("KongPlugin default/b");
    ObjectRef c = parse("Secret default/c");

    assertThatThrownBy(
            () ->
                new ExclusionReason(
                    a,
                    c,
                    ImmutableList.of(new Dependency(a, b, DependencyRule.PLUGINS_ANNOTATION))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Service default/a")
        .hasMessageContaining("Secret default/c");
  }

  @Test
  void result_toString_summarises() {
    ExclusionResult r = Exclusion.exclude(s, List.of(ref(s, "HTTPRoute default/route")));

    assertThat(r)
        .hasToString(
            "ExclusionResult[broken=[HTTPRoute default/route], unknown=[], excluded=1 of 6]");
  }
}
