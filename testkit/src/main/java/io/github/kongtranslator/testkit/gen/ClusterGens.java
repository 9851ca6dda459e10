package io.github.kongtranslator.testkit.gen;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.Manifests;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators of Kubernetes clusters whose objects reference each other the way the
 * translator reads them, for properties of the dependency graph, exclusion and backfill.
 *
 * <p>Objects span 25 kinds in namespaces {@code a} and {@code b}, with names from a tiny alphabet
 * ({@code x}, {@code y}) so that references often resolve: plugins annotations (local, {@code
 * ns:name} remote, cluster plugins), backends, classes, TLS and CA Secrets, consumer groups,
 * credentials, upstream policies, facades, gateways, listener certificates, ReferenceGrants,
 * BackendTLSPolicies, EndpointSlices, vault prefixes and custom entity parents. References dangle,
 * stay in the namespace or cross it; uids are empty, unique or shared across kinds. Each object is
 * built from one {@code long}, so QuickTheories shrinks a failing cluster by dropping objects and
 * simplifying seeds.
 *
 * <pre>{@code
 * qt().forAll(ClusterGens.clusters()).checkAssert(c -> {
 *   ExclusionResult r = Exclusion.exclude(c.current(), c.broken());
 *   assertThat(r.fallback().all()).allMatch(o -> !r.broken().contains(o.ref()));
 * });
 * }</pre>
 *
 * <p>The dependency rules of today's kinds cannot form a cycle among real objects, so cycles are
 * exercised on synthetic graphs rather than here.
 */
public final class ClusterGens {
  private static final String[] NAMESPACES = {"a", "b"};
  private static final String[] NAMES = {"x", "y"};

  private ClusterGens() {}

  /**
   * Snapshots of 0 to 30 objects.
   *
   * @return the generator
   */
  public static Gen<CacheStores> snapshots() {
    return snapshots(30);
  }

  /**
   * Snapshots of up to {@code maxObjects} objects (fewer when keys collide).
   *
   * @param maxObjects the largest number of generated objects
   * @return the generator
   */
  public static Gen<CacheStores> snapshots(int maxObjects) {
    return lists()
        .of(longs().all())
        .ofSizeBetween(0, maxObjects)
        .map(seeds -> load(manifest(seeds, ImmutableList.of())))
        .describedAs(ClusterGens::describe);
  }

  /**
   * Cluster scenarios: current and last valid snapshots of up to 30 objects, and broken sets.
   *
   * @return the generator
   */
  public static Gen<Cluster> clusters() {
    return clusters(30);
  }

  /**
   * Cluster scenarios of up to {@code maxObjects} generated objects.
   *
   * @param maxObjects the largest number of generated objects
   * @return the generator
   */
  public static Gen<Cluster> clusters(int maxObjects) {
    Gen<List<Long>> seeds = lists().of(longs().all()).ofSizeBetween(0, maxObjects);
    Gen<List<Integer>> fates = lists().of(integers().between(0, 9)).ofSize(maxObjects);
    Gen<List<Integer>> picks = lists().of(integers().between(0, 1000)).ofSizeBetween(0, 6);
    return seeds.zip(fates, picks, picks, ClusterGens::cluster);
  }

  /**
   * Broken sets for a snapshot, built from small integers: mostly refs of its objects (with their
   * uids), sometimes an absent object, sometimes a present one with another uid.
   *
   * @param snapshot the snapshot
   * @param picks one integer per broken ref
   * @return the broken refs, duplicates possible
   */
  public static ImmutableList<ObjectRef> brokenRefs(CacheStores snapshot, List<Integer> picks) {
    ImmutableList<K8sObject> all = snapshot.all();
    ImmutableList.Builder<ObjectRef> out = ImmutableList.builder();
    for (int p : picks) {
      if (all.isEmpty() || p % 7 == 0) {
        out.add(
            new ObjectRef("configuration.konghq.com", "v1", "KongPlugin", "a", "absent-" + p, ""));
      } else {
        ObjectRef r = all.get(p % all.size()).ref();
        out.add(
            p % 7 == 1
                ? new ObjectRef(
                    r.group(), r.version(), r.kind(), r.namespace(), r.name(), "other-uid")
                : r);
      }
    }
    return out.build();
  }

