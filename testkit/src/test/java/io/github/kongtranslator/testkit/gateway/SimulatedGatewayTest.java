package io.github.kongtranslator.testkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedGatewayTest {
  private static final Translator TRANSLATOR = Translator.create(TranslatorOptions.defaults());
  private static final ObjectRef PLUGIN = ObjectRef.of(Kind.KONG_PLUGIN, "default", "auth");
  private static final ObjectRef SECURE = ObjectRef.of(Kind.INGRESS, "default", "secure");
  private static final ObjectRef WEB = ObjectRef.of(Kind.INGRESS, "default", "web");

  private static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: echo, namespace: default, uid: u-svc}
      spec: {ports: [{port: 80}]}
      """;
  private static final String AUTH =
      """
      apiVersion: configuration.konghq.com/v1
      kind: KongPlugin
      metadata: {name: auth, namespace: default, uid: u-plugin}
      plugin: key-auth
      config: {key_names: [apikey]}
      """;

  private static String ingress(String name, String plugins) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: %s, namespace: default, uid: u-%s, annotations: {%s}}
        spec:
          ingressClassName: kong
          rules:
          - http:
              paths:
              - {path: /%s, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}
        """
        .formatted(name, name, plugins.isEmpty() ? "" : "konghq.com/plugins: " + plugins, name);
  }

  private static KongConfig config(String... docs) {
    return TRANSLATOR
        .translate(CacheStores.of(Manifests.parse(String.join("\n---\n", docs), "t").objects()))
        .config();
  }

  private static PushOutcome push(SimulatedGateway g, KongConfig c) {
    return g.push(c, ConfigSha.of(c));
  }

  private static final KongConfig WEB_ONLY = config(SERVICE, ingress("web", ""));
  private static final KongConfig WITH_AUTH =
      config(SERVICE, ingress("web", ""), ingress("secure", "auth"), AUTH);

  @Test
  void atomic_rejection_changesNothing_andNamesTheObjectInAFlattenedErrorsBody() {
    SimulatedGateway g =
        SimulatedGateway.atomic("a", SimulatedGateway.taggedByAny(List.of(PLUGIN)));
    assertThat(push(g, WEB_ONLY).isAccepted()).isTrue();
    PushOutcome o = push(g, WITH_AUTH);
    assertThat(o).isInstanceOf(PushOutcome.RejectedEntities.class);
    assertThat(((PushOutcome.RejectedEntities) o).brokenObjects())
        .extracting(ObjectRef::withoutVersionAndUid)
        .containsExactly(PLUGIN.withoutVersionAndUid());
    assertThat(g.served()).isEqualTo(SimulatedGateway.entitiesOf(WEB_ONLY));
  }

  @Test
  void partial_rejection_keepsTheRouteWithoutItsPlugin() {
    SimulatedGateway g =
        SimulatedGateway.partial("p", SimulatedGateway.taggedByAny(List.of(PLUGIN)));
    push(g, WEB_ONLY);
    PushOutcome o = push(g, WITH_AUTH);
    assertThat(o.kind()).isEqualTo(PushOutcome.Kind.REJECTED_ENTITIES);
    assertThat(g.servesEntityOf(SECURE)).as("unprotected route left behind").isTrue();
    assertThat(g.servesEntityOf(PLUGIN)).isFalse();
    assertThat(push(g, WEB_ONLY).isAccepted()).isTrue();
    assertThat(g.served())
        .as("a later push removes the residue")
        .isEqualTo(SimulatedGateway.entitiesOf(WEB_ONLY));
  }

  @Test
  void partial_failAfterK_appliesExactlyKOperations() {
    SimulatedGateway g = SimulatedGateway.partial("p", e -> false);
    int total = SimulatedGateway.entitiesOf(WITH_AUTH).size();
    g.inject(Fault.failAfter(2));
    assertThat(push(g, WITH_AUTH).kind()).isEqualTo(PushOutcome.Kind.INDETERMINATE);
    assertThat(g.served()).hasSize(2);
    assertThat(total).isGreaterThan(2);
    assertThat(push(g, WITH_AUTH).isAccepted()).isTrue();
    assertThat(g.serves(WITH_AUTH)).isTrue();
  }

  @Test
  void timeouts_beforeSendingChangeNothing_afterApplyingChangeEverything() {
    SimulatedGateway g = SimulatedGateway.atomic("a", e -> false);
    g.inject(Fault.timeoutBeforeSending()).inject(Fault.timeoutAfterApplying());
    assertThat(push(g, WEB_ONLY).kind()).isEqualTo(PushOutcome.Kind.TRANSIENT);
    assertThat(g.served()).isEmpty();
    assertThat(g.received()).isEmpty();
    assertThat(push(g, WEB_ONLY).kind()).isEqualTo(PushOutcome.Kind.INDETERMINATE);
    assertThat(g.serves(WEB_ONLY)).isTrue();
    assertThat(g.received()).containsExactly(ConfigSha.of(WEB_ONLY));
  }

  @Test
  void restart_emptiesTheGateway_andChangesItsInstance() {
    SimulatedGateway g = SimulatedGateway.atomic("a", e -> false);
    assertThat(g.reportsEmptyConfig()).isTrue();
    push(g, WEB_ONLY);
    assertThat(g.reportsEmptyConfig()).isFalse();
    String before = g.instance();
    g.restart();
    assertThat(g.instance()).isNotEqualTo(before);
    assertThat(g.served()).isEmpty();
    assertThat(g.reportsEmptyConfig()).isTrue();
    assertThat(g.servesEntityOf(WEB)).isFalse();
  }
}
