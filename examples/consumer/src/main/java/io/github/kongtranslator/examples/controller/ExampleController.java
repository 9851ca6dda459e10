package io.github.kongtranslator.examples.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fabric8.convert.ConversionException;
import io.github.kongtranslator.fabric8.convert.ObjectConverter;
import io.github.kongtranslator.fabric8.informer.BridgeListener;
import io.github.kongtranslator.fabric8.informer.InformerBridge;
import io.github.kongtranslator.fabric8.leader.LeaderElection;
import io.github.kongtranslator.fabric8.leader.LeaderGatedSync;
import io.github.kongtranslator.fabric8.status.StatusWriteException;
import io.github.kongtranslator.fabric8.status.StatusWriter;
import io.github.kongtranslator.fallback.gateway.GatewayClient;
import io.github.kongtranslator.fallback.status.StatusChange;
import io.github.kongtranslator.fallback.status.StatusReport;
import io.github.kongtranslator.fallback.status.Statuses;
import io.github.kongtranslator.fallback.gateway.KongAdminClient;
import io.github.kongtranslator.fallback.sync.ConfigSynchronizer;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.translator.Translator;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.gatewayapi.AttachmentOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small but complete controller on kong-translator and the fabric8 client:
 *
 * <ol>
 *   <li>an {@link InformerBridge} keeps an {@link ObjectCache} in step with the cluster (every
 *       replica, so followers stay warm);
 *   <li>a {@link LeaderElection} on a {@code Lease} decides which replica pushes; a {@link
 *       LeaderGatedSync} gives each leadership term a fresh {@link ConfigSynchronizer}, so the
 *       gateway starts {@code UNKNOWN} and the new leader's first tick always pushes;
 *   <li>after each change (debounced) and every few seconds the leader translates the cache's
 *       snapshot and pushes it to Kong's Admin API, falling back around broken objects;
 *   <li>the leader writes the status the library computes ({@link Statuses}: KIC's {@code
 *       Programmed} condition on KongConsumers and KongConsumerGroups, route parent statuses,
 *       managed Gateways' conditions and listeners) onto the objects, only when it changes.
 * </ol>
 *
 * <p>Run it against a cluster ({@code ~/.kube/config} or in-cluster) and a DB-less Kong:
 * {@code KONG_ADMIN_URL=http://localhost:8001 POD_NAME=me java -cp ... ExampleController}.
 */
public final class ExampleController implements AutoCloseable {
  private final ObjectCache cache = new ObjectCache();
  private final InformerBridge bridge;
  private final LeaderGatedSync gate;
  private final LeaderElection election;
  private final StatusWriter status;
  private final KubernetesClient client;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "kong-translator-sync");
    t.setDaemon(true);
    return t;
  });
  private final AtomicBoolean dirty = new AtomicBoolean(true);
  /** The statuses written last (a new leader starts from none, so it re-checks every object). */
  private StatusReport written = StatusReport.EMPTY;

  /**
   * Wires a controller (nothing runs until {@link #start()}).
   *
   * @param client the Kubernetes client
   * @param kong the gateway to configure (e.g. {@link KongAdminClient#dbLess(URI)})
   * @param options translator options (the ingress class among them)
   * @param identity this replica's identity for leader election (e.g. the Pod name)
   * @param leaseNamespace where the Lease lives
   */
  public ExampleController(KubernetesClient client, GatewayClient kong, TranslatorOptions options,
      String identity, String leaseNamespace) {
    this.client = client;
    Translator translator = Translator.create(options);
    this.bridge = InformerBridge.builder(cache)
        .ingressClass(options.ingressClass())
        .converter(ObjectConverter.using(client.getKubernetesSerialization()))
        .listener(new BridgeListener() {
          @Override
          public void changed(ObjectRef ref) {
            dirty.set(true);
          }

          @Override
          public void conversionFailed(ConversionException error) {
            System.err.println("kong-translator: " + error.getMessage());
          }
        })
        .build();
    this.gate = new LeaderGatedSync(() -> ConfigSynchronizer.builder(translator).gateway(kong).build());
    this.election = LeaderElection.builder(client, leaseNamespace, "kong-translator-example", identity)
        .onStartLeading(() -> {
          gate.startLeading();
          synchronized (this) {
            written = StatusReport.EMPTY; // a new leader re-checks every status once
          }
          dirty.set(true);
        })
        .onStopLeading(gate::stopLeading)
        .build();
    this.status = StatusWriter.create(client);
  }

  /** Starts the informers, the election and the sync loop. */
  public ExampleController start() {
    bridge.start(client);
    election.start();
    // a change is pushed within 200 ms; an idle loop still ticks every 3 s (cheap: nothing
    // is sent while the gateway is known to run the snapshot's configuration)
    loop.scheduleWithFixedDelay(this::tickQuietly, 200, 200, TimeUnit.MILLISECONDS);
    loop.scheduleWithFixedDelay(() -> dirty.set(true), 3, 3, TimeUnit.SECONDS);
    return this;
  }

  /** Whether this replica leads. */
  public boolean isLeader() {
    return gate.isLeading();
  }

  /** Whether every informer has listed its kind once (nothing is pushed before). */
  public boolean hasSynced() {
    return bridge.hasSynced();
  }

  /** The cache the informers feed. */
  public ObjectCache cache() {
    return cache;
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) {
      System.err.println("kong-translator: tick failed: " + e.getClass().getSimpleName());
    }
  }

  /**
   * One tick: when the informers have listed everything and something changed, sync (if
   * leading) and write statuses.
   *
   * @return the sync result, empty when nothing ran
   */
  Optional<SyncResult> tick() {
    if (!bridge.hasSynced() || !dirty.getAndSet(false)) {
      return Optional.empty(); // never push a half-listed cluster
    }
    CacheStores snapshot = cache.snapshot();
    Optional<SyncResult> result = gate.sync(snapshot);
    result.ifPresent(r -> writeStatus(snapshot, r));
    return result;
  }

  private void writeStatus(CacheStores snapshot, SyncResult result) {
    StatusReport report = Statuses.of(snapshot, result,
        AttachmentOptions.of(AttachmentOptions.KIC_CONTROLLER_NAME));
    StatusReport previous;
    synchronized (this) {
      previous = written;
    }
    boolean allWritten = true;
    for (StatusChange change : report.changesSince(previous)) {
      if (change.current() == null) {
        continue; // the object is gone: nothing to write on
      }
      try {
        status.write(change.current());
      } catch (StatusWriteException e) {
        allWritten = false; // tried again on the next tick
        System.err.println("kong-translator: " + e.getMessage());
      }
    }
    if (allWritten) {
      synchronized (this) {
        written = report;
      }
    }
  }

  /** Stops the loop, leaves the election and stops the informers. */
  @Override
  public void close() {
    loop.shutdownNow();
    election.close();
    bridge.close();
  }

  /**
   * Runs the controller until the process ends.
   *
   * @param args none; configuration comes from the environment: {@code KONG_ADMIN_URL}
   *     (required), {@code INGRESS_CLASS} (default {@code kong}), {@code POD_NAME} (default the
   *     host name), {@code POD_NAMESPACE} (default {@code default})
   * @throws Exception when interrupted
   */
  public static void main(String[] args) throws Exception {
    String admin = System.getenv("KONG_ADMIN_URL");
    if (admin == null || admin.isEmpty()) {
      System.err.println("set KONG_ADMIN_URL to Kong's Admin API, e.g. http://localhost:8001");
      System.exit(2);
    }
    String ingressClass = env("INGRESS_CLASS", "kong");
    String identity = env("POD_NAME", java.net.InetAddress.getLocalHost().getHostName());
    KubernetesClient client = new KubernetesClientBuilder().build();
    ExampleController controller = new ExampleController(client,
        KongAdminClient.dbLess(URI.create(admin)),
        TranslatorOptions.builder().ingressClass(ingressClass).build(),
        identity, env("POD_NAMESPACE", "default")).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      controller.close();
      client.close();
    }));
    Thread.sleep(Duration.ofDays(3650).toMillis());
  }

  private static String env(String name, String otherwise) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? otherwise : v;
  }
}
