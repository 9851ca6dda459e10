package io.github.kongtranslator.fabric8.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.github.kongtranslator.core.model.ConfigMap;
import io.github.kongtranslator.core.model.EndpointSlice;
import io.github.kongtranslator.core.model.Gateway;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.GatewayClass;
import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.IngressClass;
import io.github.kongtranslator.core.model.IntOrString;
import io.github.kongtranslator.core.model.JsonValue;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectMeta;
import io.github.kongtranslator.core.model.ReferenceGrant;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.core.model.Service;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * fabric8's typed objects straight into the model records through their getters: no text, no
 * Jackson tree (except for the model's few free-form {@link JsonValue} fields, which are trees by
 * definition).
 *
 * <p>The mapping reads exactly the fields the model records read (the same fields the loader binds
 * from a tree). It gives up, and the caller takes the tree path instead, whenever the direct result
 * could differ from the tree path's: an object of another class or version, an apiVersion/kind the
 * model does not dispatch to the expected record, no name, a field fabric8 does not model but kept
 * in {@code additionalProperties} on any object the mapping reads (the tree path would see that
 * field; the direct path cannot know what it means), or a value the model refuses (null map values,
 * bad base64), whose typed error the tree path reports.
 */
final class TypedMapping {
  private final KubernetesSerialization serialization;

  TypedMapping(KubernetesSerialization serialization) {
    this.serialization = serialization;
  }

  /** Thrown to abandon the direct path; no stack trace (it is control flow, not an error). */
  private static final class Unmapped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    // one shared instance: stackless and immutable, thrown only as control flow inside this class
    @SuppressWarnings("StaticAssignmentOfThrowable")
    static final Unmapped INSTANCE = new Unmapped();

