package io.github.kongtranslator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.manifest.LoadResult;
import io.github.kongtranslator.core.manifest.ManifestWarning;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.Plugin;
import io.github.kongtranslator.kongmodel.config.Route;
import io.github.kongtranslator.kongmodel.config.Service;
import io.github.kongtranslator.kongmodel.io.KongConfigReader;
import io.github.kongtranslator.router.Candidate;
import io.github.kongtranslator.router.KongRouter;
import io.github.kongtranslator.router.RouteMatch;
import io.github.kongtranslator.router.RouteRequest;
import io.github.kongtranslator.router.RouteResult;
import io.github.kongtranslator.router.RouterFlavor;
import io.github.kongtranslator.router.WeightedTarget;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.gatewayapi.AttachmentOptions;
import io.github.kongtranslator.translator.gatewayapi.GatewayAttachment;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kong-translator route}: translates manifests (or reads a deck file) and prints, as one
 * JSON object per request, which route, service, upstream targets and plugins Kong's router would
 * choose.
 */
@Command(
    name = "route",
    mixinStandardHelpOptions = true,
    description = {
      "Routes a request through Kong's router (3.9, offline) over the translated",
      "configuration of the manifests (or over a deck file with --config) and prints one JSON",
      "object: {\"matched\": true, \"router_flavor\", \"route\", \"service\", \"upstream\",",
      "\"plugins\", \"upstream_path\"} or {\"matched\": false}. With --requests, one object per",
      "line of the JSONL file. Exit 0 whether or not a route matched; 2 for bad input."
    })
