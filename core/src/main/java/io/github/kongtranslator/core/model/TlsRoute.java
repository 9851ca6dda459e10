package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Gateway API TLSRoute.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 * @param status the status as written, or {@code null} when absent (only {@code
 *     status.parents[].parentRef} is kept: it decides TLS passthrough)
 */
public record TlsRoute(String apiVersion, ObjectMeta metadata, Spec spec, @Nullable Status status)
    implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   * @param status the status as written, or {@code null} when absent (only {@code
   *     status.parents[].parentRef} is kept: it decides TLS passthrough)
   */
  public TlsRoute {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.TLS_ROUTE;
  }

  /** The spec. */
  public record Spec(
      List<GatewayApi.ParentReference> parentRefs,
      List<String> hostnames,
      List<GatewayApi.L4Rule> rules) {
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

  /**
   * The status: the parents that reported on the route.
   *
   * @param parents one entry per parent
   */
  public record Status(List<ParentStatus> parents) {
    /**
     * Normalises absent parents.
     *
     * @param parents one entry per parent
     */
    public Status {
      parents = Values.list(parents);
    }
  }

  /**
   * One parent's status; conditions and controller name are not kept.
   *
   * @param parentRef the parent the entry is about
   */
  public record ParentStatus(GatewayApi.@Nullable ParentReference parentRef) {}
}
