package io.github.kongtranslator.translator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost silently: where the translation drops or replaces a backend or a certificate
 * (KIC's behaviour, output unchanged), a translation failure with effect PARTIAL names the object
 * and the field. Inputs are loaded as stored (no uids, kind-less backendRefs kept), which is where
 * the losses happen; loaded as the API server would admit them, they do not.
 */
class SilentLossReportTest {
  /**
   * Two distinct self-signed EC key pairs generated for this test (openssl, CN a/b.example.com).
   */
  private static final String TLS =
      """
      apiVersion: v1
      kind: Secret
      metadata: {name: %s, namespace: default}
      type: kubernetes.io/tls
      data:
        tls.crt: %s
        tls.key: %s
      """;

  private static final String INGRESS =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web, namespace: default, annotations: {kubernetes.io/ingress.class: kong}}
      spec:
        tls:
        - {hosts: [a.example.com], secretName: tls-a}
        - {hosts: [b.example.com], secretName: tls-b}
        rules:
        - host: a.example.com
          http:
            paths:
            - {path: /, pathType: Prefix, backend: {service: {name: echo, port: {number: 80}}}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: echo, namespace: default}
      spec: {ports: [{port: 80}]}
      """;
  private static final String TWO_SECRETS =
      TLS.formatted(
              "tls-a",
              "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJoekNDQVMyZ0F3SUJBZ0lVZVNObDYvblNGb2lTS25yWE9EQ1psbjZYakxNd0NnWUlLb1pJemowRUF3SXcKR0RFV01CUUdBMVVFQXd3TllTNWxlR0Z0Y0d4bExtTnZiVEFnRncweU5qRXlNRFl5TURVMk5UaGFHQTh5TVRJMgpNVEV4TWpJd05UWTFPRm93R0RFV01CUUdBMVVFQXd3TllTNWxlR0Z0Y0d4bExtTnZiVEJaTUJNR0J5cUdTTTQ5CkFnRUdDQ3FHU000OUF3RUhBMElBQktsQlVQNVJ1eENOQlJNZzlzRWlITzk1MERaV2tyTng0d0o4TmNPTk9yejAKS2VRQUpKcmhEeTVxb3kybTFkT090ZEtTT2d2VlE4QkV0RWN5N3M4RTNTdWpVekJSTUIwR0ExVWREZ1FXQkJTeApOcFRwTG1rMW8yNUU1d28rVi9yZnAvcVIyakFmQmdOVkhTTUVHREFXZ0JTeE5wVHBMbWsxbzI1RTV3bytWL3JmCnAvcVIyakFQQmdOVkhSTUJBZjhFQlRBREFRSC9NQW9HQ0NxR1NNNDlCQU1DQTBnQU1FVUNJUUQwNU4rcG8vOFIKN3g3TThJOHg1N3A4VXR2V1pWSi9Ec2ttNWkrZU5vL2Z0d0lnTTB5Q1llN2pyYWNSKzJjZnp1eFBkYitKNEorTgpjbHF3bkVoYkoxSHdabTQ9Ci0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K",
              "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ1BYWGlPZlFCQUM3dE5sWUcKdnU3U2xOdFZkZHg3aVNqRlZlcUQ1OUR1RlFPaFJBTkNBQVNwUVZEK1Vic1FqUVVUSVBiQkloenZlZEEyVnBLegpjZU1DZkRYRGpUcTg5Q25rQUNTYTRROHVhcU10cHRYVGpyWFNram9MMVVQQVJMUkhNdTdQQk4wcgotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==")
          + "---\n"
          + TLS.formatted(
              "tls-b",
              "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJpRENDQVMyZ0F3SUJBZ0lVV0hYSkVSWEM3cEtValZZRVJtN1hYVU1pcEpjd0NnWUlLb1pJemowRUF3SXcKR0RFV01CUUdBMVVFQXd3TllpNWxlR0Z0Y0d4bExtTnZiVEFnRncweU5qRXlNRFl5TURVMk5UaGFHQTh5TVRJMgpNVEV4TWpJd05UWTFPRm93R0RFV01CUUdBMVVFQXd3TllpNWxlR0Z0Y0d4bExtTnZiVEJaTUJNR0J5cUdTTTQ5CkFnRUdDQ3FHU000OUF3RUhBMElBQkpmV2thSmdIMWRDeDFaczE3MGVsUDA1V3VaYVdxTmxqZUtUSmg4VWtnVzgKanJSZ3h2K0RUWEJxNmI4WmMyRWJwT0dwWmpuV2ZCVFJjakVXbSt0WURMS2pVekJSTUIwR0ExVWREZ1FXQkJRRApDaTNBa01JZDVHK3RhWFI3N1JYTXRwd3BxVEFmQmdOVkhTTUVHREFXZ0JRRENpM0FrTUlkNUcrdGFYUjc3UlhNCnRwd3BxVEFQQmdOVkhSTUJBZjhFQlRBREFRSC9NQW9HQ0NxR1NNNDlCQU1DQTBrQU1FWUNJUUMreU4wbWptY1QKKzVsZExUck9wcFRZWUdiOHFmenJoMkI1WG91RHBvSmtIUUloQUtGWTZIU2RsbE54bFgzVytuNDllbzFUVVpyZQpUV1c0ZElrQTVBRG1uN0FTCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K",
              "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ0tmdlZZaXloOTZuWjdEQnMKSkQxSTdkSFcrMWQ4L0p5b0wyUTh6VTZUR2ZhaFJBTkNBQVNYMXBHaVlCOVhRc2RXYk5lOUhwVDlPVnJtV2xxagpaWTNpa3lZZkZKSUZ2STYwWU1iL2cwMXdhdW0vR1hOaEc2VGhxV1k1MW53VTBYSXhGcHZyV0F5eQotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==")
          + "---\n"
          + INGRESS;

  private static TranslationResult translate(Manifests loader, String yaml) {
    return Translator.create(TranslatorOptions.defaults())
        .translate(CacheStores.of(loader.read(new StringReader(yaml), "t.yaml").objects()));
  }

  @Test
  void twoTlsSecretsWithoutUids_asStored_collapse_andTheLossIsReported() {
    TranslationResult r = translate(Manifests.asStored(), TWO_SECRETS);
    JsonNode certs = r.config().toJson().path("certificates");
    assertThat(certs).hasSize(1); // KIC keys certificates by id: both ids are ""
    assertThat(r.failures())
        .anySatisfy(
            f -> {
              assertThat(f.effect()).isEqualTo(TranslationFailure.Effect.PARTIAL);
              assertThat(f.reason())
                  .contains(
                      "certificate of Secret default/tls-a dropped",
                      "Secret default/tls-b",
                      "field metadata.uid",
                      "[a.example.com]");
              assertThat(f.causingObjects())
                  .extracting(Object::toString)
                  .containsExactly("Secret default/tls-a", "Secret default/tls-b");
            });
  }

  @Test
  void twoTlsSecretsWithoutUids_admitted_keepBothCertificates() {
    TranslationResult r = translate(Manifests.defaults(), TWO_SECRETS);
    JsonNode certs = r.config().toJson().path("certificates");
    List<String> ids = new ArrayList<>();
    certs.forEach(c -> ids.add(c.path("id").asText()));
    assertThat(ids).hasSize(2).doesNotContain("").doesNotHaveDuplicates();
    assertThat(r.failures()).noneMatch(f -> f.reason().contains("dropped"));
  }

  private static final String ROUTE =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: r, namespace: default}
      spec:
        parentRefs: [{name: gw}]
        rules:
        - backendRefs:
          - {name: echo, port: 80}
          - {name: missing, port: 80, kind: Service}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: echo, namespace: default}
      spec: {ports: [{port: 80}]}
      """;

  @Test
  void unresolvableBackendRefs_areReportedWithTheirField_andTheStubToo() {
    TranslationResult r = translate(Manifests.asStored(), ROUTE);
    assertThat(r.failures())
        .extracting(TranslationFailure::reason)
        .contains(
            "HTTPRoute default/r: spec.rules[0].backendRefs[0] (default/echo) dropped: it has no kind"
                + " (the Gateway API CRD defaults it to Service; objects read as stored keep none)",
            "HTTPRoute default/r: spec.rules[0].backendRefs[1] (default/missing) dropped: Service"
                + " default/missing does not exist",
            "HTTPRoute default/r: spec.rules[0]: no backendRef resolves; requests get KIC's 500"
                + " request-termination stub");
    // The loss reports are PARTIAL (the output stays KIC's); the match-less rule of this as-stored
    // route is also an entity Kong would reject (KONG_INVALID), which is not a loss report.
    assertThat(r.failures())
        .filteredOn(f -> f.reason().contains("backendRef"))
        .hasSize(3)
        .allSatisfy(f -> assertThat(f.effect()).isEqualTo(TranslationFailure.Effect.PARTIAL));
    assertThat(r.config().toJson().toString()).contains("no existing backendRef provided");
  }
}