  private static Cluster cluster(
      List<Long> seeds, List<Integer> fates, List<Integer> broken, List<Integer> moreBroken) {
    List<Long> current = new ArrayList<>();
    List<Long> last = new ArrayList<>();
    List<Long> edited = new ArrayList<>();
    for (int i = 0; i < seeds.size(); i++) {
      int fate = fates.get(i);
      long seed = seeds.get(i);
      if (fate != 1) {
        current.add(seed);
      }
      if (fate != 0) {
        last.add(seed);
        if (fate == 2 || fate == 3) {
          edited.add(seed);
        }
      }
    }
    String manifest = manifest(current, ImmutableList.of());
    CacheStores now = load(manifest);
    CacheStores lastValid = load(manifest(last, edited));
    return new Cluster(
        now, lastValid, brokenRefs(now, broken), brokenRefs(now, moreBroken), manifest);
  }

  private static String describe(CacheStores s) {
    StringBuilder sb = new StringBuilder("CacheStores[");
    s.all().forEach(o -> sb.append("\n  ").append(o.ref()).append(" uid=").append(o.ref().uid()));
    return sb.append("]").toString();
  }

  private static CacheStores load(String manifest) {
    LoadResult r =
        Manifests.with(
                io.github.kongtranslator.core.manifest.ManifestOptions.builder()
                    .validation(false)
                    .build())
            .readString(manifest, "generated");
    if (!r.warnings().isEmpty()) {
      throw new IllegalStateException("generator produced a skipped document: " + r.warnings());
    }
    return CacheStores.of(r.objects());
  }

