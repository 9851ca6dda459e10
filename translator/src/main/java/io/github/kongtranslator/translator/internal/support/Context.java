package io.github.kongtranslator.translator.internal.support;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.IngressClass;
import io.github.kongtranslator.core.model.IngressClassParameters;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.translator.FeatureFlag;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslatorOptions;
import io.github.kongtranslator.translator.internal.entities.Entities;
import io.github.kongtranslator.translator.internal.entities.KongIds;
import io.github.kongtranslator.translator.internal.entities.Tags;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The environment of one translation run, the same for every stage: the snapshot and options, the
 * class rules, shared tag lists, and the failure log. It holds no entities: each stage returns what
 * it built ({@code assembly.TranslationRun} composes them).
 */
public final class Context {
  public static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";
  static final String DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";

  public final CacheStores stores;
  public final TranslatorOptions options;

  /** The run's failure log: stages append through {@link #fail} and its variants. */
  private final List<TranslationFailure> failures = new ArrayList<>();

  public final boolean defaultClass;
  public final boolean serviceUpstream;
  public final boolean legacyRegexDetection;

  public Context(CacheStores stores, TranslatorOptions options) {
    this.stores = stores;
    this.options = options;
    Optional<IngressClass> ic =
        stores.get(Kind.INGRESS_CLASS, "", options.ingressClass(), IngressClass.class);
    this.defaultClass =
        ic.map(c -> "true".equals(c.metadata().annotation(DEFAULT_CLASS_ANNOTATION))).orElse(false);
    IngressClassParameters.Spec params =
        ic.flatMap(this::parameters).map(IngressClassParameters::spec).orElse(null);
    this.serviceUpstream = params != null && params.serviceUpstream();
    this.legacyRegexDetection = params != null && params.enableLegacyRegexDetection();
  }

  private Optional<IngressClassParameters> parameters(IngressClass ic) {
    IngressClass.Parameters p = ic.spec().parameters();
    if (p == null
        || !Kind.KONG_GROUP.equals(p.apiGroup())
        || !"IngressClassParameters".equals(p.kind())
        || Strs.isEmpty(p.scope())) {
      return Optional.empty();
    }
    String namespace = p.namespace();
    String name = p.name();
    if (namespace == null || namespace.isEmpty() || name == null) {
      return Optional.empty();
    }
    return stores.get(Kind.INGRESS_CLASS_PARAMETERS, namespace, name, IngressClassParameters.class);
  }

  private @Nullable Map<String, List<io.github.kongtranslator.core.model.EndpointSlice>>
      slicesByService;

  /** EndpointSlices of a Service ({@code namespace/name}), in store order; indexed once per run. */
  public List<io.github.kongtranslator.core.model.EndpointSlice> endpointSlices(
      String namespace, String service) {
    Map<String, List<io.github.kongtranslator.core.model.EndpointSlice>> bySvc = slicesByService;
    if (bySvc == null) {
      bySvc = new java.util.HashMap<>();
      for (var es :
          stores.list(
              Kind.ENDPOINT_SLICE, io.github.kongtranslator.core.model.EndpointSlice.class)) {
        bySvc
            .computeIfAbsent(
                es.metadata().namespace() + "/" + es.serviceName(), k -> new ArrayList<>())
            .add(es);
      }
      slicesByService = bySvc;
    }
    return bySvc.getOrDefault(namespace + "/" + service, List.of());
  }

  public boolean flag(FeatureFlag f) {
    return options.isEnabled(f);
  }

  public void fail(String reason, K8sObject... blamed) {
    failRefs(reason, Arrays.stream(blamed).map(K8sObject::ref).toList());
  }

  public void fail(String reason, List<? extends K8sObject> blamed) {
    failRefs(reason, blamed.stream().map(K8sObject::ref).toList());
  }

  void failRefs(String reason, List<ObjectRef> refs) {
    failRefs(reason, TranslationFailure.Effect.PARTIAL, refs);
  }

  /**
   * A failure whose objects would be served without a protection they ask for (a plugin, a
   * credential, a consumer group): {@link TranslationFailure.Effect#UNPROTECTED}. Blame the object
   * that cannot be translated first (e.g. the plugin), then the objects whose entities would lack
   * it; the fail-closed entry points leave them all out with their dependents.
   */
  public void failUnprotected(String reason, K8sObject... blamed) {
    failUnprotected(reason, Arrays.asList(blamed));
  }

  void failUnprotected(String reason, java.util.Collection<? extends K8sObject> blamed) {
    List<ObjectRef> refs = new ArrayList<>();
    for (K8sObject o : blamed) {
      if (!refs.contains(o.ref())) {
        refs.add(o.ref());
      }
    }
    failRefs(reason, TranslationFailure.Effect.UNPROTECTED, refs);
  }

  private void failRefs(String reason, TranslationFailure.Effect effect, List<ObjectRef> refs) {
    List<ObjectRef> kept = refs.stream().filter(Objects::nonNull).toList();
    if (!kept.isEmpty()) {
      failures.add(TranslationFailure.of(reason, effect, kept));
    }
  }

  /**
   * Runs one object's translation; an unexpected exception becomes a failure on the object so that
   * one bad object never aborts the run. Only the exception type is reported: messages of parsing
   * libraries may quote input, which could be secret.
   */
  public void guard(K8sObject o, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      fail(
          "unexpected error while translating " + o.ref() + ": " + e.getClass().getSimpleName(), o);
    }
  }

  /** Class rule for objects that only use the class annotation (§2.2). */
  public boolean annotationClassMatches(K8sObject o) {
    String c = o.metadata().annotation(CLASS_ANNOTATION);
    if (c == null || c.isEmpty()) {
      return defaultClass;
    }
    return c.equals(options.ingressClass());
  }

  /**
   * The {@link Tags#of(K8sObject) tags} of an object, built once per run: the entities made from
   * one object then share one list (and {@link Entities.TagNodes} one node).
   */
  public ImmutableList<String> tags(K8sObject o) {
    return tags.computeIfAbsent(o, Tags::of);
  }

  private final IdentityHashMap<K8sObject, ImmutableList<String>> tags = new IdentityHashMap<>();

  /** Objects of a kind sorted by namespace/name (byte order), then by creation time. */
  public <T extends K8sObject> List<T> sorted(Kind kind, Class<T> type) {
    List<T> objects = stores.list(kind, type);
    // each object's key built once, not once per comparison
    List<Map.Entry<String, T>> keyed = new ArrayList<>(objects.size());
    for (T o : objects) {
      keyed.add(Map.entry(o.metadata().namespace() + "/" + o.metadata().name(), o));
    }
    keyed.sort(Map.Entry.comparingByKey(Strs.BYTES));
    List<T> list = new ArrayList<>(keyed.size());
    for (Map.Entry<String, T> e : keyed) {
      list.add(e.getValue());
    }
    list.sort(
        Comparator.comparing((T o) -> o.metadata().creationTimestamp(), Context::compareTime));
    return list;
  }

  /** Creation timestamps compare as RFC 3339 text; an absent one sorts as the zero time. */
  public static int compareTime(String a, String b) {
    return a.compareTo(b);
  }

  public String id(String plural, String key) {
    return KongIds.id(plural, key, options.workspace());
  }

  /**
   * The failures logged so far.
   *
   * @return a copy, in the order logged
   */
  public ImmutableList<TranslationFailure> failures() {
    return ImmutableList.copyOf(failures);
  }

  static <T> ImmutableList<T> copy(List<T> l) {
    return ImmutableList.copyOf(l);
  }
}
