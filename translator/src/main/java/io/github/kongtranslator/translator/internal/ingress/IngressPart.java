package io.github.kongtranslator.translator.internal.ingress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.KongServiceFacade;
import io.github.kongtranslator.kongmodel.config.Plugin;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.internal.entities.Entities;
import io.github.kongtranslator.translator.internal.entities.Entities.Backend;
import io.github.kongtranslator.translator.internal.entities.Entities.KRoute;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.entities.Entities.PortDef;
import io.github.kongtranslator.translator.internal.routes.Atc;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Ingress (networking.k8s.io/v1) → Kong services and routes, traditional or expression router
 * (translator-spec §3, §4; gateway-api-spec §6.4, §7).
 */
final class IngressPart {
  static final String REGEX_PREFIX_ANNOTATION = "konghq.com/regex-prefix";
  static final String REWRITE_ANNOTATION = "konghq.com/rewrite";
  static final String PROTOCOLS_ANNOTATION = "konghq.com/protocols";
  static final String FACADE_GROUP = Kind.KONG_SERVICE_FACADE.group();

  private final Context ctx;
  private final boolean expressions;

  /** The Kong services this source produced, by name. */
  final Map<String, KService> services = new LinkedHashMap<>();

  private final Map<String, RouteBuild> routes = new LinkedHashMap<>();

  /** A route under construction with the Ingress paths it merges. */
  private record RouteBuild(
      KRoute route, KService service, Ingress ingress, String host, List<String[]> paths) {}

  IngressPart(Context ctx) {
    this.ctx = ctx;
    this.expressions = ctx.flag(FeatureFlag.EXPRESSION_ROUTES);
  }

  boolean accepted(Ingress ing) {
    String ann = ing.metadata().annotation(Context.CLASS_ANNOTATION);
    if (ann != null && !ann.isEmpty()) {
      return ann.equals(ctx.options.ingressClass());
    }
    if (ing.spec().ingressClassName() != null) {
      return ing.spec().ingressClassName().equals(ctx.options.ingressClass());
    }
    return ctx.defaultClass;
  }

  List<Ingress> acceptedIngresses() {
    return ctx.sorted(Kind.INGRESS, Ingress.class).stream().filter(this::accepted).toList();
  }

  Map<String, KService> run() {
    List<Ingress> ingresses = acceptedIngresses();
    for (Ingress ing : ingresses) {
      ctx.guard(ing, () -> translateRules(ing));
    }
    for (RouteBuild rb : routes.values()) {
      if (expressions) {
        IngressExpression.apply(rb.route(), rb.ingress(), rb.host(), rb.paths());
      }
    }
    ingresses.stream()
        .filter(i -> i.spec().defaultBackend() != null)
        .findFirst()
        .ifPresent(i -> ctx.guard(i, () -> defaultBackend(i)));
    handleRewrites();
    return services;
  }

  private void translateRules(Ingress ing) {
    String ns = ing.metadata().namespace();
    String ingName = ing.metadata().name();
    String regexPrefix =
        Optional.ofNullable(ing.metadata().annotation(REGEX_PREFIX_ANNOTATION))
            .orElse(IngressPaths.DEFAULT_REGEX_PREFIX);
    for (Ingress.Rule rule : ing.spec().rules()) {
      if (rule.http() == null || rule.http().paths().isEmpty()) {
        continue;
      }
      String host = Strs.nz(rule.host());
      for (Ingress.Path path : rule.http().paths()) {
        String p = IngressPaths.normalize(Strs.nz(path.path()));
        String type =
            path.pathType() == null ? IngressPaths.IMPLEMENTATION_SPECIFIC : path.pathType();
        Target t = resolveBackend(ing, path.backend());
        if (t == null) {
          continue;
        }
        String routeKey =
            t.facade
                ? ns + "." + ingName + "." + host + "." + t.backend.name + ".svc.facade"
                : ns
                    + "."
                    + ingName
                    + "."
                    + t.backend.name
                    + "."
                    + host
                    + "."
                    + t.backend.port.canonical();
        KService svc = service(t, ing, true);
        RouteBuild rb = routes.get(routeKey);
        if (rb == null) {
          KRoute r = new KRoute(ing);
          r.name =
              t.facade
                  ? ns
                      + "."
                      + ingName
                      + "."
                      + host.replace('*', '_')
                      + "."
                      + t.backend.name
                      + ".svc.facade"
                  : ns
                      + "."
                      + ingName
                      + "."
                      + t.backend.name
                      + "."
                      + host.replace('*', '_')
                      + "."
                      + t.backend.port.canonical();
          r.tags = ctx.tags(ing);
          r.stripPath = false;
          r.preserveHost = true;
          r.requestBuffering = true;
          r.responseBuffering = true;
          if (!expressions) {
            r.regexPriority = 0;
            if (!host.isEmpty()) {
              r.hosts = new ArrayList<>(List.of(host));
            }
            r.paths = new ArrayList<>();
          }
          String protocols = ing.metadata().annotation(PROTOCOLS_ANNOTATION);
          if (protocols != null) {
            List<String> ps = new ArrayList<>(Strs.list(protocols));
            ps.sort(Strs.BYTES);
            r.protocols = ps;
          }
          rb = new RouteBuild(r, svc, ing, host, new ArrayList<>());
          routes.put(routeKey, rb);
          svc.routes.add(r);
        }
        rb.paths().add(new String[] {p, type});
        if (!expressions) {
          // a route made while expressions are off starts with a paths list (above)
          List<String> routePaths = java.util.Objects.requireNonNull(rb.route().paths, routeKey);
          for (String kp : IngressPaths.kongPaths(p, type)) {
            routePaths.add(
                IngressPaths.applyRegexPrefix(kp, regexPrefix, ctx.legacyRegexDetection));
          }
        }
      }
    }
  }

