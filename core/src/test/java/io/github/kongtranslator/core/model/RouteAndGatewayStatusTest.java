package io.github.kongtranslator.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.internal.ModelJson;
import io.github.kongtranslator.core.manifest.Manifests;
import org.junit.jupiter.api.Test;

class RouteAndGatewayStatusTest {
  private static TlsRoute parse(String statusYaml) {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TLSRoute
        metadata: {name: t, namespace: ns}
        spec:
          hostnames: [a.example.com]
          rules: [{backendRefs: [{name: s, kind: Service, port: 443}]}]
        """
            + statusYaml;
    return (TlsRoute) Manifests.parse(yaml, "t.yaml").objects().get(0);
  }

  @Test
  void statusParents_keepTheirParentRefs() {
    TlsRoute r =
        parse(
            """
        status:
          parents:
          - parentRef: {name: gw, namespace: infra, sectionName: pass}
            controllerName: konghq.com/kic-gateway-controller
            conditions: [{type: Accepted, status: "True"}]
        """);
    assertThat(r.status()).isNotNull();
    assertThat(r.status().parents()).hasSize(1);
    GatewayApi.ParentReference ref = r.status().parents().get(0).parentRef();
    assertThat(ref).isNotNull();
    assertThat(ref.name()).isEqualTo("gw");
    assertThat(ref.namespace()).isEqualTo("infra");
    assertThat(ref.sectionName()).isEqualTo("pass");
  }

  @Test
  void absentStatus_isNullAndLeavesTheJsonTreeUnchanged() {
    TlsRoute r = parse("");
    assertThat(r.status()).isNull();
    assertThat(ModelJson.toTree(r).has("status")).isFalse();
  }

  @Test
  void gatewayListenerStatuses_keepNamesAndConditions() {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: infra, generation: 3}
        spec:
          gatewayClassName: kong
          listeners: [{name: https, protocol: HTTPS, port: 443}]
        status:
          listeners:
          - name: https
            attachedRoutes: 2
            conditions: [{type: Programmed, status: "True", reason: Programmed, observedGeneration: 3}]
        """;
    Gateway g = (Gateway) Manifests.parse(yaml, "g.yaml").objects().get(0);
    assertThat(g.status()).isNotNull();
    Gateway.ListenerStatus ls = g.status().listeners().get(0);
    assertThat(ls.name()).isEqualTo("https");
    assertThat(ls.conditions())
        .containsExactly(new Gateway.Condition("Programmed", "True", "Programmed", 3L));
  }
}