final class RouteCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(
      arity = "0..*",
      paramLabel = "FILE|DIR|-",
      description = "manifest files, directories, or - for stdin")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "route over this Kong declarative configuration (deck YAML/JSON) instead of translating manifests")
  @Nullable Path config;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "the request URL, e.g. https://example.com/foo?x=1")
  @Nullable String url;

  @Option(names = "--method", paramLabel = "M", description = "request method (default: GET)")
  String method = "GET";

  @Option(
      names = "--header",
      paramLabel = "'Name: value'",
      description = "request header (repeatable)")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--sni",
      paramLabel = "NAME",
      description = "TLS SNI (default: the host of an https URL)")
  @Nullable String sni;

  @Option(
      names = "--router-flavor",
      paramLabel = "traditional_compatible|expressions",
      description =
          "Kong's router_flavor (default: expressions when --flag ExpressionRoutes=true,"
              + " or with --config when a route has an expression; otherwise traditional_compatible)")
  @Nullable String routerFlavor;

  @Option(
      names = "--requests",
      paramLabel = "FILE.jsonl",
      description =
          "one request per line: {\"url\", \"method\", \"headers\", \"sni\"}; prints one result per line")
  @Nullable Path requests;

  @Option(
      names = "--explain",
      description =
          "add \"why\": the route's ATC expression and priority, the routes it won over, what Kong does besides proxying")
  boolean explain;

  @Option(
      names = "--flag",
      paramLabel = "NAME=true|false",
      description = "feature flag, as for translate (repeatable)")
  Map<String, String> flags = new LinkedHashMap<>();

  @Option(
      names = "--ingress-class",
      paramLabel = "C",
      description = "controller ingress class (default: kong)")
  String ingressClass = "kong";

  @Option(
      names = "--gateway-controller",
      paramLabel = "NAME",
      description =
          "Gateway API controller name whose Gateways accept routes (default: ${DEFAULT-VALUE}, KIC's)")
  String gatewayController = AttachmentOptions.KIC_CONTROLLER_NAME;

  @Option(names = "--debug", description = "show stack traces of errors")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.@Nullable CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = Objects.requireNonNull(spec).commandLine();
    if ((url == null) == (requests == null)) {
      throw new CommandLine.ParameterException(cl, "give exactly one of --url and --requests");
    }
    if ((config == null) == inputs.isEmpty()) {
      throw new CommandLine.ParameterException(
          cl, "give manifests (FILE|DIR|-) or --config FILE, not both");
    }
    TranslatorOptions options =
        TranslateCommand.options(cl, flags, ingressClass).toBuilder()
            .gatewayControllerName(gatewayController)
            .build();
    KongConfig kong;
    PrintWriter err = cl.getErr();
    if (config != null) {
      kong = KongConfigReader.read(config);
    } else {
      LoadResult loaded = InputFiles.load(inputs);
      for (ManifestWarning w : loaded.warnings()) {
        err.println("warning: " + w);
      }
      TranslationResult result =
          Translator.create(options)
              .translate(snapshotToTranslate(CacheStores.of(loaded.objects()), options));
      for (TranslationFailure f : result.failures()) {
        err.println("translation failure: " + f);
      }
      kong = result.config();
    }
    RouterFlavor flavor = flavor(cl, options, kong);
    KongRouter router = KongRouter.build(kong, flavor);
    PrintWriter out = cl.getOut();
    if (url != null) {
      out.println(print(route(router, request(cl, url, method, headers, sni))));
    } else {
      List<String> lines;
      try {
        lines = Files.readAllLines(Objects.requireNonNull(requests), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CommandLine.ParameterException(
            cl, "cannot read " + requests + ": " + e.getMessage());
      }
      int n = 0;
      for (String line : lines) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        out.println(print(route(router, jsonRequest(cl, line, n))));
      }
    }
    out.flush();
    return KongTranslatorCli.OK;
  }

  /**
   * The snapshot to translate for routing. KIC's Gateway controllers leave out, before translation,
   * routes no listener of a managed Gateway accepts (listener hostname intersection, {@code
   * sectionName}, {@code port}, {@code allowedRoutes} namespaces and kinds) and narrow HTTPRoute
   * hostnames to the listeners'; the one implementation of that is {@link GatewayAttachment},
   * shared with the {@code status} command.
   *
   * @param snapshot the loaded objects
   * @param options the translator options
   * @return the snapshot to translate
   */
  static CacheStores snapshotToTranslate(CacheStores snapshot, TranslatorOptions options) {
    return GatewayAttachment.restrictToAcceptedRoutes(snapshot, options.gatewayControllerName());
  }

  private RouterFlavor flavor(CommandLine cl, TranslatorOptions options, KongConfig kong) {
    if (routerFlavor != null) {
      return RouterFlavor.byWireName(routerFlavor)
          .orElseThrow(
              () ->
                  new CommandLine.ParameterException(
                      cl,
                      "--router-flavor must be traditional_compatible or expressions, not "
                          + routerFlavor));
    }
    if (options.isEnabled(FeatureFlag.EXPRESSION_ROUTES)) {
      return RouterFlavor.EXPRESSIONS;
    }
    if (config != null) {
      for (Service s : kong.services()) {
        for (Route r : s.routes()) {
          if (r.expression().isPresent()) {
            return RouterFlavor.EXPRESSIONS;
          }
        }
      }
      for (Route r : kong.routes()) {
        if (r.expression().isPresent()) {
          return RouterFlavor.EXPRESSIONS;
        }
      }
    }
    return RouterFlavor.TRADITIONAL_COMPATIBLE;
  }

  private RouteResult route(KongRouter router, RouteRequest request) {
    return explain ? router.explain(request) : router.route(request);
  }

  private static RouteRequest request(
      CommandLine cl,
      String url,
      @Nullable String method,
      List<String> headers,
      @Nullable String sni) {
    RouteRequest.Builder b;
    try {
      b = RouteRequest.fromUrl(url);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    if (method != null && !method.isEmpty()) {
      b.method(method);
    }
    for (String h : headers) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new CommandLine.ParameterException(cl, "--header must be 'Name: value', not " + h);
      }
      b.header(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
    }
    if (sni != null) {
      b.sni(sni);
    }
    return b.build();
  }

  private static RouteRequest jsonRequest(CommandLine cl, String line, int n) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new CommandLine.ParameterException(
          cl, "--requests line " + n + ": not JSON: " + e.getOriginalMessage());
    }
    if (!node.isObject() || !node.path("url").isTextual()) {
      throw new CommandLine.ParameterException(
          cl, "--requests line " + n + ": expected an object with a \"url\" string");
    }
    List<String> hs = new ArrayList<>();
    JsonNode h = node.path("headers");
    if (h.isObject()) {
      for (Map.Entry<String, JsonNode> e : h.properties()) {
        if (e.getValue().isArray()) {
          e.getValue().forEach(v -> hs.add(e.getKey() + ": " + v.asText()));
        } else {
          hs.add(e.getKey() + ": " + e.getValue().asText());
        }
      }
    } else if (h.isArray()) {
      h.forEach(v -> hs.add(v.asText()));
    } else if (!h.isMissingNode() && !h.isNull()) {
      throw new CommandLine.ParameterException(
          cl,
          "--requests line " + n + ": \"headers\" must be an object or a list of 'Name: value'");
    }
    try {
      return request(
          cl,
          node.get("url").asText(),
          node.path("method").isTextual() ? node.get("method").asText() : null,
          hs,
          node.path("sni").isTextual() ? node.get("sni").asText() : null);
    } catch (CommandLine.ParameterException e) {
      throw new CommandLine.ParameterException(cl, "--requests line " + n + ": " + e.getMessage());
    }
  }

  /**
   * The JSON object of a result, keys in the documented order.
   *
   * @param result the result
   * @return one line of JSON
   */
  String print(RouteResult result) {
    ObjectNode o = JSON.createObjectNode();
    if (result.match().isEmpty()) {
      o.put("matched", false);
      return o.toString();
    }
    RouteMatch m = result.match().get();
    o.put("matched", true);
    o.put("router_flavor", result.flavor().wireName());
    ObjectNode route = o.putObject("route");
    route.put("name", m.routeName());
    strings(route.putArray("tags"), m.route().tags());
    route.put("priority", routePriority(m));
    Service s = m.service().orElse(null);
    if (s == null) {
      o.putNull("service");
    } else {
      ObjectNode so = o.putObject("service");
      putOrNull(so, "name", s.name().orElse(null));
      putOrNull(so, "host", s.host().orElse(null));
      if (s.port().isPresent()) {
        so.put("port", s.port().getAsInt());
      } else {
        so.putNull("port");
      }
      putOrNull(so, "path", s.path().orElse(null));
      strings(so.putArray("tags"), s.tags());
    }
    if (m.upstream().isEmpty()) {
      o.putNull("upstream");
    } else {
      ObjectNode uo = o.putObject("upstream");
      putOrNull(uo, "name", m.upstream().get().name().orElse(null));
      ArrayNode ts = uo.putArray("targets");
      for (WeightedTarget t : m.targets()) {
        ts.addObject().put("target", t.target()).put("weight", t.weight());
      }
    }
    ArrayNode ps = o.putArray("plugins");
    for (Plugin p : m.plugins()) {
      ObjectNode po = ps.addObject();
      po.put("name", p.name().orElse(""));
      po.set("config", p.config().orElse(JSON.createObjectNode()));
    }
    putOrNull(o, "upstream_path", m.upstreamPath().orElse(null));
    if (explain) {
      ObjectNode why = o.putObject("why");
      why.put("expression", m.expression());
      why.put("atc_priority", new BigInteger(Long.toUnsignedString(m.priority())));
      ArrayNode lost = why.putArray("outranked");
      for (Candidate c : m.outranked()) {
        lost.addObject()
            .put("route", c.route())
            .put("atc_priority", new BigInteger(Long.toUnsignedString(c.priority())))
            .put("why", c.why());
      }
      strings(why.putArray("notes"), m.notes());
    }
    return o.toString();
  }

  // expression routes: the route's own priority (Kong ranks them by it above every traditional
  // route); traditional routes: the priority Kong computes from their fields (unsigned 64-bit)
  private static BigInteger routePriority(RouteMatch m) {
    if (m.route().expression().isPresent()) {
      return BigInteger.valueOf(m.route().priority().orElse(0));
    }
    return new BigInteger(Long.toUnsignedString(m.priority()));
  }

  private static void putOrNull(ObjectNode o, String key, @Nullable String value) {
    if (value == null) {
      o.putNull(key);
    } else {
      o.put(key, value);
    }
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }
}
