package io.github.kongtranslator.core.model.builder;

import io.github.kongtranslator.core.model.EndpointSlice;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Builds an {@link EndpointSlice}; start with {@link K8sBuilders#endpointSlice()}. */
public final class EndpointSliceBuilder extends ObjectBuilder<EndpointSlice, EndpointSliceBuilder> {
  private static final Set<String> ADDRESS_TYPES = Set.of("IPv4", "IPv6", "FQDN");

  private @Nullable String addressType;
  private final List<EndpointSlice.Endpoint> endpoints = new ArrayList<>();
  private final List<EndpointSlice.EndpointPort> ports = new ArrayList<>();

  EndpointSliceBuilder() {
    super(Kind.ENDPOINT_SLICE);
  }

  /**
   * Names the owning Service (the {@code kubernetes.io/service-name} label).
   *
   * @param service the Service's name, in the slice's namespace
   * @return this builder
   */
  public EndpointSliceBuilder serviceName(String service) {
    return label(EndpointSlice.SERVICE_NAME_LABEL, service);
  }

  /**
   * Sets {@code addressType} (required): {@code IPv4}, {@code IPv6} or {@code FQDN}.
   *
   * @param addressType the address type
   * @return this builder
   */
  public EndpointSliceBuilder addressType(String addressType) {
    this.addressType = addressType;
    return this;
  }

  /**
   * Adds an endpoint with the given readiness.
   *
   * @param ready the {@code ready} condition
   * @param addresses its addresses (at least one)
   * @return this builder
   */
  public EndpointSliceBuilder endpoint(boolean ready, String... addresses) {
    endpoints.add(
        new EndpointSlice.Endpoint(
            List.of(addresses), new EndpointSlice.Conditions(ready, null, null), null, null));
    return this;
  }

  /**
   * Adds an endpoint as given.
   *
   * @param endpoint the endpoint
   * @return this builder
   */
  public EndpointSliceBuilder endpoint(EndpointSlice.Endpoint endpoint) {
    endpoints.add(endpoint);
    return this;
  }

  /**
   * Adds a TCP port.
   *
   * @param name the port's name, matching the Service port's name (may be empty)
   * @param port the port, 1..65535
   * @return this builder
   */
  public EndpointSliceBuilder port(String name, int port) {
    ports.add(new EndpointSlice.EndpointPort(name, port, "TCP", null));
    return this;
  }

  @Override
  void check(List<String> problems) {
    if (blank(addressType)) {
      problems.add("addressType is required (IPv4, IPv6 or FQDN)");
    } else if (!ADDRESS_TYPES.contains(addressType)) {
      problems.add("addressType must be IPv4, IPv6 or FQDN, found " + addressType);
    }
    for (int i = 0; i < endpoints.size(); i++) {
      if (endpoints.get(i).addresses().isEmpty()) {
        problems.add("endpoints[" + i + "].addresses needs at least one address");
      }
    }
    for (int i = 0; i < ports.size(); i++) {
      if (ports.get(i).port() != null) {
        checkPort(problems, "ports[" + i + "].port", ports.get(i).port());
      }
    }
  }

  @Override
  EndpointSlice create(String apiVersion, ObjectMeta metadata) {
    return new EndpointSlice(apiVersion, metadata, addressType, endpoints, ports);
  }
}
