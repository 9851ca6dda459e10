package io.github.kongtranslator.fallback.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.base.Splitter;
import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.BackendTlsPolicy;
import io.github.kongtranslator.core.model.EndpointSlice;
import io.github.kongtranslator.core.model.Gateway;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.GrpcRoute;
import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.IngressClass;
import io.github.kongtranslator.core.model.JsonValue;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongClusterPlugin;
import io.github.kongtranslator.core.model.KongConsumer;
import io.github.kongtranslator.core.model.KongCustomEntity;
import io.github.kongtranslator.core.model.KongPlugin;
import io.github.kongtranslator.core.model.KongServiceFacade;
import io.github.kongtranslator.core.model.KongVault;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.core.model.ReferenceGrant;
import io.github.kongtranslator.core.model.Service;
import io.github.kongtranslator.core.model.TcpIngress;
import io.github.kongtranslator.core.model.TcpRoute;
import io.github.kongtranslator.core.model.TlsRoute;
import io.github.kongtranslator.core.model.UdpIngress;
import io.github.kongtranslator.core.model.UdpRoute;
import io.github.kongtranslator.fallback.graph.Dependency;
import io.github.kongtranslator.fallback.graph.DependencyRule;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the dependencies of one object against one snapshot by every {@link DependencyRule}
 * ({@code fallback-spec.md} §2.2, the rules KIC resolves, plus §2.4, those it misses); callers that
 * want fewer rules drop the others' dependencies. A reference to an absent object, and a reference
 * of an object to itself, yields no dependency; nothing here throws for a well-formed snapshot.
 *
 * <p>Dispatch is a {@code switch} expression over {@link Kind} without {@code default}. The result
 * lists dependencies in the order the references appear in the object, duplicates possible.
 */
public final class DependencyResolver {
  /** Annotation naming plugins. */
  public static final String PLUGINS = "konghq.com/plugins";

  /** Annotation naming a KongUpstreamPolicy. */
  public static final String UPSTREAM_POLICY = "konghq.com/upstream-policy";

  /** Legacy Ingress class annotation. */
  public static final String INGRESS_CLASS_ANNOTATION = "kubernetes.io/ingress.class";

  /** Annotation marking the default IngressClass. */
  public static final String DEFAULT_CLASS = "ingressclass.kubernetes.io/is-default-class";

  /** Service annotation naming a client-certificate Secret. */
  public static final String CLIENT_CERT = "konghq.com/client-cert";

  /** Service annotation naming CA Secrets. */
  public static final String CA_SECRETS = "konghq.com/ca-certificates-secrets";

  /** Service annotation naming CA ConfigMaps. */
  public static final String CA_CONFIGMAPS = "konghq.com/ca-certificates-configmaps";

  /** Service annotation naming a KongIngress. */
  public static final String OVERRIDE = "konghq.com/override";

  private static final String FACADE_GROUP = Kind.KONG_SERVICE_FACADE.group();
  private static final Splitter COMMA = Splitter.on(',').trimResults().omitEmptyStrings();
  private static final Pattern VAULT_REF = Pattern.compile("\\{vault://([^/}]+)");

  private final CacheStores snapshot;
  private final ImmutableListMultimap<String, BackendTlsPolicy> policiesByService;
  private final ImmutableListMultimap<String, EndpointSlice> slicesByService;
  private final ImmutableListMultimap<String, ReferenceGrant> grantsByNamespace;
  private final ImmutableListMultimap<String, KongVault> vaultsByPrefix;
  private final ImmutableList<IngressClass> defaultClasses;

  /** Receives the dependencies of one object, in reference order. */
  @FunctionalInterface
  public interface Sink {
    /**
     * One dependency.
     *
     * @param rule the rule that links the dependent to {@code target}
     * @param target the snapshot object depended on (the instance the snapshot holds)
     */
    void accept(DependencyRule rule, K8sObject target);
  }