    private Unmapped() {
      super("not mapped directly", null, false, false);
    }
  }

  /**
   * The model object, or {@code null} when this object must take the tree path.
   *
   * @param r a fabric8 object
   * @return the model object or null
   */
  @Nullable K8sObject map(HasMetadata r) {
    try {
      if (r instanceof io.fabric8.kubernetes.api.model.Service s) {
        return service(s);
      } else if (r instanceof io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice s) {
        return endpointSlice(s);
      } else if (r instanceof io.fabric8.kubernetes.api.model.networking.v1.Ingress i) {
        return ingress(i);
      } else if (r instanceof io.fabric8.kubernetes.api.model.Secret s) {
        return secret(s);
      } else if (r instanceof io.fabric8.kubernetes.api.model.ConfigMap c) {
        return configMap(c);
      } else if (r instanceof io.fabric8.kubernetes.api.model.networking.v1.IngressClass c) {
        return ingressClass(c);
      } else if (r instanceof io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute h) {
        extra(h.getAdditionalProperties());
        return httpRoute(r, h.getSpec());
      } else if (r instanceof io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.HTTPRoute h) {
        extra(h.getAdditionalProperties());
        return httpRoute(r, h.getSpec());
      } else if (r instanceof io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway g) {
        extra(g.getAdditionalProperties());
        return gateway(r, g.getSpec(), g.getStatus());
      } else if (r instanceof io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.Gateway g) {
        extra(g.getAdditionalProperties());
        return gateway(r, g.getSpec(), g.getStatus());
      } else if (r instanceof io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass g) {
        extra(g.getAdditionalProperties());
        return gatewayClass(r, g.getSpec());
      } else if (r instanceof io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.GatewayClass g) {
        extra(g.getAdditionalProperties());
        return gatewayClass(r, g.getSpec());
      } else if (r instanceof io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant g) {
        extra(g.getAdditionalProperties());
        return referenceGrant(r, g.getSpec());
      }
      return null;
    } catch (Unmapped | NullPointerException | IllegalArgumentException e) {
      // Unmapped: see the class comment. NPE/IAE: a value the model refuses (a null map value or
      // list element, bad base64); the tree path reports it as a typed error naming the field.
      return null;
    }
  }

  /** The object's apiVersion when it dispatches to {@code expected}; otherwise the tree path. */
  private static String apiVersion(HasMetadata r, Kind expected) {
    String apiVersion = r.getApiVersion();
    if (apiVersion == null
        || !expected.kindName().equals(r.getKind())
        || !serves(expected, apiVersion)) {
      throw Unmapped.INSTANCE;
    }
    return apiVersion;
  }

  /**
   * What {@code Kind.forApiVersion(apiVersion, kind) == expected} says, for a kind already known to
   * match, without a search over every kind or substrings: the group and a served version.
   */
  private static boolean serves(Kind expected, String apiVersion) {
    int slash = apiVersion.lastIndexOf('/');
    String group = expected.group();
    if (slash < 0 ? !group.isEmpty() : slash != group.length() || !apiVersion.startsWith(group)) {
      return false;
    }
    int versionLength = apiVersion.length() - slash - 1;
    for (String v : expected.versions()) {
      if (v.length() == versionLength && apiVersion.endsWith(v)) {
        return true;
      }
    }
    return false;
  }

  /** The metadata fields {@link ObjectMeta} reads (the loader ignores the others too). */
  private static ObjectMeta meta(HasMetadata r) {
    io.fabric8.kubernetes.api.model.ObjectMeta m = r.getMetadata();
    if (m == null || m.getName() == null || m.getName().isEmpty()) {
      throw Unmapped.INSTANCE; // the tree path names the missing field
    }
    Long generation = m.getGeneration();
    return new ObjectMeta(
        m.getName(),
        m.getNamespace(),
        m.getUid(),
        m.getResourceVersion(),
        generation == null ? 0 : generation,
        m.getLabels(),
        m.getAnnotations(),
        m.getCreationTimestamp());
  }

  /** Fields fabric8 does not model: the tree path would see them, so take it. */
  private static void extra(@Nullable Map<String, Object> additionalProperties) {
    if (additionalProperties != null && !additionalProperties.isEmpty()) {
      throw Unmapped.INSTANCE;
    }
  }

  private static <F, T> ImmutableList<T> list(@Nullable List<F> in, Function<F, T> f) {
    if (in == null || in.isEmpty()) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<T> b = ImmutableList.builderWithExpectedSize(in.size());
    for (F e : in) {
      b.add(f.apply(e));
    }
    return b.build();
  }

  private @Nullable JsonValue json(@Nullable Object fabric8) {
    // A free-form part of the model: the same tree fabric8 serializes into on the tree path.
    return fabric8 == null
        ? null
        : JsonValue.of(serialization.convertValue(fabric8, JsonNode.class));
  }

  private static @Nullable IntOrString intOrString(
      io.fabric8.kubernetes.api.model.@Nullable IntOrString v) {
    if (v == null) {
      return null;
    }
    Object value = v.getValue();
    if (value instanceof Integer i) {
      return IntOrString.of(i);
    }
    if (value instanceof String s) {
      return IntOrString.of(s);
    }
    throw Unmapped.INSTANCE;
  }

  // ---- core/v1, discovery/v1, networking/v1 ----

  private Service service(io.fabric8.kubernetes.api.model.Service s) {
    String apiVersion = apiVersion(s, Kind.SERVICE);
    extra(s.getAdditionalProperties());
    io.fabric8.kubernetes.api.model.ServiceSpec spec = s.getSpec();
    Service.Spec out = null;
    if (spec != null) {
      extra(spec.getAdditionalProperties());
      out =
          new Service.Spec(
              spec.getType(),
              spec.getClusterIP(),
              spec.getExternalName(),
              list(
                  spec.getPorts(),
                  p -> {
                    extra(p.getAdditionalProperties());
                    return new Service.ServicePort(
                        p.getName(),
                        p.getProtocol(),
                        p.getPort() == null ? 0 : p.getPort(),
                        intOrString(p.getTargetPort()),
                        p.getAppProtocol(),
                        p.getNodePort());
                  }),
              spec.getSelector());
    }
    return new Service(apiVersion, meta(s), absentAsNull(out));
  }

  private EndpointSlice endpointSlice(
      io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice s) {
    String apiVersion = apiVersion(s, Kind.ENDPOINT_SLICE);
    extra(s.getAdditionalProperties());
    return new EndpointSlice(
        apiVersion,
        meta(s),
        s.getAddressType(),
        list(
            s.getEndpoints(),
            e -> {
              extra(e.getAdditionalProperties());
              var c = e.getConditions();
              if (c != null) {
                extra(c.getAdditionalProperties());
              }
              return new EndpointSlice.Endpoint(
                  e.getAddresses(),
                  c == null
                      ? null
                      : new EndpointSlice.Conditions(
                          c.getReady(), c.getServing(), c.getTerminating()),
                  e.getHostname(),
                  e.getNodeName());
            }),
        list(
            s.getPorts(),
            p -> {
              extra(p.getAdditionalProperties());
              return new EndpointSlice.EndpointPort(
                  p.getName(), p.getPort(), p.getProtocol(), p.getAppProtocol());
            }));
  }

  private Ingress ingress(io.fabric8.kubernetes.api.model.networking.v1.Ingress i) {
    String apiVersion = apiVersion(i, Kind.INGRESS);
    extra(i.getAdditionalProperties());
    var spec = i.getSpec();
    Ingress.Spec out = null;
    if (spec != null) {
      extra(spec.getAdditionalProperties());
      out =
          new Ingress.Spec(
              spec.getIngressClassName(),
              backend(spec.getDefaultBackend()),
              list(
                  spec.getRules(),
                  r -> {
                    extra(r.getAdditionalProperties());
                    var http = r.getHttp();
                    Ingress.Http h = null;
                    if (http != null) {
                      extra(http.getAdditionalProperties());
                      h =
                          new Ingress.Http(
                              list(
                                  http.getPaths(),
                                  p -> {
                                    extra(p.getAdditionalProperties());
                                    return new Ingress.Path(
                                        p.getPath(), p.getPathType(), backend(p.getBackend()));
                                  }));
                    }
                    return new Ingress.Rule(r.getHost(), h);
                  }),
              list(
                  spec.getTls(),
                  t -> {
                    extra(t.getAdditionalProperties());
                    return new Ingress.Tls(t.getHosts(), t.getSecretName());
                  }));
    }
    return new Ingress(apiVersion, meta(i), absentAsNull(out));
  }

  private static Ingress.@Nullable Backend backend(
      io.fabric8.kubernetes.api.model.networking.v1.@Nullable IngressBackend b) {
    if (b == null) {
      return null;
    }
    extra(b.getAdditionalProperties());
    var svc = b.getService();
    Ingress.ServiceBackend service = null;
    if (svc != null) {
      extra(svc.getAdditionalProperties());
      var port = svc.getPort();
      if (port != null) {
        extra(port.getAdditionalProperties());
      }
      service =
          new Ingress.ServiceBackend(
              svc.getName(),
              port == null ? null : new Ingress.Port(port.getName(), port.getNumber()));
    }
    var res = b.getResource();
    Ingress.TypedRef resource = null;
    if (res != null) {
      extra(res.getAdditionalProperties());
      resource = new Ingress.TypedRef(res.getApiGroup(), res.getKind(), res.getName());
    }
    return new Ingress.Backend(service, resource);
  }

  private Secret secret(io.fabric8.kubernetes.api.model.Secret s) {
    String apiVersion = apiVersion(s, Kind.SECRET);
    extra(s.getAdditionalProperties());
    // The loader's reading (core SecretDeserializer): data base64-decoded, stringData over it.
    return Secret.fromWire(apiVersion, meta(s), s.getType(), s.getData(), s.getStringData());
  }

  private ConfigMap configMap(io.fabric8.kubernetes.api.model.ConfigMap c) {
    String apiVersion = apiVersion(c, Kind.CONFIG_MAP);
    extra(c.getAdditionalProperties());
    return new ConfigMap(apiVersion, meta(c), c.getData());
  }

  private IngressClass ingressClass(io.fabric8.kubernetes.api.model.networking.v1.IngressClass c) {
    String apiVersion = apiVersion(c, Kind.INGRESS_CLASS);
    extra(c.getAdditionalProperties());
    var spec = c.getSpec();
    IngressClass.Spec out = null;
    if (spec != null) {
      extra(spec.getAdditionalProperties());
      var p = spec.getParameters();
      if (p != null) {
        extra(p.getAdditionalProperties());
      }
      out =
          new IngressClass.Spec(
              spec.getController(),
              p == null
                  ? null
                  : new IngressClass.Parameters(
                      p.getApiGroup(), p.getKind(), p.getName(), p.getNamespace(), p.getScope()));
    }
    return new IngressClass(apiVersion, meta(c), absentAsNull(out));
  }

  // ---- Gateway API (fabric8's kubernetes-model-gatewayapi; v1beta1 kinds reuse the v1 specs) ----

  private HttpRoute httpRoute(
      HasMetadata r, io.fabric8.kubernetes.api.model.gatewayapi.v1.@Nullable HTTPRouteSpec spec) {
    String apiVersion = apiVersion(r, Kind.HTTP_ROUTE);
    HttpRoute.Spec out = null;
    if (spec != null) {
      extra(spec.getAdditionalProperties());
      out =
          new HttpRoute.Spec(
              list(spec.getParentRefs(), TypedMapping::parentRef),
              spec.getHostnames(),
              list(
                  spec.getRules(),
                  rule -> {
                    extra(rule.getAdditionalProperties());
                    return new HttpRoute.Rule(
                        rule.getName(),
                        list(rule.getMatches(), TypedMapping::match),
                        list(rule.getFilters(), this::filter),
                        list(
                            rule.getBackendRefs(),
                            b -> {
                              extra(b.getAdditionalProperties());
                              return new GatewayApi.BackendRef(
                                  b.getGroup(),
                                  b.getKind(),
                                  b.getName(),
                                  b.getNamespace(),
                                  b.getPort(),
                                  b.getWeight(),
                                  list(b.getFilters(), this::filter));
                            }),
                        json(rule.getTimeouts()));
                  }));
    }
    return new HttpRoute(apiVersion, meta(r), absentAsNull(out));
  }

  private static GatewayApi.ParentReference parentRef(
      io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference p) {
    extra(p.getAdditionalProperties());
    return new GatewayApi.ParentReference(
        p.getGroup(), p.getKind(), p.getNamespace(), p.getName(), p.getSectionName(), p.getPort());
  }

  private static HttpRoute.Match match(
      io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch m) {
    extra(m.getAdditionalProperties());
    var path = m.getPath();
    if (path != null) {
      extra(path.getAdditionalProperties());
    }
    return new HttpRoute.Match(
        path == null ? null : new HttpRoute.PathMatch(path.getType(), path.getValue()),
        list(
            m.getHeaders(),
            h -> {
              extra(h.getAdditionalProperties());
              return new GatewayApi.NameValueMatch(h.getType(), h.getName(), h.getValue());
            }),
        list(
            m.getQueryParams(),
            q -> {
              extra(q.getAdditionalProperties());
              return new GatewayApi.NameValueMatch(q.getType(), q.getName(), q.getValue());
            }),
        m.getMethod());
  }

  private GatewayApi.Filter filter(
      io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter f) {
    extra(f.getAdditionalProperties());
    var redirect = f.getRequestRedirect();
    var rewrite = f.getUrlRewrite();
    var ext = f.getExtensionRef();
    GatewayApi.RequestRedirect rr = null;
    if (redirect != null) {
      extra(redirect.getAdditionalProperties());
      rr =
          new GatewayApi.RequestRedirect(
              redirect.getScheme(),
              redirect.getHostname(),
              pathModifier(redirect.getPath()),
              redirect.getPort(),
              redirect.getStatusCode());
    }
    GatewayApi.UrlRewrite rw = null;
    if (rewrite != null) {
      extra(rewrite.getAdditionalProperties());
      rw = new GatewayApi.UrlRewrite(rewrite.getHostname(), pathModifier(rewrite.getPath()));
    }
    GatewayApi.LocalObjectReference er = null;
    if (ext != null) {
      extra(ext.getAdditionalProperties());
      er = new GatewayApi.LocalObjectReference(ext.getGroup(), ext.getKind(), ext.getName());
    }
    return new GatewayApi.Filter(
        f.getType(),
        headers(f.getRequestHeaderModifier()),
        headers(f.getResponseHeaderModifier()),
        rr,
        rw,
        er,
        json(f.getRequestMirror()));
  }

  private static GatewayApi.@Nullable HeaderModifier headers(
      io.fabric8.kubernetes.api.model.gatewayapi.v1.@Nullable HTTPHeaderFilter h) {
    if (h == null) {
      return null;
    }
    extra(h.getAdditionalProperties());
    Function<io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeader, GatewayApi.Header> header =
        x -> {
          extra(x.getAdditionalProperties());
          return new GatewayApi.Header(x.getName(), x.getValue());
        };
    return new GatewayApi.HeaderModifier(
        list(h.getSet(), header), list(h.getAdd(), header), h.getRemove());
  }

  private static GatewayApi.@Nullable PathModifier pathModifier(
      io.fabric8.kubernetes.api.model.gatewayapi.v1.@Nullable HTTPPathModifier p) {
    if (p == null) {
      return null;
    }
    extra(p.getAdditionalProperties());
    return new GatewayApi.PathModifier(
        p.getType(), p.getReplaceFullPath(), p.getReplacePrefixMatch());
  }

  private Gateway gateway(
      HasMetadata r,
      io.fabric8.kubernetes.api.model.gatewayapi.v1.@Nullable GatewaySpec spec,
      io.fabric8.kubernetes.api.model.gatewayapi.v1.@Nullable GatewayStatus status) {
    String apiVersion = apiVersion(r, Kind.GATEWAY);
    Gateway.Spec out = null;
    if (spec != null) {
      extra(spec.getAdditionalProperties());
      out =
          new Gateway.Spec(
              spec.getGatewayClassName(),
              list(
                  spec.getListeners(),
                  l -> {
                    extra(l.getAdditionalProperties());
                    var tls = l.getTls();
                    Gateway.ListenerTls t = null;
                    if (tls != null) {
                      extra(tls.getAdditionalProperties());
                      t =
                          new Gateway.ListenerTls(
                              tls.getMode(),
                              list(
                                  tls.getCertificateRefs(),
                                  c -> {
                                    extra(c.getAdditionalProperties());
                                    return new GatewayApi.ObjectReference(
                                        c.getGroup(), c.getKind(), c.getName(), c.getNamespace());
                                  }),
                              tls.getOptions());
                    }
                    return new Gateway.Listener(
                        l.getName(),
                        l.getHostname(),
                        l.getPort() == null ? 0 : l.getPort(),
                        l.getProtocol(),
                        t,
                        json(l.getAllowedRoutes()));
                  }),
              list(
                  spec.getAddresses(),
                  a -> {
                    extra(a.getAdditionalProperties());
                    return new Gateway.Address(a.getType(), a.getValue());
                  }));
    }
    Gateway.Status st = null;
    if (status != null) {
      extra(status.getAdditionalProperties());
      st =
          new Gateway.Status(
              list(
                  status.getListeners(),
                  l -> {
                    extra(l.getAdditionalProperties());
                    return new Gateway.ListenerStatus(
                        l.getName(),
                        list(
                            l.getConditions(),
                            c -> {
                              extra(c.getAdditionalProperties());
                              return new Gateway.Condition(
                                  c.getType(),
                                  c.getStatus(),
                                  c.getReason(),
                                  c.getObservedGeneration());
                            }));
                  }));
    }
    return new Gateway(apiVersion, meta(r), absentAsNull(out), st);
  }

  private GatewayClass gatewayClass(
      HasMetadata r,
      io.fabric8.kubernetes.api.model.gatewayapi.v1.@Nullable GatewayClassSpec spec) {
    String apiVersion = apiVersion(r, Kind.GATEWAY_CLASS);
    GatewayClass.Spec out = null;
    if (spec != null) {
      extra(spec.getAdditionalProperties());
      var p = spec.getParametersRef();
      if (p != null) {
        extra(p.getAdditionalProperties());
      }
      out =
          new GatewayClass.Spec(
              spec.getControllerName(),
              absentAsNull(
                  p == null
                      ? null
                      : new GatewayApi.ParentReference(
                          p.getGroup(), p.getKind(), p.getNamespace(), p.getName(), null, null)));
    }
    return new GatewayClass(apiVersion, meta(r), absentAsNull(out));
  }

  private ReferenceGrant referenceGrant(
      HasMetadata r,
      io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.@Nullable ReferenceGrantSpec spec) {
    String apiVersion = apiVersion(r, Kind.REFERENCE_GRANT);
    ReferenceGrant.Spec out = null;
    if (spec != null) {
      extra(spec.getAdditionalProperties());
      out =
          new ReferenceGrant.Spec(
              list(
                  spec.getFrom(),
                  f -> {
                    extra(f.getAdditionalProperties());
                    return new ReferenceGrant.From(f.getGroup(), f.getKind(), f.getNamespace());
                  }),
              list(
                  spec.getTo(),
                  t -> {
                    extra(t.getAdditionalProperties());
                    return new ReferenceGrant.To(t.getGroup(), t.getKind(), t.getName());
                  }));
    }
    return new ReferenceGrant(apiVersion, meta(r), absentAsNull(out));
  }

  /**
   * Passes an absent part (null) to a model record constructor. The model's constructors take null
   * for an absent field, as the Jackson path gives them (they store their empty spec, or keep a
   * null reference that is {@code @Nullable}), but their parameters are not annotated because the
   * accessors never return null.
   */
  // the one place where null flows into the model's non-annotated constructor parameters
  @SuppressWarnings("NullAway")
  private static <T> T absentAsNull(@Nullable T value) {
    return value;
  }
}
