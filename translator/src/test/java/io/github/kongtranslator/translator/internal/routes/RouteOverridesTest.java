package io.github.kongtranslator.translator.internal.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kongtranslator.core.model.ObjectMeta;
import io.github.kongtranslator.core.model.TcpIngress;
import io.github.kongtranslator.translator.internal.entities.Entities.KRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteOverridesTest {

  static KRoute route(List<String> protocols) {
    KRoute r =
        new KRoute(
            new TcpIngress("configuration.konghq.com/v1beta1", ObjectMeta.of("ns", "x"), null));
    r.protocols = protocols == null ? null : new ArrayList<>(protocols);
    r.stripPath = false;
    return r;
  }

  @Test
  void forceSslRedirect_withoutProtocols_setsHttpsAnd302() {
    KRoute r = route(null);
    RouteOverrides.apply(r, Map.of("ingress.kubernetes.io/force-ssl-redirect", "true"), false);
    assertThat(r.protocols).containsExactly("https");
    assertThat(r.httpsRedirectStatusCode).isEqualTo(302);
  }

  @Test
  void forceSslRedirect_addsGrpcsBeforeHttps() {
    KRoute r = route(List.of("grpc", "http"));
    RouteOverrides.apply(r, Map.of("ingress.kubernetes.io/force-ssl-redirect", "true"), true);
    assertThat(r.protocols).containsExactly("grpc", "http", "grpcs", "https");
  }

  @Test
  void explicitRedirectCode_overridesForceSsl_andInvalidCodesAreIgnored() {
    KRoute r = route(null);
    RouteOverrides.apply(
        r,
        Map.of(
            "ingress.kubernetes.io/force-ssl-redirect",
            "true",
            "konghq.com/https-redirect-status-code",
            "308"),
        false);
    assertThat(r.httpsRedirectStatusCode).isEqualTo(308);
    KRoute r2 = route(null);
    RouteOverrides.apply(r2, Map.of("konghq.com/https-redirect-status-code", "303"), false);
    assertThat(r2.httpsRedirectStatusCode).isNull();
  }

  @Test
  void protocolsWithAnInvalidItem_areIgnored() {
    KRoute r = route(List.of("bogus", "http"));
    RouteOverrides.apply(r, Map.of("konghq.com/protocols", "http,bogus"), false);
    assertThat(r.protocols).containsExactly("bogus", "http");
  }

  @Test
  void grpcAndHttpTogether_normalizeToHttpAndHttps_andDropStripPath() {
    KRoute r = route(null);
    RouteOverrides.apply(r, Map.of("konghq.com/protocols", "grpc,http"), false);
    assertThat(r.protocols).containsExactly("http", "https");
    assertThat(r.stripPath).isNull();
  }

  @Test
  void invalidMethodsOrSnisOrAliases_areIgnoredAsAWhole() {
    KRoute r = route(null);
    r.hosts = new ArrayList<>(List.of("a.example"));
    RouteOverrides.apply(
        r,
        Map.of(
            "konghq.com/methods",
            "get,p0st",
            "konghq.com/snis",
            "a.example,*.b",
            "konghq.com/host-aliases",
            "ok.example,bad_host"),
        false);
    assertThat(r.methods).isNull();
    assertThat(r.snis).isNull();
    assertThat(r.hosts).containsExactly("a.example");
  }

  @Test
  void expressionRouter_skipsTraditionalOnlyAnnotations() {
    KRoute r = route(null);
    RouteOverrides.apply(
        r,
        Map.of(
            "konghq.com/regex-priority",
            "5",
            "konghq.com/methods",
            "GET",
            "konghq.com/strip-path",
            "true"),
        true);
    assertThat(r.regexPriority).isNull();
    assertThat(r.methods).isNull();
    assertThat(r.stripPath).isTrue();
  }

  @Test
  void pathHandling_needsAVersionLikeValue() {
    KRoute r = route(null);
    RouteOverrides.apply(r, Map.of("konghq.com/path-handling", "v1"), false);
    assertThat(r.pathHandling).isEqualTo("v1");
    KRoute r2 = route(null);
    RouteOverrides.apply(r2, Map.of("konghq.com/path-handling", "vx"), false);
    assertThat(r2.pathHandling).isNull();
  }
}
