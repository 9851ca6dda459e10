package io.github.kongtranslator.router;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.kongmodel.atc.Atc;
import io.github.kongtranslator.kongmodel.atc.AtcException;
import io.github.kongtranslator.kongmodel.atc.AtcParser;
import io.github.kongtranslator.kongmodel.atc.AtcSchema;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.Plugin;
import io.github.kongtranslator.kongmodel.config.Route;
import io.github.kongtranslator.kongmodel.config.Service;
import io.github.kongtranslator.kongmodel.config.Target;
import io.github.kongtranslator.kongmodel.config.Upstream;
import io.github.kongtranslator.router.internal.AtcInterpreter;
import io.github.kongtranslator.router.internal.Paths;
import io.github.kongtranslator.router.internal.RequestContext;
import io.github.kongtranslator.router.internal.Transform;
import io.github.kongtranslator.router.internal.Uuids;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Kong 3.9's router, offline: built once from a declarative configuration, it tells for any request
 * which route Kong would choose, the service, upstream targets and plugins behind it, the path the
 * upstream receives, and which other routes lost.
 *
 * <p>How it follows Kong ({@code Kong/kong} tag 3.9.1):
 *
 * <ul>
 *   <li>Routes reach the HTTP router when one of their protocols belongs to the http subsystem, the
 *       stream router when one belongs to the stream subsystem; routes of a service with {@code
 *       enabled: false} are left out ({@code kong/runloop/handler.lua} {@code build_router}).
 *   <li>Each route becomes one ATC matcher: its {@code expression} or one generated from its
 *       fields, with a 64-bit priority ({@code kong/router/transform.lua}); a traditional route
 *       whose paths mix regexes and prefix lengths becomes one matcher per group ({@code
 *       split_routes_and_services_by_path}). The expressions flavour adds the route's protocols
 *       ({@code kong/router/expressions.lua}).
 *   <li>Matchers run by descending priority, then descending route id; the first that matches wins
 *       (atc-router {@code src/router.rs}). A route without id gets the id Kong's declarative
 *       loader derives from its name.
 * </ul>
 *
 * <p>Thread-safe and immutable once built; routing never throws.
 */
public final class KongRouter {
  private final RouterFlavor flavor;
  private final ImmutableList<Matcher> http;
  private final ImmutableList<Matcher> stream;
  private final ImmutableMap<String, Upstream> upstreams;
  private final ImmutableMap<String, ImmutableList<WeightedTarget>> targets;
  private final ImmutableList<ScopedPlugin> plugins;
  private final Map<String, List<ScopedPlugin>> pluginsByRoute = new HashMap<>();
  private final Map<String, List<ScopedPlugin>> pluginsByService = new HashMap<>();
  private final List<ScopedPlugin> globalPlugins = new ArrayList<>();
  private final HostIndex httpIndex;

  private record Matcher(
      Route route,
      String name,
      String routeId,
      String id,
      @Nullable Service service,
      long priority,
      String expression,
      Atc.Expr expr) {}

  private record ScopedPlugin(
      Plugin plugin, @Nullable String routeId, @Nullable String serviceKey) {}

  private KongRouter(
      RouterFlavor flavor,
      List<Matcher> http,
      List<Matcher> stream,
      Map<String, Upstream> upstreams,
      Map<String, ImmutableList<WeightedTarget>> targets,
      List<ScopedPlugin> plugins) {
    this.flavor = flavor;
    this.http = ImmutableList.copyOf(http);
    this.stream = ImmutableList.copyOf(stream);
    this.upstreams = ImmutableMap.copyOf(upstreams);
    this.targets = ImmutableMap.copyOf(targets);
    this.plugins = ImmutableList.copyOf(plugins);
    this.httpIndex = HostIndex.of(this.http);
    for (ScopedPlugin sp : this.plugins) {
      if (sp.routeId() != null) {
        pluginsByRoute.computeIfAbsent(sp.routeId(), k -> new ArrayList<>()).add(sp);
      } else if (sp.serviceKey() != null) {
        pluginsByService.computeIfAbsent(sp.serviceKey(), k -> new ArrayList<>()).add(sp);
      } else {
        globalPlugins.add(sp);
      }
    }
  }

