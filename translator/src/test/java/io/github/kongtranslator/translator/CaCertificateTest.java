package io.github.kongtranslator.translator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import org.junit.jupiter.api.Test;

/** CA certificates from labelled Secrets and ConfigMaps (translator-spec §10.4). */
class CaCertificateTest {
  /** A self-signed CA certificate generated for this test (valid until 2036; no key kept). */
  private static final String CA =
      """
      -----BEGIN CERTIFICATE-----
      MIIBejCCAR+gAwIBAgIUYrot4IXXC6qTEeDw7Aa2bQtqpcgwCgYIKoZIzj0EAwIw
      EjEQMA4GA1UEAwwHdGVzdC1jYTAeFw0yNjExMjMyMTQxNDhaFw0zNjExMjAyMTQx
      NDhaMBIxEDAOBgNVBAMMB3Rlc3QtY2EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC
      AATOEzT0uGMdRa6g2g76x8Dwc4imCBMb0taT/j/0yAQLLZyMrvx0KP5tH2PswFUh
      6GEziSxT728NUvbdyJButg3Ho1MwUTAdBgNVHQ4EFgQUefESJnN8cu9zlD26il4n
      sc6eoDcwHwYDVR0jBBgwFoAUefESJnN8cu9zlD26il4nsc6eoDcwDwYDVR0TAQH/
      BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEA4mVFFvqGl8OtPNtJsRnd6DLxDbwq
      DAeWDhmKs3Kxex4CIQDer8nbNF1/2q1EICfArmnPagEM35ljzmIP56Y1bJIAEQ==
      -----END CERTIFICATE-----
      """;

  /** A self-signed non-CA certificate generated for this test. */
  private static final String LEAF =
      """
      -----BEGIN CERTIFICATE-----
      MIIBcDCCARagAwIBAgIUSNCu8o4X7FNahNxhl5w2g737PLMwCgYIKoZIzj0EAwIw
      DzENMAsGA1UEAwwEbGVhZjAeFw0yNjExMjMyMTQxNDhaFw0zNjExMjAyMTQxNDha
      MA8xDTALBgNVBAMMBGxlYWYwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATYIsJy
      He0sQzYjqzxmxC/orGPiUSg9RKNaC+OkTlflQWgT54weaay3LAMYHAPpRtyRvY1q
      jZPgpPsXv+oX6Ib4o1AwTjAdBgNVHQ4EFgQUnIogOmD5moPXNmfrHqO+AJ8CJs4w
      HwYDVR0jBBgwFoAUnIogOmD5moPXNmfrHqO+AJ8CJs4wDAYDVR0TAQH/BAIwADAK
      BggqhkjOPQQDAgNIADBFAiEAssN2WNOG9ayv+PSiGiSZiS/3BE4PI/lC9TrrC8AB
      xswCID7a1kCxR1j0aRs57GdjZSXXHcDlSbBZNZ76dCpbbEPj
      -----END CERTIFICATE-----
      """;

  static String secret(String name, String id, String cert) {
    return """
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: %s, namespace: ns, labels: {konghq.com/ca-cert: "true"}}
        data:
          id: %s
          cert: |
        %s
        """
        .formatted(name, id, cert.strip().indent(4).stripTrailing());
  }

  @Test
  void caConfigMap_becomesReencodedCaCertificate_andDuplicatesAndNonCasFail() {
    String yaml =
        secret("a", "ca-1", CA)
            + secret("b", "ca-1", CA)
            + secret("c", "ca-2", LEAF)
            + """
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: mtls, namespace: ns}
        plugin: mtls-auth
        config: {ca_certificates: [ca-2]}
        """;
    TranslationResult r =
        Translator.create(TranslatorOptions.defaults())
            .translate(CacheStores.of(Manifests.asStored().readString(yaml, "ca.yaml").objects()));
    JsonNode cas = r.config().toJson().get("ca_certificates");
    assertThat(cas).hasSize(1);
    assertThat(cas.get(0).get("id").asText()).isEqualTo("ca-1");
    assertThat(cas.get(0).get("cert").asText())
        .startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("-----END CERTIFICATE-----\n");
    assertThat(cas.get(0).get("tags").toString()).contains("k8s-name:a", "k8s-kind:ConfigMap");
    assertThat(r.failures()).hasSize(3);
    // Kong's ca_certificates.id is a typedefs.uuid: "ca-1" is translated as KIC does, and reported
    assertThat(r.failures().get(0).effect()).isEqualTo(TranslationFailure.Effect.KONG_INVALID);
    assertThat(r.failures().get(0).reason())
        .contains("ca_certificates", "id: expected a valid UUID");
    assertThat(r.failures().get(0).causingObjects())
        .extracting(Object::toString)
        .containsExactly("ConfigMap ns/a");
    assertThat(r.failures().get(1).causingObjects())
        .extracting(Object::toString)
        .containsExactly("ConfigMap ns/b");
    assertThat(r.failures().get(2).causingObjects())
        .extracting(Object::toString)
        .containsExactly("ConfigMap ns/c", "KongPlugin ns/mtls");
    assertThat(
            Translator.create(TranslatorOptions.builder().kongValidation(false).build())
                .translate(
                    CacheStores.of(Manifests.asStored().readString(yaml, "ca.yaml").objects()))
                .failures())
        .hasSize(2);
  }
}
