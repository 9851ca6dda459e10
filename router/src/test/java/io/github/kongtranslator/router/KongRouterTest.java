package io.github.kongtranslator.router;

import static io.github.kongtranslator.router.Deck.routeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kongtranslator.kongmodel.config.Plugin;
import org.junit.jupiter.api.Test;

/**
 * One test (or a few) per matching rule of Kong 3.9.1's router; each names the Kong source it
 * follows. Expected values come from those sources and from Kong's own router spec ({@code
 * spec/01-unit/08-router_spec.lua}), not from this code.
 */
class KongRouterTest {
  private static String svc(String routes) {
    return "services:\n- name: svc\n  host: example.org\n  port: 80\n  routes:\n" + routes;
  }

  // transform.lua get_expression: hosts become http.host == / =^ / ^=; a port adds net.dst.port
  @Test
  void host_exactWildcardAndPort() {
    KongRouter r =
        Deck.router(
            svc(
                """
          - name: exact
            hosts: [api.example.com]
          - name: suffix
            hosts: ['*.example.com']
          - name: prefix
            hosts: ['api.example.*']
          - name: port
            hosts: ['api.example.com:8443']
        """));
    assertThat(routeOf(r, "http://api.example.com/")).isEqualTo("exact");
    assertThat(routeOf(r, "http://www.example.com/")).isEqualTo("suffix");
    assertThat(routeOf(r, "http://api.example.org/")).isEqualTo("prefix");
    assertThat(routeOf(r, "http://other.org/")).isEqualTo("none");
    // the Host header's port is net.dst.port; the port route ties with the exact one on
    // priority (fields=1, plain host) and wins by its larger id... so check it alone
    KongRouter portOnly =
        Deck.router(
            svc(
                """
          - name: port
            hosts: ['api.example.com:8443']
        """));
    assertThat(routeOf(portOnly, "http://api.example.com:8443/")).isEqualTo("port");
    assertThat(routeOf(portOnly, "http://api.example.com/")).isEqualTo("none");
  }

  // transform.lua get_priority: PLAIN_HOST_ONLY_BIT ranks a route with plain hosts above one
  // with a wildcard host, all else equal
  @Test
  void host_plainBeatsWildcard() {
    KongRouter r =
        Deck.router(
            svc(
                """
          - name: wild
            hosts: ['*.example.com']
          - name: plain
            hosts: [www.example.com]
        """));
    assertThat(routeOf(r, "http://www.example.com/x")).isEqualTo("plain");
  }

  // transform.lua get_priority: the longest prefix (max length in the low bits) wins
  @Test
  void path_longestPrefixWins() {
    KongRouter r =
        Deck.router(
            svc(
                """
          - name: short
            paths: [/a]
          - name: long
            paths: [/a/b]
        """));
    assertThat(routeOf(r, "http://h/a/b/c")).isEqualTo("long");
    assertThat(routeOf(r, "http://h/a/x")).isEqualTo("short");
    assertThat(routeOf(r, "http://h/ab")).isEqualTo("short"); // prefixes are plain string prefixes
    assertThat(routeOf(r, "http://h/b")).isEqualTo("none");
  }

  // transform.lua path_val_transform: regex paths are anchored with ^; REGEX_URL_BIT ranks a
  // regex above prefixes with as many fields; regex_priority orders regexes
  @Test
  void path_regexAnchoredAndRegexPriority() {
    KongRouter r =
        Deck.router(
            svc(
                """
          - name: prefix
            paths: [/users/123/profile/extra/long/prefix]
          - name: regex-low
            paths: ['~/users/\\d+']
            regex_priority: 1
          - name: regex-high
            paths: ['~/users/\\d+/profile']
            regex_priority: 5
        """));
    assertThat(routeOf(r, "http://h/users/123/profile")).isEqualTo("regex-high");
    assertThat(routeOf(r, "http://h/users/123")).isEqualTo("regex-low");
    // a regex beats even a longer matching prefix: the regex bit is above the length bits
    assertThat(routeOf(r, "http://h/users/123/profile/extra/long/prefix")).isEqualTo("regex-high");
    // anchored at the start: /x/users/1 does not match ^/users/\d+
    assertThat(routeOf(r, "http://h/x/users/1")).isEqualTo("none");
  }

  // 08-router_spec.lua "returns uri_captures from a [uri regex]": named and numbered captures
  @Test
  void path_regexCaptures() {
    KongRouter r =
        Deck.router(
            svc(
                """
          - name: caps
            paths: ['~/users/(?<user_id>[a-z ]+)/(profile)']
        """));
    RouteMatch m =
        r.route(RouteRequest.fromUrl("http://h/users/john%20doe/profile").build())
            .match()
            .orElseThrow();
    assertThat(m.captures())
        .containsEntry("0", "/users/john doe/profile")
        .containsEntry("1", "john doe")
        .containsEntry("user_id", "john doe")
        .containsEntry("2", "profile");
  }

