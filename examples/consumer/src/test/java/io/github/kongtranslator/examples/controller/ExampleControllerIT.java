package io.github.kongtranslator.examples.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.fabric8.informer.internal.KindResources;
import io.github.kongtranslator.fallback.gateway.GatewayClient;
import io.github.kongtranslator.fallback.gateway.PushOutcome;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.kongmodel.io.KongConfigWriter;
import io.github.kongtranslator.kongmodel.sha.ConfigSha;
import io.github.kongtranslator.translator.TranslatorOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The example controller end to end against fabric8's mock API server and a recording gateway. */
@EnableKubernetesMockClient(crud = true, kubernetesClientBuilderCustomizer = ExampleControllerIT.Jdk.class)
class ExampleControllerIT {
  static KubernetesClient client;

  /** The JDK's HTTP client (vert.x's async DNS resolver stalls where no name server answers). */
  public static final class Jdk implements Consumer<KubernetesClientBuilder> {
    @Override
    public void accept(KubernetesClientBuilder b) {
      b.withHttpClientFactory(new JdkHttpClientFactory());
    }
  }

  /** Accepts every configuration and keeps them. */
  static final class RecordingGateway implements GatewayClient {
    final List<KongConfig> pushed = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
      return "kong-0";
    }

    @Override
    public boolean isAtomic() {
      return true;
    }

    @Override
    public PushOutcome push(KongConfig config, ConfigSha sha) {
      pushed.add(config);
      return PushOutcome.accepted();
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("timed out waiting for " + what).isNegative();
      Thread.sleep(50);
    }
  }

  @SuppressWarnings("unchecked")
  private static String programmed(String ns, String name) {
    GenericKubernetesResource p = client.genericKubernetesResources(KindResources.context(Kind.KONG_CONSUMER))
        .inNamespace(ns).withName(name).get();
    Object status = p.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> s) || !(s.get("conditions") instanceof List<?> cs) || cs.isEmpty()) {
      return "";
    }
    return String.valueOf(((Map<String, Object>) cs.get(0)).get("status"));
  }

  private static String yaml(KongConfig config) {
    return KongConfigWriter.yaml().write(config);
  }

  @Test
  void objectsCreatedInTheCluster_arePushedToKong_andTheirStatusIsWritten() throws Exception {
    client.resource(new ServiceBuilder().withNewMetadata().withName("echo").withNamespace("demo")
        .addToAnnotations("konghq.com/plugins", "auth").endMetadata().withNewSpec().addNewPort()
        .withName("http").withPort(80).withTargetPort(new IntOrString(8080)).withProtocol("TCP")
        .endPort().endSpec().build()).create();
    client.resource(new IngressBuilder().withNewMetadata().withName("web").withNamespace("demo").endMetadata()
        .withNewSpec().withIngressClassName("kong").addNewRule().withHost("example.com").withNewHttp()
        .addNewPath().withPath("/").withPathType("Prefix").withNewBackend().withNewService()
        .withName("echo").withNewPort().withNumber(80).endPort().endService().endBackend().endPath()
        .endHttp().endRule().endSpec().build()).create();
    client.genericKubernetesResources(KindResources.context(Kind.KONG_PLUGIN)).inNamespace("demo")
        .resource(new GenericKubernetesResourceBuilder().withApiVersion("configuration.konghq.com/v1")
            .withKind("KongPlugin").withNewMetadata().withName("auth").withNamespace("demo").endMetadata()
            .addToAdditionalProperties("plugin", "key-auth").build()).create();
    client.genericKubernetesResources(KindResources.context(Kind.KONG_CONSUMER)).inNamespace("demo")
        .resource(new GenericKubernetesResourceBuilder().withApiVersion("configuration.konghq.com/v1")
            .withKind("KongConsumer").withNewMetadata().withName("alice").withNamespace("demo")
            .addToAnnotations("kubernetes.io/ingress.class", "kong").endMetadata()
            .addToAdditionalProperties("username", "alice").build()).create();
    RecordingGateway kong = new RecordingGateway();

    try (ExampleController controller = new ExampleController(client, kong, TranslatorOptions.defaults(),
        "replica-0", "demo").start()) {
      await("leadership", controller::isLeader);
      await("the informers' first lists", controller::hasSynced);
      await("a push with the Ingress's host", () -> !kong.pushed.isEmpty()
          && yaml(kong.pushed.get(kong.pushed.size() - 1)).contains("example.com"));
      // Statuses computed it (KIC writes Programmed on KongConsumers), the StatusWriter wrote it
      await("Programmed=True on the KongConsumer", () -> programmed("demo", "alice").equals("True"));

      assertThat(yaml(kong.pushed.get(kong.pushed.size() - 1))).contains("key-auth");
    }
  }
}
