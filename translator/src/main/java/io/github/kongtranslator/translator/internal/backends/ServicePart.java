package io.github.kongtranslator.translator.internal.backends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.core.model.EndpointSlice;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongIngress;
import io.github.kongtranslator.core.model.KongServiceFacade;
import io.github.kongtranslator.core.model.KongUpstreamPolicy;
import io.github.kongtranslator.core.model.Service;
import io.github.kongtranslator.kongmodel.config.EntityKind;
import io.github.kongtranslator.translator.internal.entities.Entities.Backend;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.entities.Entities.KTarget;
import io.github.kongtranslator.translator.internal.entities.Entities.KUpstream;
import io.github.kongtranslator.translator.internal.entities.Entities.ResolvedBackend;
import io.github.kongtranslator.translator.internal.entities.Json;
import io.github.kongtranslator.translator.internal.entities.Tags;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Kong services' backends, upstreams and targets, Service-level annotations and upstream overrides
 * (translator-spec §5, §6.2, §7, §8).
 */
public final class ServicePart {
  static final String PROTOCOL = "konghq.com/protocol";
  static final String PATH = "konghq.com/path";
  static final String CONNECT_TIMEOUT = "konghq.com/connect-timeout";
  static final String READ_TIMEOUT = "konghq.com/read-timeout";
  static final String WRITE_TIMEOUT = "konghq.com/write-timeout";
  static final String RETRIES = "konghq.com/retries";
  static final String TLS_VERIFY = "konghq.com/tls-verify";
  static final String TLS_VERIFY_DEPTH = "konghq.com/tls-verify-depth";
  static final String CLIENT_CERT = "konghq.com/client-cert";
  static final String CA_SECRETS = "konghq.com/ca-certificates-secrets";
  static final String CA_CONFIGMAPS = "konghq.com/ca-certificates-configmaps";
  static final String HOST_HEADER = "konghq.com/host-header";
  static final String OVERRIDE = "konghq.com/override";
  static final String UPSTREAM_POLICY = "konghq.com/upstream-policy";
  static final String SERVICE_UPSTREAM = "ingress.kubernetes.io/service-upstream";
  static final Set<String> VALID_SERVICE_PROTOCOLS =
      Set.of("http", "https", "grpc", "grpcs", "ws", "wss", "tls", "tcp", "tls_passthrough");
  static final Set<String> NON_TLS_PROTOCOLS =
      Set.of("http", "grpc", "tcp", "tls_passthrough", "udp", "ws");

  private final Context ctx;

  /** The services this stage completes, in creation order; the dropped ones leave. */
  private final Map<String, KService> services;

  /** Services dropped for inconsistent backend annotations; their upstreams stay, bare. */
  private final Set<KService> dropped =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  private final Map<String, KUpstream> upstreams = new LinkedHashMap<>();

  /** Secrets named by client-cert annotations, with the Services that use them. */
  private final Map<String, List<K8sObject>> clientCertSecrets = new LinkedHashMap<>();

  private ServicePart(Context ctx, Map<String, KService> services) {
    this.ctx = ctx;
    this.services = new LinkedHashMap<>(services);
  }

  /**
   * What the backends stage produced.
   *
   * @param services the Kong services kept, in creation order (without the dropped ones)
   * @param upstreams the upstreams by name, in creation order (a dropped service's one bare)
   * @param clientCertSecrets Secret keys named by client-cert annotations, with the objects naming
   *     them
   */
  public record Output(
      ImmutableMap<String, KService> services,
      ImmutableMap<String, KUpstream> upstreams,
      ImmutableMap<String, ImmutableList<K8sObject>> clientCertSecrets) {}