  // 08-router_spec.lua "returns no uri_captures from a [uri prefix] match": /hello strips to /world
  @Test
  void path_stripPath() {
    KongRouter r =
        Deck.router(
            svc(
                """
          - name: hello
            paths: [/hello]
            strip_path: true
        """));
    RouteMatch m =
        r.route(RouteRequest.fromUrl("http://domain.org/hello/world").build())
            .match()
            .orElseThrow();
    assertThat(m.upstreamPath()).contains("/world");
    assertThat(m.captures()).isEmpty();
  }

  // transform.lua get_priority: method adds one match field, so a route with methods beats the
  // same route without
  @Test
  void method_matchesAndOutranks() {
    KongRouter r =
        Deck.router(
            svc(
                """
          - name: any
            paths: [/m]
          - name: post
            paths: [/m]
            methods: [POST]
        """));
    assertThat(routeOf(r, RouteRequest.fromUrl("http://h/m").method("POST").build()))
        .isEqualTo("post");
    assertThat(routeOf(r, RouteRequest.fromUrl("http://h/m").method("GET").build()))
        .isEqualTo("any");
  }

  // transform.lua: headers become any(lower(http.headers.name)) == lower(value), ~* a regex;
  // the header count is in the priority
  @Test
  void headers_exactCaseInsensitiveAndRegex() {
    KongRouter r =
        Deck.router(
            svc(
                """
          - name: one
            paths: [/h]
            headers: {x-version: [V1]}
          - name: two
            paths: [/h]
            headers: {x-version: ['~*^v\\d$'], x-tenant: [blue]}
        """));
    assertThat(routeOf(r, RouteRequest.fromUrl("http://h/h").header("X-Version", "v1").build()))
        .isEqualTo("one");
    assertThat(
            routeOf(
                r,
                RouteRequest.fromUrl("http://h/h")
                    .header("X-Version", "V2")
                    .header("X-Tenant", "Blue")
                    .build()))
        .isEqualTo("two");
    // a request with both headers matching both routes: more headers wins
    assertThat(
            routeOf(
                r,
                RouteRequest.fromUrl("http://h/h")
                    .header("x-version", "v1")
                    .header("x-tenant", "blue")
                    .build()))
        .isEqualTo("two");
    // any(): one of several values is enough
    assertThat(
            routeOf(
                r,
                RouteRequest.fromUrl("http://h/h")
                    .header("x-version", "v9")
                    .header("x-version", "v1")
                    .build()))
        .isEqualTo("one");
    assertThat(routeOf(r, "http://h/h")).isEqualTo("none");
  }

  // transform.lua: SNIs only count for https (net.protocol != "https" || tls.sni == ...)
  @Test
  void snis_onlyForHttps() {
    KongRouter r =
        Deck.router(
            svc(
                """
          - name: sni
            snis: [secure.example.com]
            paths: [/]
        """));
    assertThat(routeOf(r, "https://secure.example.com/")).isEqualTo("sni");
    assertThat(routeOf(r, RouteRequest.fromUrl("https://secure.example.com/").sni("other").build()))
        .isEqualTo("none");
    assertThat(routeOf(r, "http://anything/")).isEqualTo("sni");
  }

  // transform.lua stream routes: sources/destinations, snis for tls; stream_get_priority
  @Test
  void stream_sourcesDestinationsAndSni() {
    KongRouter r =
        Deck.router(
            """
        services:
        - name: tcp
          host: tcp.upstream
          port: 9000
          protocol: tcp
          routes:
          - name: by-port
            protocols: [tcp]
            destinations: [{port: 9999}]
          - name: by-ip-port
            protocols: [tcp]
            destinations: [{ip: 10.0.0.1, port: 9999}]
          - name: tls-sni
            protocols: [tls]
            snis: [db.example.com]
        """);
    assertThat(routeOf(r, "tls://db.example.com:443")).isEqualTo("tls-sni");
    // Kong's quirk, kept: the SNI clause is (net.protocol != "tls" || tls.sni == ...), so on a
    // plain tcp connection the tls route matches too, and its SNI bit (1 << 61) outranks the
    // address bits of the tcp routes
    assertThat(routeOf(r, "tcp://10.0.0.1:9999")).isEqualTo("tls-sni");
    KongRouter tcpOnly =
        Deck.router(
            """
        routes:
        - name: by-port
          protocols: [tcp]
          destinations: [{port: 9999}]
        - name: by-ip-port
          protocols: [tcp]
          destinations: [{ip: 10.0.0.1, port: 9999}]
        """);
    assertThat(routeOf(tcpOnly, "tcp://10.0.0.1:9999")).isEqualTo("by-ip-port");
    assertThat(routeOf(tcpOnly, "tcp://10.0.0.2:9999")).isEqualTo("by-port");
    assertThat(routeOf(tcpOnly, "tcp://10.0.0.2:80")).isEqualTo("none");
    // stream routes never serve http requests
    assertThat(routeOf(r, "http://10.0.0.1:9999/")).isEqualTo("none");
    RouteMatch m =
        r.route(RouteRequest.fromUrl("tcp://10.0.0.1:9999").build()).match().orElseThrow();
    assertThat(m.upstreamPath()).isEmpty();
  }

