package io.github.kongtranslator.testkit.cluster;

import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import java.util.List;
import java.util.Random;

/**
 * A seeded, reproducible synthetic cluster with a realistic mix of objects: Services with
 * EndpointSlices, Ingresses (some with TLS Secrets and plugins), KongPlugins, KongConsumers with
 * key-auth and basic-auth credential Secrets, KongConsumerGroups, and Gateway API HTTPRoutes behind
 * one Gateway. The same seed and size always give the same objects in the same order. Every
 * reference resolves: a Service, Secret, KongPlugin, Gateway or consumer group an object names is
 * in the cluster, even when the size cuts off the last group of objects.
 *
 * <pre>{@code
 * SyntheticCluster cluster = SyntheticCluster.generate(10_000, 42);
 * CacheStores stores = CacheStores.of(cluster.objects());
 * }</pre>
 *
 * @param size the requested number of objects (the result has exactly this many)
 * @param seed the seed
 * @param yaml the cluster as one multi-document YAML stream
 * @param objects the objects, in the order of the stream
 */
public record SyntheticCluster(int size, long seed, String yaml, List<K8sObject> objects) {
  /** An example self-signed certificate for {@code shop.example.com}; generated for tests only. */
  static final String CERT_B64 =
      "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJxRENDQVU2Z0F3SUJBZ0lVRjVVUjJkOXNQQjJzQXNUeFRPazJJN0RiSHF3d0NnWUlLb1pJemowRUF3SXcKR3pFWk1CY0dBMVVFQXd3UWMyaHZjQzVsZUdGdGNHeGxMbU52YlRBZUZ3MHlOakV4TWpNeU1UQTFNRGhhRncwegpOakV4TWpBeU1UQTFNRGhhTUJzeEdUQVhCZ05WQkFNTUVITm9iM0F1WlhoaGJYQnNaUzVqYjIwd1dUQVRCZ2NxCmhrak9QUUlCQmdncWhrak9QUU1CQndOQ0FBVDBmWW5Vc1FuTWlQamdGNkt6OVJhYUdnMStMT1NIMkEvUDlmSjcKMkRsRyt1bGFLU3UxeVhHVlNNOWRTNEswZzNWUjVFWUJDTEpySlR5blZ4TlNoVG00bzNBd2JqQWRCZ05WSFE0RQpGZ1FVaUZRTUZ2RHdoUGN2eHlveFBiVyszbmxpSFJRd0h3WURWUjBqQkJnd0ZvQVVpRlFNRnZEd2hQY3Z4eW94ClBiVyszbmxpSFJRd0R3WURWUjBUQVFIL0JBVXdBd0VCL3pBYkJnTlZIUkVFRkRBU2doQnphRzl3TG1WNFlXMXcKYkdVdVkyOXRNQW9HQ0NxR1NNNDlCQU1DQTBnQU1FVUNJSGFzMmpJTG9aK09TV3lzcmFWTVdZK0dBSEVDdlY5YQpmbXpPeXhiUys1cTZBaUVBOFFOZWRtYkJiWXpGaFFpN29Ea2dsVkdheVpsa2V0YjVOWlRBK3dsRVkvRT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=";

  /** The example certificate's key; generated for tests only, never used anywhere real. */
  static final String KEY_B64 =
      "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ1oyT1dSaGo5NTkzR1RNU0wKMWtKWWhremU4aXp6eFBsS0lLV3AxaUZqUWJpaFJBTkNBQVQwZlluVXNRbk1pUGpnRjZLejlSYWFHZzErTE9TSAoyQS9QOWZKNzJEbEcrdWxhS1N1MXlYR1ZTTTlkUzRLMGczVlI1RVlCQ0xKckpUeW5WeE5TaFRtNAotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==";

  /**
   * Freezes the object list.
   *
   * @param size the requested number of objects (the result has exactly this many)
   * @param seed the seed
   * @param yaml the cluster as one multi-document YAML stream
   * @param objects the objects, in the order of the stream
   */
  public SyntheticCluster {
    objects = List.copyOf(objects);
  }