  /**
   * The backends stage: resolves the services' backends (phase 2), builds upstreams and targets
   * (phase 3), drops services with inconsistent backend annotations, then applies Service
   * annotations (phase 4a) and upstream overrides (phase 4c).
   *
   * @param ctx the run
   * @param services the routing stages' services, in creation order
   * @return the completed services, their upstreams and the client certificate Secrets
   */
  public static Output run(Context ctx, Map<String, KService> services) {
    ServicePart part = new ServicePart(ctx, services);
    part.populate();
    part.upstreams();
    part.services.values().removeIf(part.dropped::contains);
    part.serviceAnnotations();
    part.upstreamOverrides();
    ImmutableMap.Builder<String, ImmutableList<K8sObject>> certs = ImmutableMap.builder();
    part.clientCertSecrets.forEach((k, v) -> certs.put(k, ImmutableList.copyOf(v)));
    return new Output(
        ImmutableMap.copyOf(part.services),
        ImmutableMap.copyOf(part.upstreams),
        certs.buildOrThrow());
  }

  /** Phase 2: resolve each backend and compute the Kong service's tags. */
  private void populate() {
    for (KService svc : services.values()) {
      for (Backend b : svc.backends) {
        ResolvedBackend rb = resolve(b);
        if (rb == null) {
          ctx.fail(
              "failed to resolve Kubernetes Service for backend: " + b.namespace + "/" + b.name,
              svc.parent);
        } else {
          svc.resolved.add(rb);
        }
      }
      if (svc.resolved.size() == 1) {
        ResolvedBackend rb = svc.resolved.get(0);
        svc.tags = ctx.tags(rb.annotated());
      } else if (svc.resolved.isEmpty()) {
        svc.tags = Tags.PLACEHOLDER;
      } else {
        svc.tags = svc.noParentTags ? List.of() : ctx.tags(svc.parent);
        checkConsistentAnnotations(svc);
      }
      clientCertificate(svc);
      caCertificates(svc);
    }
  }

  /**
   * §2.7: every k8s Service behind one Kong service must carry the same konghq.com/* annotations.
   */
  private void checkConsistentAnnotations(KService svc) {
    Map<String, String> first = konghqAnnotations(svc.resolved.get(0).annotations());
    Set<String> keys = new java.util.TreeSet<>(Strs.BYTES);
    for (ResolvedBackend rb : svc.resolved) {
      Map<String, String> a = konghqAnnotations(rb.annotations());
      keys.addAll(a.keySet());
      keys.addAll(first.keySet());
      for (String k : List.copyOf(keys)) {
        if (!java.util.Objects.equals(first.get(k), a.get(k))) {
          for (ResolvedBackend each : svc.resolved) {
            ctx.fail(
                "inconsistent annotation "
                    + k
                    + " on the Kubernetes Services behind Kong service "
                    + svc.name,
                each.annotated());
          }
          dropped.add(svc);
          return;
        }
      }
    }
  }

  private static Map<String, String> konghqAnnotations(Map<String, String> all) {
    Map<String, String> out = new LinkedHashMap<>();
    all.forEach(
        (k, v) -> {
          if (k.startsWith("konghq.com/")) {
            out.put(k, v);
          }
        });
    return out;
  }

  private @Nullable ResolvedBackend resolve(Backend b) {
    if (b.facade) {
      Optional<KongServiceFacade> f =
          ctx.stores.get(Kind.KONG_SERVICE_FACADE, b.namespace, b.name, KongServiceFacade.class);
      if (f.isEmpty()) {
        return null;
      }
      KongServiceFacade.BackendRef ref = f.get().spec().backendRef();
      Service s =
          ref == null
              ? null
              : ctx.stores
                  .get(Kind.SERVICE, b.namespace, Strs.nz(ref.name()), Service.class)
                  .orElse(null);
      Map<String, String> ann = new LinkedHashMap<>();
      if (s != null) {
        ann.putAll(s.metadata().annotations());
      }
      ann.putAll(f.get().metadata().annotations());
      return new ResolvedBackend(b, f.get(), s, ann);
    }
    return ctx.stores
        .get(Kind.SERVICE, b.namespace, b.name, Service.class)
        .map(s -> new ResolvedBackend(b, s, s, withBackendTlsPolicy(s)))
        .orElse(null);
  }

