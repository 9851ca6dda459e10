package io.github.kongtranslator.translator.internal.incremental;

import com.google.common.base.Splitter;
import com.google.common.hash.Hashing;
import io.github.kongtranslator.core.model.BackendTlsPolicy;
import io.github.kongtranslator.core.model.ConfigMap;
import io.github.kongtranslator.core.model.EndpointSlice;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.GrpcRoute;
import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.IngressClass;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongClusterPlugin;
import io.github.kongtranslator.core.model.KongConsumer;
import io.github.kongtranslator.core.model.KongCustomEntity;
import io.github.kongtranslator.core.model.KongPlugin;
import io.github.kongtranslator.core.model.KongServiceFacade;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.core.model.SecretValue;
import io.github.kongtranslator.core.model.TcpIngress;
import io.github.kongtranslator.core.model.TcpRoute;
import io.github.kongtranslator.core.model.TlsRoute;
import io.github.kongtranslator.core.model.UdpIngress;
import io.github.kongtranslator.core.model.UdpRoute;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.internal.certificates.CertificatePart;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one object's translation can touch, computed from the object alone: the keys that tie it to
 * other objects whose output it merges with ({@link #union()}), and the objects it only reads
 * ({@link #context()}). Incremental translation groups objects that share a union key into one
 * unit; a unit is translated with the objects it reads, and re-translated when any of them changes.
 * Keys are over-approximations: a key too many only makes units larger, never wrong.
 *
 * <p>TLS certificates are not part of any unit: they come from a separate step over the whole
 * snapshot (see the engine), so Ingress TLS sections, listener certificates and certificate Secrets
 * tie no objects together.
 *
 * <p>Object keys have the form {@code KIND:namespace/name} ({@link #objectKey}); other keys name a
 * shared resource (a TLS host, a certificate, a consumer username...). Keys derived from Secret
 * content are one-way hashes and never leave this class's users.
 *
 * @param identity this object's own key
 * @param union keys shared with objects whose output this object's output merges with, including
 *     references that must be translated together
 * @param context keys of objects this object only reads
 */
record Footprint(String identity, Set<String> union, Set<String> context) {

  /** Kinds read by almost every object; any change to one re-translates everything. */
  static final Set<Kind> GLOBAL =
      EnumSet.of(
          Kind.INGRESS_CLASS,
          Kind.INGRESS_CLASS_PARAMETERS,
          Kind.GATEWAY_CLASS,
          Kind.REFERENCE_GRANT,
          Kind.KONG_VAULT,
          Kind.BACKEND_TLS_POLICY,
          Kind.KONG_CLUSTER_PLUGIN);

  private static final String PLUGINS = "konghq.com/plugins";
  private static final String OVERRIDE = "konghq.com/override";
  private static final String UPSTREAM_POLICY = "konghq.com/upstream-policy";
  private static final String CLIENT_CERT = "konghq.com/client-cert";
  private static final String CA_SECRETS = "konghq.com/ca-certificates-secrets";
  private static final String CA_CONFIGMAPS = "konghq.com/ca-certificates-configmaps";
  private static final String CREDENTIAL = "konghq.com/credential";
  private static final Splitter COMMA = Splitter.on(',').trimResults().omitEmptyStrings();

  /** The key of an object of {@code kind} named {@code namespace/name}. */
  static String objectKey(Kind kind, String namespace, String name) {
    return kind.name() + ':' + kind.key(namespace, name);
  }

  /** The key of an object. */
  static String objectKey(K8sObject o) {
    return o.kind().name() + ':' + o.key();
  }

  /** Computes the footprint of an object under the given options. */
  static Footprint of(K8sObject o, TranslatorOptions options) {
    Builder b = new Builder(objectKey(o));
    String ns = o.metadata().namespace();
    switch (o.kind()) {
      case INGRESS -> ingress((Ingress) o, b);
      case SERVICE -> {
        b.plugins(o, false);
        b.context(Kind.KONG_INGRESS, ns, o.metadata().annotation(OVERRIDE));
        b.context(Kind.KONG_UPSTREAM_POLICY, ns, o.metadata().annotation(UPSTREAM_POLICY));
        String cc = o.metadata().annotation(CLIENT_CERT);
        if (cc != null && !cc.isBlank()) {
          // client certificates feed the certificate step in service order (one unit)
          b.union(Kind.SECRET, ns, cc.trim());
          b.shared("client-certificates");
        }
        for (String s : split(o.metadata().annotation(CA_SECRETS))) {
          b.union(Kind.SECRET, ns, s);
        }
        for (String s : split(o.metadata().annotation(CA_CONFIGMAPS))) {
          b.union(Kind.CONFIG_MAP, ns, s);
        }
      }
      case ENDPOINT_SLICE -> b.union(Kind.SERVICE, ns, ((EndpointSlice) o).serviceName());
      case SECRET -> secret((Secret) o, b);
      case CONFIG_MAP -> {
        if ("true".equals(((ConfigMap) o).metadata().labels().get(CertificatePart.CA_CERT_LABEL))) {
          b.shared("ca-certificates");
        }
      }
      case HTTP_ROUTE -> {
        HttpRoute r = (HttpRoute) o;
        route(o, r.spec().parentRefs(), b);
        for (HttpRoute.Rule rule : r.spec().rules()) {
          filters(o, rule.filters(), b);
          backends(o, rule.backendRefs(), b);
        }
        if (options.isEnabled(FeatureFlag.EXPRESSION_ROUTES)) {
          b.shared("expression-priorities:HTTPRoute");
        }
      }
      case GRPC_ROUTE -> {
        GrpcRoute r = (GrpcRoute) o;
        route(o, r.spec().parentRefs(), b);
        for (GrpcRoute.Rule rule : r.spec().rules()) {
          filters(o, rule.filters(), b);
          backends(o, rule.backendRefs(), b);
        }
        if (options.isEnabled(FeatureFlag.EXPRESSION_ROUTES)) {
          b.shared("expression-priorities:GRPCRoute");
        }
      }
      case TCP_ROUTE -> l4(o, ((TcpRoute) o).spec().parentRefs(), ((TcpRoute) o).spec().rules(), b);
      case UDP_ROUTE -> l4(o, ((UdpRoute) o).spec().parentRefs(), ((UdpRoute) o).spec().rules(), b);
      case TLS_ROUTE -> l4(o, ((TlsRoute) o).spec().parentRefs(), ((TlsRoute) o).spec().rules(), b);
      case GATEWAY -> {}
      case KONG_PLUGIN -> {
        KongPlugin p = (KongPlugin) o;
        if (p.configFrom() != null && p.configFrom().secretKeyRef() != null) {
          b.union(Kind.SECRET, ns, p.configFrom().secretKeyRef().name());
        }
        for (KongPlugin.ConfigPatch patch : p.configPatches()) {
          if (patch.valueFrom() != null && patch.valueFrom().secretKeyRef() != null) {
            b.union(Kind.SECRET, ns, patch.valueFrom().secretKeyRef().name());
          }
        }
        if (p.config() != null && p.config().toNode().has("ca_certificates")) {
          b.shared("ca-certificates");
        }
      }
      case KONG_CONSUMER -> {
        KongConsumer c = (KongConsumer) o;
        b.plugins(o, true);
        if (c.username() != null && !c.username().isEmpty()) {
          b.shared("consumer-username:" + c.username());
        }
        if (c.customId() != null && !c.customId().isEmpty()) {
          b.shared("consumer-custom-id:" + c.customId());
        }
        for (String s : c.credentials()) {
          b.union(Kind.SECRET, ns, s);
        }
        for (String g : c.consumerGroups()) {
          b.context(Kind.KONG_CONSUMER_GROUP, ns, g);
        }
      }
      case KONG_CONSUMER_GROUP -> {
        b.plugins(o, true);
        b.shared("consumer-group-name:" + o.metadata().name());
      }
      case TCP_INGRESS -> {
        TcpIngress t = (TcpIngress) o;
        b.plugins(o, false);
        for (TcpIngress.Rule r : t.spec().rules()) {
          if (r.backend() != null) {
            b.union(Kind.SERVICE, ns, r.backend().serviceName());
          }
        }
      }
      case UDP_INGRESS -> {
        b.plugins(o, false);
        for (UdpIngress.Rule r : ((UdpIngress) o).spec().rules()) {
          if (r.backend() != null) {
            b.union(Kind.SERVICE, ns, r.backend().serviceName());
          }
        }
      }
      case KONG_SERVICE_FACADE -> {
        KongServiceFacade f = (KongServiceFacade) o;
        b.plugins(o, false);
        if (o.metadata().annotation(CLIENT_CERT) != null) {
          b.shared("client-certificates");
        }
        b.context(Kind.KONG_UPSTREAM_POLICY, ns, o.metadata().annotation(UPSTREAM_POLICY));
        if (f.spec().backendRef() != null) {
          b.union(Kind.SERVICE, ns, f.spec().backendRef().name());
        }
      }
      case KONG_CUSTOM_ENTITY -> {
        b.shared("custom-entities");
        KongCustomEntity.ParentRef p = ((KongCustomEntity) o).spec().parentRef();
        if (p != null && p.name() != null) {
          String pns = p.namespace() == null || p.namespace().isEmpty() ? ns : p.namespace();
          b.union(Kind.KONG_PLUGIN, pns, p.name());
          b.union(Kind.KONG_CLUSTER_PLUGIN, "", p.name());
        }
      }
      case KONG_INGRESS, KONG_UPSTREAM_POLICY -> {}
      case KONG_CLUSTER_PLUGIN -> {
        KongClusterPlugin p = (KongClusterPlugin) o;
        if (p.configFrom() != null && p.configFrom().secretKeyRef() != null) {
          KongPlugin.SecretKeyRef r = p.configFrom().secretKeyRef();
          b.union(Kind.SECRET, Strs.nz(r.namespace()), r.name());
        }
        for (KongPlugin.ConfigPatch patch : p.configPatches()) {
          if (patch.valueFrom() != null && patch.valueFrom().secretKeyRef() != null) {
            KongPlugin.SecretKeyRef r = patch.valueFrom().secretKeyRef();
            b.union(Kind.SECRET, Strs.nz(r.namespace()), r.name());
          }
        }
        b.shared("global");
      }
      case INGRESS_CLASS -> {
        IngressClass.Parameters p = ((IngressClass) o).spec().parameters();
        if (p != null && p.name() != null) {
          b.union(Kind.INGRESS_CLASS_PARAMETERS, Strs.nz(p.namespace()), p.name());
        }
        b.shared("global");
      }
      case BACKEND_TLS_POLICY -> {
        // its CA certificates are read by every unit holding a targeted Service
        BackendTlsPolicy p = (BackendTlsPolicy) o;
        if (p.spec().validation() != null) {
          for (GatewayApi.ObjectReference r : p.spec().validation().caCertificateRefs()) {
            b.union("ConfigMap".equals(r.kind()) ? Kind.CONFIG_MAP : Kind.SECRET, ns, r.name());
          }
        }
        b.shared("global");
      }
      case INGRESS_CLASS_PARAMETERS, GATEWAY_CLASS, REFERENCE_GRANT, KONG_VAULT ->
          b.shared("global");
    }
    return b.build();
  }

  private static void ingress(Ingress ing, Builder b) {
    String ns = ing.metadata().namespace();
    b.plugins(ing, false);
    b.context(Kind.KONG_INGRESS, ns, ing.metadata().annotation(OVERRIDE));
    for (Ingress.Rule rule : ing.spec().rules()) {
      if (rule.http() == null) {
        continue;
      }
      for (Ingress.Path path : rule.http().paths()) {
        backend(ns, path.backend(), b);
      }
    }
    if (ing.spec().defaultBackend() != null) {
      // only the first Ingress with a default backend gets it (translator-spec §3)
      b.shared("ingress-default-backend");
      backend(ns, ing.spec().defaultBackend(), b);
    }
  }

  private static void backend(String ns, Ingress.@Nullable Backend backend, Builder b) {
    if (backend == null) {
      return;
    }
    if (backend.service() != null) {
      b.union(Kind.SERVICE, ns, backend.service().name());
    }
    if (backend.resource() != null) {
      b.union(Kind.KONG_SERVICE_FACADE, ns, backend.resource().name());
    }
  }

  private static void secret(Secret s, Builder b) {
    Map<String, String> labels = s.metadata().labels();
    if ("true".equals(labels.get(CertificatePart.CA_CERT_LABEL))) {
      b.shared("ca-certificates");
    }
    String type = labels.get(CREDENTIAL);
    if (type != null) {
      // credentials of one type conflict when a field value is shared (translator-spec §11)
      for (Map.Entry<String, SecretValue> e : s.data().entrySet()) {
        b.shared("credential:" + type + ':' + e.getKey() + '=' + digest(e.getValue().utf8()));
      }
    }
  }

  private static void route(K8sObject o, List<GatewayApi.ParentReference> parents, Builder b) {
    b.plugins(o, false);
    String ns = o.metadata().namespace();
    for (GatewayApi.ParentReference p : parents) {
      String pns = p.namespace() == null || p.namespace().isEmpty() ? ns : p.namespace();
      b.context(Kind.GATEWAY, pns, p.name());
    }
  }

  private static void l4(
      K8sObject o,
      List<GatewayApi.ParentReference> parents,
      List<GatewayApi.L4Rule> rules,
      Builder b) {
    route(o, parents, b);
    for (GatewayApi.L4Rule rule : rules) {
      backends(o, rule.backendRefs(), b);
    }
  }

  private static void backends(K8sObject o, List<GatewayApi.BackendRef> refs, Builder b) {
    String ns = o.metadata().namespace();
    for (GatewayApi.BackendRef r : refs) {
      String rns = r.namespace() == null || r.namespace().isEmpty() ? ns : r.namespace();
      b.union(Kind.SERVICE, rns, r.name());
      b.union(Kind.KONG_SERVICE_FACADE, rns, r.name());
      filters(o, r.filters(), b);
    }
  }

  private static void filters(K8sObject o, List<GatewayApi.Filter> filters, Builder b) {
    for (GatewayApi.Filter f : filters) {
      if (f.extensionRef() != null) {
        b.plugin(o.metadata().namespace(), f.extensionRef().name(), false);
      }
    }
  }

  private static Iterable<String> split(@Nullable String s) {
    return s == null ? List.of() : COMMA.split(s);
  }

  private static String digest(String s) {
    return Hashing.murmur3_128().hashString(s, StandardCharsets.UTF_8).toString();
  }

  private static final class Builder {
    private final String identity;
    private final Set<String> union = new LinkedHashSet<>();
    private final Set<String> context = new LinkedHashSet<>();

    Builder(String identity) {
      this.identity = identity;
    }

    void union(Kind kind, String ns, @Nullable String name) {
      if (name != null && !name.isEmpty()) {
        union.add(objectKey(kind, ns, name));
      }
    }

    void context(Kind kind, String ns, @Nullable String name) {
      if (name != null && !name.isBlank()) {
        context.add(objectKey(kind, ns, name.trim()));
      }
    }

    void shared(String key) {
      union.add('#' + key);
    }

    /** Plugins named by the object's {@code konghq.com/plugins} annotation. */
    void plugins(K8sObject o, boolean consumerLike) {
      for (String p : split(o.metadata().annotation(PLUGINS))) {
        plugin(o.metadata().namespace(), p, consumerLike);
      }
    }

    /**
     * A plugin reference. Consumers and consumer groups change which instances every other referrer
     * gets (translator-spec §9.4), so theirs are union keys; others only read the plugin, unless
     * some consumer-like object refers to it as well (see the engine).
     */
    void plugin(String ns, @Nullable String item, boolean consumerLike) {
      String name = item;
      if (item != null) {
        // "namespace:name" names a KongPlugin of another namespace (with a ReferenceGrant)
        int colon = item.indexOf(':');
        if (colon >= 0) {
          ns = item.substring(0, colon);
          name = item.substring(colon + 1);
        }
      }
      if (consumerLike) {
        union(Kind.KONG_PLUGIN, ns, name);
        union(Kind.KONG_CLUSTER_PLUGIN, "", name);
      } else {
        context(Kind.KONG_PLUGIN, ns, name);
        context(Kind.KONG_CLUSTER_PLUGIN, "", name);
      }
    }

    Footprint build() {
      union.remove(identity);
      context.remove(identity);
      context.removeAll(union);
      return new Footprint(identity, Set.copyOf(union), Set.copyOf(context));
    }
  }
}
