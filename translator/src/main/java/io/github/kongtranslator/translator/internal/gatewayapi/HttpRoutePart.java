package io.github.kongtranslator.translator.internal.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableMultiset;
import io.github.kongtranslator.core.model.Gateway;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.kongmodel.config.Plugin;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.internal.entities.Entities;
import io.github.kongtranslator.translator.internal.entities.Entities.KRoute;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.entities.Tags;
import io.github.kongtranslator.translator.internal.plugins.PluginPart;
import io.github.kongtranslator.translator.internal.routes.Atc;
import io.github.kongtranslator.translator.internal.routes.Priorities;
import io.github.kongtranslator.translator.internal.routes.RouteOverrides;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** HTTPRoute → Kong services and routes, both routers (gateway-api-spec §3, §6.2). */
final class HttpRoutePart {
  static final String EXACT = "Exact";
  static final String PREFIX = "PathPrefix";
  static final String REGEX = "RegularExpression";
  private static final Pattern DURATION = Pattern.compile("(\\d+)(h|ms|m|s)");

  private final Context ctx;
  private final GatewayBackends backends;
  private final boolean expressions;

  /** A service group build error: drops that group's Kong service. */
  static final class GroupException extends Exception {
    private static final long serialVersionUID = 1L;

    GroupException(String message) {
      super(message);
    }
  }

  /** An expression route waiting for its relative priority. */
  private record Unit(KRoute route, long base, HttpRoute source, int rule, int match) {}

  /** One match placed in a bucket. */
  private record Placed(
      HttpRoute route, int rule, int match, HttpRoute.Rule r, HttpRoute.Match m) {}

  HttpRoutePart(Context ctx) {
    this.ctx = ctx;
    this.backends = new GatewayBackends(ctx);
    this.expressions = ctx.flag(FeatureFlag.EXPRESSION_ROUTES);
  }