  private DependencyResolver(CacheStores snapshot) {
    this.snapshot = snapshot;
    ImmutableListMultimap.Builder<String, BackendTlsPolicy> policies =
        ImmutableListMultimap.builder();
    for (BackendTlsPolicy p : snapshot.list(Kind.BACKEND_TLS_POLICY, BackendTlsPolicy.class)) {
      for (BackendTlsPolicy.TargetRef t : p.spec().targetRefs()) {
        if (isCore(t.group()) && "Service".equals(t.kind()) && !Strings.isNullOrEmpty(t.name())) {
          policies.put(p.namespace() + "/" + t.name(), p);
        }
      }
    }
    this.policiesByService = policies.build();
    ImmutableListMultimap.Builder<String, EndpointSlice> slices = ImmutableListMultimap.builder();
    for (EndpointSlice s : snapshot.list(Kind.ENDPOINT_SLICE, EndpointSlice.class)) {
      if (!s.serviceName().isEmpty()) {
        slices.put(s.namespace() + "/" + s.serviceName(), s);
      }
    }
    this.slicesByService = slices.build();
    ImmutableListMultimap.Builder<String, ReferenceGrant> grants = ImmutableListMultimap.builder();
    for (ReferenceGrant g : snapshot.list(Kind.REFERENCE_GRANT, ReferenceGrant.class)) {
      grants.put(g.namespace(), g);
    }
    this.grantsByNamespace = grants.build();
    ImmutableListMultimap.Builder<String, KongVault> vaults = ImmutableListMultimap.builder();
    for (KongVault v : snapshot.list(Kind.KONG_VAULT, KongVault.class)) {
      if (!Strings.isNullOrEmpty(v.spec().prefix())) {
        vaults.put(v.spec().prefix(), v);
      }
    }
    this.vaultsByPrefix = vaults.build();
    this.defaultClasses =
        snapshot.list(Kind.INGRESS_CLASS, IngressClass.class).stream()
            .filter(c -> "true".equals(c.metadata().annotation(DEFAULT_CLASS)))
            .collect(ImmutableList.toImmutableList());
  }

  /**
   * A resolver over one snapshot.
   *
   * @param snapshot the snapshot references are resolved in
   * @return the resolver
   */
  public static DependencyResolver of(CacheStores snapshot) {
    return new DependencyResolver(snapshot);
  }

  /**
   * The dependencies of {@code object} that exist in the snapshot. The object itself need not be in
   * the snapshot (backfill resolves old versions against a candidate result).
   *
   * @param object the dependent
   * @return its dependencies in reference order, possibly with duplicates, never itself
   */
  public ImmutableList<Dependency> resolve(K8sObject object) {
    ObjectRef self = object.ref();
    List<Dependency> deps = new ArrayList<>(0);
    resolve(object, (rule, target) -> deps.add(new Dependency(self, target.ref(), rule)));
    return ImmutableList.copyOf(deps);
  }

  /**
   * {@link #resolve(K8sObject)} without building refs or a list: each dependency goes to {@code
   * sink} as the rule and the snapshot's target object.
   *
   * @param object the dependent
   * @param sink receives its dependencies in reference order, possibly with duplicates, never the
   *     object itself
   */
  public void resolve(K8sObject object, Sink sink) {
    Out out = new Out(object, sink);
    switch (object.kind()) {
      case INGRESS -> ingress((Ingress) object, out);
      case INGRESS_CLASS -> ingressClass((IngressClass) object, out);
      case SERVICE -> service((Service) object, out);
      case SECRET,
          CONFIG_MAP,
          ENDPOINT_SLICE,
          REFERENCE_GRANT,
          GATEWAY_CLASS,
          KONG_INGRESS,
          KONG_UPSTREAM_POLICY,
          INGRESS_CLASS_PARAMETERS,
          KONG_VAULT -> {}
      case HTTP_ROUTE -> httpRoute((HttpRoute) object, out);
      case UDP_ROUTE ->
          l4Route(
              object,
              ((UdpRoute) object).spec().parentRefs(),
              ((UdpRoute) object).spec().rules(),
              out);
      case TCP_ROUTE ->
          l4Route(
              object,
              ((TcpRoute) object).spec().parentRefs(),
              ((TcpRoute) object).spec().rules(),
              out);
      case TLS_ROUTE ->
          l4Route(
              object,
              ((TlsRoute) object).spec().parentRefs(),
              ((TlsRoute) object).spec().rules(),
              out);
      case GRPC_ROUTE -> grpcRoute((GrpcRoute) object, out);
      case GATEWAY -> gateway((Gateway) object, out);
      case BACKEND_TLS_POLICY -> backendTlsPolicy((BackendTlsPolicy) object, out);
      case KONG_PLUGIN -> kongPlugin((KongPlugin) object, out);
      case KONG_CLUSTER_PLUGIN -> kongClusterPlugin((KongClusterPlugin) object, out);
      case KONG_CONSUMER -> kongConsumer((KongConsumer) object, out);
      case KONG_CONSUMER_GROUP -> plugins(object, out);
      case TCP_INGRESS -> tcpIngress((TcpIngress) object, out);
      case UDP_INGRESS -> udpIngress((UdpIngress) object, out);
      case KONG_SERVICE_FACADE -> facade((KongServiceFacade) object, out);
      case KONG_CUSTOM_ENTITY -> customEntity((KongCustomEntity) object, out);
    }
  }

