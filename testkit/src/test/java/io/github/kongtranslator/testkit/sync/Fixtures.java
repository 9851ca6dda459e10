package io.github.kongtranslator.testkit.sync;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;

/** Cluster fixtures of the seed reports, as manifests. */
final class Fixtures {
  private Fixtures() {}

  /** The broken KongPlugin of seed 000 ({@code keys} instead of {@code key_names}). */
  static final ObjectRef KEY_AUTH = ObjectRef.of(Kind.KONG_PLUGIN, "default", "key-auth");

  /** The Ingress that uses the broken plugin; its route must 404. */
  static final ObjectRef FOR_AUTH = ObjectRef.of(Kind.INGRESS, "default", "for-auth");

  /** The Ingress that must keep serving. */
  static final ObjectRef WORKING = ObjectRef.of(Kind.INGRESS, "default", "working-ingress");

  static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: echo, namespace: default, uid: 5b6f5a4e-0000-0000-0000-000000000001}
      spec:
        ports: [{port: 80}]
      """;

  static String ingress(String name, String path, String resourceVersion, String pluginAnnotation) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: %s
          namespace: default
          uid: 5b6f5a4e-0000-0000-0000-0000000000%s
          resourceVersion: "%s"
          annotations:
            kubernetes.io/ingress.class: kong
            %s
        spec:
          ingressClassName: kong
          rules:
          - http:
              paths:
              - path: %s
                pathType: ImplementationSpecific
                backend: {service: {name: echo, port: {number: 80}}}
        """
        .formatted(
            name,
            name.equals("for-auth") ? "12" : "11",
            resourceVersion,
            pluginAnnotation.isEmpty()
                ? "konghq.com/strip-path: \"true\""
                : "konghq.com/plugins: " + pluginAnnotation,
            path);
  }

  static final String KEY_AUTH_PLUGIN =
      """
      apiVersion: configuration.konghq.com/v1
      kind: KongPlugin
      metadata: {name: key-auth, namespace: default, uid: 5b6f5a4e-0000-0000-0000-000000000013}
      plugin: key-auth
      config:
        keys: [apikey]
      """;

  static final String KEY_AUTH_PLUGIN_FIXED =
      """
      apiVersion: configuration.konghq.com/v1
      kind: KongPlugin
      metadata: {name: key-auth, namespace: default, uid: 5b6f5a4e-0000-0000-0000-000000000013}
      plugin: key-auth
      config:
        key_names: [apikey]
      """;

  /** The seed-000 cluster with the plugin repaired: valid, and serves {@code /for-auth-users}. */
  static CacheStores withBrokenPluginFixed() {
    return load(
        SERVICE,
        ingress("working-ingress", "/ingress-testing", "1", ""),
        ingress("for-auth", "/for-auth-users", "1", "key-auth"),
        KEY_AUTH_PLUGIN_FIXED);
  }

  /** The valid cluster: the service and the working Ingress. */
  static CacheStores valid(String resourceVersion) {
    return load(SERVICE, ingress("working-ingress", "/ingress-testing", resourceVersion, ""));
  }

  /** The seed-000 cluster: the working Ingress, and {@code for-auth} using the broken plugin. */
  static CacheStores withBrokenPlugin(String resourceVersion) {
    return load(
        SERVICE,
        ingress("working-ingress", "/ingress-testing", resourceVersion, ""),
        ingress("for-auth", "/for-auth-users", "1", "key-auth"),
        KEY_AUTH_PLUGIN);
  }

  static CacheStores load(String... documents) {
    return CacheStores.of(
        Manifests.with(
                io.github.kongtranslator.core.manifest.ManifestOptions.builder()
                    .validation(false)
                    .build())
            .readString(String.join("\n---\n", documents), "fixture")
            .objects());
  }
}