  Map<String, KService> run() {
    Map<String, KService> out = new LinkedHashMap<>();
    List<Unit> units = new ArrayList<>();
    List<HttpRoute> valid = new ArrayList<>();
    for (HttpRoute r : ctx.sorted(Kind.HTTP_ROUTE, HttpRoute.class)) {
      if (validate(r)) {
        valid.add(r);
      }
    }
    Map<Object, Group> groups = new LinkedHashMap<>();
    boolean combined = ctx.flag(FeatureFlag.COMBINED_SERVICES_FROM_DIFFERENT_HTTP_ROUTES);
    for (HttpRoute r : valid) {
      String base = "httproute." + r.metadata().namespace() + "." + r.metadata().name();
      List<HttpRoute.Rule> rules = r.spec().rules();
      for (int i = 0; i < rules.size(); i++) {
        RuleRef ref = new RuleRef(r, i);
        if (combined) {
          String name = combinedName(r, rules.get(i).backendRefs());
          groups.computeIfAbsent(name, k -> new Group(name, new ArrayList<>())).rules().add(ref);
        } else {
          GroupKey key = new GroupKey(base, ImmutableMultiset.copyOf(rules.get(i).backendRefs()));
          int first = i;
          groups
              .computeIfAbsent(key, k -> new Group(base + "." + first, new ArrayList<>()))
              .rules()
              .add(ref);
        }
      }
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    Map<String, HttpRoute> byKey = new LinkedHashMap<>();
    valid.forEach(r -> byKey.put(r.key(), r));
    for (Group g : groups.values()) {
      RuleRef first = g.rules().get(0);
      ctx.guard(first.route(), () -> translateGroup(g, out, units, errors));
    }
    errors.forEach(
        (k, list) ->
            ctx.fail(
                "HTTPRoute can't be routed: " + String.join("; ", list),
                // translateGroup keys errors by the parent route, one of the valid routes
                java.util.Objects.requireNonNull(byKey.get(k), k)));
    Priorities.assign(
        units,
        Unit::base,
        4095,
        Comparator.comparing((Unit u) -> u.source().metadata().creationTimestamp())
            .thenComparing(u -> u.source().metadata().namespace(), Strs.BYTES)
            .thenComparing(u -> u.source().metadata().name(), Strs.BYTES)
            .thenComparingInt(Unit::rule)
            .thenComparingInt(Unit::match),
        (u, p) -> u.route().priority = p);
    return out;
  }

  /** A rule of an HTTPRoute. */
  private record RuleRef(HttpRoute route, int index) {
    HttpRoute.Rule rule() {
      return route.spec().rules().get(index);
    }

    String sortKey() {
      return route.metadata().namespace() + "/" + route.metadata().name() + "." + index;
    }
  }

  /** Rules that share one Kong service. */
  private record Group(String name, List<RuleRef> rules) {}

  private boolean validate(HttpRoute r) {
    if (r.spec().rules().isEmpty()) {
      ctx.fail("HTTPRoute can't be routed: no rules provided", r);
      return false;
    }
    if (!expressions
        && r.spec().rules().stream()
            .flatMap(x -> x.matches().stream())
            .anyMatch(m -> !m.queryParams().isEmpty())) {
      ctx.fail(
          "HTTPRoute can't be routed: query param matches are supported only with the"
              + " expression router",
          r);
      return false;
    }
    return true;
  }

  /** Service name under {@code CombinedServicesFromDifferentHTTPRoutes} (§3.2). */
  static String combinedName(HttpRoute r, List<GatewayApi.BackendRef> refs) {
    String ns = r.metadata().namespace();
    List<String> parts = new ArrayList<>();
    for (GatewayApi.BackendRef b : refs) {
      StringBuilder sb = new StringBuilder();
      sb.append(Strs.orElse(b.namespace(), ns)).append('.').append(Strs.nz(b.name()));
      if (b.port() != null) {
        sb.append('.').append(b.port());
      }
      if (b.weight() != null) {
        sb.append('.').append(b.weight());
      }
      parts.add(sb.toString());
    }
    parts.sort(Strs.BYTES);
    String prefix = "httproute." + ns + ".svc.";
    String name = prefix + (parts.isEmpty() ? "_" : String.join("_", parts));
    if (name.length() > 511) {
      name = prefix + parts.get(0) + "_combined." + PluginPart.sha256Hex(name);
    }
    return name;
  }

  private void translateGroup(
      Group g, Map<String, KService> out, List<Unit> units, Map<String, List<String>> errors) {
    List<RuleRef> ordered = new ArrayList<>(g.rules());
    ordered.sort(Comparator.comparing(RuleRef::sortKey, Strs.BYTES));
    RuleRef first = g.rules().get(0);
    HttpRoute parent = ordered.get(0).route();
    KService svc = GatewayBackends.skeleton(g.name(), "http", parent);
    HttpRoute.Rule firstRule = first.rule();
    String refsField =
        (first.route().key().equals(parent.key()) ? "" : first.route().ref() + " ")
            + "spec.rules["
            + first.index()
            + "].backendRefs";
    svc.backends.addAll(backends.resolve(parent, firstRule.backendRefs(), true, refsField));
    if (!firstRule.backendRefs().isEmpty() && svc.backends.isEmpty()) {
      svc.plugins.add(GatewayBackends.noBackendPlugin());
      ctx.fail(
          first.route().ref()
              + ": spec.rules["
              + first.index()
              + "]: no backendRef resolves;"
              + " requests get KIC's 500 request-termination stub",
          first.route());
    }
    for (RuleRef ref : ordered) {
      Integer ms = timeoutMillis(ref.rule().timeouts());
      if (ms != null && ms != 60000) {
        svc.connectTimeout = ms;
        svc.readTimeout = ms;
        svc.writeTimeout = ms;
      }
    }
    TreeSet<String> protocolSet = new TreeSet<>(Strs.BYTES);
    Map<String, HttpRoute> routesOfGroup = new LinkedHashMap<>();
    ordered.forEach(ref -> routesOfGroup.putIfAbsent(ref.route().key(), ref.route()));
    routesOfGroup.values().forEach(r -> protocolSet.addAll(protocols(r)));
    List<String> protocols = new ArrayList<>(protocolSet);
    List<Unit> groupUnits = new ArrayList<>();
    try {
      if (expressions) {
        expressionRoutes(ordered, svc, protocols, groupUnits);
      } else {
        traditionalRoutes(ordered, svc, protocols);
      }
    } catch (GroupException e) {
      errors.computeIfAbsent(parent.key(), k -> new ArrayList<>()).add(e.getMessage());
      return;
    }
    units.addAll(groupUnits);
    out.put(svc.name, svc);
  }

  /** Rules of one route with the same backends, in any order, share a service. */
  private record GroupKey(String route, ImmutableMultiset<GatewayApi.BackendRef> backends) {}

  private List<String> protocols(HttpRoute r) {
    TreeSet<String> out = new TreeSet<>(Strs.BYTES);
    for (Gateway.Listener l : backends.listeners(r, r.spec().parentRefs(), false)) {
      if ("HTTP".equals(l.protocol())) {
        out.add("http");
      } else if ("HTTPS".equals(l.protocol())) {
        out.add("https");
      }
    }
    return new ArrayList<>(out);
  }

  static @Nullable Integer timeoutMillis(
      io.github.kongtranslator.core.model.@Nullable JsonValue timeouts) {
    if (timeouts == null) {
      return null;
    }
    JsonNode br = timeouts.toNode().get("backendRequest");
    if (br == null || !br.isTextual()) {
      return null;
    }
    String v = br.asText();
    Matcher m = DURATION.matcher(v);
    long total = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return null;
      }
      long n = Long.parseLong(m.group(1));
      total +=
          switch (m.group(2)) {
            case "h" -> n * 3_600_000L;
            case "m" -> n * 60_000L;
            case "s" -> n * 1_000L;
            default -> n;
          };
      end = m.end();
    }
    if (end != v.length() || v.isEmpty() || total > Integer.MAX_VALUE) {
      return null;
    }
    return (int) total;
  }

  private KRoute newRoute(
      HttpRoute r, String name, List<String> protocols, List<String> extraTags) {
    KRoute route = new KRoute(r);
    route.name = name;
    route.preserveHost = true;
    route.protocols = protocols.isEmpty() ? null : new ArrayList<>(protocols);
    route.tags = Tags.of(r, extraTags);
    return route;
  }

  // ---------------------------------------------------------------- traditional router

  private void traditionalRoutes(List<RuleRef> ordered, KService svc, List<String> protocols)
      throws GroupException {
    // rules with the same filters, in any order (compared by value, not by text)
    Map<ImmutableMultiset<GatewayApi.Filter>, List<RuleRef>> filterGroups = new LinkedHashMap<>();
    for (RuleRef ref : ordered) {
      filterGroups
          .computeIfAbsent(ImmutableMultiset.copyOf(ref.rule().filters()), k -> new ArrayList<>())
          .add(ref);
    }
    for (List<RuleRef> fg : filterGroups.values()) {
      Map<String, List<Placed>> buckets = new LinkedHashMap<>();
      for (RuleRef ref : fg) {
        HttpRoute r = ref.route();
        HttpRoute.Rule rule = ref.rule();
        String base = "httproute." + r.metadata().namespace() + "." + r.metadata().name();
        if (rule.matches().isEmpty()) {
          // as KIC, the filters of a rule without matches are not applied by the traditional
          // router: a KongPlugin it asks for would be missing (issue 18: fail closed)
          unappliedPlugins(r, extensionPlugins(rule), List.of());
          KRoute route = newRoute(r, base + "." + ref.index() + ".0", protocols, List.of());
          if (!r.spec().hostnames().isEmpty()) {
            route.hosts = new ArrayList<>(r.spec().hostnames());
          }
          svc.routes.add(route);
          continue;
        }
        for (int m = 0; m < rule.matches().size(); m++) {
          HttpRoute.Match match = rule.matches().get(m);
          buckets
              .computeIfAbsent(base + "\u0001" + matchKey(match), k -> new ArrayList<>())
              .add(new Placed(r, ref.index(), m, rule, match));
        }
      }
      for (List<Placed> bucket : buckets.values()) {
        Placed head = bucket.get(0);
        boolean redirect =
            head.r().filters().stream().anyMatch(f -> "RequestRedirect".equals(f.type()));
        if (redirect) {
          for (int k = 1; k <= bucket.size(); k++) {
            svc.routes.add(bucketRoute(bucket.subList(0, k), protocols));
          }
        } else {
          svc.routes.add(bucketRoute(bucket, protocols));
        }
      }
    }
  }

  private static String matchKey(HttpRoute.Match m) {
    Map<String, GatewayApi.NameValueMatch> headers = new java.util.TreeMap<>(Strs.BYTES);
    for (GatewayApi.NameValueMatch h : m.headers()) {
      headers.putIfAbsent(Strs.nz(h.name()).toLowerCase(Locale.ROOT), h);
    }
    Map<String, GatewayApi.NameValueMatch> query = new LinkedHashMap<>();
    for (GatewayApi.NameValueMatch q : m.queryParams()) {
      query.putIfAbsent(Strs.nz(q.name()), q);
    }
    return Strs.nz(m.method())
        + "\u0000"
        + headers.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().type() + ":" + e.getValue().value())
            .toList()
        + "\u0000"
        + query.values();
  }

  private KRoute bucketRoute(List<Placed> bucket, List<String> protocols) throws GroupException {
    Placed head = bucket.get(0);
    HttpRoute r = head.route();
    String base = "httproute." + r.metadata().namespace() + "." + r.metadata().name();
    List<String> named = new ArrayList<>();
    for (Placed p : bucket) {
      named.addAll(GatewayBackends.namedRule(p.r().name()));
    }
    KRoute route = newRoute(r, base + "." + head.rule() + "." + head.match(), protocols, named);
    route.stripPath = false;
    if (!r.spec().hostnames().isEmpty()) {
      route.hosts = new ArrayList<>(r.spec().hostnames());
    }
    List<String> paths = new ArrayList<>();
    Set<String> methods = new LinkedHashSet<>();
    for (Placed p : bucket) {
      paths.addAll(traditionalPaths(p.m().path()));
      if (!Strs.isEmpty(p.m().method())) {
        methods.add(p.m().method());
      }
    }
    route.paths = paths.isEmpty() ? null : paths;
    route.methods = methods.isEmpty() ? null : new ArrayList<>(methods);
    route.headers = headers(head.m());
    List<Plugin> plugins = new ArrayList<>();
    List<String> applied = new ArrayList<>();
    int used = 0;
    for (Placed p : bucket) {
      plugins.addAll(filters(r, route, p.r(), p.m(), false));
      applied.addAll(extensionPlugins(p.r()));
      used++;
      if (!p.r().filters().stream().anyMatch(f -> "RequestRedirect".equals(f.type()))) {
        break;
      }
    }
    // the paths of the other rules of the bucket get the first rule's filters (as KIC): a
    // KongPlugin only they ask for would be missing (issue 18: fail closed)
    for (Placed p : bucket.subList(used, bucket.size())) {
      unappliedPlugins(r, extensionPlugins(p.r()), applied);
    }
    route.plugins.addAll(plugins);
    return route;
  }

  /** The KongPlugin names of a rule's ExtensionRef filters, in order. */
  private static List<String> extensionPlugins(HttpRoute.Rule rule) {
    List<String> out = new ArrayList<>();
    for (GatewayApi.Filter f : rule.filters()) {
      GatewayApi.LocalObjectReference ref = f.extensionRef();
      if ("ExtensionRef".equals(f.type())
          && ref != null
          && Kind.KONG_GROUP.equals(ref.group())
          && "KongPlugin".equals(ref.kind())) {
        out.add(Strs.nz(ref.name()));
      }
    }
    return out;
  }

  /** An UNPROTECTED failure for ExtensionRef plugins a route asks for that are not applied. */
  private void unappliedPlugins(HttpRoute r, List<String> asked, List<String> applied) {
    List<String> missing = asked.stream().filter(n -> !applied.contains(n)).distinct().toList();
    if (!missing.isEmpty()) {
      ctx.failUnprotected(
          "HTTPRoute ExtensionRef plugin(s) "
              + String.join(", ", missing)
              + " not applied: the traditional router ignores the filters of a rule without matches"
              + " and of a rule whose match an earlier rule already has",
          r);
    }
  }

  private static List<String> traditionalPaths(HttpRoute.@Nullable PathMatch path) {
    if (path == null) {
      return List.of();
    }
    String v = Strs.nz(path.value());
    String type = path.type() == null ? PREFIX : path.type();
    return switch (type) {
      case EXACT -> List.of("~" + v + "$");
      case REGEX -> List.of("~" + v);
      default -> List.of("~" + v + "$", v.endsWith("/") ? v : v + "/");
    };
  }

  private static @Nullable Map<String, List<String>> headers(HttpRoute.Match m)
      throws GroupException {
    if (m.headers().isEmpty()) {
      return null;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (GatewayApi.NameValueMatch h : m.headers()) {
      String name = Strs.nz(h.name());
      if (out.containsKey(name)) {
        throw new GroupException("duplicate header match " + name);
      }
      String type = h.type() == null ? EXACT : h.type();
      switch (type) {
        case EXACT -> out.put(name, new ArrayList<>(List.of(Strs.nz(h.value()))));
        case REGEX -> out.put(name, new ArrayList<>(List.of("~*" + Strs.nz(h.value()))));
        default -> throw new GroupException("unsupported header match type " + type);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- filters

  /** Plugins of a rule's filters for one route; may replace the route's paths (URLRewrite). */
  private List<Plugin> filters(
      HttpRoute r,
      KRoute route,
      HttpRoute.Rule rule,
      HttpRoute.@Nullable Match match,
      boolean expression)
      throws GroupException {
    Plugin.Builder termination = null;
    Plugin.Builder redirectPlugin = null;
    Map<String, Map<String, List<String>>> req = new LinkedHashMap<>();
    Map<String, Map<String, List<String>>> resp = new LinkedHashMap<>();
    String uri = null;
    List<String> extensionPlugins = new ArrayList<>();
    String pathValue = match == null || match.path() == null ? "" : Strs.nz(match.path().value());
    for (GatewayApi.Filter f : rule.filters()) {
      String type = Strs.nz(f.type());
      switch (type) {
        case "RequestHeaderModifier" -> headerOps(req, f.requestHeaderModifier());
        case "ResponseHeaderModifier" -> headerOps(resp, f.responseHeaderModifier());
        case "RequestRedirect" -> {
          GatewayApi.RequestRedirect rr = f.requestRedirect();
          if (rr == null) {
            throw new GroupException("RequestRedirect filter without requestRedirect");
          }
          GatewayApi.PathModifier pm = rr.path();
          boolean full = pm != null && "ReplaceFullPath".equals(pm.type());
          String fullPath = pm == null ? "" : Strs.nz(pm.replaceFullPath());
          if (ctx.flag(FeatureFlag.SUPPORT_REDIRECT_PLUGIN)) {
            ObjectNode c = Entities.JSON.objectNode();
            putStatus(c, rr.statusCode());
            c.put("location", location(rr, full ? fullPath : "/"));
            c.put("keep_incoming_path", !full);
            redirectPlugin = Plugin.builder().name("redirect").adoptConfig(c);
          } else {
            ObjectNode c = Entities.JSON.objectNode();
            putStatus(c, rr.statusCode());
            termination = Plugin.builder().name("request-termination").adoptConfig(c);
            String path = full ? fullPath : pathValue;
            section(resp, "add")
                .computeIfAbsent("headers", k -> new ArrayList<>())
                .add("Location:" + location(rr, path));
          }
        }
        case "URLRewrite" -> {
          GatewayApi.UrlRewrite u = f.urlRewrite();
          if (u == null || (u.hostname() == null && u.path() == null)) {
            throw new GroupException("URLRewrite filter needs a hostname or a path");
          }
          if (u.hostname() != null) {
            section(req, "replace")
                .computeIfAbsent("headers", k -> new ArrayList<>())
                .add("host:" + u.hostname());
            section(req, "add")
                .computeIfAbsent("headers", k -> new ArrayList<>())
                .add("host:" + u.hostname());
          }
          if (u.path() != null) {
            String t = Strs.nz(u.path().type());
            if (t.equals("ReplaceFullPath")) {
              if (u.path().replaceFullPath() == null) {
                throw new GroupException("URLRewrite ReplaceFullPath without replaceFullPath");
              }
              if (uri == null || uri.isEmpty()) {
                uri = u.path().replaceFullPath();
              }
            } else if (t.equals("ReplacePrefixMatch") && u.path().replacePrefixMatch() != null) {
              String firstPath =
                  expression
                      ? pathValue
                      : rule.matches().isEmpty() || rule.matches().get(0).path() == null
                          ? ""
                          : Strs.nz(rule.matches().get(0).path().value());
              String p = normalizePrefix(firstPath);
              String rp = u.path().replacePrefixMatch();
              if (rp.endsWith("/")) {
                rp = rp.substring(0, rp.length() - 1);
              }
              if (!expression) {
                route.paths =
                    p.equals("/")
                        ? new ArrayList<>(List.of("~/$", "~/(.*)"))
                        : new ArrayList<>(List.of("~" + p + "$", "~" + p + "(/.*)"));
              }
              String template;
              if (rp.isEmpty()) {
                template =
                    p.equals("/")
                        ? "$(uri_captures[1] == nil and \"/\" or \"/\" .. uri_captures[1])"
                        : "$(uri_captures[1] == nil and \"/\" or uri_captures[1])";
              } else {
                template =
                    p.equals("/")
                        ? rp + "$(uri_captures[1] == nil and \"\" or \"/\" .. uri_captures[1])"
                        : rp + "$(uri_captures[1])";
              }
              if (uri == null || uri.isEmpty()) {
                uri = template;
              }
            }
          }
        }
        case "ExtensionRef" -> {
          GatewayApi.LocalObjectReference ref = f.extensionRef();
          if (ref == null
              || !Kind.KONG_GROUP.equals(ref.group())
              || !"KongPlugin".equals(ref.kind())) {
            throw new GroupException(
                "plugin "
                    + (ref == null ? "" : Strs.nz(ref.group()) + "/" + Strs.nz(ref.kind()))
                    + " unsupported");
          }
          extensionPlugins.add(Strs.nz(ref.name()));
        }
        default -> throw new GroupException("httpFilter " + type + " unsupported");
      }
    }
    if (!extensionPlugins.isEmpty()) {
      String ann = r.metadata().annotation(PluginPart.PLUGINS_ANNOTATION);
      String joined = String.join(",", extensionPlugins);
      route.pluginAnnotation = Strs.isEmpty(ann) ? joined : ann + "," + joined;
    }
    List<Plugin.Builder> out = new ArrayList<>();
    if (termination != null) {
      out.add(termination);
    }
    if (redirectPlugin != null) {
      out.add(redirectPlugin);
    }
    if (!req.isEmpty() || uri != null) {
      if (uri != null && !uri.isEmpty()) {
        section(req, "replace");
      }
      out.add(transformer("request-transformer", req, uri));
    }
    if (!resp.isEmpty()) {
      out.add(transformer("response-transformer", resp, null));
    }
    List<Plugin> plugins = new ArrayList<>(out.size());
    for (Plugin.Builder p : out) {
      plugins.add(p.tags(route.tags).build());
    }
    return plugins;
  }

  private static void putStatus(ObjectNode c, @Nullable Integer code) {
    if (code == null) {
      c.putNull("status_code");
    } else {
      c.put("status_code", code);
    }
  }

  private static Map<String, List<String>> section(
      Map<String, Map<String, List<String>>> cfg, String name) {
    return cfg.computeIfAbsent(name, k -> new LinkedHashMap<>());
  }

  private static void headerOps(
      Map<String, Map<String, List<String>>> cfg, GatewayApi.@Nullable HeaderModifier mod) {
    if (mod == null) {
      return;
    }
    for (GatewayApi.Header h : mod.set()) {
      String v = header(h);
      section(cfg, "replace").computeIfAbsent("headers", k -> new ArrayList<>()).add(v);
      section(cfg, "add").computeIfAbsent("headers", k -> new ArrayList<>()).add(v);
    }
    for (GatewayApi.Header h : mod.add()) {
      section(cfg, "append").computeIfAbsent("headers", k -> new ArrayList<>()).add(header(h));
    }
    for (String name : mod.remove()) {
      section(cfg, "remove").computeIfAbsent("headers", k -> new ArrayList<>()).add(name);
    }
  }

  private static String header(GatewayApi.Header h) {
    return Strs.isEmpty(h.value()) ? Strs.nz(h.name()) : Strs.nz(h.name()) + ":" + h.value();
  }

  private static Plugin.Builder transformer(
      String name, Map<String, Map<String, List<String>>> cfg, @Nullable String uri) {
    ObjectNode c = Entities.JSON.objectNode();
    for (String sec : List.of("replace", "add", "append", "remove")) {
      Map<String, List<String>> s = cfg.get(sec);
      if (s == null) {
        continue;
      }
      ObjectNode sn = c.putObject(sec);
      s.forEach(
          (k, v) -> {
            ArrayNode a = sn.putArray(k);
            v.forEach(a::add);
          });
      if (sec.equals("replace") && uri != null && !uri.isEmpty()) {
        sn.put("uri", uri);
      }
    }
    return Plugin.builder().name(name).adoptConfig(c);
  }

  static String location(GatewayApi.RequestRedirect rr, String path) {
    if (Strs.isEmpty(rr.hostname())) {
      return path;
    }
    String hostPort = rr.hostname() + (rr.port() == null ? "" : ":" + rr.port());
    String scheme = Strs.orElse(rr.scheme(), "http");
    return scheme + "://" + cleanJoin(hostPort, path);
  }

  /** Go {@code path.Join}: join with / and clean. */
  static String cleanJoin(String a, String b) {
    String joined = b.isEmpty() ? a : a + "/" + b;
    boolean rooted = joined.startsWith("/");
    List<String> out = new ArrayList<>();
    for (String part : joined.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
          out.remove(out.size() - 1);
        } else if (!rooted) {
          out.add("..");
        }
        continue;
      }
      out.add(part);
    }
    String s = String.join("/", out);
    return rooted ? "/" + s : s.isEmpty() ? "." : s;
  }

  static String normalizePrefix(String v) {
    if (v.isEmpty() || v.equals("/")) {
      return "/";
    }
    return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
  }

  // ---------------------------------------------------------------- expression router

  private void expressionRoutes(
      List<RuleRef> ordered, KService svc, List<String> protocols, List<Unit> units)
      throws GroupException {
    for (RuleRef ref : ordered) {
      HttpRoute r = ref.route();
      String base = "httproute." + r.metadata().namespace() + "." + r.metadata().name();
      List<String> hostnames = r.spec().hostnames().isEmpty() ? List.of("") : r.spec().hostnames();
      List<String> snis = Strs.list(r.metadata().annotation(RouteOverrides.SNIS));
      HttpRoute.Rule rule = ref.rule();
      int i = ref.index();
      boolean prefixRewrite =
          rule.filters().stream()
              .anyMatch(
                  f ->
                      "URLRewrite".equals(f.type())
                          && f.urlRewrite() != null
                          && f.urlRewrite().path() != null
                          && "ReplacePrefixMatch".equals(f.urlRewrite().path().type()));
      for (String host : hostnames) {
        String h = host.isEmpty() ? "_" : host.replace('*', '_');
        List<HttpRoute.Match> matches =
            rule.matches().isEmpty() ? java.util.Collections.singletonList(null) : rule.matches();
        for (int m = 0; m < matches.size(); m++) {
          HttpRoute.Match match = matches.get(m);
          KRoute route =
              newRoute(
                  r,
                  base + "." + h + "." + i + "." + m,
                  protocols,
                  GatewayBackends.namedRule(rule.name()));
          route.stripPath = false;
          String matchOp = match == null ? "" : matchOperand(match, prefixRewrite);
          String expr =
              Atc.and(
                  List.of(host.isEmpty() ? "" : Atc.hosts(List.of(host)), Atc.snis(snis), matchOp));
          route.expression = expr.isEmpty() ? Atc.CATCH_ALL : expr;
          units.add(new Unit(route, basePriority(host, match), r, i, m));
          route.plugins.addAll(filters(r, route, rule, match, true));
          svc.routes.add(route);
        }
      }
    }
  }

  private static String matchOperand(HttpRoute.Match m, boolean prefixRewrite) {
    String pathOp = "";
    HttpRoute.PathMatch p = m.path();
    if (p != null) {
      String v = Strs.nz(p.value());
      String type = p.type() == null ? PREFIX : p.type();
      switch (type) {
        case EXACT -> pathOp = Atc.pred("http.path", "==", v);
        case REGEX -> pathOp = Atc.pred("http.path", "~", v.startsWith("^") ? v : "^" + v);
        default -> {
          String n = normalizePrefix(v);
          if (prefixRewrite) {
            pathOp =
                n.equals("/")
                    ? Atc.or(
                        List.of(
                            Atc.pred("http.path", "==", "/"), Atc.pred("http.path", "~", "^/(.*)")))
                    : Atc.or(
                        List.of(
                            Atc.pred("http.path", "==", n),
                            Atc.pred("http.path", "~", "^" + n + "(/.*)")));
          } else if (n.equals("/")) {
            pathOp = Atc.pred("http.path", "^=", "/");
          } else {
            pathOp =
                Atc.or(
                    List.of(Atc.pred("http.path", "==", n), Atc.pred("http.path", "^=", n + "/")));
          }
        }
      }
    }
    List<GatewayApi.NameValueMatch> hs = new ArrayList<>(m.headers());
    hs.sort(Comparator.comparing(x -> Strs.nz(x.name()), Strs.BYTES));
    String headerOp = Atc.and(hs.stream().map(HttpRoutePart::headerPredicate).toList());
    List<GatewayApi.NameValueMatch> qs = new ArrayList<>(m.queryParams());
    qs.sort(Comparator.comparing(x -> Strs.nz(x.name()), Strs.BYTES));
    String queryOp =
        Atc.and(
            qs.stream()
                .map(
                    q ->
                        Atc.pred(
                            "http.queries." + Strs.nz(q.name()),
                            REGEX.equals(q.type()) ? "~" : "==",
                            Strs.nz(q.value())))
                .toList());
    String method = m.method();
    String methodOp =
        method == null || method.isEmpty() ? "" : Atc.pred("http.method", "==", method);
    return Atc.and(List.of(pathOp, headerOp, queryOp, methodOp));
  }

  static String headerPredicate(GatewayApi.NameValueMatch h) {
    String field = "http.headers." + Strs.nz(h.name()).toLowerCase(Locale.ROOT).replace('-', '_');
    return Atc.pred(field, REGEX.equals(h.type()) ? "~" : "==", Strs.nz(h.value()));
  }

  private static long basePriority(String host, HttpRoute.@Nullable Match m) {
    long p = 2L << 44;
    if (!host.isEmpty() && !host.startsWith("*")) {
      p += 1L << 43;
    }
    p += (long) host.length() << 35;
    if (m == null) {
      return p;
    }
    HttpRoute.PathMatch path = m.path();
    if (path != null) {
      if (EXACT.equals(path.type())) {
        p += 1L << 34;
      } else if (REGEX.equals(path.type())) {
        p += 1L << 33;
      }
      String v = Strs.nz(path.value());
      if (!v.isEmpty()) {
        p += (long) (v.length() - 1) << 23;
      }
    }
    if (!Strs.isEmpty(m.method())) {
      p += 1L << 22;
    }
    p += (long) m.headers().size() << 17;
    p += (long) m.queryParams().size() << 12;
    return p;
  }
}