  // ---------------------------------------------------------------- per kind

  private void ingress(Ingress ing, Out out) {
    String ns = ing.namespace();
    Ingress.Spec spec = ing.spec();
    String className = spec.ingressClassName();
    String annotationClass = ing.metadata().annotation(INGRESS_CLASS_ANNOTATION);
    if (!Strings.isNullOrEmpty(className)) {
      out.add(DependencyRule.INGRESS_CLASS, Kind.INGRESS_CLASS, "", className);
      if (!Strings.isNullOrEmpty(annotationClass)) {
        out.add(DependencyRule.INGRESS_CLASS_COMPLETE, Kind.INGRESS_CLASS, "", annotationClass);
      }
    } else if (!Strings.isNullOrEmpty(annotationClass)) {
      out.add(DependencyRule.INGRESS_CLASS, Kind.INGRESS_CLASS, "", annotationClass);
    } else {
      for (IngressClass c : defaultClasses) {
        out.add(DependencyRule.INGRESS_CLASS_COMPLETE, c);
      }
    }
    for (Ingress.Rule rule : spec.rules()) {
      if (rule.http() == null) {
        continue;
      }
      for (Ingress.Path path : rule.http().paths()) {
        ingressBackend(ns, path.backend(), DependencyRule.INGRESS_BACKEND, out);
      }
    }
    ingressBackend(ns, spec.defaultBackend(), DependencyRule.DEFAULT_BACKEND, out);
    for (Ingress.Tls tls : spec.tls()) {
      if (!Strings.isNullOrEmpty(tls.secretName())) {
        out.add(DependencyRule.INGRESS_TLS_SECRET, Kind.SECRET, ns, tls.secretName());
      }
    }
    upstreamPolicy(ing, out);
    plugins(ing, out);
  }

  private void ingressBackend(
      String ns, Ingress.@Nullable Backend backend, DependencyRule rule, Out out) {
    if (backend == null) {
      return;
    }
    if (backend.service() != null && !Strings.isNullOrEmpty(backend.service().name())) {
      out.add(rule, Kind.SERVICE, ns, backend.service().name());
    }
    Ingress.TypedRef res = backend.resource();
    if (res != null
        && FACADE_GROUP.equals(res.apiGroup())
        && Kind.KONG_SERVICE_FACADE.kindName().equals(res.kind())
        && !Strings.isNullOrEmpty(res.name())) {
      out.add(rule, Kind.KONG_SERVICE_FACADE, ns, res.name());
    }
  }

  private void ingressClass(IngressClass ic, Out out) {
    IngressClass.Parameters p = ic.spec().parameters();
    if (p != null
        && Kind.KONG_GROUP.equals(p.apiGroup())
        && Kind.INGRESS_CLASS_PARAMETERS.kindName().equals(p.kind())
        && !Strings.isNullOrEmpty(p.name())) {
      out.add(
          DependencyRule.INGRESS_CLASS_COMPLETE,
          Kind.INGRESS_CLASS_PARAMETERS,
          str(p.namespace()),
          p.name());
    }
  }

