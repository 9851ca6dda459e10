package io.github.kongtranslator.core.model.builder;

import io.github.kongtranslator.core.model.IntOrString;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectMeta;
import io.github.kongtranslator.core.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Service}; start with {@link K8sBuilders#service()}. */
public final class ServiceBuilder extends ObjectBuilder<Service, ServiceBuilder> {
  private @Nullable String type;
  private @Nullable String clusterIp;
  private @Nullable String externalName;
  private final List<Service.ServicePort> ports = new ArrayList<>();
  private final Map<String, String> selector = new LinkedHashMap<>();

  ServiceBuilder() {
    super(Kind.SERVICE);
  }

  /**
   * Sets {@code spec.type} ({@code ClusterIP}, {@code NodePort}, {@code LoadBalancer} or {@code
   * ExternalName}); absent by default.
   *
   * @param type the type
   * @return this builder
   */
  public ServiceBuilder type(String type) {
    this.type = type;
    return this;
  }

  /**
   * Sets {@code spec.clusterIP} (e.g. {@code None} for a headless Service).
   *
   * @param clusterIp the cluster IP
   * @return this builder
   */
  public ServiceBuilder clusterIp(String clusterIp) {
    this.clusterIp = clusterIp;
    return this;
  }

  /**
   * Makes this an {@code ExternalName} Service pointing at a host.
   *
   * @param host the external host name
   * @return this builder
   */
  public ServiceBuilder externalName(String host) {
    this.type = "ExternalName";
    this.externalName = host;
    return this;
  }

  /**
   * Adds a TCP port.
   *
   * @param name port name, may be empty
   * @param port the Service port, 1..65535
   * @param targetPort the Pod port, by number or name
   * @return this builder
   */
  public ServiceBuilder port(String name, int port, IntOrString targetPort) {
    ports.add(
        new Service.ServicePort(name.isEmpty() ? null : name, "TCP", port, targetPort, null, null));
    return this;
  }

  /**
   * Adds a port as given.
   *
   * @param port the port
   * @return this builder
   */
  public ServiceBuilder port(Service.ServicePort port) {
    ports.add(port);
    return this;
  }

  /**
   * Adds a selector entry.
   *
   * @param key label key
   * @param value label value
   * @return this builder
   */
  public ServiceBuilder selector(String key, String value) {
    selector.put(key, value);
    return this;
  }

  @Override
  void check(List<String> problems) {
    for (int i = 0; i < ports.size(); i++) {
      checkPort(problems, "spec.ports[" + i + "].port", ports.get(i).port());
    }
    if ("ExternalName".equals(type) && blank(externalName)) {
      problems.add("spec.externalName is required for type ExternalName");
    }
    if (ports.size() > 1) {
      for (int i = 0; i < ports.size(); i++) {
        if (blank(ports.get(i).name())) {
          problems.add("spec.ports[" + i + "].name is required when a Service has several ports");
        }
      }
    }
  }

  @Override
  Service create(String apiVersion, ObjectMeta metadata) {
    return new Service(
        apiVersion, metadata, new Service.Spec(type, clusterIp, externalName, ports, selector));
  }
}
