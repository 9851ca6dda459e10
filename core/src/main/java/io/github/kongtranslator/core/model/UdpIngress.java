package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code configuration.konghq.com/v1beta1} UDPIngress.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record UdpIngress(String apiVersion, ObjectMeta metadata, Spec spec) implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public UdpIngress {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.UDP_INGRESS;
  }

  /** The spec. */
  public record Spec(List<Rule> rules) {
    static final Spec EMPTY = new Spec(List.of());

    /**
     * Normalises absent collections.
     *
     * @param rules the {@code spec.rules} field; empty when absent
     */
    public Spec {
      rules = Values.list(rules);
    }
  }

  /** A UDP rule. */
  public record Rule(@Nullable String host, int port, TcpIngress.@Nullable Backend backend) {}
}
