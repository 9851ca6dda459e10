package io.github.kongtranslator.translator.gatewayapi;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What attachment needs beyond the snapshot.
 *
 * @param controllerName the Gateway controller name: a Gateway is managed when its GatewayClass has
 *     this {@code spec.controllerName} (KIC's default is {@link #KIC_CONTROLLER_NAME})
 * @param namespaceLabels labels of Namespaces, for {@code allowedRoutes.namespaces.from: Selector};
 *     every namespace also carries {@code kubernetes.io/metadata.name: <name>} as on a real API
 *     server
 * @param kongListens the protocols and ports Kong listens on (KIC reads them from the proxy Service
 *     and the data plane); empty when unknown, and then no listener is refused for them
 */
public record AttachmentOptions(
    String controllerName,
    ImmutableMap<String, ImmutableMap<String, String>> namespaceLabels,
    ImmutableList<KongListen> kongListens) {

  /** KIC's default Gateway controller name. */
  public static final String KIC_CONTROLLER_NAME = "konghq.com/kic-gateway-controller";

  /**
   * A protocol and port Kong listens on.
   *
   * @param protocol the Gateway API protocol ({@code HTTP}, {@code HTTPS}, {@code TLS}, {@code
   *     TCP}, {@code UDP})
   * @param port the port as the Gateway listener names it
   */
  public record KongListen(String protocol, int port) {
    /**
     * Validates the components.
     *
     * @param protocol the Gateway API protocol ({@code HTTP}, {@code HTTPS}, {@code TLS}, {@code
     *     TCP}, {@code UDP})
     * @param port the port as the Gateway listener names it
     */
    public KongListen {
      Objects.requireNonNull(protocol, "protocol");
    }
  }

  /**
   * Validates and copies the components.
   *
   * @param controllerName the Gateway controller name: a Gateway is managed when its GatewayClass
   *     has this {@code spec.controllerName} (KIC's default is {@link #KIC_CONTROLLER_NAME})
   * @param namespaceLabels labels of Namespaces, for {@code allowedRoutes.namespaces.from:
   *     Selector}; every namespace also carries {@code kubernetes.io/metadata.name: <name>} as on a
   *     real API server
   * @param kongListens the protocols and ports Kong listens on (KIC reads them from the proxy
   *     Service and the data plane); empty when unknown, and then no listener is refused for them
   */
  public AttachmentOptions {
    Objects.requireNonNull(controllerName, "controllerName");
    namespaceLabels = ImmutableMap.copyOf(namespaceLabels);
    kongListens = ImmutableList.copyOf(kongListens);
  }

  /**
   * Options for a controller name, no extra namespace labels, Kong listens unknown.
   *
   * @param controllerName the controller name
   * @return the options
   */
  public static AttachmentOptions of(String controllerName) {
    return new AttachmentOptions(controllerName, ImmutableMap.of(), ImmutableList.of());
  }

  /**
   * These options with namespace labels.
   *
   * @param labels labels per namespace name
   * @return new options
   */
  public AttachmentOptions withNamespaceLabels(Map<String, ? extends Map<String, String>> labels) {
    ImmutableMap.Builder<String, ImmutableMap<String, String>> b = ImmutableMap.builder();
    labels.forEach((k, v) -> b.put(k, ImmutableMap.copyOf(v)));
    return new AttachmentOptions(controllerName, b.buildKeepingLast(), kongListens);
  }

  /**
   * These options with the listens of Kong.
   *
   * @param listens the listens
   * @return new options
   */
  public AttachmentOptions withKongListens(List<KongListen> listens) {
    return new AttachmentOptions(controllerName, namespaceLabels, ImmutableList.copyOf(listens));
  }

  /**
   * The listens of Kong.
   *
   * @return the listens, empty when unknown
   */
  public Optional<ImmutableList<KongListen>> listens() {
    return kongListens.isEmpty() ? Optional.empty() : Optional.of(kongListens);
  }
}