  private void service(Service svc, Out out) {
    String ns = svc.namespace();
    plugins(svc, out);
    upstreamPolicy(svc, out);
    String clientCert = svc.metadata().annotation(CLIENT_CERT);
    if (!Strings.isNullOrEmpty(clientCert)) {
      out.add(DependencyRule.CLIENT_CERTIFICATE, Kind.SECRET, ns, clientCert.trim());
    }
    for (String name : split(svc.metadata().annotation(CA_SECRETS))) {
      out.add(DependencyRule.CA_CERTIFICATES, Kind.SECRET, ns, name);
    }
    for (String name : split(svc.metadata().annotation(CA_CONFIGMAPS))) {
      out.add(DependencyRule.CA_CERTIFICATES, Kind.CONFIG_MAP, ns, name);
    }
    for (BackendTlsPolicy p : policiesByService.get(ns + "/" + svc.name())) {
      out.add(DependencyRule.BACKEND_TLS_POLICY, p);
    }
    String override = svc.metadata().annotation(OVERRIDE);
    if (!Strings.isNullOrEmpty(override)) {
      out.add(DependencyRule.KONG_INGRESS_OVERRIDE, Kind.KONG_INGRESS, ns, override.trim());
    }
    for (EndpointSlice s : slicesByService.get(ns + "/" + svc.name())) {
      out.add(DependencyRule.ENDPOINT_SLICE, s);
    }
  }

  private void httpRoute(HttpRoute route, Out out) {
    parentGateways(route, route.spec().parentRefs(), out);
    for (HttpRoute.Rule rule : route.spec().rules()) {
      extensionRefs(route, rule.filters(), out);
      for (GatewayApi.BackendRef ref : rule.backendRefs()) {
        routeBackend(route, ref, out);
        extensionRefs(route, ref.filters(), out);
      }
    }
    plugins(route, out);
  }

  private void grpcRoute(GrpcRoute route, Out out) {
    parentGateways(route, route.spec().parentRefs(), out);
    for (GrpcRoute.Rule rule : route.spec().rules()) {
      extensionRefs(route, rule.filters(), out);
      for (GatewayApi.BackendRef ref : rule.backendRefs()) {
        routeBackend(route, ref, out);
        extensionRefs(route, ref.filters(), out);
      }
    }
    plugins(route, out);
  }

  private void l4Route(
      K8sObject route,
      List<GatewayApi.ParentReference> parents,
      List<GatewayApi.L4Rule> rules,
      Out out) {
    parentGateways(route, parents, out);
    for (GatewayApi.L4Rule rule : rules) {
      for (GatewayApi.BackendRef ref : rule.backendRefs()) {
        routeBackend(route, ref, out);
      }
    }
    plugins(route, out);
  }

  private void routeBackend(K8sObject route, GatewayApi.BackendRef ref, Out out) {
    if (ref.kind() == null
        || !"Service".equals(ref.kind())
        || !isCore(ref.group())
        || Strings.isNullOrEmpty(ref.name())) {
      return;
    }
    String ns = !Strings.isNullOrEmpty(ref.namespace()) ? ref.namespace() : route.namespace();
    out.add(DependencyRule.ROUTE_BACKEND, Kind.SERVICE, ns, ref.name());
    grants(route, Kind.SERVICE, ns, ref.name(), out);
  }

  private void extensionRefs(K8sObject route, List<GatewayApi.Filter> filters, Out out) {
    for (GatewayApi.Filter f : filters) {
      GatewayApi.LocalObjectReference ext = f.extensionRef();
      if (ext != null
          && Kind.KONG_GROUP.equals(ext.group())
          && !Strings.isNullOrEmpty(ext.name())
          && (Kind.KONG_PLUGIN.kindName().equals(ext.kind())
              || Kind.KONG_CLUSTER_PLUGIN.kindName().equals(ext.kind()))) {
        plugin(route.namespace(), ext.name(), DependencyRule.EXTENSION_REF_PLUGIN, out);
      }
    }
  }

