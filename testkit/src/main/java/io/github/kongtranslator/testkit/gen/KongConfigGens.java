package io.github.kongtranslator.testkit.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.kongmodel.config.AclGroup;
import io.github.kongtranslator.kongmodel.config.BasicAuthCredential;
import io.github.kongtranslator.kongmodel.config.CaCertificate;
import io.github.kongtranslator.kongmodel.config.Certificate;
import io.github.kongtranslator.kongmodel.config.Consumer;
import io.github.kongtranslator.kongmodel.config.ConsumerGroup;
import io.github.kongtranslator.kongmodel.config.CustomEntity;
import io.github.kongtranslator.kongmodel.config.JwtSecret;
import io.github.kongtranslator.kongmodel.config.KeyAuthCredential;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.config.Plugin;
import io.github.kongtranslator.kongmodel.config.Route;
import io.github.kongtranslator.kongmodel.config.Service;
import io.github.kongtranslator.kongmodel.config.Sni;
import io.github.kongtranslator.kongmodel.config.Target;
import io.github.kongtranslator.kongmodel.config.Upstream;
import io.github.kongtranslator.kongmodel.config.Vault;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Generators of Kong configurations for QuickTheories.
 *
 * <p>Strings are biased towards values that are hard to serialize (YAML keywords and numbers,
 * indicators, leading and trailing spaces, line breaks, control characters, non-BMP code points);
 * free-form plugin configs hold nested objects, lists, nulls and non-integral numbers. Sections and
 * optional fields are sometimes absent, sometimes present but empty, and a few are an explicit
 * {@code null}.
 *
 * <pre>{@code
 * qt().forAll(KongConfigGens.configs()).checkAssert(c ->
 *     assertThat(KongConfigReader.yaml().read(KongConfigWriter.yaml().write(c), "gen")).isEqualTo(c));
 * }</pre>
 */
public final class KongConfigGens {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static final String[] NASTY = {
    "",
    " ",
    "yes",
    "no",
    "on",
    "off",
    "true",
    "False",
    "null",
    "~",
    "NULL",
    "y",
    "n",
    "0",
    "-1",
    "1e5",
    "1.5",
    ".5",
    "0x1F",
    "0o17",
    "0b101",
    "1:20",
    "1:20.5",
    "1_000",
    ".inf",
    "-.inf",
    ".nan",
    "2001-12-14",
    "2001-12-14t21:59:43.10-05:00",
    "<<",
    "=",
    "- a",
    "-",
    "--- x",
    "---",
    "...",
    "a: b",
    "a:b",
    ":a",
    "?",
    "? a",
    "#c",
    "a #c",
    "a#c",
    "*ref",
    "&anchor",
    "!tag",
    "|",
    ">",
    "'q'",
    "\"dq\"",
    "%x",
    "@x",
    "`x",
    "[a]",
    "{a}",
    "a,b",
    " lead",
    "trail ",
    "multi\nline",
    "multi\nline\n",
    "\nlead break",
    "two\n\nbreaks\n\n",
    "space \nbreak",
    "break\n space",
    "tab\there",
    "cr\rhere",
    "nul\u0000",
    "bell\u0007",
    "del\u007f",
    "nbsp\u00a0",
    "é",
    "\u2028",
    "\u0085",
    "\ufeffbom",
    "emoji \ud83d\ude00",
    "\ud83d\ude00",
    "back\\slash",
    "k8s-name:demo",
    "/path/{id}",
    "~1/~0",
    "https://example.com:8443/x?y=z#f",
    "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
    "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
  };

  private KongConfigGens() {}

  private static int pick(RandomnessSource in, int max) {
    return (int) in.next(Constraint.between(0, max));
  }

  private static boolean chance(RandomnessSource in, int outOf) {
    return pick(in, outOf - 1) == 0;
  }

  /**
   * Strings biased towards serialization edge cases.
   *
   * @return the generator
   */
  public static Gen<String> strings() {
    return KongConfigGens::string;
  }

