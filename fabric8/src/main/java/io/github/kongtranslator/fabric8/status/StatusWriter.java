package io.github.kongtranslator.fabric8.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fabric8.informer.internal.KindResources;
import io.github.kongtranslator.fallback.status.ObjectStatus;
import io.github.kongtranslator.translator.gatewayapi.Condition;
import io.github.kongtranslator.translator.gatewayapi.GatewayStatus;
import io.github.kongtranslator.translator.gatewayapi.ListenerStatus;
import io.github.kongtranslator.translator.gatewayapi.ParentStatus;
import io.github.kongtranslator.translator.gatewayapi.RouteGroupKind;
import io.github.kongtranslator.translator.gatewayapi.RouteStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes what the library computed about objects ({@link ObjectStatus} of {@link
 * io.github.kongtranslator.fallback.status.Statuses}, {@link RouteStatus} and {@link GatewayStatus}
 * of {@link io.github.kongtranslator.translator.gatewayapi.GatewayAttachment}) onto the objects'
 * status subresource, only when something changes.
 *
 * <p>For each object the writer reads it, merges the conditions into {@code status.conditions}
 * (replacing conditions of the same type, keeping the others), the route parent statuses into
 * {@code status.parents} (replacing the entry of the same parentRef and controller, keeping the
 * entries of other controllers) and, for a Gateway, its listener statuses into {@code
 * status.listeners} (one entry per listener of ours, in order). Every condition carries its {@code
 * observedGeneration} (the generation it was computed for). A condition's {@code
 * lastTransitionTime} changes only when its {@code status} changes, as {@code
 * meta.SetStatusCondition} does. When the merged status equals the stored one nothing is sent;
 * otherwise the status is replaced with the object's {@code resourceVersion} (a conflict re-reads
 * and retries once).
 *
 * <p>Thread-safe. In a controller with several replicas only the leader writes (see {@link
 * io.github.kongtranslator.fabric8.leader.LeaderGatedSync}).
 */
public final class StatusWriter {
  /** What a write did. */
  public enum Outcome {
    /** The status changed and was written. */
    WRITTEN,
    /** The stored status already said this, or there was nothing to write: nothing was sent. */
    UNCHANGED,
    /** The object does not exist (any more): nothing was sent. */
    NOT_FOUND
  }

  private final KubernetesClient client;
  private final Clock clock;