  private record ServiceKey(String namespace, String name) {}

  private @Nullable Map<ServiceKey, List<io.github.kongtranslator.core.model.BackendTlsPolicy>>
      policiesByService;

  /** BackendTLSPolicies by the Services they target, each list in store order; built once. */
  private Map<ServiceKey, List<io.github.kongtranslator.core.model.BackendTlsPolicy>>
      policiesByService() {
    if (policiesByService == null) {
      policiesByService = new HashMap<>();
      for (var p :
          ctx.stores.list(
              Kind.BACKEND_TLS_POLICY,
              io.github.kongtranslator.core.model.BackendTlsPolicy.class)) {
        Set<String> names = new LinkedHashSet<>();
        for (var t : p.spec().targetRefs()) {
          if ((Strs.isEmpty(t.group()) || "core".equals(t.group()))
              && "Service".equals(t.kind())
              && t.name() != null) {
            names.add(t.name());
          }
        }
        for (String name : names) {
          policiesByService
              .computeIfAbsent(
                  new ServiceKey(p.metadata().namespace(), name), k -> new ArrayList<>())
              .add(p);
        }
      }
    }
    return policiesByService;
  }

  /** The Service's annotations, overlaid by its single BackendTLSPolicy (gateway-api-spec §2.8). */
  private Map<String, String> withBackendTlsPolicy(Service s) {
    List<io.github.kongtranslator.core.model.BackendTlsPolicy> policies =
        policiesByService()
            .getOrDefault(new ServiceKey(s.metadata().namespace(), s.metadata().name()), List.of());
    if (policies.isEmpty()) {
      return s.metadata().annotations();
    }
    if (policies.size() > 1) {
      ctx.fail(
          "Multiple BackendTLSPolicies attached to service "
              + s.metadata().namespace()
              + "/"
              + s.metadata().name(),
          s);
      return s.metadata().annotations();
    }
    io.github.kongtranslator.core.model.BackendTlsPolicy p = policies.get(0);
    Map<String, String> ann = new LinkedHashMap<>(s.metadata().annotations());
    ann.put(TLS_VERIFY, "true");
    ann.put(PROTOCOL, "https");
    var v = p.spec().validation();
    if (v != null) {
      if (!Strs.isEmpty(v.hostname())) {
        ann.put(HOST_HEADER, v.hostname());
      }
      List<String> maps = new ArrayList<>();
      List<String> secrets = new ArrayList<>();
      for (var ref : v.caCertificateRefs()) {
        if ("ConfigMap".equals(ref.kind())) {
          maps.add(Strs.nz(ref.name()));
        } else if ("Secret".equals(ref.kind())) {
          secrets.add(Strs.nz(ref.name()));
        }
      }
      if (!maps.isEmpty()) {
        ann.put(CA_CONFIGMAPS, String.join(",", maps));
      }
      if (!secrets.isEmpty()) {
        ann.put(CA_SECRETS, String.join(",", secrets));
      }
    }
    Integer depth = Strs.parseInt(p.spec().options().get("tls-verify-depth"));
    if (depth != null && depth >= 0) {
      ann.put(TLS_VERIFY_DEPTH, Integer.toString(depth));
    }
    return ann;
  }

  private static String effectiveProtocol(Map<String, String> ann) {
    String p = ann.get(PROTOCOL);
    return p == null || p.isEmpty() ? "http" : p;
  }