  static String string(RandomnessSource in) {
    switch (pick(in, 3)) {
      case 0 -> {
        return NASTY[pick(in, NASTY.length - 1)];
      }
      case 1 -> {
        StringBuilder sb = new StringBuilder();
        for (int i = pick(in, 12); i > 0; i--) {
          int kind = pick(in, 5);
          int cp =
              kind == 0
                  ? pick(in, 0x7f)
                  : kind == 1
                      ? 0x80 + pick(in, 0xd7ff - 0x80)
                      : kind == 2 ? 0xe000 + pick(in, 0x10ffff - 0xe000) : 0x20 + pick(in, 0x5e);
          sb.appendCodePoint(cp);
        }
        return sb.toString();
      }
      default -> {
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + pick(in, 10); i > 0; i--) {
          sb.append("abcdefghijklmnopqrstuvwxyz0123456789.-_".charAt(pick(in, 38)));
        }
        return sb.toString();
      }
    }
  }

  private static List<String> stringList(RandomnessSource in) {
    List<String> l = new ArrayList<>();
    for (int i = pick(in, 3); i > 0; i--) {
      l.add(string(in));
    }
    return l;
  }

  /**
   * Free-form JSON values (as in plugin configs): objects, lists, strings, integers, doubles,
   * booleans and nulls, nested up to a small depth.
   *
   * @return the generator
   */
  public static Gen<JsonNode> jsonValues() {
    return in -> json(in, 0);
  }

  static JsonNode json(RandomnessSource in, int depth) {
    switch (pick(in, depth >= 3 ? 4 : 6)) {
      case 0 -> {
        return F.textNode(string(in));
      }
      case 1 -> {
        return F.numberNode(in.next(Constraint.between(-(1L << 40), 1L << 40)));
      }
      case 2 -> {
        double d =
            in.next(Constraint.between(-1_000_000, 1_000_000))
                / 1000.0
                * (chance(in, 4) ? 1e-9 : 1);
        return F.numberNode(d);
      }
      case 3 -> {
        return chance(in, 2) ? F.nullNode() : F.booleanNode(chance(in, 2));
      }
      case 4 -> {
        return F.numberNode(pick(in, 65535));
      }
      case 5 -> {
        ArrayNode a = F.arrayNode();
        for (int i = pick(in, 3); i > 0; i--) {
          a.add(json(in, depth + 1));
        }
        return a;
      }
      default -> {
        ObjectNode o = F.objectNode();
        for (int i = pick(in, 4); i > 0; i--) {
          o.set(string(in), json(in, depth + 1));
        }
        return o;
      }
    }
  }

  private static ObjectNode object(RandomnessSource in) {
    ObjectNode o = F.objectNode();
    for (int i = pick(in, 3); i > 0; i--) {
      o.set(string(in), json(in, 1));
    }
    return o;
  }

  /**
   * Routes, traditional or expression-based, with optional nested plugins.
   *
   * @return the generator
   */
  public static Gen<Route> routes() {
    return in -> {
      Route.Builder b = Route.builder().name(string(in));
      if (chance(in, 2)) {
        b.paths(stringList(in))
            .hosts(stringList(in))
            .stripPath(chance(in, 2))
            .preserveHost(chance(in, 2))
            .regexPriority(pick(in, 100));
      } else {
        b.expression(string(in)).priority(in.next(Constraint.between(0, 1L << 46)));
      }
      if (chance(in, 3)) {
        b.headers(object(in));
      }
      if (chance(in, 3)) {
        b.tags(stringList(in));
      }
      if (chance(in, 4)) {
        b.addPlugin(plugin(in));
      }
      return b.build();
    };
  }

  static Plugin plugin(RandomnessSource in) {
    Plugin.Builder b = Plugin.builder().name(string(in));
    if (chance(in, 2)) {
      b.config(object(in));
    }
    if (chance(in, 3)) {
      b.instanceName(string(in));
    }
    if (chance(in, 3)) {
      b.enabled(chance(in, 2)).protocols(stringList(in));
    }
    if (chance(in, 4)) {
      b.ordering(
          F.objectNode()
              .set("before", F.objectNode().set("access", F.arrayNode().add(string(in)))));
    }
    return b.build();
  }

  /**
   * Top-level plugins, scoped to a service, route, consumer and/or consumer group.
   *
   * @return the generator
   */
  public static Gen<Plugin> plugins() {
    return in -> {
      Plugin.Builder b = plugin(in).toBuilder();
      if (chance(in, 2)) {
        b.service(string(in));
      }
      if (chance(in, 3)) {
        b.route(string(in));
      }
      if (chance(in, 3)) {
        b.consumer(string(in));
      }
      if (chance(in, 4)) {
        b.consumerGroup(string(in));
      }
      if (chance(in, 2)) {
        b.tags(stringList(in));
      }
      return b.build();
    };
  }

  /**
   * Services with nested routes and plugins.
   *
   * @return the generator
   */
  public static Gen<Service> services() {
    Gen<Route> routes = routes();
    return in -> {
      Service.Builder b =
          Service.builder()
              .name(string(in))
              .host(string(in))
              .port(pick(in, 65535))
              .protocol(chance(in, 2) ? "http" : string(in));
      if (chance(in, 2)) {
        b.path(string(in))
            .retries(pick(in, 10))
            .connectTimeout(60000)
            .readTimeout(pick(in, 100000))
            .writeTimeout(60000);
      }
      if (chance(in, 2)) {
        b.tags(stringList(in));
      }
      if (chance(in, 4)) {
        b.set("x_unknown_" + pick(in, 3), json(in, 1));
      }
      if (chance(in, 8)) {
        b.set(chance(in, 2) ? "client_certificate" : "plugins", F.nullNode()); // explicit null
      }
      int routeCount = pick(in, 3);
      if (routeCount > 0 || chance(in, 4)) {
        List<Route> rs = new ArrayList<>();
        for (int i = 0; i < routeCount; i++) {
          rs.add(routes.generate(in));
        }
        b.routes(rs);
      }
      if (chance(in, 4)) {
        b.addPlugin(plugin(in));
      }
      return b.build();
    };
  }

  /**
   * Upstreams with health checks, hashing options and targets.
   *
   * @return the generator
   */
  public static Gen<Upstream> upstreams() {
    return in -> {
      Upstream.Builder b = Upstream.builder().name(string(in));
      if (chance(in, 2)) {
        b.algorithm(chance(in, 2) ? "round-robin" : "consistent-hashing")
            .hashOn(string(in))
            .hashFallback(string(in));
      }
      if (chance(in, 3)) {
        b.slots(pick(in, 65536)).healthchecks(object(in));
      }
      for (int i = pick(in, 3); i > 0; i--) {
        Target.Builder t = Target.builder().target(string(in));
        if (chance(in, 2)) {
          t.weight(pick(in, 1000));
        }
        b.addTarget(t.build());
      }
      return b.build();
    };
  }

  /**
   * Consumers with credentials of every kind and plugins.
   *
   * @return the generator
   */
  public static Gen<Consumer> consumers() {
    return in -> {
      Consumer.Builder b = Consumer.builder();
      if (chance(in, 4)) {
        b.customId(string(in));
      } else {
        b.username(string(in));
      }
      if (chance(in, 2)) {
        b.addKeyAuthCredential(
            KeyAuthCredential.builder().key(string(in)).tags(stringList(in)).build());
      }
      if (chance(in, 3)) {
        b.addBasicAuthCredential(
            BasicAuthCredential.builder().username(string(in)).password(string(in)).build());
      }
      if (chance(in, 3)) {
        b.addJwtSecret(
            JwtSecret.builder().key(string(in)).secret(string(in)).algorithm("HS256").build());
      }
      if (chance(in, 3)) {
        b.addAcl(AclGroup.builder().group(string(in)).build());
      }
      if (chance(in, 5)) {
        b.addPlugin(plugin(in));
      }
      return b.build();
    };
  }

  /**
   * Certificates with SNIs (PEM-like multi-line cert and key).
   *
   * @return the generator
   */
  public static Gen<Certificate> certificates() {
    return in -> {
      Certificate.Builder b =
          Certificate.builder()
              .cert(
                  "-----BEGIN CERTIFICATE-----\n"
                      + string(in).replace("\n", "")
                      + "\n-----END CERTIFICATE-----")
              .key(
                  "-----BEGIN PRIVATE KEY-----\nMII"
                      + pick(in, 1_000_000)
                      + "\n-----END PRIVATE KEY-----");
      if (chance(in, 2)) {
        b.id(string(in));
      }
      for (int i = pick(in, 2); i > 0; i--) {
        b.addSni(Sni.builder().name(string(in)).build());
      }
      return b.build();
    };
  }

  /**
   * Whole configurations: every section sometimes absent, sometimes empty, sometimes filled, plus
   * custom entities and unknown top-level keys.
   *
   * @return the generator
   */
  public static Gen<KongConfig> configs() {
    Gen<Service> services = services();
    Gen<Upstream> upstreams = upstreams();
    Gen<Consumer> consumers = consumers();
    Gen<Certificate> certificates = certificates();
    Gen<Plugin> plugins = plugins();
    return in -> {
      KongConfig.Builder b = chance(in, 8) ? KongConfig.emptyBuilder() : KongConfig.builder();
      b.services(list(in, services));
      if (chance(in, 2)) {
        b.upstreams(list(in, upstreams));
      }
      if (chance(in, 3)) {
        b.consumers(list(in, consumers));
      }
      if (chance(in, 3)) {
        b.certificates(list(in, certificates));
      }
      if (chance(in, 3)) {
        b.plugins(list(in, plugins));
      }
      if (chance(in, 5)) {
        b.addConsumerGroup(ConsumerGroup.builder().name(string(in)).tags(stringList(in)).build());
      }
      if (chance(in, 6)) {
        b.addCaCertificate(
            CaCertificate.builder()
                .cert("-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n")
                .id(string(in))
                .build());
      }
      if (chance(in, 6)) {
        b.addVault(Vault.builder().prefix(string(in)).name("env").config(object(in)).build());
      }
      if (chance(in, 5)) {
        CustomEntity.Builder c = CustomEntity.builder("degraphql_routes");
        c.set("uri", F.textNode(string(in))).set("query", F.textNode(string(in)));
        b.addCustomEntity(c.build());
      }
      if (chance(in, 6)) {
        b.set("_info", F.objectNode().set("select_tags", F.arrayNode().add(string(in))));
      }
      return b.build();
    };
  }

  private static <T> List<T> list(RandomnessSource in, Gen<T> gen) {
    List<T> l = new ArrayList<>();
    for (int i = pick(in, 3); i > 0; i--) {
      l.add(gen.generate(in));
    }
    return l;
  }
}