  private void parentGateways(K8sObject route, List<GatewayApi.ParentReference> parents, Out out) {
    for (GatewayApi.ParentReference p : parents) {
      boolean gatewayGroup = p.group() == null || GatewayApi.GROUP.equals(p.group());
      boolean gatewayKind = p.kind() == null || Kind.GATEWAY.kindName().equals(p.kind());
      if (gatewayGroup && gatewayKind && !Strings.isNullOrEmpty(p.name())) {
        String ns = !Strings.isNullOrEmpty(p.namespace()) ? p.namespace() : route.namespace();
        out.add(DependencyRule.GATEWAY, Kind.GATEWAY, ns, p.name());
      }
    }
  }

  private void gateway(Gateway gw, Out out) {
    if (!Strings.isNullOrEmpty(gw.spec().gatewayClassName())) {
      out.add(DependencyRule.GATEWAY, Kind.GATEWAY_CLASS, "", gw.spec().gatewayClassName());
    }
    for (Gateway.Listener l : gw.spec().listeners()) {
      if (l.tls() == null) {
        continue;
      }
      for (GatewayApi.ObjectReference ref : l.tls().certificateRefs()) {
        boolean secret = isCore(ref.group()) && (ref.kind() == null || "Secret".equals(ref.kind()));
        if (secret && !Strings.isNullOrEmpty(ref.name())) {
          String ns = !Strings.isNullOrEmpty(ref.namespace()) ? ref.namespace() : gw.namespace();
          out.add(DependencyRule.GATEWAY, Kind.SECRET, ns, ref.name());
          grants(gw, Kind.SECRET, ns, ref.name(), out);
        }
      }
    }
  }

  private void backendTlsPolicy(BackendTlsPolicy policy, Out out) {
    if (policy.spec().validation() == null) {
      return;
    }
    for (GatewayApi.ObjectReference ref : policy.spec().validation().caCertificateRefs()) {
      if (!isCore(ref.group()) || Strings.isNullOrEmpty(ref.name())) {
        continue;
      }
      if ("ConfigMap".equals(ref.kind())) {
        out.add(DependencyRule.BACKEND_TLS_POLICY, Kind.CONFIG_MAP, policy.namespace(), ref.name());
      } else if ("Secret".equals(ref.kind())) {
        out.add(DependencyRule.BACKEND_TLS_POLICY, Kind.SECRET, policy.namespace(), ref.name());
      }
    }
  }

  private void kongPlugin(KongPlugin p, Out out) {
    String ns = p.namespace();
    if (p.configFrom() != null
        && p.configFrom().secretKeyRef() != null
        && !Strings.isNullOrEmpty(p.configFrom().secretKeyRef().name())) {
      out.add(
          DependencyRule.PLUGIN_CONFIG_SECRET,
          Kind.SECRET,
          ns,
          p.configFrom().secretKeyRef().name());
    }
    for (KongPlugin.ConfigPatch patch : p.configPatches()) {
      if (patch.valueFrom() != null
          && patch.valueFrom().secretKeyRef() != null
          && !Strings.isNullOrEmpty(patch.valueFrom().secretKeyRef().name())) {
        out.add(
            DependencyRule.PLUGIN_CONFIG_SECRET,
            Kind.SECRET,
            ns,
            patch.valueFrom().secretKeyRef().name());
      }
    }
    vaults(p.config(), out);
  }

  private void kongClusterPlugin(KongClusterPlugin p, Out out) {
    if (p.configFrom() != null) {
      clusterSecret(p.configFrom().secretKeyRef(), out);
    }
    for (KongPlugin.ConfigPatch patch : p.configPatches()) {
      if (patch.valueFrom() != null) {
        clusterSecret(patch.valueFrom().secretKeyRef(), out);
      }
    }
    vaults(p.config(), out);
  }

