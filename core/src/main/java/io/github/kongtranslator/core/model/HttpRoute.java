package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Gateway API HTTPRoute.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record HttpRoute(String apiVersion, ObjectMeta metadata, Spec spec) implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public HttpRoute {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.HTTP_ROUTE;
  }

  /** The spec. */
  public record Spec(
      List<GatewayApi.ParentReference> parentRefs, List<String> hostnames, List<Rule> rules) {
    static final Spec EMPTY = new Spec(List.of(), List.of(), List.of());

    /**
     * Normalises absent collections.
     *
     * @param parentRefs the {@code spec.parentRefs} field; empty when absent
     * @param hostnames the {@code spec.hostnames} field; empty when absent
     * @param rules the {@code spec.rules} field; empty when absent
     */
    public Spec {
      parentRefs = Values.list(parentRefs);
      hostnames = Values.list(hostnames);
      rules = Values.list(rules);
    }
  }

  /** A rule. */
  public record Rule(
      @Nullable String name,
      List<Match> matches,
      List<GatewayApi.Filter> filters,
      List<GatewayApi.BackendRef> backendRefs,
      @Nullable JsonValue timeouts) {
    /**
     * Normalises absent collections.
     *
     * @param name the {@code name} field; null when absent
     * @param matches the {@code matches} field; empty when absent
     * @param filters the {@code filters} field; empty when absent
     * @param backendRefs the {@code backendRefs} field; empty when absent
     * @param timeouts the {@code timeouts} field; null when absent
     */
    public Rule {
      matches = Values.list(matches);
      filters = Values.list(filters);
      backendRefs = Values.list(backendRefs);
    }
  }

  /** A match. */
  public record Match(
      @Nullable PathMatch path,
      List<GatewayApi.NameValueMatch> headers,
      List<GatewayApi.NameValueMatch> queryParams,
      @Nullable String method) {
    /**
     * Normalises absent collections.
     *
     * @param path the {@code path} field; null when absent
     * @param headers the {@code headers} field; empty when absent
     * @param queryParams the {@code queryParams} field; empty when absent
     * @param method the {@code method} field; null when absent
     */
    public Match {
      headers = Values.list(headers);
      queryParams = Values.list(queryParams);
    }
  }

  /** A path match. */
  public record PathMatch(@Nullable String type, @Nullable String value) {}
}
