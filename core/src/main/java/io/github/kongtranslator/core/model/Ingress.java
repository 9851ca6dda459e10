package io.github.kongtranslator.core.model;

import io.github.kongtranslator.core.internal.Values;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code networking.k8s.io/v1} Ingress.
 *
 * @param apiVersion the apiVersion as written
 * @param metadata object metadata
 * @param spec the spec; empty when absent
 */
public record Ingress(String apiVersion, ObjectMeta metadata, Spec spec) implements K8sObject {

  /**
   * Normalises absent collections to empty ones.
   *
   * @param apiVersion the apiVersion as written
   * @param metadata object metadata
   * @param spec the spec; empty when absent
   */
  public Ingress {
    metadata = metadata == null ? ObjectMeta.of("", "") : metadata;
    spec = spec == null ? Spec.EMPTY : spec;
  }

  @Override
  public Kind kind() {
    return Kind.INGRESS;
  }

  /** The spec. */
  public record Spec(
      @Nullable String ingressClassName,
      @Nullable Backend defaultBackend,
      List<Rule> rules,
      List<Tls> tls) {
    static final Spec EMPTY = new Spec(null, null, List.of(), List.of());

    /**
     * Normalises absent collections.
     *
     * @param ingressClassName the {@code spec.ingressClassName} field; null when absent
     * @param defaultBackend the {@code spec.defaultBackend} field; null when absent
     * @param rules the {@code spec.rules} field; empty when absent
     * @param tls the {@code spec.tls} field; empty when absent
     */
    public Spec {
      rules = Values.list(rules);
      tls = Values.list(tls);
    }
  }

  /** An Ingress rule. */
  public record Rule(@Nullable String host, @Nullable Http http) {}

  /** The HTTP part of a rule. */
  public record Http(List<Path> paths) {
    /**
     * Normalises absent paths.
     *
     * @param paths the {@code paths} field; empty when absent
     */
    public Http {
      paths = Values.list(paths);
    }
  }

  /** One path of a rule. */
  public record Path(@Nullable String path, @Nullable String pathType, @Nullable Backend backend) {}

  /** A backend: a Service port or a typed resource. */
  public record Backend(@Nullable ServiceBackend service, @Nullable TypedRef resource) {}

  /** A Service backend. */
  public record ServiceBackend(@Nullable String name, @Nullable Port port) {}

  /** A Service port by name or number. */
  public record Port(@Nullable String name, @Nullable Integer number) {}

  /** A typed local object reference. */
  public record TypedRef(@Nullable String apiGroup, @Nullable String kind, @Nullable String name) {}

  /** A TLS section. */
  public record Tls(List<String> hosts, @Nullable String secretName) {
    /**
     * Normalises absent hosts.
     *
     * @param hosts the {@code hosts} field; empty when absent
     * @param secretName the {@code secretName} field; null when absent
     */
    public Tls {
      hosts = Values.list(hosts);
    }
  }
}