  /**
   * Which HTTP matchers can match a given host: a matcher whose expression requires {@code
   * http.host == literal} (at the top of an {@code &&} chain, or on every side of an {@code ||}) is
   * listed under those hosts, every other matcher under all hosts. A pure speed-up: a matcher left
   * out of a host's list cannot match that host, and lists keep the priority order.
   */
  @SuppressWarnings("ArrayRecordComponent") // private index, never compared or exposed
  private record HostIndex(Map<String, int[]> byHost, int[] anyHost) {
    static HostIndex of(List<Matcher> matchers) {
      Map<String, List<Integer>> by = new HashMap<>();
      List<Integer> any = new ArrayList<>();
      for (int i = 0; i < matchers.size(); i++) {
        java.util.Set<String> hosts = requiredHosts(matchers.get(i).expr());
        if (hosts == null) {
          any.add(i);
        } else {
          for (String h : hosts) {
            by.computeIfAbsent(h, k -> new ArrayList<>()).add(i);
          }
        }
      }
      Map<String, int[]> frozen = new HashMap<>();
      by.forEach((k, v) -> frozen.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
      return new HostIndex(frozen, any.stream().mapToInt(Integer::intValue).toArray());
    }

    // null when the expression does not pin http.host to a set of literals
    private static java.util.@Nullable Set<String> requiredHosts(Atc.Expr e) {
      if (e instanceof Atc.And a) {
        java.util.Set<String> l = requiredHosts(a.l());
        return l != null ? l : requiredHosts(a.r());
      }
      if (e instanceof Atc.Or o) {
        java.util.Set<String> l = requiredHosts(o.l());
        java.util.Set<String> r = l == null ? null : requiredHosts(o.r());
        if (l == null || r == null) {
          return null;
        }
        java.util.Set<String> u = new java.util.HashSet<>(l);
        u.addAll(r);
        return u;
      }
      if (e instanceof Atc.Pred p
          && p.field().equals("http.host")
          && !p.lower()
          && p.op() == Atc.Op.EQUALS
          && p.rhs() instanceof Atc.Str str) {
        return java.util.Set.of(str.value());
      }
      return null;
    }

    /** The matcher indexes to try for a host, in priority order. */
    int[] candidates(@Nullable String host) {
      int[] by = host == null ? null : byHost.get(host);
      if (by == null) {
        return anyHost;
      }
      int[] out = new int[by.length + anyHost.length];
      int i = 0;
      int j = 0;
      int k = 0;
      while (i < by.length || j < anyHost.length) {
        out[k++] =
            j >= anyHost.length || (i < by.length && by[i] < anyHost[j]) ? by[i++] : anyHost[j++];
      }
      return out;
    }
  }

