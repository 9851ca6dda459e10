package io.github.kongtranslator.translator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectMeta;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.internal.Entities.KRoute;
import io.github.kongtranslator.translator.internal.Entities.KService;
import io.github.kongtranslator.translator.internal.HttpRouteFilters.FilterException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * HTTPRoute → Kong services and routes, traditional or expression router (gateway-api-spec
 * §3, §6.2).
 */
final class HttpRoutePart {
  static final String FAILURE_PREFIX = "HTTPRoute can't be routed: ";

  private final Context ctx;
  private final GatewayCommon common;
  private final boolean expressions;
  private final boolean redirectPlugin;
  /** The Kong services built, by name. */
  final Map<String, KService> services = new LinkedHashMap<>();
  private final List<Unit> units = new ArrayList<>();

  /** A rule with its index. */
  private record RuleRef(int index, HttpRoute.Rule rule) {}

  /** A match with its rule. */
  private record MatchRef(RuleRef rule, int index, HttpRoute.Match match) {}

  /** What makes matches share one traditional Kong route (§3.3). */
  private record MatchKey(@Nullable String method, List<String> headers, List<String> queries) {}

  /** An expression-router unit (hostname × rule × match) and its route once built. */
  private static final class Unit implements GatewayExpressions.Ranked {
    final HttpRoute route;
    final String hostname;
    final RuleRef rule;
    final int matchIndex;
    final HttpRoute.@Nullable Match match;
    final long base;
    @Nullable KRoute kong;

    Unit(HttpRoute route, String hostname, RuleRef rule, int matchIndex,
        HttpRoute.@Nullable Match match) {
      this.route = route;
      this.hostname = hostname;
      this.rule = rule;
      this.matchIndex = matchIndex;
      this.match = match;
      this.base = GatewayExpressions.httpBasePriority(hostname, match);
    }

    @Override
    public long base() {
      return base;
    }

    @Override
    public String creationTimestamp() {
      return route.metadata().creationTimestamp();
    }

    @Override
    public String namespace() {
      return route.metadata().namespace();
    }

    @Override
    public String name() {
      return route.metadata().name();
    }

    @Override
    public int rule() {
      return rule.index();
    }

    @Override
    public int match() {
      return matchIndex;
    }

    @Override
    public void priority(long value) {
      if (kong != null) {
        kong.priority = value;
      }
    }
  }

  HttpRoutePart(Context ctx, GatewayCommon common) {
    this.ctx = ctx;
    this.common = common;
    this.expressions = ctx.flag(FeatureFlag.EXPRESSION_ROUTES);
    this.redirectPlugin = ctx.flag(FeatureFlag.SUPPORT_REDIRECT_PLUGIN);
  }

  Map<String, KService> run() {
    for (HttpRoute hr : ctx.sorted(Kind.HTTP_ROUTE, HttpRoute.class)) {
      ctx.guard(hr, () -> translate(hr));
    }
    if (expressions) {
      GatewayExpressions.assignPriorities(units, 4095);
    }
    return services;
  }