  private StatusWriter(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * A writer using the client's credentials.
   *
   * @param client the client
   * @return the writer
   */
  public static StatusWriter create(KubernetesClient client) {
    return new StatusWriter(client, Clock.systemUTC());
  }

  /**
   * A writer with a clock for {@code lastTransitionTime} (tests).
   *
   * @param client the client
   * @param clock the clock
   * @return the writer
   */
  public static StatusWriter create(KubernetesClient client, Clock clock) {
    return new StatusWriter(client, clock);
  }

  /**
   * Writes one object's status from a {@link io.github.kongtranslator.fallback.status.StatusReport}
   * if it changed: its conditions, route parents and Gateway listeners. Objects of kinds KIC writes
   * nothing on have none of these: nothing is read or sent.
   *
   * @param status what {@code Statuses} computed for the object
   * @return what happened
   * @throws StatusWriteException when the API server refuses or fails the write (the message names
   *     the object), or the object's kind is not read by this library
   */
  public Outcome write(ObjectStatus status) {
    return write(status.object(), status.conditions(), status.parents(), status.listeners());
  }

  /**
   * Writes a route's parent statuses ({@code Accepted}, {@code ResolvedRefs}, as {@code
   * GatewayAttachment} computed them) if they changed.
   *
   * @param route the route's status
   * @return what happened
   * @throws StatusWriteException when the API server refuses or fails the write
   */
  public Outcome write(RouteStatus route) {
    return write(route.route(), List.of(), route.parents(), List.of());
  }

  /**
   * Writes a managed Gateway's conditions and listener statuses if they changed.
   *
   * @param gateway the Gateway's status
   * @return what happened
   * @throws StatusWriteException when the API server refuses or fails the write
   */
  public Outcome write(GatewayStatus gateway) {
    return write(gateway.gateway(), gateway.conditions(), List.of(), gateway.listeners());
  }

  private Outcome write(
      ObjectRef ref,
      List<Condition> conditions,
      List<ParentStatus> parents,
      List<ListenerStatus> listeners) {
    Kind kind =
        ref.knownKind()
            .orElseThrow(
                () ->
                    new StatusWriteException(
                        ref,
                        "kind "
                            + ref.kind()
                            + " of group "
                            + ref.group()
                            + " is not read by kong-translator",
                        null));
    if (conditions.isEmpty() && parents.isEmpty() && listeners.isEmpty()) {
      return Outcome.UNCHANGED;
    }
    var op = client.genericKubernetesResources(KindResources.context(kind));
    Resource<GenericKubernetesResource> resource =
        kind.namespaced()
            ? op.inNamespace(ref.namespace()).withName(ref.name())
            : op.withName(ref.name());
    for (int attempt = 0; ; attempt++) {
      try {
        GenericKubernetesResource stored = resource.get();
        if (stored == null) {
          return Outcome.NOT_FOUND;
        }
        Map<String, Object> current = statusOf(stored);
        Map<String, Object> desired =
            merge(current, ref.namespace(), conditions, parents, listeners);
        if (desired.equals(current)) {
          return Outcome.UNCHANGED;
        }
        stored.setAdditionalProperty("status", desired);
        op.resource(stored).updateStatus();
        return Outcome.WRITTEN;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409 && attempt == 0) {
          continue; // someone else wrote the object since we read it: read again
        }
        throw new StatusWriteException(
            ref, "HTTP " + e.getCode() + " " + e.getClass().getSimpleName(), e);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> statusOf(GenericKubernetesResource r) {
    Object s = r.getAdditionalProperties().get("status");
    return s instanceof Map<?, ?> m
        ? new LinkedHashMap<>((Map<String, Object>) m)
        : new LinkedHashMap<>();
  }

  /** The stored status with the new conditions, parents and listeners merged in. */
  Map<String, Object> merge(
      Map<String, Object> current,
      String namespace,
      List<Condition> conditions,
      List<ParentStatus> parents,
      List<ListenerStatus> listeners) {
    Map<String, Object> out = new LinkedHashMap<>(current);
    if (!conditions.isEmpty()) {
      out.put("conditions", mergeConditions(list(current.get("conditions")), conditions));
    }
    if (!parents.isEmpty()) {
      out.put("parents", mergeParents(list(current.get("parents")), namespace, parents));
    }
    if (!listeners.isEmpty()) {
      List<Map<String, Object>> before = list(current.get("listeners"));
      List<Map<String, Object>> merged = new ArrayList<>();
      for (ListenerStatus l : listeners) {
        Map<String, Object> old = null;
        for (Map<String, Object> e : before) {
          if (l.name().equals(e.get("name"))) {
            old = e;
          }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", l.name());
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (RouteGroupKind k : l.supportedKinds()) {
          Map<String, Object> gk = new LinkedHashMap<>();
          gk.put("group", k.group());
          gk.put("kind", k.kind());
          kinds.add(gk);
        }
        entry.put("supportedKinds", kinds);
        entry.put("attachedRoutes", l.attachedRoutes());
        entry.put(
            "conditions",
            mergeConditions(old == null ? List.of() : list(old.get("conditions")), l.conditions()));
        merged.add(old != null && sameValues(old, entry) ? old : entry);
      }
      // The listeners of a managed Gateway are ours: exactly its listeners, in spec order.
      out.put("listeners", merged);
    }
    return out;
  }

  private List<Map<String, Object>> mergeParents(
      List<Map<String, Object>> stored, String namespace, List<ParentStatus> parents) {
    List<Map<String, Object>> out = new ArrayList<>(stored);
    for (ParentStatus p : parents) {
      Map<String, Object> parentRef = parentRef(p.parentRef());
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        Map<String, Object> e = out.get(i);
        if (p.controllerName().equals(e.get("controllerName"))
            && sameParent(e.get("parentRef"), p.parentRef(), namespace)) {
          at = i;
        }
      }
      List<Map<String, Object>> before = at < 0 ? List.of() : list(out.get(at).get("conditions"));
      List<Map<String, Object>> merged = mergeConditions(before, p.conditions());
      if (at >= 0 && merged.equals(before)) {
        continue; // this parent's entry already says this
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("parentRef", parentRef);
      entry.put("controllerName", p.controllerName());
      entry.put("conditions", merged);
      if (at < 0) {
        out.add(entry);
      } else {
        out.set(at, entry);
      }
    }
    return out;
  }

  /**
   * The parentRef as the route wrote it (with group and kind filled in), absent fields left out.
   */
  private static Map<String, Object> parentRef(GatewayApi.ParentReference p) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIfSet(m, "group", p.group());
    putIfSet(m, "kind", p.kind());
    putIfSet(m, "namespace", p.namespace());
    putIfSet(m, "name", p.name());
    putIfSet(m, "sectionName", p.sectionName());
    putIfSet(m, "port", p.port());
    return m;
  }

  private static void putIfSet(Map<String, Object> m, String key, @Nullable Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  /**
   * The same parent, with the Gateway API defaults of a ParentReference (group {@code
   * gateway.networking.k8s.io}, kind {@code Gateway}, the route's namespace).
   */
  private static boolean sameParent(
      @Nullable Object stored, GatewayApi.ParentReference wanted, String namespace) {
    if (!(stored instanceof Map<?, ?> m)) {
      return false;
    }
    return Objects.equals(m.get("name"), wanted.name())
        && Objects.equals(or(m.get("namespace"), namespace), or(wanted.namespace(), namespace))
        && Objects.equals(or(m.get("kind"), "Gateway"), or(wanted.kind(), "Gateway"))
        && Objects.equals(
            or(m.get("group"), GatewayApi.GROUP), or(wanted.group(), GatewayApi.GROUP))
        && Objects.equals(or(m.get("sectionName"), ""), or(wanted.sectionName(), ""))
        && Objects.equals(number(m.get("port")), number(wanted.port()));
  }

  private static @Nullable Object or(@Nullable Object value, Object otherwise) {
    return value == null ? otherwise : value;
  }

  private static @Nullable Long number(@Nullable Object value) {
    return value instanceof Number n ? n.longValue() : null;
  }

  private List<Map<String, Object>> mergeConditions(
      List<Map<String, Object>> before, List<Condition> wanted) {
    List<Map<String, Object>> out = new ArrayList<>(before);
    for (Condition c : wanted) {
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        if (c.type().equals(out.get(i).get("type"))) {
          at = i;
        }
      }
      @Nullable Map<String, Object> old = at < 0 ? null : out.get(at);
      String since =
          old != null
                  && c.status().equals(old.get("status"))
                  && old.get("lastTransitionTime") != null
              ? String.valueOf(old.get("lastTransitionTime"))
              : Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", c.type());
      m.put("status", c.status());
      m.put("reason", c.reason());
      m.put("message", c.message());
      m.put("observedGeneration", c.observedGeneration());
      m.put("lastTransitionTime", since);
      if (old != null && sameValues(old, m)) {
        continue; // keep the stored map as it is
      }
      if (at < 0) {
        out.add(m);
      } else {
        out.set(at, m);
      }
    }
    return out;
  }

  /**
   * Equal when every field we write is equal (numbers compared by value: JSON reads ints; lists and
   * maps compared the same way, element by element).
   */
  private static boolean sameValues(Map<String, Object> stored, Map<String, Object> wanted) {
    for (Map.Entry<String, Object> e : wanted.entrySet()) {
      if (!same(stored.get(e.getKey()), e.getValue())) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static boolean same(@Nullable Object s, @Nullable Object w) {
    if (s instanceof Number sn && w instanceof Number wn) {
      return sn.longValue() == wn.longValue();
    }
    if (s instanceof List<?> sl && w instanceof List<?> wl) {
      if (sl.size() != wl.size()) {
        return false;
      }
      for (int i = 0; i < sl.size(); i++) {
        if (!same(sl.get(i), wl.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (s instanceof Map<?, ?> sm && w instanceof Map<?, ?> wm) {
      return sm.size() == wm.size()
          && sameValues((Map<String, Object>) sm, (Map<String, Object>) wm);
    }
    return Objects.equals(s, w);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(@Nullable Object o) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      for (Object e : l) {
        if (e instanceof Map<?, ?> m) {
          out.add(new LinkedHashMap<>((Map<String, Object>) m));
        }
      }
    }
    return out;
  }
}
