package io.github.kongtranslator.core.model.builder;

import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;

/** Builds an {@link HttpRoute}; start with {@link K8sBuilders#httpRoute()}. */
public final class HttpRouteBuilder extends ObjectBuilder<HttpRoute, HttpRouteBuilder> {
  private final List<GatewayApi.ParentReference> parentRefs = new ArrayList<>();
  private final List<String> hostnames = new ArrayList<>();
  private final List<HttpRoute.Rule> rules = new ArrayList<>();

  HttpRouteBuilder() {
    super(Kind.HTTP_ROUTE);
  }

  /**
   * Attaches the route to a Gateway in the route's namespace.
   *
   * @param gatewayName the Gateway's name
   * @return this builder
   */
  public HttpRouteBuilder parentGateway(String gatewayName) {
    parentRefs.add(new GatewayApi.ParentReference(null, null, null, gatewayName, null, null));
    return this;
  }

  /**
   * Adds a parent reference as given.
   *
   * @param parentRef the reference
   * @return this builder
   */
  public HttpRouteBuilder parentRef(GatewayApi.ParentReference parentRef) {
    parentRefs.add(parentRef);
    return this;
  }

  /**
   * Adds host names.
   *
   * @param hostnames e.g. {@code example.com}
   * @return this builder
   */
  public HttpRouteBuilder hostnames(String... hostnames) {
    this.hostnames.addAll(List.of(hostnames));
    return this;
  }

  /**
   * Adds a rule matching a path prefix and sending to one Service port.
   *
   * @param pathPrefix e.g. {@code /api}
   * @param service the Service's name, in the route's namespace
   * @param port the Service port
   * @return this builder
   */
  public HttpRouteBuilder rule(String pathPrefix, String service, int port) {
    rules.add(
        new HttpRoute.Rule(
            null,
            List.of(
                new HttpRoute.Match(
                    new HttpRoute.PathMatch("PathPrefix", pathPrefix), List.of(), List.of(), null)),
            List.of(),
            List.of(new GatewayApi.BackendRef(null, null, service, null, port, null, List.of())),
            null));
    return this;
  }

  /**
   * Adds a rule as given.
   *
   * @param rule the rule
   * @return this builder
   */
  public HttpRouteBuilder rule(HttpRoute.Rule rule) {
    rules.add(rule);
    return this;
  }

  @Override
  void check(List<String> problems) {
    for (int i = 0; i < parentRefs.size(); i++) {
      if (blank(parentRefs.get(i).name())) {
        problems.add("spec.parentRefs[" + i + "].name is required");
      }
    }
    if (rules.size() > 16) {
      problems.add("spec.rules holds at most 16 rules, found " + rules.size());
    }
    for (int r = 0; r < rules.size(); r++) {
      List<GatewayApi.BackendRef> backends = rules.get(r).backendRefs();
      for (int b = 0; b < backends.size(); b++) {
        GatewayApi.BackendRef ref = backends.get(b);
        String at = "spec.rules[" + r + "].backendRefs[" + b + "]";
        if (blank(ref.name())) {
          problems.add(at + ".name is required");
        }
        boolean service =
            blank(ref.group()) && (ref.kind() == null || "Service".equals(ref.kind()));
        // the HTTPRoute CRD's rule: "Must have port for Service reference"
        if (service) {
          checkPort(problems, at + ".port", ref.port());
        }
      }
    }
  }

  @Override
  HttpRoute create(String apiVersion, ObjectMeta metadata) {
    return new HttpRoute(apiVersion, metadata, new HttpRoute.Spec(parentRefs, hostnames, rules));
  }
}