  private void translate(HttpRoute hr) {
    List<HttpRoute.Rule> rules = hr.spec().rules();
    if (rules.isEmpty()) {
      ctx.fail(FAILURE_PREFIX + "no rules provided", hr);
      return;
    }
    if (!expressions && rules.stream().flatMap(r -> r.matches().stream())
        .anyMatch(m -> !m.queryParams().isEmpty())) {
      ctx.fail(FAILURE_PREFIX + "query param matches are supported only with the expression"
          + " router", hr);
      return;
    }
    List<List<RuleRef>> groups = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      RuleRef rr = new RuleRef(i, rules.get(i));
      List<RuleRef> group = groups.stream().filter(g -> GatewayCommon.sameMultiset(
          g.get(0).rule().backendRefs(), rr.rule().backendRefs())).findFirst().orElse(null);
      if (group == null) {
        group = new ArrayList<>();
        groups.add(group);
      }
      group.add(rr);
    }
    Map<Integer, List<Unit>> unitsByRule = new LinkedHashMap<>();
    if (expressions) {
      List<String> hosts = hr.spec().hostnames().isEmpty() ? List.of("") : hr.spec().hostnames();
      for (String host : hosts) {
        for (int i = 0; i < rules.size(); i++) {
          RuleRef rr = new RuleRef(i, rules.get(i));
          List<Unit> list = unitsByRule.computeIfAbsent(i, k -> new ArrayList<>());
          if (rr.rule().matches().isEmpty()) {
            list.add(new Unit(hr, host, rr, 0, null));
          }
          for (int m = 0; m < rr.rule().matches().size(); m++) {
            list.add(new Unit(hr, host, rr, m, rr.rule().matches().get(m)));
          }
        }
      }
      unitsByRule.values().forEach(units::addAll);
    }
    List<String> protocols = common.httpProtocols(hr, hr.spec().parentRefs());
    Map<String, KService> built = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (List<RuleRef> group : groups) {
      try {
        KService svc = group(hr, group, protocols, unitsByRule);
        built.put(svc.name, svc);
      } catch (FilterException e) {
        errors.add(e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      ctx.fail(FAILURE_PREFIX + String.join(", ", errors), hr);
    }
    services.putAll(built);
  }

  private String prefix(HttpRoute hr) {
    return "httproute." + hr.metadata().namespace() + "." + hr.metadata().name() + ".";
  }

  private KService group(HttpRoute hr, List<RuleRef> group, @Nullable List<String> protocols,
      Map<Integer, List<Unit>> unitsByRule) throws FilterException {
    RuleRef first = group.get(0);
    KService svc = GatewayCommon.service(hr, prefix(hr) + first.index(), "http");
    List<GatewayApi.BackendRef> refs = first.rule().backendRefs();
    svc.backends.addAll(common.backends(hr, refs));
    if (!refs.isEmpty() && svc.backends.isEmpty()) {
      svc.plugins.add(GatewayCommon.noBackendPlugin());
    }
    String key = hr.metadata().namespace() + "/" + hr.metadata().name() + ".";
    List<RuleRef> ordered = new ArrayList<>(group);
    ordered.sort(Comparator.comparing((RuleRef r) -> key + r.index(), Strs.BYTES));
    for (RuleRef r : ordered) {
      Long ms = backendRequestTimeout(r.rule());
      if (ms != null && ms != 60000L) {
        int v = (int) Math.min(Integer.MAX_VALUE, ms);
        svc.connectTimeout = v;
        svc.readTimeout = v;
        svc.writeTimeout = v;
      }
    }
    if (expressions) {
      for (RuleRef r : ordered) {
        for (Unit u : unitsByRule.getOrDefault(r.index(), List.of())) {
          svc.routes.add(expressionRoute(hr, u, protocols));
        }
      }
      return svc;
    }
    List<List<RuleRef>> filterGroups = new ArrayList<>();
    for (RuleRef r : ordered) {
      List<RuleRef> fg = filterGroups.stream().filter(g -> GatewayCommon.sameMultiset(
          g.get(0).rule().filters(), r.rule().filters())).findFirst().orElse(null);
      if (fg == null) {
        fg = new ArrayList<>();
        filterGroups.add(fg);
      }
      fg.add(r);
    }
    for (List<RuleRef> fg : filterGroups) {
      Map<MatchKey, List<MatchRef>> buckets = new LinkedHashMap<>();
      for (RuleRef r : fg) {
        if (r.rule().matches().isEmpty()) {
          svc.routes.add(noMatchRoute(hr, r, protocols));
          continue;
        }
        for (int m = 0; m < r.rule().matches().size(); m++) {
          HttpRoute.Match match = r.rule().matches().get(m);
          buckets.computeIfAbsent(matchKey(match), k -> new ArrayList<>())
              .add(new MatchRef(r, m, match));
        }
      }
      for (List<MatchRef> bucket : buckets.values()) {
        boolean redirect = bucket.get(0).rule().rule().filters().stream()
            .anyMatch(f -> HttpRouteFilters.REQUEST_REDIRECT.equals(f.type()));
        if (redirect) {
          for (int i = 1; i <= bucket.size(); i++) {
            svc.routes.add(traditionalRoute(hr, bucket.subList(0, i), protocols, true));
          }
        } else {
          svc.routes.add(traditionalRoute(hr, bucket, protocols, false));
        }
      }
    }
    return svc;
  }

  private static @Nullable Long backendRequestTimeout(HttpRoute.Rule rule) {
    if (rule.timeouts() == null) {
      return null;
    }
    JsonNode v = rule.timeouts().toNode().get("backendRequest");
    return v == null || !v.isTextual() ? null : GatewayCommon.durationMillis(v.asText());
  }

  static MatchKey matchKey(HttpRoute.Match m) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (GatewayApi.NameValueMatch h : m.headers()) {
      String name = Strs.nz(h.name()).toLowerCase(Locale.ROOT);
      headers.putIfAbsent(name, name + "\0" + Strs.nz(h.type()) + "\0" + Strs.nz(h.value()));
    }
    List<String> hs = new ArrayList<>(headers.values());
    hs.sort(Strs.BYTES);
    Map<String, String> queries = new LinkedHashMap<>();
    for (GatewayApi.NameValueMatch q : m.queryParams()) {
      String name = Strs.nz(q.name());
      queries.putIfAbsent(name, name + "\0" + Strs.nz(q.type()) + "\0" + Strs.nz(q.value()));
    }
    return new MatchKey(m.method(), hs, new ArrayList<>(queries.values()));
  }

