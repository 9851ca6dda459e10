package io.github.kongtranslator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.kongtranslator.core.KongTranslatorException;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * Secrets never leak: Secrets holding credentials, TLS private keys and plugin configuration values
 * are seeded with a marker; whatever breaks (invalid PEM, missing keys, wrong types, invalid
 * base64), no exception message, failure reason, {@code toString()}, CLI diagnostic or fallback
 * exclusion report contains the marker.
 */
class SecretLeakPropertyTest {
  private static final String MARKER = "SEKRET-MARKER-";

  private static String manifest(Random rnd, String marker) {
    String b64 = java.util.Base64.getEncoder().encodeToString((marker + "b64").getBytes());
    String[] tlsKey = {
      "tls.key: \"-----BEGIN PRIVATE KEY-----\\n" + marker + "\\n-----END PRIVATE KEY-----\\n\"",
      "tls.key: " + marker,
      "other: " + marker
    };
    String secretData =
        rnd.nextInt(5) == 0
            ? "data: {password: \"!!" + marker + "!!\"}" // invalid base64
            : "data: {tls.crt: " + b64 + "}";
    return """
        apiVersion: v1
        kind: Secret
        metadata: {name: tls, namespace: n}
        type: kubernetes.io/tls
        stringData:
          %s
        %s
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: cred, namespace: n, labels: {konghq.com/credential: %s}}
        stringData: {key: %s, password: %s, username: %s, secret: %s}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: conf, namespace: n}
        stringData: {conf: '%s'}
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: {name: p, namespace: n}
        plugin: %s
        configFrom: {secretKeyRef: {name: conf, key: %s}}
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata: {name: c, namespace: n, annotations: {kubernetes.io/ingress.class: kong}}
        username: c
        credentials: [cred, tls, missing]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: s, namespace: n, annotations: {konghq.com/plugins: p}}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: i, namespace: n, annotations: {konghq.com/plugins: p}}
        spec:
          ingressClassName: kong
          tls: [{hosts: [a.example], secretName: tls}]
          rules: [{host: a.example, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: s, port: {number: 80}}}}]}}]
        """
        .formatted(
            tlsKey[rnd.nextInt(tlsKey.length)],
            secretData,
            new String[] {"key-auth", "basic-auth", "jwt", "hmac-auth", "oauth2", "bogus"}
                [rnd.nextInt(6)],
            marker,
            marker,
            marker,
            marker,
            rnd.nextBoolean() ? "{\"x\": \"" + marker + "\"" : "[\"" + marker + "\"]",
            rnd.nextBoolean() ? "key-auth" : "rate-limiting",
            rnd.nextBoolean() ? "conf" : "absent");
  }

  @Test
  void noMarkerInMessagesFailuresToStringsOrCliDiagnostics() throws Exception {
    Path dir = Files.createTempDirectory("leak");
    qt().forAll(SourceDSL.longs().all())
        .checkAssert(
            seed -> {
              Random rnd = new Random(seed);
              String marker = MARKER + Long.toHexString(rnd.nextLong());
              String yaml = manifest(rnd, marker);
              StringBuilder seen = new StringBuilder();
              try {
                LoadResult loaded = Manifests.parse(yaml, "leak.yaml");
                CacheStores stores = CacheStores.of(loaded.objects());
                seen.append(loaded).append(stores).append(stores.all());
                TranslationResult r =
                    Translator.create(TranslatorOptions.defaults()).translate(stores);
                seen.append(r.failures()).append(r).append(r.config());
              } catch (KongTranslatorException e) {
                seen.append(e.getMessage());
              }
              StringWriter out = new StringWriter();
              StringWriter err = new StringWriter();
              try {
                Path f = dir.resolve("leak.yaml");
                Files.writeString(f, yaml);
                KongTranslatorCli.execute(
                    new String[] {"translate", f.toString()},
                    new PrintWriter(out),
                    new PrintWriter(err));
                KongTranslatorCli.execute(
                    new String[] {"validate", f.toString()},
                    new PrintWriter(out),
                    new PrintWriter(err));
                // the exclusion report of a fallback that blames the Secrets
                Path errors = dir.resolve("errors.json");
                Files.writeString(
                    errors,
                    """
            {"flattened_errors": [
              {"errors": [{"messages": ["bad key"]}], "entity_tags": ["k8s-name:tls",
                "k8s-namespace:n", "k8s-kind:Secret", "k8s-group:", "k8s-version:v1", "k8s-uid:"]},
              {"errors": [{"messages": ["bad cred"]}], "entity_tags": ["k8s-name:cred",
                "k8s-namespace:n", "k8s-kind:Secret", "k8s-group:", "k8s-version:v1", "k8s-uid:"]}]}
            """);
                KongTranslatorCli.execute(
                    new String[] {"fallback", "--errors", errors.toString(), f.toString()},
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(err));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              seen.append(err);
              assertThat(seen.toString()).doesNotContain(marker);
            });
  }
}
