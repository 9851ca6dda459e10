package io.github.kongtranslator.core.model.builder;

/**
 * Where builders start: one method per kind users commonly build in code.
 *
 * <pre>{@code
 * Service echo = K8sBuilders.service().namespace("default").name("echo")
 *     .port("http", 80, IntOrString.of(8080)).build();
 * KongPlugin auth = K8sBuilders.kongPlugin().namespace("default").name("auth")
 *     .plugin("key-auth").build();
 * }</pre>
 *
 * <p>Every {@code build()} checks the object as the API server would check its required fields and
 * throws an {@link ObjectBuildException} naming the object otherwise; the {@code apiVersion}
 * defaults to the kind's preferred one.
 */
public final class K8sBuilders {
  private K8sBuilders() {}

  /** {@return a core {@code v1} Service} */
  public static ServiceBuilder service() {
    return new ServiceBuilder();
  }

  /** {@return a {@code discovery.k8s.io/v1} EndpointSlice} */
  public static EndpointSliceBuilder endpointSlice() {
    return new EndpointSliceBuilder();
  }

  /** {@return a core {@code v1} Secret} */
  public static SecretBuilder secret() {
    return new SecretBuilder();
  }

  /** {@return a {@code networking.k8s.io/v1} Ingress} */
  public static IngressBuilder ingress() {
    return new IngressBuilder();
  }

  /** {@return a {@code configuration.konghq.com/v1} KongPlugin} */
  public static KongPluginBuilder kongPlugin() {
    return new KongPluginBuilder();
  }

  /** {@return a {@code configuration.konghq.com/v1} KongClusterPlugin (cluster-scoped)} */
  public static KongClusterPluginBuilder kongClusterPlugin() {
    return new KongClusterPluginBuilder();
  }

  /** {@return a {@code configuration.konghq.com/v1} KongConsumer} */
  public static KongConsumerBuilder kongConsumer() {
    return new KongConsumerBuilder();
  }

  /** {@return a Gateway API HTTPRoute} */
  public static HttpRouteBuilder httpRoute() {
    return new HttpRouteBuilder();
  }

  /** {@return a Gateway API Gateway} */
  public static GatewayBuilder gateway() {
    return new GatewayBuilder();
  }
}