  private void clientCertificate(KService svc) {
    for (ResolvedBackend rb : svc.resolved) {
      String name = rb.annotations().get(CLIENT_CERT);
      if (name == null || name.isEmpty()) {
        continue;
      }
      String ns = rb.annotated().metadata().namespace();
      Optional<io.github.kongtranslator.core.model.Secret> secret =
          ctx.stores.get(Kind.SECRET, ns, name, io.github.kongtranslator.core.model.Secret.class);
      if (secret.isEmpty()) {
        ctx.fail("failed to fetch client certificate Secret " + ns + "/" + name, rb.annotated());
        continue;
      }
      String protocol = effectiveProtocol(rb.annotations());
      if (NON_TLS_PROTOCOLS.contains(protocol)) {
        ctx.fail(
            "client certificate configured, but protocol " + protocol + " does not support TLS",
            rb.annotated());
        continue;
      }
      svc.clientCertificate = secret.get().metadata().uid();
      clientCertSecrets
          .computeIfAbsent(ns + "/" + name, k -> new ArrayList<>())
          .add(rb.annotated());
    }
  }

  private void caCertificates(KService svc) {
    for (ResolvedBackend rb : svc.resolved) {
      Map<String, String> ann = rb.annotations();
      List<String> secrets = Strs.list(ann.get(CA_SECRETS));
      List<String> maps = Strs.list(ann.get(CA_CONFIGMAPS));
      if (secrets.isEmpty() && maps.isEmpty()) {
        continue;
      }
      if (!Boolean.TRUE.equals(Strs.parseBool(ann.get(TLS_VERIFY)))) {
        ctx.fail(
            "CA certificates annotations are set, but " + TLS_VERIFY + " is not true",
            rb.annotated());
        continue;
      }
      String protocol = effectiveProtocol(ann);
      if (NON_TLS_PROTOCOLS.contains(protocol)) {
        ctx.fail(
            "CA certificates configured, but protocol " + protocol + " does not support TLS",
            rb.annotated());
        continue;
      }
      String ns = rb.annotated().metadata().namespace();
      List<String> ids = svc.caCertificates == null ? new ArrayList<>() : svc.caCertificates;
      for (String name : secrets) {
        Optional<io.github.kongtranslator.core.model.Secret> s =
            ctx.stores.get(Kind.SECRET, ns, name, io.github.kongtranslator.core.model.Secret.class);
        if (s.isEmpty()) {
          ctx.fail("CA certificate Secret " + ns + "/" + name + " not found", rb.annotated());
          continue;
        }
        Optional<String> id = s.get().value("id").map(v -> v.utf8());
        if (id.isEmpty() || id.get().isEmpty()) {
          ctx.fail(
              "CA certificate Secret " + ns + "/" + name + " has no id", rb.annotated(), s.get());
          continue;
        }
        ids.add(id.get());
      }
      for (String name : maps) {
        Optional<io.github.kongtranslator.core.model.ConfigMap> m =
            ctx.stores.get(
                Kind.CONFIG_MAP, ns, name, io.github.kongtranslator.core.model.ConfigMap.class);
        if (m.isEmpty()) {
          ctx.fail("CA certificate ConfigMap " + ns + "/" + name + " not found", rb.annotated());
          continue;
        }
        String id = m.get().data().get("id");
        if (Strs.isEmpty(id)) {
          ctx.fail(
              "CA certificate ConfigMap " + ns + "/" + name + " has no id",
              rb.annotated(),
              m.get());
          continue;
        }
        ids.add(id);
      }
      svc.caCertificates = ids.isEmpty() ? null : ids;
    }
  }

