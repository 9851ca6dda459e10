package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Gateway API HTTPRoute.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record HttpRoute(
    String apiVersion, ObjectMeta metadata, Spec spec) implements K8sObject {

  /** Normalises absent collections to empty ones. */
  public HttpRoute {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.HTTP_ROUTE;
  }

  /**
   * The spec.
   */
  public record Spec(
      List<GatewayApi.ParentReference> parentRefs,
      List<String> hostnames,
      List<Rule> rules) {
    static final Spec EMPTY = new Spec(List.of(), List.of(), List.of());

    /** Normalises absent collections. */
    public Spec {
      parentRefs = Values.list(parentRefs);
      hostnames = Values.list(hostnames);
      rules = Values.list(rules);
    }
  }

  /** A rule. */
  public record Rule(@Nullable String name, List<Match> matches, List<GatewayApi.Filter> filters,
      List<GatewayApi.BackendRef> backendRefs, @Nullable JsonValue timeouts) {
    /** Normalises absent collections. */
    public Rule {
      matches = Values.list(matches);
      filters = Values.list(filters);
      backendRefs = Values.list(backendRefs);
    }
  }

  /** A match. */
  public record Match(@Nullable PathMatch path, List<GatewayApi.NameValueMatch> headers,
      List<GatewayApi.NameValueMatch> queryParams, @Nullable String method) {
    /** Normalises absent collections. */
    public Match {
      headers = Values.list(headers);
      queryParams = Values.list(queryParams);
    }
  }

  /** A path match. */
  public record PathMatch(@Nullable String type, @Nullable String value) {}
}