  /**
   * The YAML manifest of the objects built from {@code seeds}.
   *
   * @param seeds one seed per object
   * @param edited seeds whose object gets an extra annotation (an "older edition")
   * @return a multi-document YAML stream
   */
  public static String manifest(List<Long> seeds, List<Long> edited) {
    StringBuilder sb = new StringBuilder();
    for (long seed : seeds) {
      sb.append("---\n").append(object(seed, edited.contains(seed)));
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ one object per seed

  private static String object(long seed, boolean edited) {
    SplittableRandom r = new SplittableRandom(seed);
    int kind = r.nextInt(25);
    String ns = pick(r, NAMESPACES);
    String name = pick(r, NAMES);
    String uid =
        switch (r.nextInt(3)) {
          case 0 -> "";
          case 1 -> "shared";
          default -> "u-" + Long.toHexString(seed);
        };
    List<String> ann = new ArrayList<>();
    if (edited) {
      ann.add("testkit.kong-translator.io/edition: old");
    }
    return switch (kind) {
      case 0 -> service(r, ns, name, uid, ann);
      case 1 -> ingress(r, ns, name, uid, ann);
      case 2 ->
          meta(
                  "networking.k8s.io/v1",
                  "IngressClass",
                  "",
                  name,
                  uid,
                  r.nextBoolean()
                      ? add(ann, "ingressclass.kubernetes.io/is-default-class: \"true\"")
                      : ann)
              + (r.nextBoolean()
                  ? "spec: {parameters: {apiGroup: configuration.konghq.com, kind: IngressClassParameters, name: "
                      + pick(r, NAMES)
                      + ", namespace: "
                      + pick(r, NAMESPACES)
                      + ", scope: Namespace}}\n"
                  : "");
      case 3 -> meta("v1", "Secret", ns, name, uid, ann) + "stringData: {k: v}\n";
      case 4 -> meta("v1", "ConfigMap", ns, name, uid, ann) + "data: {k: v}\n";
      case 5 ->
          meta("discovery.k8s.io/v1", "EndpointSlice", ns, name + "-slice", uid, ann)
                  .replace(
                      "metadata: {",
                      "metadata: {labels: {kubernetes.io/service-name: " + pick(r, NAMES) + "}, ")
              + "addressType: IPv4\nendpoints: [{addresses: [10.0.0.1]}]\n";
      case 6 -> route(r, "gateway.networking.k8s.io/v1", "HTTPRoute", ns, name, uid, ann, true);
      case 7 ->
          route(r, "gateway.networking.k8s.io/v1alpha2", "UDPRoute", ns, name, uid, ann, false);
      case 8 ->
          route(r, "gateway.networking.k8s.io/v1alpha2", "TCPRoute", ns, name, uid, ann, false);
      case 9 ->
          route(r, "gateway.networking.k8s.io/v1alpha2", "TLSRoute", ns, name, uid, ann, false);
      case 10 -> route(r, "gateway.networking.k8s.io/v1", "GRPCRoute", ns, name, uid, ann, true);
      case 11 ->
          meta("gateway.networking.k8s.io/v1beta1", "ReferenceGrant", ns, name, uid, ann)
              + "spec:\n  from: ["
              + pick(
                  r,
                  "{group: gateway.networking.k8s.io, kind: HTTPRoute",
                  "{group: gateway.networking.k8s.io, kind: TCPRoute",
                  "{group: gateway.networking.k8s.io, kind: GRPCRoute",
                  "{group: gateway.networking.k8s.io, kind: Gateway",
                  "{group: configuration.konghq.com, kind: KongConsumer",
                  "{group: configuration.konghq.com, kind: KongCustomEntity",
                  "{group: \"\", kind: Service")
              + ", namespace: "
              + (ns.equals("a") ? "b" : "a")
              + "}]\n  to: ["
              + pick(
                  r,
                  "{group: \"\", kind: Service",
                  "{group: configuration.konghq.com, kind: KongPlugin",
                  "{group: \"\", kind: Secret")
              + (r.nextBoolean() ? ", name: " + pick(r, NAMES) : "")
              + "}]\n";
      case 12 ->
          meta("gateway.networking.k8s.io/v1", "Gateway", ns, name, uid, ann)
              + "spec:\n  gatewayClassName: "
              + pick(r, NAMES)
              + "\n  listeners:\n  - {name: l, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: "
              + pick(r, NAMES)
              + (r.nextBoolean() ? ", namespace: " + pick(r, NAMESPACES) : "")
              + "}]}}\n";
      case 13 ->
          meta("gateway.networking.k8s.io/v1", "GatewayClass", "", name, uid, ann)
              + "spec: {controllerName: konghq.com/kic-gateway-controller}\n";
      case 14 ->
          meta("gateway.networking.k8s.io/v1alpha3", "BackendTLSPolicy", ns, name, uid, ann)
              + "spec:\n  targetRefs: [{group: \"\", kind: Service, name: "
              + pick(r, NAMES)
              + "}]\n"
              + "  validation: {hostname: h, caCertificateRefs: [{group: \"\", kind: "
              + pick(r, "ConfigMap", "Secret")
              + ", name: "
              + pick(r, NAMES)
              + "}]}\n";
      case 15 ->
          meta("configuration.konghq.com/v1", "KongPlugin", ns, name, uid, ann) + plugin(r, false);
      case 16 ->
          meta("configuration.konghq.com/v1", "KongClusterPlugin", "", name, uid, ann)
              + plugin(r, true);
      case 17 ->
          meta("configuration.konghq.com/v1", "KongConsumer", ns, name, uid, plugins(r, ann))
              + "username: "
              + name
              + "\n"
              + (r.nextBoolean() ? "credentials: [" + pick(r, NAMES) + "]\n" : "")
              + (r.nextBoolean() ? "consumerGroups: [" + pick(r, NAMES) + "]\n" : "");
      case 18 ->
          meta(
              "configuration.konghq.com/v1beta1",
              "KongConsumerGroup",
              ns,
              name,
              uid,
              plugins(r, ann));
      case 19 -> meta("configuration.konghq.com/v1", "KongIngress", ns, name, uid, ann);
      case 20 ->
          meta(
                  "configuration.konghq.com/v1beta1",
                  r.nextBoolean() ? "TCPIngress" : "UDPIngress",
                  ns,
                  name,
                  uid,
                  plugins(r, ann))
              + "spec:\n  rules: [{port: 9000, backend: {serviceName: "
              + pick(r, NAMES)
              + ", servicePort: 80}}]\n";
      case 21 -> meta("configuration.konghq.com/v1beta1", "KongUpstreamPolicy", ns, name, uid, ann);
      case 22 ->
          meta("configuration.konghq.com/v1alpha1", "IngressClassParameters", ns, name, uid, ann);
      case 23 ->
          meta(
                  "incubator.ingress-controller.konghq.com/v1alpha1",
                  "KongServiceFacade",
                  ns,
                  name,
                  uid,
                  upstreamPolicy(r, plugins(r, ann)))
              + "spec: {backendRef: {name: "
              + pick(r, NAMES)
              + ", port: 80}}\n";
      default ->
          r.nextBoolean()
              ? meta("configuration.konghq.com/v1alpha1", "KongVault", "", name, uid, ann)
                  + "spec: {backend: env, prefix: "
                  + pick(r, NAMES)
                  + "}\n"
              : meta("configuration.konghq.com/v1alpha1", "KongCustomEntity", ns, name, uid, ann)
                  + "spec:\n  type: degraphql_routes\n  parentRef: {group: configuration.konghq.com, kind: "
                  + pick(r, "KongPlugin", "KongClusterPlugin")
                  + ", name: "
                  + pick(r, NAMES)
                  + (r.nextBoolean() ? ", namespace: " + pick(r, NAMESPACES) : "")
                  + "}\n";
    };
  }

  private static String service(
      SplittableRandom r, String ns, String name, String uid, List<String> ann) {
    List<String> a = upstreamPolicy(r, plugins(r, ann));
    if (r.nextInt(4) == 0) {
      a = add(a, "konghq.com/client-cert: " + pick(r, NAMES));
    }
    if (r.nextInt(4) == 0) {
      a = add(a, "konghq.com/ca-certificates-secrets: " + pick(r, NAMES));
    }
    if (r.nextInt(4) == 0) {
      a = add(a, "konghq.com/ca-certificates-configmaps: " + pick(r, NAMES));
    }
    if (r.nextInt(4) == 0) {
      a = add(a, "konghq.com/override: " + pick(r, NAMES));
    }
    return meta("v1", "Service", ns, name, uid, a) + "spec: {ports: [{port: 80}]}\n";
  }

  private static String ingress(
      SplittableRandom r, String ns, String name, String uid, List<String> ann) {
    List<String> a = upstreamPolicy(r, plugins(r, ann));
    if (r.nextInt(3) == 0) {
      a = add(a, "kubernetes.io/ingress.class: " + pick(r, NAMES));
    }
    StringBuilder spec = new StringBuilder("spec:\n");
    if (r.nextInt(3) == 0) {
      spec.append("  ingressClassName: ").append(pick(r, NAMES)).append('\n');
    }
    if (r.nextInt(4) == 0) {
      spec.append("  defaultBackend: ").append(ingressBackend(r)).append('\n');
    }
    if (r.nextInt(3) == 0) {
      spec.append("  tls: [{hosts: [h], secretName: ").append(pick(r, NAMES)).append("}]\n");
    }
    spec.append("  rules:\n  - http:\n      paths:\n");
    int paths = 1 + r.nextInt(2);
    for (int i = 0; i < paths; i++) {
      spec.append("      - {path: /p")
          .append(i)
          .append(", pathType: Prefix, backend: ")
          .append(ingressBackend(r))
          .append("}\n");
    }
    return meta("networking.k8s.io/v1", "Ingress", ns, name, uid, a) + spec;
  }

  private static String ingressBackend(SplittableRandom r) {
    return r.nextInt(4) == 0
        ? "{resource: {apiGroup: incubator.ingress-controller.konghq.com, kind: KongServiceFacade, name: "
            + pick(r, NAMES)
            + "}}"
        : "{service: {name: " + pick(r, NAMES) + ", port: {number: 80}}}";
  }

  private static String route(
      SplittableRandom r,
      String apiVersion,
      String kind,
      String ns,
      String name,
      String uid,
      List<String> ann,
      boolean filters) {
    StringBuilder spec = new StringBuilder("spec:\n");
    if (r.nextBoolean()) {
      spec.append("  parentRefs: [{name: ")
          .append(pick(r, NAMES))
          .append(r.nextBoolean() ? ", namespace: " + pick(r, NAMESPACES) : "")
          .append("}]\n");
    }
    int refs = r.nextInt(3);
    spec.append(refs == 0 ? "  rules:\n  - backendRefs: []\n" : "  rules:\n  - backendRefs:\n");
    for (int i = 0; i < refs; i++) {
      spec.append("    - {name: ")
          .append(pick(r, NAMES))
          .append(", port: 80")
          .append(r.nextInt(4) != 0 ? ", kind: Service" : "")
          .append(r.nextInt(3) == 0 ? ", namespace: " + pick(r, NAMESPACES) : "")
          .append("}\n");
    }
    if (filters && r.nextInt(3) == 0) {
      spec.append(
              "    filters: [{type: ExtensionRef, extensionRef: {group: configuration.konghq.com, kind: KongPlugin, name: ")
          .append(pick(r, NAMES))
          .append("}}]\n");
    }
    return meta(apiVersion, kind, ns, name, uid, plugins(r, ann)) + spec;
  }

  private static String plugin(SplittableRandom r, boolean cluster) {
    StringBuilder sb = new StringBuilder("plugin: key-auth\n");
    if (r.nextInt(3) == 0) {
      sb.append("configFrom: {secretKeyRef: {name: ")
          .append(pick(r, NAMES))
          .append(", key: k")
          .append(cluster ? ", namespace: " + pick(r, NAMESPACES) : "")
          .append("}}\n");
    } else if (r.nextInt(3) == 0) {
      sb.append("config: {key_names: [\"{vault://").append(pick(r, NAMES)).append("/key}\"]}\n");
    }
    if (r.nextInt(4) == 0) {
      sb.append("configPatches: [{path: /k, valueFrom: {secretKeyRef: {name: ")
          .append(pick(r, NAMES))
          .append(", key: k")
          .append(cluster ? ", namespace: " + pick(r, NAMESPACES) : "")
          .append("}}}]\n");
    }
    return sb.toString();
  }

  private static List<String> plugins(SplittableRandom r, List<String> ann) {
    int n = r.nextInt(3);
    if (n == 0) {
      return ann;
    }
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tokens.add(r.nextInt(4) == 0 ? pick(r, NAMESPACES) + ":" + pick(r, NAMES) : pick(r, NAMES));
    }
    return add(ann, "konghq.com/plugins: \"" + String.join(", ", tokens) + "\"");
  }

  private static List<String> upstreamPolicy(SplittableRandom r, List<String> ann) {
    return r.nextInt(4) == 0 ? add(ann, "konghq.com/upstream-policy: " + pick(r, NAMES)) : ann;
  }

  private static List<String> add(List<String> list, String item) {
    List<String> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private static String meta(
      String apiVersion,
      String kind,
      String ns,
      String name,
      String uid,
      List<String> annotations) {
    return "apiVersion: "
        + apiVersion
        + "\nkind: "
        + kind
        + "\nmetadata: {name: "
        + name
        + (ns.isEmpty() ? "" : ", namespace: " + ns)
        + (uid.isEmpty() ? "" : ", uid: " + uid)
        + (annotations.isEmpty() ? "" : ", annotations: {" + String.join(", ", annotations) + "}")
        + "}\n";
  }

  private static String pick(SplittableRandom r, String... values) {
    return values[r.nextInt(values.length)];
  }
}