  private void clusterSecret(KongPlugin.@Nullable SecretKeyRef ref, Out out) {
    if (ref != null
        && !Strings.isNullOrEmpty(ref.name())
        && !Strings.isNullOrEmpty(ref.namespace())) {
      out.add(DependencyRule.PLUGIN_CONFIG_SECRET, Kind.SECRET, ref.namespace(), ref.name());
    }
  }

  private void vaults(@Nullable JsonValue config, Out out) {
    if (config == null || vaultsByPrefix.isEmpty()) {
      return;
    }
    List<String> strings = new ArrayList<>();
    collectStrings(config.toNode(), strings);
    for (String s : strings) {
      Matcher m = VAULT_REF.matcher(s);
      while (m.find()) {
        for (KongVault v : vaultsByPrefix.get(m.group(1))) {
          out.add(DependencyRule.VAULT, v);
        }
      }
    }
  }

  private static void collectStrings(JsonNode node, List<String> into) {
    if (node.isTextual()) {
      into.add(node.textValue());
    } else if (node.isContainerNode()) {
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collectStrings(it.next(), into);
      }
    }
  }

  private void kongConsumer(KongConsumer c, Out out) {
    plugins(c, out);
    for (String cred : c.credentials()) {
      if (!cred.isEmpty()) {
        out.add(DependencyRule.CONSUMER_CREDENTIAL, Kind.SECRET, c.namespace(), cred);
      }
    }
    for (String group : c.consumerGroups()) {
      if (!group.isEmpty()) {
        out.add(DependencyRule.CONSUMER_GROUP, Kind.KONG_CONSUMER_GROUP, c.namespace(), group);
      }
    }
  }

  private void tcpIngress(TcpIngress ing, Out out) {
    plugins(ing, out);
    for (TcpIngress.Rule rule : ing.spec().rules()) {
      l4Backend(ing, rule.backend(), out);
    }
    for (Ingress.Tls tls : ing.spec().tls()) {
      if (!Strings.isNullOrEmpty(tls.secretName())) {
        out.add(DependencyRule.INGRESS_TLS_SECRET, Kind.SECRET, ing.namespace(), tls.secretName());
      }
    }
  }

  private void udpIngress(UdpIngress ing, Out out) {
    plugins(ing, out);
    for (UdpIngress.Rule rule : ing.spec().rules()) {
      l4Backend(ing, rule.backend(), out);
    }
  }

  private void l4Backend(K8sObject ing, TcpIngress.@Nullable Backend backend, Out out) {
    if (backend != null && !Strings.isNullOrEmpty(backend.serviceName())) {
      out.add(
          DependencyRule.L4_INGRESS_BACKEND, Kind.SERVICE, ing.namespace(), backend.serviceName());
    }
  }

  private void facade(KongServiceFacade f, Out out) {
    plugins(f, out);
    upstreamPolicy(f, out);
    KongServiceFacade.BackendRef ref = f.spec().backendRef();
    if (ref != null && !Strings.isNullOrEmpty(ref.name())) {
      out.add(DependencyRule.FACADE_BACKEND, Kind.SERVICE, f.namespace(), ref.name());
    }
  }

  private void customEntity(KongCustomEntity e, Out out) {
    KongCustomEntity.ParentRef p = e.spec().parentRef();
    if (p == null || !Kind.KONG_GROUP.equals(p.group()) || Strings.isNullOrEmpty(p.name())) {
      return;
    }
    if (Kind.KONG_PLUGIN.kindName().equals(p.kind())) {
      if (!Strings.isNullOrEmpty(p.namespace()) && !p.namespace().equals(e.namespace())) {
        out.add(
            DependencyRule.CUSTOM_ENTITY_REMOTE_PARENT, Kind.KONG_PLUGIN, p.namespace(), p.name());
        grants(e, Kind.KONG_PLUGIN, p.namespace(), p.name(), out);
      } else {
        out.add(DependencyRule.CUSTOM_ENTITY_PARENT, Kind.KONG_PLUGIN, e.namespace(), p.name());
      }
    } else if (Kind.KONG_CLUSTER_PLUGIN.kindName().equals(p.kind())) {
      out.add(DependencyRule.CUSTOM_ENTITY_PARENT, Kind.KONG_CLUSTER_PLUGIN, "", p.name());
    }
  }

  // ---------------------------------------------------------------- shared rules

  /** Rule P, and M1 for {@code namespace:name} tokens. */
  private void plugins(K8sObject o, Out out) {
    for (String token : split(o.metadata().annotation(PLUGINS))) {
      plugin(o.namespace(), token, DependencyRule.PLUGINS_ANNOTATION, out);
      int colon = token.indexOf(':');
      if (colon > 0 && colon < token.length() - 1) {
        String ns = token.substring(0, colon);
        String name = token.substring(colon + 1);
        if (!out.add(DependencyRule.REMOTE_PLUGIN, Kind.KONG_PLUGIN, ns, name)) {
          out.add(DependencyRule.REMOTE_PLUGIN, Kind.KONG_CLUSTER_PLUGIN, "", name);
        }
        if (!ns.equals(o.namespace())) {
          grants(o, Kind.KONG_PLUGIN, ns, name, out);
        }
      }
    }
  }

  /**
   * Plugin precedence: KongPlugin {@code ns/name} if present, else KongClusterPlugin {@code name}.
   */
  private void plugin(String ns, String name, DependencyRule rule, Out out) {
    if (!out.add(rule, Kind.KONG_PLUGIN, ns, name)) {
      out.add(rule, Kind.KONG_CLUSTER_PLUGIN, "", name);
    }
  }

  private void upstreamPolicy(K8sObject o, Out out) {
    String policy = o.metadata().annotation(UPSTREAM_POLICY);
    if (!Strings.isNullOrEmpty(policy)) {
      out.add(DependencyRule.UPSTREAM_POLICY, Kind.KONG_UPSTREAM_POLICY, o.namespace(), policy);
    }
  }

  /** M11: every ReferenceGrant in {@code toNs} that permits {@code from} to reach the target. */
  private void grants(K8sObject from, Kind toKind, String toNs, String toName, Out out) {
    if (toNs.equals(from.namespace())) {
      return;
    }
    for (ReferenceGrant g : grantsByNamespace.get(toNs)) {
      boolean fromOk =
          g.spec().from().stream()
              .anyMatch(
                  f ->
                      groupEquals(f.group(), from.kind().group())
                          && from.kind().kindName().equals(f.kind())
                          && from.namespace().equals(f.namespace()));
      boolean toOk =
          g.spec().to().stream()
              .anyMatch(
                  t ->
                      groupEquals(t.group(), toKind.group())
                          && toKind.kindName().equals(t.kind())
                          && (Strings.isNullOrEmpty(t.name()) || toName.equals(t.name())));
      if (fromOk && toOk) {
        out.add(DependencyRule.REFERENCE_GRANT, g);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private static Iterable<String> split(@Nullable String annotation) {
    return annotation == null ? List.of() : COMMA.split(annotation);
  }

  private static String str(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static boolean isCore(@Nullable String group) {
    return group == null || group.isEmpty() || "core".equals(group);
  }

  private static boolean groupEquals(@Nullable String written, String group) {
    return group.isEmpty() ? isCore(written) : group.equals(written);
  }

  /** Collects dependencies of one dependent, skipping absent targets and self-references. */
  private final class Out {
    private final K8sObject dependent;
    private final Sink sink;

    Out(K8sObject dependent, Sink sink) {
      this.dependent = dependent;
      this.sink = sink;
    }

    /** Adds the dependency if the target exists; returns whether it exists. */
    boolean add(DependencyRule rule, Kind kind, String ns, String name) {
      Optional<K8sObject> target = snapshot.get(kind, ns, name);
      target.ifPresent(t -> add(rule, t));
      return target.isPresent();
    }

    void add(DependencyRule rule, K8sObject target) {
      if (target == dependent
          || (target.kind() == dependent.kind()
              && target.metadata().name().equals(dependent.metadata().name())
              && target.namespace().equals(dependent.namespace()))) {
        return; // itself: same kind and key
      }
      sink.accept(rule, target);
    }
  }
}