  // 08-router_spec.lua (stream): sources with a CIDR; transform.lua masks IPv4 CIDRs
  @Test
  void stream_sourceCidr() {
    KongRouter r =
        Deck.router(
            """
        routes:
        - name: local
          protocols: [tls]
          snis: [www.example.org]
          sources: [{ip: 127.168.0.1/8}]
        """);
    assertThat(
            routeOf(
                r,
                RouteRequest.fromUrl("tls://www.example.org:443")
                    .source("127.0.0.1", 1234)
                    .build()))
        .isEqualTo("local");
    assertThat(
            routeOf(
                r,
                RouteRequest.fromUrl("tls://www.example.org:443").source("10.0.0.1", 1234).build()))
        .isEqualTo("none");
  }

  // transform.lua get_priority: an expression route carries 0xFF << 56 | priority, so it beats
  // every traditional route, and priorities order expression routes
  @Test
  void expression_priorityAndFields() {
    KongRouter r =
        Deck.router(
            svc(
                """
          - name: traditional
            paths: [/api]
            methods: [GET]
            hosts: [h]
          - name: expr-low
            expression: http.path ^= "/api" && lower(http.host) == "h"
            priority: 1
          - name: expr-high
            expression: http.path ^= "/api" && http.queries.v == "2"
            priority: 10
        """),
            RouterFlavor.EXPRESSIONS);
    assertThat(routeOf(r, "http://h/api?v=2")).isEqualTo("expr-high");
    assertThat(routeOf(r, "http://H/api?v=1")).isEqualTo("expr-low");
    RouteResult res = r.explain(RouteRequest.fromUrl("http://h/api?v=2").build());
    assertThat(res.match().orElseThrow().outranked())
        .extracting(Candidate::route)
        .containsExactly("expr-low", "traditional");
  }

  // expressions.lua: the route's protocols are added to its expression (http-only route does
  // not serve https); in traditional_compatible they are not, and handler.lua answers 426 to
  // plain http on an https-only route
  @Test
  void protocols_byFlavour() {
    String cfg =
        svc(
            """
          - name: http-only
            protocols: [http]
            paths: [/p]
          - name: https-only
            protocols: [https]
            paths: [/s]
        """);
    KongRouter expr = Deck.router(cfg, RouterFlavor.EXPRESSIONS);
    KongRouter compat = Deck.router(cfg, RouterFlavor.TRADITIONAL_COMPATIBLE);
    assertThat(routeOf(expr, "https://h/p")).isEqualTo("none");
    assertThat(routeOf(compat, "https://h/p")).isEqualTo("http-only");
    RouteMatch m = compat.route(RouteRequest.fromUrl("http://h/s").build()).match().orElseThrow();
    assertThat(m.routeName()).isEqualTo("https-only");
    assertThat(m.notes()).containsExactly("Kong answers 426 Please use HTTPS protocol");
  }

  // handler.lua build_router: routes of a disabled service are not put in the router
  @Test
  void disabledService_routesLeftOut() {
    KongRouter r =
        Deck.router(
            """
        services:
        - name: disabled
          host: example.org
          enabled: false
          routes: [{name: r, paths: [/]}]
        """);
    assertThat(routeOf(r, "http://h/")).isEqualTo("none");
  }

  // atc-router router.rs: equal priorities are ordered by route id, the larger id first
  @Test
  void tie_largerRouteIdWins() {
    KongRouter r =
        Deck.router(
            svc(
                """
          - name: a
            id: 00000000-0000-4000-8000-000000000001
            paths: [/same]
          - name: b
            id: 00000000-0000-4000-8000-000000000002
            paths: [/same]
        """));
    assertThat(routeOf(r, "http://h/same")).isEqualTo("b");
  }

