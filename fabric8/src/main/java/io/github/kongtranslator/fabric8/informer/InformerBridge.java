package io.github.kongtranslator.fabric8.informer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.github.kongtranslator.core.cache.ObjectCache;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fabric8.convert.ConversionException;
import io.github.kongtranslator.fabric8.convert.ObjectConverter;
import io.github.kongtranslator.fabric8.informer.internal.KindResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps an {@link ObjectCache} in step with fabric8 {@link SharedIndexInformer}s: adds and updates
 * are converted ({@link ObjectConverter}) and upserted, deletes remove the object by its {@link
 * ObjectRef} (kind, namespace, name) — also when the informer missed the final state ({@code
 * deletedFinalStateUnknown}: the tombstone's last known object gives the key). Resyncs and updates
 * that change nothing the model reads leave the cache untouched and are not reported.
 *
 * <pre>{@code
 * ObjectCache cache = new ObjectCache();
 * InformerBridge bridge = InformerBridge.builder(cache)
 *     .ingressClass("kong")
 *     .listener(new BridgeListener() {
 *       public void changed(ObjectRef ref) { syncSoon(); }
 *     })
 *     .build()
 *     .start(client);                       // one informer per watched kind
 * bridge.awaitSynced(Duration.ofMinutes(1)); // the initial lists are in the cache
 * }</pre>
 *
 * <p><b>Only what the controller watches:</b> objects of kinds outside {@link Builder#kinds(Set)}
 * are ignored, and Ingresses, TCPIngresses and UDPIngresses whose class (the {@code
 * kubernetes.io/ingress.class} annotation or, for Ingress, {@code spec.ingressClassName}) names
 * another class are kept out of the cache (an object that moves to another class is removed).
 * Objects without a class stay: whether the served class is the default one is the translator's
 * decision, as is the class rule for kinds that other objects refer to (consumers, plugins,
 * consumer groups, vaults).
 *
 * <p>Thread-safe: informers may call the handler from their own threads.
 */
public final class InformerBridge implements AutoCloseable {
  private static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";

  private final ObjectCache cache;
  private final ObjectConverter converter;
  private final ImmutableSet<Kind> kinds;
  private final String ingressClass;
  private final BridgeListener listener;
  private final List<SharedIndexInformer<? extends HasMetadata>> started = new ArrayList<>();
  private final List<SharedIndexInformer<? extends HasMetadata>> attached = new ArrayList<>();
  private final AtomicLong changes = new AtomicLong();

  private InformerBridge(Builder b) {
    this.cache = b.cache;
    this.converter = b.converter;
    this.kinds = b.kinds;
    this.ingressClass = b.ingressClass;
    this.listener = b.listener;
  }

  /**
   * A builder. Defaults: every kind, ingress class {@code kong}, fabric8's default serialization,
   * no listener.
   *
   * @param cache the cache to keep in step
   * @return a builder
   */
  public static Builder builder(ObjectCache cache) {
    return new Builder(cache);
  }

  /** {@return the kinds this bridge keeps in the cache} */
  public ImmutableSet<Kind> kinds() {
    return kinds;
  }

  /**
   * The event handler, for informers the controller creates itself (see also {@link
   * #attach(SharedIndexInformer)}).
   *
   * @param <T> the informer's resource type
   * @return a handler that updates the cache
   */
  public <T extends HasMetadata> ResourceEventHandler<T> handler() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        apply(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        apply(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        remove(obj);
      }
    };
  }

  /**
   * Adds this bridge's handler to an informer the controller created (started or not). Its sync
   * state then counts for {@link #hasSynced()}.
   *
   * @param informer the informer
   * @return this bridge
   */
  public synchronized InformerBridge attach(SharedIndexInformer<? extends HasMetadata> informer) {
    informer.addEventHandler(handler());
    attached.add(informer);
    return this;
  }

  /**
   * Creates and starts one informer per watched kind, in every namespace, without resync.
   *
   * @param client the client
   * @return this bridge
   */
  public InformerBridge start(KubernetesClient client) {
    return start(client, "", Duration.ZERO);
  }

  /**
   * Creates and starts one informer per watched kind. Call once.
   *
   * @param client the client
   * @param namespace the namespace to watch, empty for all (cluster-scoped kinds are watched
   *     cluster-wide)
   * @param resync the informers' resync period, {@link Duration#ZERO} for none
   * @return this bridge
   */
  public synchronized InformerBridge start(
      KubernetesClient client, String namespace, Duration resync) {
    if (!started.isEmpty()) {
      throw new IllegalStateException("InformerBridge.start was already called");
    }
    for (Kind k : kinds) {
      SharedIndexInformer<? extends HasMetadata> informer =
          KindResources.informer(client, k, namespace, resync.toMillis());
      informer.addEventHandler(handler());
      started.add(informer);
      attached.add(informer);
    }
    for (SharedIndexInformer<? extends HasMetadata> i : started) {
      i.start();
    }
    return this;
  }

  /** {@return whether every informer started or attached here has listed its objects once} */
  public synchronized boolean hasSynced() {
    return attached.stream().allMatch(SharedIndexInformer::hasSynced);
  }

  /**
   * Waits until {@link #hasSynced()} or the timeout.
   *
   * @param timeout how long to wait at most
   * @return whether every informer synced in time
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!hasSynced()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
    return true;
  }

  /** {@return how many times the cache changed through this bridge (monotonic)} */
  public long changes() {
    return changes.get();
  }

  /** Stops the informers this bridge started (not the attached ones). */
  @Override
  public synchronized void close() {
    started.forEach(SharedIndexInformer::stop);
  }

  private void apply(HasMetadata resource) {
    Optional<ObjectRef> ref = ObjectConverter.refOf(resource);
    if (ref.isEmpty()) {
      return;
    }
    Kind kind = ref.get().knownKind().orElseThrow();
    if (!kinds.contains(kind)) {
      return;
    }
    if (!classAccepted(kind, resource)) {
      if (cache.delete(ref.get())) {
        changed(ref.get());
      }
      return;
    }
    Optional<K8sObject> object;
    try {
      object = converter.toModel(resource);
    } catch (ConversionException e) {
      listener.conversionFailed(e);
      return;
    }
    if (object.isEmpty()) {
      return;
    }
    if (cache.get(ref.get()).equals(object)) {
      return; // a resync, or a change of fields the model does not read
    }
    cache.upsert(object.get());
    changed(ref.get());
  }

  private void remove(HasMetadata resource) {
    Optional<ObjectRef> ref = ObjectConverter.refOf(resource);
    if (ref.isPresent()
        && kinds.contains(ref.get().knownKind().orElseThrow())
        && cache.delete(ref.get())) {
      changed(ref.get());
    }
  }

  private void changed(ObjectRef ref) {
    changes.incrementAndGet();
    listener.changed(ref);
  }

  /** The class rule applied before the cache (see the class Javadoc). */
  private boolean classAccepted(Kind kind, HasMetadata resource) {
    if (kind != Kind.INGRESS && kind != Kind.TCP_INGRESS && kind != Kind.UDP_INGRESS) {
      return true;
    }
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    String annotated = annotations == null ? null : annotations.get(CLASS_ANNOTATION);
    if (annotated != null && !annotated.isEmpty()) {
      return annotated.equals(ingressClass);
    }
    if (resource instanceof io.fabric8.kubernetes.api.model.networking.v1.Ingress ing
        && ing.getSpec() != null
        && ing.getSpec().getIngressClassName() != null) {
      return ing.getSpec().getIngressClassName().equals(ingressClass);
    }
    return true;
  }

  /** Builds an {@link InformerBridge}. */
  public static final class Builder {
    private final ObjectCache cache;
    private ObjectConverter converter = ObjectConverter.create();
    private ImmutableSet<Kind> kinds = Sets.immutableEnumSet(ImmutableList.copyOf(Kind.values()));
    private String ingressClass = "kong";
    private BridgeListener listener = BridgeListener.NONE;

    private Builder(ObjectCache cache) {
      this.cache = Objects.requireNonNull(cache, "cache");
    }

    /**
     * The kinds to keep in the cache (and to start informers for); all by default.
     *
     * @param value the kinds, not empty
     * @return this builder
     */
    public Builder kinds(Set<Kind> value) {
      if (value.isEmpty()) {
        throw new IllegalArgumentException("an InformerBridge needs at least one kind");
      }
      this.kinds = Sets.immutableEnumSet(value);
      return this;
    }

    /**
     * The ingress class the controller serves; {@code kong} by default. Use the translator's
     * ({@code TranslatorOptions.ingressClass()}).
     *
     * @param value the class
     * @return this builder
     */
    public Builder ingressClass(String value) {
      if (value.isEmpty()) {
        throw new IllegalArgumentException("ingress class must not be empty");
      }
      this.ingressClass = value;
      return this;
    }

    /**
     * The converter, e.g. {@code ObjectConverter.using(client.getKubernetesSerialization())}.
     *
     * @param value the converter
     * @return this builder
     */
    public Builder converter(ObjectConverter value) {
      this.converter = Objects.requireNonNull(value, "converter");
      return this;
    }

    /**
     * Who hears of changes and conversion failures.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(BridgeListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /** {@return builds the bridge; informers start with {@link InformerBridge#start}} */
    public InformerBridge build() {
      return new InformerBridge(this);
    }
  }
}
