package io.github.kongtranslator.core.model.builder;

import io.github.kongtranslator.core.model.Ingress;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Builds an {@link Ingress}; start with {@link K8sBuilders#ingress()}. */
public final class IngressBuilder extends ObjectBuilder<Ingress, IngressBuilder> {
  private static final Set<String> PATH_TYPES = Set.of("Exact", "Prefix", "ImplementationSpecific");

  private @Nullable String ingressClassName;
  private Ingress.@Nullable Backend defaultBackend;
  private final List<Ingress.Rule> rules = new ArrayList<>();
  private final List<Ingress.Tls> tls = new ArrayList<>();

  IngressBuilder() {
    super(Kind.INGRESS);
  }

  /**
   * Sets {@code spec.ingressClassName}.
   *
   * @param className e.g. {@code kong}
   * @return this builder
   */
  public IngressBuilder ingressClassName(String className) {
    this.ingressClassName = className;
    return this;
  }

  /**
   * Sets the default backend to a Service port by number.
   *
   * @param service the Service name
   * @param port the Service port
   * @return this builder
   */
  public IngressBuilder defaultBackend(String service, int port) {
    this.defaultBackend = serviceBackend(service, port);
    return this;
  }

  /**
   * Adds a rule with one path to a Service port by number.
   *
   * @param host the host, or empty for every host
   * @param path the path, e.g. {@code /}
   * @param pathType {@code Exact}, {@code Prefix} or {@code ImplementationSpecific}
   * @param service the Service name
   * @param port the Service port
   * @return this builder
   */
  public IngressBuilder rule(String host, String path, String pathType, String service, int port) {
    rules.add(
        new Ingress.Rule(
            host.isEmpty() ? null : host,
            new Ingress.Http(
                List.of(new Ingress.Path(path, pathType, serviceBackend(service, port))))));
    return this;
  }

  /**
   * Adds a rule as given.
   *
   * @param rule the rule
   * @return this builder
   */
  public IngressBuilder rule(Ingress.Rule rule) {
    rules.add(rule);
    return this;
  }

  /**
   * Adds a TLS section.
   *
   * @param secretName the certificate Secret in the Ingress's namespace
   * @param hosts the hosts it serves
   * @return this builder
   */
  public IngressBuilder tls(String secretName, String... hosts) {
    tls.add(new Ingress.Tls(List.of(hosts), secretName));
    return this;
  }

  private static Ingress.Backend serviceBackend(String service, int port) {
    return new Ingress.Backend(
        new Ingress.ServiceBackend(service, new Ingress.Port(null, port)), null);
  }

  @Override
  void check(List<String> problems) {
    if (defaultBackend == null && rules.isEmpty()) {
      problems.add("spec needs a defaultBackend or at least one rule");
    }
    if (defaultBackend != null) {
      checkBackend(problems, "spec.defaultBackend", defaultBackend);
    }
    for (int r = 0; r < rules.size(); r++) {
      Ingress.Http http = rules.get(r).http();
      if (http == null) {
        continue;
      }
      if (http.paths().isEmpty()) {
        problems.add("spec.rules[" + r + "].http.paths needs at least one path");
      }
      for (int p = 0; p < http.paths().size(); p++) {
        Ingress.Path path = http.paths().get(p);
        String at = "spec.rules[" + r + "].http.paths[" + p + "]";
        if (blank(path.pathType())) {
          problems.add(at + ".pathType is required");
        } else if (!PATH_TYPES.contains(path.pathType())) {
          problems.add(
              at
                  + ".pathType must be Exact, Prefix or ImplementationSpecific, found "
                  + path.pathType());
        }
        if (path.backend() == null) {
          problems.add(at + ".backend is required");
        } else {
          checkBackend(problems, at + ".backend", path.backend());
        }
      }
    }
    for (int i = 0; i < tls.size(); i++) {
      if (blank(tls.get(i).secretName())) {
        problems.add("spec.tls[" + i + "].secretName is required");
      }
    }
  }

  private static void checkBackend(List<String> problems, String at, Ingress.Backend b) {
    if ((b.service() == null) == (b.resource() == null)) {
      problems.add(at + " needs exactly one of service and resource");
      return;
    }
    Ingress.ServiceBackend s = b.service();
    if (s != null) {
      if (blank(s.name())) {
        problems.add(at + ".service.name is required");
      }
      Ingress.Port port = s.port();
      if (port == null || (port.number() == null) == blank(port.name())) {
        problems.add(at + ".service.port needs exactly one of name and number");
      } else if (port.number() != null) {
        checkPort(problems, at + ".service.port.number", port.number());
      }
    }
  }

  @Override
  Ingress create(String apiVersion, ObjectMeta metadata) {
    return new Ingress(
        apiVersion, metadata, new Ingress.Spec(ingressClassName, defaultBackend, rules, tls));
  }
}