  /** Phase 3: upstreams, ports and targets. */
  private void upstreams() {
    for (KService svc : services.values()) {
      KUpstream up = upstreams.get(svc.host);
      boolean created = false;
      if (up == null) {
        up = new KUpstream(svc.host, svc);
        up.tags = dropped.contains(svc) ? List.of() : svc.tags;
        upstreams.put(svc.host, up);
        created = true;
      }
      if (dropped.contains(svc)) {
        continue;
      }
      for (Backend b : svc.backends) {
        ResolvedBackend rb =
            svc.resolved.stream().filter(r -> r.backend() == b).findFirst().orElse(null);
        if (rb == null || rb.service() == null) {
          ctx.fail(
              "can't add target for backend " + b.name + ": no kubernetes service found",
              svc.parent);
          continue;
        }
        Service s = rb.service();
        Service.ServicePort sp = resolvePort(b, s);
        if (sp == null) {
          ctx.fail(
              "can't find port for backend kubernetes service: "
                  + s.metadata().namespace()
                  + "/"
                  + s.metadata().name(),
              s,
              svc.parent);
          continue;
        }
        svc.port = sp.port();
        if (created) {
          List<KTarget> ts = targets(s, sp, rb.annotations());
          if (b.weight != null && !ts.isEmpty()) {
            int w = b.weight == 0 ? 0 : Math.max(1, b.weight / ts.size());
            ts.forEach(t -> t.weight = w);
          }
          for (KTarget t : ts) {
            KTarget existing = up.targets.get(t.target);
            if (existing == null) {
              up.targets.put(t.target, t);
            } else {
              int w1 = existing.weight == null ? 100 : existing.weight;
              int w2 = t.weight == null ? 100 : t.weight;
              existing.weight = w1 + w2;
            }
          }
        }
      }
    }
  }

  static boolean isExternalName(Service s) {
    return "ExternalName".equals(s.spec().type());
  }

  static Service.@Nullable ServicePort resolvePort(Backend b, Service s) {
    Integer number = b.port.number();
    String name = b.port.name();
    if (number != null && number != 0) {
      if (isExternalName(s)) {
        return new Service.ServicePort(
            null,
            "TCP",
            number,
            io.github.kongtranslator.core.model.IntOrString.of(number),
            null,
            null);
      }
      return s.spec().ports().stream().filter(p -> p.port() == number).findFirst().orElse(null);
    }
    if (name != null && !name.isEmpty()) {
      if (isExternalName(s)) {
        return null;
      }
      return s.spec().ports().stream()
          .filter(
              p ->
                  name.equals(p.name())
                      || (p.targetPort() != null
                          && p.targetPort().string().map(name::equals).orElse(false)))
          .findFirst()
          .orElse(null);
    }
    if (isExternalName(s) || s.spec().ports().size() != 1) {
      return null;
    }
    return s.spec().ports().get(0);
  }

  private List<KTarget> targets(Service s, Service.ServicePort sp, Map<String, String> ann) {
    Set<String> protocols = new LinkedHashSet<>();
    protocols.add("TCP");
    for (Service.ServicePort p : s.spec().ports()) {
      if (!Strs.isEmpty(p.protocol())) {
        protocols.add(p.protocol());
      }
    }
    String ns = s.metadata().namespace();
    List<KTarget> out = new ArrayList<>();
    boolean serviceUpstream = "true".equals(ann.get(SERVICE_UPSTREAM)) || ctx.serviceUpstream;
    for (String protocol : protocols) {
      if (serviceUpstream) {
        String host =
            s.metadata().name()
                + "."
                + ns
                + ".svc"
                + (ctx.options.clusterDomain().isEmpty() ? "" : "." + ctx.options.clusterDomain());
        out.add(new KTarget(host + ":" + sp.port(), null));
        continue;
      }
      if (isExternalName(s)) {
        int tp =
            sp.targetPort() != null && sp.targetPort().number().isPresent()
                ? sp.targetPort().number().get()
                : sp.port();
        out.add(new KTarget(Strs.nz(s.spec().externalName()) + ":" + tp, null));
        continue;
      }
      Set<String> seen = new LinkedHashSet<>();
      List<EndpointSlice> slices = ctx.endpointSlices(ns, s.metadata().name());
      String spName = Strs.nz(sp.name());
      for (EndpointSlice es : slices) {
        for (EndpointSlice.EndpointPort port : es.ports()) {
          if (port.port() == null || port.port() < 0) {
            continue;
          }
          String pp = port.protocol() == null ? "TCP" : port.protocol();
          if (!pp.equals(protocol) || !Strs.nz(port.name()).equals(spName)) {
            continue;
          }
          for (EndpointSlice.Endpoint ep : es.endpoints()) {
            EndpointSlice.Conditions c = ep.conditions();
            boolean ready = c == null || c.ready() == null || c.ready();
            boolean terminating = c != null && Boolean.TRUE.equals(c.terminating());
            if (!ready || ep.addresses().isEmpty()) {
              continue;
            }
            String addr = ep.addresses().get(0);
            if (!seen.add(addr + "|" + port.port() + "|" + terminating)) {
              continue;
            }
            String host = addr.contains(":") ? "[" + addr + "]" : addr;
            out.add(new KTarget(host + ":" + port.port(), null));
          }
        }
      }
    }
    return out;
  }