  /**
   * Builds the router of a configuration.
   *
   * @param config the declarative configuration (services with nested routes and plugins, top-level
   *     routes, upstreams with targets, plugins)
   * @param flavor the router flavour
   * @return the router
   * @throws RouterConfigException when Kong's router would reject a route: an expression or a regex
   *     that does not parse or type-check (the exception names the route)
   */
  public static KongRouter build(KongConfig config, RouterFlavor flavor) {
    List<Matcher> http = new ArrayList<>();
    List<Matcher> stream = new ArrayList<>();
    List<ScopedPlugin> plugins = new ArrayList<>();
    Map<String, Service> servicesByKey = new HashMap<>();
    for (Service s : config.services()) {
      s.name().ifPresent(n -> servicesByKey.put(n, s));
      s.id().ifPresent(n -> servicesByKey.put(n, s));
    }
    int[] index = {0};
    for (Service s : config.services()) {
      String serviceKey = serviceKey(s);
      for (Plugin p : s.plugins()) {
        plugins.add(new ScopedPlugin(p, null, serviceKey));
      }
      for (Route r : s.routes()) {
        String rid = routeId(r, index[0]++);
        addRoute(r, rid, s, flavor, http, stream);
        for (Plugin p : r.plugins()) {
          plugins.add(new ScopedPlugin(p, rid, null));
        }
      }
    }
    Map<String, String> routeIds = new HashMap<>();
    for (Route r : config.routes()) {
      Service s = r.service().map(servicesByKey::get).orElse(null);
      String rid = routeId(r, index[0]++);
      addRoute(r, rid, s, flavor, http, stream);
      for (Plugin p : r.plugins()) {
        plugins.add(new ScopedPlugin(p, rid, null));
      }
    }
    for (Matcher m : http) {
      m.route().name().ifPresent(n -> routeIds.put(n, m.routeId()));
      routeIds.put(m.routeId(), m.routeId());
    }
    for (Matcher m : stream) {
      m.route().name().ifPresent(n -> routeIds.put(n, m.routeId()));
      routeIds.put(m.routeId(), m.routeId());
    }
    for (Plugin p : config.plugins()) {
      if (p.consumer().isPresent() || p.consumerGroup().isPresent()) {
        continue; // consumer-dependent: not what runs for any consumer
      }
      String rid = p.route().map(x -> routeIds.getOrDefault(x, x)).orElse(null);
      String sk =
          p.service()
              .map(
                  x -> {
                    Service s = servicesByKey.get(x);
                    return s == null ? x : serviceKey(s);
                  })
              .orElse(null);
      plugins.add(new ScopedPlugin(p, rid, sk));
    }
    Comparator<Matcher> order =
        (a, b) -> {
          int c = Long.compareUnsigned(b.priority(), a.priority());
          return c != 0 ? c : b.id().compareTo(a.id());
        };
    http.sort(order);
    stream.sort(order);
    Map<String, Upstream> ups = new HashMap<>();
    Map<String, List<WeightedTarget>> tgs = new TreeMap<>();
    Map<String, String> upstreamKey = new HashMap<>();
    for (Upstream u : config.upstreams()) {
      String name = u.name().orElse("");
      ups.put(name, u);
      upstreamKey.put(name, name);
      u.id().ifPresent(id -> upstreamKey.put(id, name));
      for (Target t : u.targets()) {
        addTarget(tgs, name, t);
      }
    }
    for (Target t : config.targets()) {
      String key = t.upstream().map(upstreamKey::get).orElse(null);
      if (key != null) {
        addTarget(tgs, key, t);
      }
    }
    Map<String, ImmutableList<WeightedTarget>> frozen = new HashMap<>();
    tgs.forEach((k, v) -> frozen.put(k, ImmutableList.copyOf(v)));
    return new KongRouter(flavor, http, stream, ups, frozen, plugins);
  }

  private static void addTarget(Map<String, List<WeightedTarget>> tgs, String upstream, Target t) {
    if (t.target().isEmpty()) {
      return;
    }
    // kong/db/schema/entities/targets.lua: weight defaults to 100
    int w = t.weight().isPresent() ? t.weight().getAsInt() : 100;
    tgs.computeIfAbsent(upstream, k -> new ArrayList<>())
        .add(new WeightedTarget(t.target().get(), w));
  }

  private static String serviceKey(Service s) {
    return s.id().orElse(s.name().orElse("service@" + System.identityHashCode(s)));
  }

  private static final UUID ROUTES_NS = Uuids.v5(Uuids.ENTITIES, "routes");

  // declarative_config.lua generate_ids: a route without id gets v5(v5(entities, "routes"), name)
  private static String routeId(Route r, int index) {
    if (r.id().isPresent()) {
      return r.id().get().toLowerCase(Locale.ROOT);
    }
    if (r.name().isPresent()) {
      return Uuids.v5(ROUTES_NS, r.name().get()).toString();
    }
    // Kong gives such a route a random id; a stable stand-in keeps our answers deterministic
    return Uuids.v5(ROUTES_NS, "#unnamed-" + index).toString();
  }

  private static void addRoute(
      Route r,
      String rid,
      @Nullable Service s,
      RouterFlavor flavor,
      List<Matcher> http,
      List<Matcher> stream) {
    if (s != null && s.enabled().isPresent() && !s.enabled().get()) {
      return; // handler.lua: routes of a disabled service are not put in the router
    }
    List<String> protocols = Transform.protocols(r);
    boolean toHttp = protocols.stream().anyMatch(Transform.HTTP_PROTOCOLS::contains);
    boolean toStream = protocols.stream().anyMatch(Transform.STREAM_PROTOCOLS::contains);
    String name = r.name().orElse(rid);
    if (toHttp) {
      List<List<String>> groups = Transform.pathGroups(r);
      for (int g = 0; g < groups.size(); g++) {
        String id =
            groups.size() == 1 ? rid : Uuids.v5(Uuids.SPLIT, rid + "#" + (g + 1)).toString();
        http.add(matcher(r, name, rid, id, s, flavor, groups.get(g), true));
      }
    }
    if (toStream) {
      stream.add(matcher(r, name, rid, rid, s, flavor, r.paths(), false));
    }
  }