  /** Kong paths of a match's path (§3.4). */
  static List<String> kongPaths(HttpRoute.@Nullable PathMatch p) {
    if (p == null) {
      return List.of();
    }
    String v = Strs.nz(p.value());
    String type = p.type() == null ? GatewayExpressions.PATH_PREFIX : p.type();
    return switch (type) {
      case GatewayExpressions.EXACT -> List.of("~" + v + "$");
      case GatewayExpressions.REGULAR_EXPRESSION -> List.of("~" + v);
      default -> List.of("~" + v + "$", v.endsWith("/") ? v : v + "/");
    };
  }

  /** Kong route headers of a match (§3.4); duplicate names or unknown types are errors. */
  static @Nullable Map<String, List<String>> kongHeaders(HttpRoute.Match m)
      throws FilterException {
    if (m.headers().isEmpty()) {
      return null;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (GatewayApi.NameValueMatch h : m.headers()) {
      String name = Strs.nz(h.name());
      if (out.containsKey(name)) {
        throw new FilterException("duplicate header match " + name);
      }
      String type = h.type() == null ? GatewayExpressions.EXACT : h.type();
      switch (type) {
        case GatewayExpressions.EXACT -> out.put(name, List.of(Strs.nz(h.value())));
        case GatewayExpressions.REGULAR_EXPRESSION ->
            out.put(name, List.of("~*" + Strs.nz(h.value())));
        default -> throw new FilterException("unsupported header match type " + type);
      }
    }
    return out;
  }

  private KRoute traditionalRoute(HttpRoute hr, List<MatchRef> ms,
      @Nullable List<String> protocols, boolean pluginsPerMatch) throws FilterException {
    MatchRef first = ms.get(0);
    List<GatewayApi.Filter> filters = first.rule().rule().filters();
    List<ObjectNode> plugins = new ArrayList<>();
    List<String> kongPlugins = new ArrayList<>();
    List<String> rewritten = null;
    for (MatchRef m : pluginsPerMatch ? ms : ms.subList(0, 1)) {
      HttpRouteFilters.Result fr = HttpRouteFilters.translate(filters, matchPath(m.match()),
          true, redirectPlugin);
      plugins.addAll(fr.plugins());
      kongPlugins.addAll(fr.kongPlugins());
      if (fr.paths() != null) {
        rewritten = fr.paths();
      }
    }
    KRoute r = new KRoute(withPlugins(hr, kongPlugins));
    r.name = prefix(hr) + first.rule().index() + "." + first.index();
    if (!hr.spec().hostnames().isEmpty()) {
      r.hosts = new ArrayList<>(hr.spec().hostnames());
    }
    List<String> paths = new ArrayList<>();
    Set<String> methods = new LinkedHashSet<>();
    for (MatchRef m : ms) {
      paths.addAll(kongPaths(m.match().path()));
      if (!Strs.isEmpty(m.match().method())) {
        methods.add(m.match().method());
      }
    }
    if (rewritten != null) {
      paths = new ArrayList<>(rewritten);
    }
    r.paths = paths.isEmpty() ? null : paths;
    r.methods = methods.isEmpty() ? null : new ArrayList<>(methods);
    r.headers = kongHeaders(first.match());
    r.protocols = protocols == null ? null : new ArrayList<>(protocols);
    r.preserveHost = true;
    r.stripPath = false;
    List<@Nullable String> names = new ArrayList<>();
    ms.forEach(m -> names.add(m.rule().rule().name()));
    r.tags = GatewayCommon.routeTags(hr, names);
    addPlugins(r, plugins);
    return r;
  }

  private static String matchPath(HttpRoute.@Nullable Match m) {
    return m == null || m.path() == null ? "" : Strs.nz(m.path().value());
  }

  private static void addPlugins(KRoute r, List<ObjectNode> plugins) {
    for (ObjectNode p : plugins) {
      ArrayNode tags = p.putArray("tags");
      r.tags.forEach(tags::add);
      r.plugins.add(p);
    }
  }

  private KRoute noMatchRoute(HttpRoute hr, RuleRef rule, @Nullable List<String> protocols) {
    KRoute r = new KRoute(hr);
    r.name = prefix(hr) + rule.index() + ".0";
    if (!hr.spec().hostnames().isEmpty()) {
      r.hosts = new ArrayList<>(hr.spec().hostnames());
    }
    r.protocols = protocols == null ? null : new ArrayList<>(protocols);
    r.preserveHost = true;
    r.tags = GatewayCommon.routeTags(hr, List.of());
    return r;
  }

  private KRoute expressionRoute(HttpRoute hr, Unit u, @Nullable List<String> protocols)
      throws FilterException {
    List<GatewayApi.Filter> filters = u.rule.rule().filters();
    HttpRouteFilters.Result fr = HttpRouteFilters.translate(filters, matchPath(u.match), false,
        redirectPlugin);
    KRoute r = new KRoute(withPlugins(hr, fr.kongPlugins()));
    String host = u.hostname.isEmpty() ? "_" : u.hostname.replace('*', '_');
    r.name = prefix(hr) + host + "." + u.rule.index() + "." + u.matchIndex;
    r.preserveHost = true;
    r.stripPath = false;
    r.protocols = protocols == null ? null : new ArrayList<>(protocols);
    List<@Nullable String> names = new ArrayList<>();
    names.add(u.rule.rule().name());
    r.tags = GatewayCommon.routeTags(hr, names);
    boolean prefixRewrite = filters.stream().anyMatch(f ->
        HttpRouteFilters.URL_REWRITE.equals(f.type()) && f.urlRewrite() != null
            && f.urlRewrite().path() != null
            && HttpRouteFilters.REPLACE_PREFIX_MATCH.equals(f.urlRewrite().path().type()));
    List<String> ops = new ArrayList<>();
    ops.add(u.hostname.isEmpty() ? "" : Atc.hosts(List.of(u.hostname)));
    ops.add(Atc.snis(Strs.list(hr.metadata().annotation(RouteOverrides.SNIS))));
    ops.add(GatewayExpressions.httpMatch(u.match, prefixRewrite));
    String expr = Atc.and(ops);
    r.expression = expr.isEmpty() ? Atc.CATCH_ALL : expr;
    r.priority = u.base;
    u.kong = r;
    addPlugins(r, fr.plugins());
    return r;
  }

  /**
   * The HTTPRoute as seen by plugin binding: ExtensionRef KongPlugin names appended to its
   * {@code konghq.com/plugins} annotation (§3.6).
   */
  static K8sObject withPlugins(HttpRoute hr, List<String> names) {
    if (names.isEmpty()) {
      return hr;
    }
    Map<String, String> ann = new LinkedHashMap<>(hr.metadata().annotations());
    String existing = ann.get(PluginPart.PLUGINS_ANNOTATION);
    String joined = String.join(",", names);
    ann.put(PluginPart.PLUGINS_ANNOTATION, existing == null ? joined : existing + "," + joined);
    ObjectMeta m = hr.metadata();
    ObjectMeta copy = new ObjectMeta(m.name(), m.namespace(), m.uid(), m.resourceVersion(),
        m.generation(), m.labels(), ann, m.creationTimestamp());
    return new HttpRoute(hr.apiVersion(), copy, hr.spec());
  }
}
