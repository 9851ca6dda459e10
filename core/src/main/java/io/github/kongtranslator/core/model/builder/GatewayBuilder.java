package io.github.kongtranslator.core.model.builder;

import io.github.kongtranslator.core.model.Gateway;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectMeta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Builds a {@link Gateway} (without status); start with {@link K8sBuilders#gateway()}. */
public final class GatewayBuilder extends ObjectBuilder<Gateway, GatewayBuilder> {
  private @Nullable String gatewayClassName;
  private final List<Gateway.Listener> listeners = new ArrayList<>();
  private final List<Gateway.Address> addresses = new ArrayList<>();

  GatewayBuilder() {
    super(Kind.GATEWAY);
  }

  /**
   * Sets {@code spec.gatewayClassName} (required).
   *
   * @param className the GatewayClass's name
   * @return this builder
   */
  public GatewayBuilder gatewayClassName(String className) {
    this.gatewayClassName = className;
    return this;
  }

  /**
   * Adds a listener without TLS.
   *
   * @param name the listener's name, unique in the Gateway
   * @param port the port, 1..65535
   * @param protocol e.g. {@code HTTP}
   * @return this builder
   */
  public GatewayBuilder listener(String name, int port, String protocol) {
    listeners.add(new Gateway.Listener(name, null, port, protocol, null, null));
    return this;
  }

  /**
   * Adds a listener as given.
   *
   * @param listener the listener
   * @return this builder
   */
  public GatewayBuilder listener(Gateway.Listener listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * Adds an address.
   *
   * @param type e.g. {@code IPAddress}
   * @param value the address
   * @return this builder
   */
  public GatewayBuilder address(String type, String value) {
    addresses.add(new Gateway.Address(type, value));
    return this;
  }

  @Override
  void check(List<String> problems) {
    if (blank(gatewayClassName)) {
      problems.add("spec.gatewayClassName is required");
    }
    if (listeners.isEmpty()) {
      problems.add("spec.listeners needs at least one listener");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < listeners.size(); i++) {
      Gateway.Listener l = listeners.get(i);
      String at = "spec.listeners[" + i + "]";
      if (blank(l.name())) {
        problems.add(at + ".name is required");
      } else if (!names.add(l.name())) {
        problems.add(at + ".name " + l.name() + " is used by an earlier listener");
      }
      checkPort(problems, at + ".port", l.port());
      if (blank(l.protocol())) {
        problems.add(at + ".protocol is required");
      }
    }
  }

  @Override
  Gateway create(String apiVersion, ObjectMeta metadata) {
    return new Gateway(
        apiVersion, metadata, new Gateway.Spec(gatewayClassName, listeners, addresses), null);
  }
}