  /** A resolved Ingress backend: the Kong service name/host it maps to. */
  private record Target(Backend backend, String serviceName, boolean facade) {}

  private @Nullable Target resolveBackend(Ingress ing, Ingress.@Nullable Backend b) {
    String ns = ing.metadata().namespace();
    if (b == null) {
      ctx.fail("Ingress backend is missing", ing);
      return null;
    }
    if (b.service() != null) {
      Ingress.ServiceBackend sb = b.service();
      Ingress.Port port = sb.port();
      PortDef pd = port == null ? new PortDef(null, null) : new PortDef(port.number(), port.name());
      String name = Strs.nz(sb.name());
      Backend be = new Backend(ns, name, pd, false);
      return new Target(be, ns + "." + name + "." + pd.canonical(), false);
    }
    Ingress.TypedRef res = b.resource();
    if (res == null) {
      ctx.fail("Ingress backend has neither a service nor a resource", ing);
      return null;
    }
    if (!FACADE_GROUP.equals(res.apiGroup()) || !"KongServiceFacade".equals(res.kind())) {
      ctx.fail(
          "unknown resource type "
              + Strs.nz(res.apiGroup())
              + "/"
              + Strs.nz(res.kind())
              + " in Ingress backend",
          ing);
      return null;
    }
    if (!ctx.flag(FeatureFlag.KONG_SERVICE_FACADE)) {
      ctx.fail(
          "KongServiceFacade is used as a backend of Ingress "
              + ns
              + "/"
              + ing.metadata().name()
              + ", but the KongServiceFacade feature gate is disabled",
          ing);
      return null;
    }
    String name = Strs.nz(res.name());
    Optional<KongServiceFacade> facade =
        ctx.stores.get(Kind.KONG_SERVICE_FACADE, ns, name, KongServiceFacade.class);
    if (facade.isEmpty()) {
      ctx.fail("failed to get KongServiceFacade " + ns + "/" + name + ": not found", ing);
      return null;
    }
    KongServiceFacade.BackendRef ref = facade.get().spec().backendRef();
    int port = ref == null ? 0 : ref.port();
    Backend be = new Backend(ns, name, PortDef.ofNumber(port), true);
    return new Target(be, ns + "." + name + ".svc.facade", true);
  }

  private KService service(Target t, K8sObject parent, boolean withPath) {
    KService svc = services.get(t.serviceName);
    if (svc == null) {
      svc = new KService(parent);
      svc.name = t.serviceName;
      svc.host =
          t.facade
              ? t.serviceName
              : t.backend.name
                  + "."
                  + t.backend.namespace
                  + "."
                  + t.backend.port.canonical()
                  + ".svc";
      svc.port = 80;
      svc.protocol = "http";
      svc.path = withPath ? "/" : null;
      svc.connectTimeout = 60000;
      svc.readTimeout = 60000;
      svc.writeTimeout = 60000;
      svc.retries = 5;
      svc.backends.add(t.backend);
      services.put(t.serviceName, svc);
    }
    return svc;
  }

  private void defaultBackend(Ingress ing) {
    Target t = resolveBackend(ing, ing.spec().defaultBackend());
    if (t == null) {
      return;
    }
    KService svc = service(t, ing, false);
    KRoute r = new KRoute(ing);
    r.name = ing.metadata().namespace() + "." + ing.metadata().name();
    r.tags = ctx.tags(ing);
    r.stripPath = false;
    r.preserveHost = true;
    r.requestBuffering = true;
    r.responseBuffering = true;
    if (expressions) {
      r.expression = Atc.pred("http.path", "^=", "/");
      r.priority = 0L;
    } else {
      r.regexPriority = 0;
      r.paths = new ArrayList<>(List.of("/"));
    }
    svc.routes.add(r);
  }

  private void handleRewrites() {
    for (RouteBuild rb : routes.values()) {
      KService svc = rb.service();
      String rewrite = rb.ingress().metadata().annotation(REWRITE_ANNOTATION);
      if (rewrite == null || services.get(svc.name) != svc) {
        continue;
      }
      if (!ctx.flag(FeatureFlag.REWRITE_URIS)) {
        ctx.fail(
            REWRITE_ANNOTATION
                + " annotation used but the RewriteURIs feature flag is off;"
                + " dropping Kong service "
                + svc.name,
            svc.parent);
        services.remove(svc.name);
        continue;
      }
      String template = rewriteTemplate(rewrite.isEmpty() ? "/" : rewrite);
      if (template == null) {
        ctx.fail(
            "invalid "
                + REWRITE_ANNOTATION
                + " value: "
                + rewrite
                + "; dropping Kong service "
                + svc.name,
            svc.parent);
        services.remove(svc.name);
        continue;
      }
      ObjectNode config = Entities.JSON.objectNode();
      config.putObject("replace").put("uri", template);
      rb.route()
          .plugins
          .add(Plugin.builder().adoptConfig(config).name("request-transformer").build());
    }
  }

  /** Converts a rewrite annotation into a request-transformer template; null when invalid. */
  static @Nullable String rewriteTemplate(String v) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < v.length()) {
      char c = v.charAt(i);
      if (c == '$') {
        int j = i + 1;
        while (j < v.length() && Character.isDigit(v.charAt(j))) {
          j++;
        }
        if (j == i + 1) {
          return null;
        }
        out.append("$(uri_captures[").append(v, i + 1, j).append("])");
        i = j;
      } else if (c == '\\') {
        if (i + 1 >= v.length() || v.charAt(i + 1) != '$') {
          return null;
        }
        out.append('$');
        i += 2;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