  /** Phase 4a: Service annotations onto Kong services. */
  private void serviceAnnotations() {
    for (KService svc : services.values()) {
      List<ResolvedBackend> ordered = new ArrayList<>(svc.resolved);
      ordered.sort(
          Comparator.comparing(
              (ResolvedBackend r) ->
                  r.annotated().metadata().namespace() + "/" + r.annotated().metadata().name(),
              Strs.BYTES));
      boolean invalid = false;
      for (ResolvedBackend rb : ordered) {
        Map<String, String> ann = rb.annotations();
        String protocol = ann.get(PROTOCOL);
        if (protocol != null && !protocol.isEmpty()) {
          if (!VALID_SERVICE_PROTOCOLS.contains(protocol)) {
            ctx.fail(
                PROTOCOL + " annotation has invalid value: " + protocol,
                svc.resolved.stream().map(ResolvedBackend::annotated).toList());
            invalid = true;
            break;
          }
          svc.protocol = protocol;
        }
        String path = ann.get(PATH);
        if (path != null && path.startsWith("/")) {
          svc.path = path;
        }
        Integer v = Strs.parseInt(ann.get(CONNECT_TIMEOUT));
        if (v != null) {
          svc.connectTimeout = v;
        }
        v = Strs.parseInt(ann.get(READ_TIMEOUT));
        if (v != null) {
          svc.readTimeout = v;
        }
        v = Strs.parseInt(ann.get(WRITE_TIMEOUT));
        if (v != null) {
          svc.writeTimeout = v;
        }
        v = Strs.parseInt(ann.get(RETRIES));
        if (v != null) {
          svc.retries = v;
        }
        Boolean tv = Strs.parseBool(ann.get(TLS_VERIFY));
        if (tv != null) {
          svc.tlsVerify = tv;
        }
        v = Strs.parseInt(ann.get(TLS_VERIFY_DEPTH));
        if (v != null) {
          svc.tlsVerifyDepth = v;
        }
      }
      if (!invalid && ("grpc".equals(svc.protocol) || "grpcs".equals(svc.protocol))) {
        svc.path = null;
      }
    }
  }

