package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code configuration.konghq.com/v1beta1} TCPIngress.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record TcpIngress(String apiVersion, ObjectMeta metadata, Spec spec) implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public TcpIngress {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.TCP_INGRESS;
  }

  /** The spec. */
  public record Spec(List<Rule> rules, List<Ingress.Tls> tls) {
    static final Spec EMPTY = new Spec(List.of(), List.of());

    /**
     * Normalises absent collections.
     *
     * @param rules the {@code spec.rules} field; empty when absent
     * @param tls the {@code spec.tls} field; empty when absent
     */
    public Spec {
      rules = Values.list(rules);
      tls = Values.list(tls);
    }
  }

  /** A TCP rule. */
  public record Rule(@Nullable String host, int port, @Nullable Backend backend) {}

  /** A backend Service and port. */
  public record Backend(@Nullable String serviceName, int servicePort) {}
}
