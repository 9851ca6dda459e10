package io.github.kongtranslator.bench;

import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.Route;
import io.github.kongtranslator.kongmodel.config.Service;
import io.github.kongtranslator.router.KongRouter;
import io.github.kongtranslator.router.RouteRequest;
import io.github.kongtranslator.router.RouterFlavor;
import io.github.kongtranslator.testkit.cluster.SyntheticCluster;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The offline router at scale: routing 10,000 requests over a configuration of about 10,000
 * routes, building the router from that configuration, and, for comparison in the same run,
 * translating the cluster the configuration comes from.
 *
 * <p>The cluster is {@code SyntheticCluster.generate(size, 42)} translated with ExpressionRoutes
 * off (traditional_compatible router) or on (expressions router); {@code size} is chosen so that
 * the configuration holds about 10,000 routes (the setup prints the count). The requests go to
 * the routes' own hosts and paths (each traditional route's first host and first plain path,
 * plus "x"), so nearly all match, in route order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Xms2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public class RouterBenchmarks {
  @Param({"40000"})
  public int size;

  @Param({"traditional_compatible", "expressions"})
  public String flavor;

  private Translator translator;
  private CacheStores snapshot;
  private KongConfig config;
  private RouterFlavor routerFlavor;
  private KongRouter router;
  private final List<RouteRequest> requests = new ArrayList<>();

  /** Generates the cluster, translates it, builds the router and 10,000 requests. */
  @Setup(Level.Trial)
  public void setUp() {
    routerFlavor = RouterFlavor.byWireName(flavor).orElseThrow();
    translator = Translator.create(TranslatorOptions.builder()
        .flag(FeatureFlag.EXPRESSION_ROUTES, routerFlavor == RouterFlavor.EXPRESSIONS).build());
    snapshot = CacheStores.of(SyntheticCluster.generate(size, 42).objects());
    config = translator.translate(snapshot).config();
    router = KongRouter.build(config, routerFlavor);
    // requests from the traditional form of the routes (expression routes carry no hosts/paths)
    KongConfig traditional = routerFlavor == RouterFlavor.EXPRESSIONS
        ? Translator.create(TranslatorOptions.defaults()).translate(snapshot).config() : config;
    List<RouteRequest> perRoute = new ArrayList<>();
    int routes = 0;
    for (Service s : traditional.services()) {
      for (Route r : s.routes()) {
        routes++;
        String host = r.hosts().isEmpty() || r.hosts().get(0).contains("*")
            ? "example.com" : r.hosts().get(0);
        String path = r.paths().stream().filter(p -> !p.startsWith("~")).findFirst().orElse("/");
        perRoute.add(RouteRequest.fromUrl("http://" + host + path + "x").build());
      }
    }
    for (int i = 0; requests.size() < 10_000; i++) {
      requests.add(perRoute.get(i % perRoute.size()));
    }
    int matched = 0;
    for (RouteRequest q : requests) {
      matched += router.route(q).matched() ? 1 : 0;
    }
    System.out.println("[router bench] size " + size + ", " + flavor + ": " + routes
        + " routes, " + router.size() + " matchers, " + matched + " of 10000 requests matched");
  }

  /** Route 10,000 requests (one operation = all of them). */
  @Benchmark
  public void route10kRequests(Blackhole bh) {
    for (RouteRequest q : requests) {
      bh.consume(router.route(q));
    }
  }

  /** Build the router from the translated configuration. */
  @Benchmark
  public Object buildRouter() {
    return KongRouter.build(config, routerFlavor);
  }

  /** Translate the cluster the configuration comes from (for the ratio). */
  @Benchmark
  public Object translate() {
    return translator.translate(snapshot);
  }
}