  private static Matcher matcher(
      Route r,
      String name,
      String rid,
      String id,
      @Nullable Service s,
      RouterFlavor flavor,
      List<String> paths,
      boolean httpSchema) {
    String exp = Transform.expression(r, paths);
    if (flavor == RouterFlavor.EXPRESSIONS) {
      exp = Transform.expressionsFlavour(r, exp);
    }
    long priority = Transform.priority(r, paths);
    try {
      return new Matcher(
          r,
          name,
          rid,
          id,
          s,
          priority,
          exp,
          AtcParser.parse(exp, httpSchema ? AtcSchema.HTTP : AtcSchema.STREAM));
    } catch (AtcException e) {
      throw new RouterConfigException(
          name,
          e.getMessage() + (exp.isEmpty() ? " (the route has no matching fields)" : " in: " + exp));
    }
  }

  /**
   * The flavour this router follows.
   *
   * @return the flavour
   */
  public RouterFlavor flavor() {
    return flavor;
  }

  /**
   * The number of ATC matchers (routes, counting each path group of a split route once).
   *
   * @return the count over both subsystems
   */
  public int size() {
    return http.size() + stream.size();
  }

  /**
   * Routes a request: the first matcher, by priority, that matches.
   *
   * @param request the request
   * @return the result; {@link RouteMatch#outranked()} is empty (see {@link #explain})
   */
  public RouteResult route(RouteRequest request) {
    return run(request, false);
  }

  /**
   * Routes a request like {@link #route}, and also lists every other route that matches and lost,
   * best first (it runs every matcher, so it costs more).
   *
   * @param request the request
   * @return the result
   */
  public RouteResult explain(RouteRequest request) {
    return run(request, true);
  }

  private RouteResult run(RouteRequest request, boolean explain) {
    List<Matcher> matchers = request.isStream() ? stream : http;
    RequestContext ctx = new RequestContext(request);
    int[] order;
    if (request.isStream()) {
      order = java.util.stream.IntStream.range(0, matchers.size()).toArray();
    } else {
      List<Object> host = ctx.values("http.host");
      order = httpIndex.candidates(host == null ? null : (String) host.get(0));
    }
    Matcher winner = null;
    AtcInterpreter.MatchState winnerState = null;
    List<Candidate> others = new ArrayList<>();
    for (int index : order) {
      Matcher m = matchers.get(index);
      if (winner != null && m.routeId().equals(winner.routeId())) {
        continue;
      }
      AtcInterpreter.MatchState st = new AtcInterpreter.MatchState();
      if (!AtcInterpreter.eval(m.expr(), ctx, st)) {
        continue;
      }
      if (winner == null) {
        winner = m;
        winnerState = st;
        if (!explain) {
          break;
        }
      } else if (others.stream().noneMatch(c -> c.route().equals(m.name()))) {
        others.add(
            new Candidate(
                m.name(),
                m.priority(),
                m.priority() == winner.priority()
                    ? "same priority, smaller route id (" + m.id() + " < " + winner.id() + ")"
                    : "lower priority (" + Transform.describe(m.priority()) + ")"));
      }
    }
    if (winner == null || winnerState == null) { // set together
      return new RouteResult(flavor, request, null);
    }
    return new RouteResult(flavor, request, toMatch(request, ctx, winner, winnerState, others));
  }