  /**
   * Generates a cluster of exactly {@code size} objects.
   *
   * @param size number of objects, at least 1
   * @param seed the seed
   * @return the cluster
   * @throws IllegalArgumentException when size is not positive
   */
  public static SyntheticCluster generate(int size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be positive: " + size);
    }
    String yaml = yaml(size, seed);
    List<K8sObject> objects =
        Manifests.withLimits(io.github.kongtranslator.core.manifest.ManifestLimits.bulk())
            .read(new java.io.StringReader(yaml), "synthetic-" + size + "-" + seed)
            .objects();
    return new SyntheticCluster(size, seed, yaml, objects);
  }

  /**
   * The YAML stream of a cluster of exactly {@code size} objects.
   *
   * @param size number of objects
   * @param seed the seed
   * @return multi-document YAML
   */
  public static String yaml(int size, long seed) {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder(size * 400);
    int[] count = {0};
    int namespaces = Math.max(1, size / 2000);
    // shared objects first
    emit(
        sb,
        count,
        size,
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: kong}
        spec: {controllerName: konghq.com/kic-gateway-controller}
        """);
    for (int unit = 0; count[0] < size; unit++) {
      String ns = "ns-" + (unit % namespaces);
      String app = "app-" + unit;
      int port = 8000 + rnd.nextInt(100);
      if (unit < namespaces) {
        emit(
            sb,
            count,
            size,
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: %s}
            spec:
              gatewayClassName: kong
              listeners: [{name: http, port: 80, protocol: HTTP}]
            """
                .formatted(ns));
        emit(
            sb,
            count,
            size,
            """
            apiVersion: configuration.konghq.com/v1beta1
            kind: KongConsumerGroup
            metadata: {name: tier-gold, namespace: %s, annotations: {kubernetes.io/ingress.class: kong}}
            """
                .formatted(ns));
        emit(
            sb,
            count,
            size,
            """
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: key-auth, namespace: %s}
            plugin: key-auth
            """
                .formatted(ns));
      }
      boolean plugin = rnd.nextInt(4) == 0;
      // the Service names its plugin only when the plugin fits in the size (it is emitted after
      // the Service and its EndpointSlice): a cut-off last unit never references a missing plugin
      boolean annotated = plugin && count[0] + 3 <= size;
      emit(
          sb,
          count,
          size,
          """
          apiVersion: v1
          kind: Service
          metadata: {name: %s, namespace: %s, uid: %s, resourceVersion: "%d"%s}
          spec:
            ports: [{name: http, port: %d, targetPort: %d, protocol: TCP}]
          """
              .formatted(
                  app,
                  ns,
                  uid(rnd),
                  1 + rnd.nextInt(1000),
                  annotated ? ", annotations: {konghq.com/plugins: " + app + "-rl}" : "",
                  port,
                  port));
      StringBuilder eps = new StringBuilder();
      int endpoints = 1 + rnd.nextInt(4);
      for (int e = 0; e < endpoints; e++) {
        eps.append("- addresses: [\"10.")
            .append(unit / 65536 % 256)
            .append('.')
            .append(unit / 256 % 256)
            .append('.')
            .append(unit % 256 + e)
            .append("\"]\n  conditions: {ready: ")
            .append(rnd.nextInt(10) > 0)
            .append("}\n");
      }
      emit(
          sb,
          count,
          size,
          """
          apiVersion: discovery.k8s.io/v1
          kind: EndpointSlice
          metadata:
            name: %s-x%d
            namespace: %s
            labels: {kubernetes.io/service-name: %s}
          addressType: IPv4
          endpoints:
          %sports: [{name: http, port: %d, protocol: TCP}]
          """
              .formatted(app, unit, ns, app, eps, port));
      if (plugin) {
        emit(
            sb,
            count,
            size,
            """
            apiVersion: configuration.konghq.com/v1
            kind: KongPlugin
            metadata: {name: %s-rl, namespace: %s}
            plugin: rate-limiting
            config: {minute: %d, policy: local}
            """
                .formatted(app, ns, 10 + rnd.nextInt(1000)));
      }
      int shape = rnd.nextInt(10);
      if (shape < 6) {
        boolean tls = rnd.nextInt(3) == 0;
        if (tls) {
          emit(
              sb,
              count,
              size,
              """
              apiVersion: v1
              kind: Secret
              metadata: {name: %s-tls, namespace: %s}
              type: kubernetes.io/tls
              data: {tls.crt: %s, tls.key: %s}
              """
                  .formatted(app, ns, CERT_B64, KEY_B64));
        }
        emit(
            sb,
            count,
            size,
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: %s, namespace: %s, annotations: {konghq.com/strip-path: "true"%s}}
            spec:
              ingressClassName: kong
            %s  rules:
              - host: %s.example.com
                http:
                  paths:
                  - {path: /%s, pathType: Prefix, backend: {service: {name: %s, port: {number: %d}}}}
                  - {path: /%s/v2, pathType: Exact, backend: {service: {name: %s, port: {number: %d}}}}
            """
                .formatted(
                    app,
                    ns,
                    rnd.nextInt(5) == 0 ? ", konghq.com/plugins: key-auth" : "",
                    tls
                        ? "  tls: [{hosts: ["
                            + app
                            + ".example.com], secretName: "
                            + app
                            + "-tls}]\n"
                        : "",
                    app,
                    app,
                    app,
                    port,
                    app,
                    app,
                    port));
      } else if (shape < 8) {
        emit(
            sb,
            count,
            size,
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: %s, namespace: %s}
            spec:
              parentRefs: [{name: gw}]
              hostnames: [%s.gw.example.com]
              rules:
              - matches: [{path: {type: PathPrefix, value: /%s}}]
                backendRefs: [{name: %s, port: %d}]
            """
                .formatted(app, ns, app, app, app, port));
      } else {
        emit(
            sb,
            count,
            size,
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: %s-key, namespace: %s, labels: {konghq.com/credential: key-auth}}
            stringData: {key: %s-%d}
            """
                .formatted(app, ns, app, rnd.nextInt(1_000_000)));
        emit(
            sb,
            count,
            size,
            """
            apiVersion: v1
            kind: Secret
            metadata: {name: %s-basic, namespace: %s, labels: {konghq.com/credential: basic-auth}}
            stringData: {username: %s, password: pw-%d}
            """
                .formatted(app, ns, app, rnd.nextInt(1_000_000)));
        emit(
            sb,
            count,
            size,
            """
            apiVersion: configuration.konghq.com/v1
            kind: KongConsumer
            metadata: {name: %s, namespace: %s, annotations: {kubernetes.io/ingress.class: kong}}
            username: %s
            credentials: [%s-key, %s-basic]
            consumerGroups: [tier-gold]
            """
                .formatted(app, ns, app, app, app));
      }
    }
    return sb.toString();
  }

  private static void emit(StringBuilder sb, int[] count, int size, String doc) {
    if (count[0] < size) {
      sb.append("---\n").append(doc);
      count[0]++;
    }
  }

  private static String uid(Random rnd) {
    return new java.util.UUID(rnd.nextLong(), rnd.nextLong()).toString();
  }
}