  /** Phase 4c: KongIngress, host-header and KongUpstreamPolicy onto upstreams (§8). */
  private void upstreamOverrides() {
    for (KUpstream up : upstreams.values()) {
      KService svc = up.service;
      if (dropped.contains(svc)) {
        continue;
      }
      boolean gatewayParent =
          svc.parent.kind().group().equals(io.github.kongtranslator.core.model.GatewayApi.GROUP);
      List<ResolvedBackend> rbs = svc.resolved;
      List<K8sObject> objs = rbs.stream().map(ResolvedBackend::annotated).toList();
      boolean skipStep2 = false;
      KongIngress ki = null;
      for (ResolvedBackend rb : rbs) {
        String name = rb.annotations().get(OVERRIDE);
        if (name != null && !name.isEmpty()) {
          ki =
              ctx.stores
                  .get(
                      Kind.KONG_INGRESS,
                      rb.annotated().metadata().namespace(),
                      name,
                      KongIngress.class)
                  .orElse(null);
          if (ki == null) {
            ctx.fail(
                "failed to get KongIngress: "
                    + rb.annotated().metadata().namespace()
                    + "/"
                    + name
                    + " not found",
                objs);
            skipStep2 = true;
          }
          break;
        }
      }
      if (!skipStep2 && !(gatewayParent && ki != null)) {
        for (ResolvedBackend rb : rbs) {
          if (ki != null && ki.upstream() != null && ki.upstream().toNode().isObject()) {
            applyKongIngress(up, (ObjectNode) ki.upstream().toNode());
          }
          String hh = rb.annotations().get(HOST_HEADER);
          if (hh != null && !hh.isEmpty()) {
            up.overrides.hostHeader(hh);
          }
        }
      }
      applyPolicy(up, rbs, objs);
    }
  }

  private static final List<String> KONG_INGRESS_FIELDS =
      List.of(
          "host_header",
          "algorithm",
          "slots",
          "healthchecks",
          "hash_on",
          "hash_fallback",
          "hash_on_header",
          "hash_fallback_header",
          "hash_on_cookie",
          "hash_on_cookie_path",
          "hash_on_query_arg",
          "hash_fallback_query_arg",
          "hash_on_uri_capture",
          "hash_fallback_uri_capture");

  static {
    for (String f : KONG_INGRESS_FIELDS) { // the names are Kong's: checked against its definition
      if (EntityKind.UPSTREAM.fieldSpec(f).isEmpty()) {
        throw new IllegalStateException(
            "KongIngress upstream field " + f + " is not an upstream field");
      }
    }
  }

  private static void applyKongIngress(KUpstream up, ObjectNode u) {
    for (String f : KONG_INGRESS_FIELDS) {
      JsonNode v = u.get(f);
      if (v != null && !v.isNull()) {
        // the values are the user's JSON, of any type: set through the definition's field
        // lookup (which checks the type), not a typed setter
        up.overrides.adopt(f, Json.normalizeNumbers(v));
      }
    }
  }

  private void applyPolicy(KUpstream up, List<ResolvedBackend> rbs, List<K8sObject> objs) {
    if (rbs.isEmpty()) {
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    boolean anyMissing = false;
    for (ResolvedBackend rb : rbs) {
      String n = rb.annotations().get(UPSTREAM_POLICY);
      if (Strs.isEmpty(n)) {
        anyMissing = true;
      } else {
        names.add(n);
      }
    }
    if (names.isEmpty()) {
      return;
    }
    if (anyMissing || names.size() > 1) {
      ctx.fail(
          "inconsistent KongUpstreamPolicy configuration for services "
              + String.join(
                  ", ",
                  objs.stream()
                      .map(o -> o.metadata().namespace() + "/" + o.metadata().name())
                      .toList()),
          objs);
      return;
    }
    String name = names.iterator().next();
    String ns = rbs.get(0).annotated().metadata().namespace();
    Optional<KongUpstreamPolicy> policy =
        ctx.stores.get(Kind.KONG_UPSTREAM_POLICY, ns, name, KongUpstreamPolicy.class);
    if (policy.isEmpty()) {
      ctx.fail("failed fetching KongUpstreamPolicy " + ns + "/" + name + ": not found", objs);
      return;
    }
    KongUpstreamPolicy.Spec spec = policy.get().spec();
    if ("sticky-sessions".equals(spec.algorithm()) && !ctx.options.kongVersionAtLeast(3, 11)) {
      ctx.fail(
          "KongUpstreamPolicy "
              + ns
              + "/"
              + name
              + " uses sticky-sessions, which needs Kong 3.11 or newer",
          objs);
      return;
    }
    UpstreamPolicies.apply(up.overrides, spec);
  }
}