  private RouteMatch toMatch(
      RouteRequest request,
      RequestContext ctx,
      Matcher m,
      AtcInterpreter.MatchState st,
      List<Candidate> others) {
    Service s = m.service();
    Upstream up = null;
    ImmutableList<WeightedTarget> tg = ImmutableList.of();
    String upstreamPath = null;
    if (s != null) {
      ServiceUrl url = ServiceUrl.of(s);
      up = upstreams.get(url.host());
      if (up != null) {
        tg = targets.getOrDefault(url.host(), ImmutableList.of());
      }
      if (!request.isStream()) {
        boolean strip = m.route().stripPath().orElse(true);
        String matched = strip ? st.matches.get("http.path") : null;
        String p = Paths.escape(Paths.upstreamUri(ctx.path(), matched, strip, url.path()));
        int q = request.uri().indexOf('?');
        upstreamPath = q >= 0 ? p + request.uri().substring(q) : p;
      }
    }
    List<String> notes = new ArrayList<>();
    List<String> protocols = Transform.protocols(m.route());
    String scheme = request.scheme();
    boolean secure = scheme.equals("https") || scheme.equals("grpcs");
    // handler.lua: an https-only route answers a plain request with 426 or a redirect
    if (!request.isStream()
        && protocols.contains("https")
        && !protocols.contains("http")
        && !secure) {
      int code = m.route().httpsRedirectStatusCode().orElse(426);
      notes.add(
          code == 426
              ? "Kong answers 426 Please use HTTPS protocol"
              : "Kong redirects to https with status " + code);
    }
    boolean grpcRoute = protocols.contains("grpc") || protocols.contains("grpcs");
    if (!request.isStream() && grpcRoute && !scheme.startsWith("grpc")) {
      notes.add("Kong answers 415 Non-gRPC request matched gRPC route");
    }
    return new RouteMatch(
        m.route(),
        m.name(),
        m.priority(),
        m.expression(),
        s,
        up,
        tg,
        plugins(m, s, request.isStream()),
        upstreamPath,
        ImmutableMap.copyOf(st.captures),
        ImmutableList.copyOf(others),
        ImmutableList.copyOf(notes));
  }

  // plugins_iterator.lua lookup_cfg without consumer: route+service, route, service, global;
  // should_process_plugin: enabled and one of its protocols in the request's subsystem
  private ImmutableList<Plugin> plugins(Matcher m, @Nullable Service s, boolean stream) {
    String sk = s == null ? null : serviceKey(s);
    Map<String, Plugin> best = new TreeMap<>();
    Map<String, Integer> rank = new HashMap<>();
    List<ScopedPlugin> scoped =
        new ArrayList<>(pluginsByRoute.getOrDefault(m.routeId(), List.of()));
    if (sk != null) {
      scoped.addAll(pluginsByService.getOrDefault(sk, List.of()));
    }
    scoped.addAll(globalPlugins);
    for (ScopedPlugin sp : scoped) {
      Plugin p = sp.plugin();
      if (p.name().isEmpty() || !p.enabled().orElse(true)) {
        continue;
      }
      if (!p.protocols().isEmpty()
          && p.protocols().stream()
              .noneMatch(
                  stream
                      ? Transform.STREAM_PROTOCOLS::contains
                      : Transform.HTTP_PROTOCOLS::contains)) {
        continue;
      }
      boolean routeOk = sp.routeId() == null || sp.routeId().equals(m.routeId());
      boolean serviceOk = sp.serviceKey() == null || sp.serviceKey().equals(sk);
      if (!routeOk || !serviceOk) {
        continue;
      }
      int r =
          sp.routeId() != null && sp.serviceKey() != null
              ? 4
              : sp.routeId() != null ? 3 : sp.serviceKey() != null ? 2 : 1;
      String name = p.name().get();
      if (rank.getOrDefault(name, 0) < r) {
        rank.put(name, r);
        best.put(name, p);
      }
    }
    return ImmutableList.copyOf(best.values());
  }

  /** The parts of a service's address, from host/port/path/protocol or its url. */
  private record ServiceUrl(String host, String path) {
    static ServiceUrl of(Service s) {
      String host = s.host().orElse("");
      String path = s.path().orElse(null);
      if (host.isEmpty() && s.url().isPresent()) {
        try {
          URI u = new URI(s.url().get());
          host = u.getHost() == null ? "" : u.getHost();
          if (path == null && u.getRawPath() != null && !u.getRawPath().isEmpty()) {
            path = u.getRawPath();
          }
        } catch (java.net.URISyntaxException e) {
          host = "";
        }
      }
      return new ServiceUrl(host, path == null ? "/" : path);
    }
  }
}