  // transform.lua split_routes_and_services_by_path: one route, two prefix lengths; the longer
  // path of the same route matches first, and the result names the original route
  @Test
  void split_routeWithMixedPaths() {
    KongRouter r =
        Deck.router(
            svc(
                """
          - name: multi
            paths: [/a, /abc, '~/re$']
            strip_path: true
          - name: mid
            paths: [/ab]
        """));
    assertThat(routeOf(r, "http://h/abcd")).isEqualTo("multi");
    assertThat(routeOf(r, "http://h/abx")).isEqualTo("mid");
    assertThat(routeOf(r, "http://h/re")).isEqualTo("multi");
    assertThat(
            r.route(RouteRequest.fromUrl("http://h/abcd").build())
                .match()
                .orElseThrow()
                .upstreamPath())
        .contains("/d");
  }

  // plugins_iterator.lua lookup_cfg: route > service > global per plugin name; consumer plugins
  // and disabled ones do not count
  @Test
  void plugins_mostSpecificPerName() {
    KongRouter r =
        Deck.router(
            """
        services:
        - name: svc
          host: example.org
          plugins:
          - {name: rate-limiting, config: {minute: 10}}
          - {name: cors}
          routes:
          - name: r
            paths: [/]
            plugins:
            - {name: rate-limiting, config: {minute: 5}}
            - {name: key-auth, enabled: false}
        plugins:
        - {name: rate-limiting, config: {minute: 100}}
        - {name: prometheus}
        - {name: acl, consumer: alice}
        """);
    RouteMatch m = r.route(RouteRequest.fromUrl("http://h/").build()).match().orElseThrow();
    assertThat(m.plugins())
        .extracting(p -> p.name().orElse(""))
        .containsExactly("cors", "prometheus", "rate-limiting");
    Plugin rl = m.plugins().get(2);
    assertThat(rl.config().orElseThrow().path("minute").asInt()).isEqualTo(5);
  }

  // targets.lua: weight defaults to 100; upstream found by the service's host
  @Test
  void upstream_targetsWithDefaultWeight() {
    KongRouter r =
        Deck.router(
            """
        services:
        - name: svc
          host: up.svc
          routes: [{name: r, paths: [/]}]
        upstreams:
        - name: up.svc
          targets:
          - {target: 10.0.0.1:80}
          - {target: 10.0.0.2:80, weight: 20}
        targets:
        - {target: 10.0.0.3:80, upstream: up.svc, weight: 0}
        """);
    RouteMatch m = r.route(RouteRequest.fromUrl("http://h/").build()).match().orElseThrow();
    assertThat(m.upstream()).isPresent();
    assertThat(m.targets())
        .containsExactly(
            new WeightedTarget("10.0.0.1:80", 100),
            new WeightedTarget("10.0.0.2:80", 20),
            new WeightedTarget("10.0.0.3:80", 0));
  }

  // atc.lua add_atc_matcher / router.rs add_matcher: an expression Kong rejects is an error
  // naming the route
  @Test
  void invalidExpression_namesTheRoute() {
    assertThatThrownBy(
            () ->
                Deck.router(
                    svc(
                        """
          - name: broken
            expression: http.path == 1
        """),
                    RouterFlavor.EXPRESSIONS))
        .isInstanceOf(RouterConfigException.class)
        .hasMessageContaining("route broken")
        .hasMessageContaining("Type mismatch");
    assertThatThrownBy(
            () ->
                Deck.router(
                    svc(
                        """
          - name: badregex
            paths: ['~/(?=look)']
        """)))
        .isInstanceOf(RouterConfigException.class)
        .hasMessageContaining("route badregex")
        .satisfies(e -> assertThat(((RouterConfigException) e).route()).isEqualTo("badregex"));
  }

  // utils.lua strip_uri_args + uri.lua normalize: the router matches the normalised path
  @Test
  void path_normalisedBeforeMatching() {
    KongRouter r =
        Deck.router(
            svc(
                """
          - name: exact
            expression: http.path == "/a/b"
        """),
            RouterFlavor.EXPRESSIONS);
    assertThat(routeOf(r, "http://h/a/./c/../b?x=1")).isEqualTo("exact");
    assertThat(routeOf(r, "http://h//a//b")).isEqualTo("exact");
    assertThat(routeOf(r, "http://h/%61/b")).isEqualTo("exact");
  }

  // declarative_config.lua generate_ids: a route without id gets v5(v5(ns, "routes"), name);
  // the tie between two id-less routes then follows those ids, whatever their order in the file
  @Test
  void missingIds_derivedFromNames() {
    String a = "  - name: alpha\n    paths: [/t]\n";
    String b = "  - name: beta\n    paths: [/t]\n";
    String first = routeOf(Deck.router(svc(a + b)), "http://h/t");
    String second = routeOf(Deck.router(svc(b + a)), "http://h/t");
    assertThat(first).isEqualTo(second).isIn("alpha", "beta");
  }
}
