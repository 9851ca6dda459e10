package io.github.kongtranslator.fabric8.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fabric8.informer.internal.KindResources;
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
 * Writes {@link ObjectStatus}es onto objects' status subresource, only when something changes.
 *
 * <p>For each status the writer reads the object, merges the conditions into {@code
 * status.conditions} (replacing conditions of the same type, keeping the others) and the parent
 * statuses into {@code status.parents} (replacing the entry of the same parent and controller,
 * keeping the others), with {@code observedGeneration} on each condition. A condition's {@code
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
    /** The stored status already said this: nothing was sent. */
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
   * Writes one object's status if it changed.
   *
   * @param status what to write
   * @return what happened
   * @throws StatusWriteException when the API server refuses or fails the write (the message
   *     names the object), or the ref names a kind this library does not read
   */
  public Outcome write(ObjectStatus status) {
    ObjectRef ref = status.ref();
    Kind kind = ref.knownKind().orElseThrow(() -> new StatusWriteException(ref,
        "kind " + ref.kind() + " of group " + ref.group() + " is not read by kong-translator", null));
    var op = client.genericKubernetesResources(KindResources.context(kind));
    Resource<GenericKubernetesResource> resource = kind.namespaced()
        ? op.inNamespace(ref.namespace()).withName(ref.name())
        : op.withName(ref.name());
    for (int attempt = 0; ; attempt++) {
      try {
        GenericKubernetesResource stored = resource.get();
        if (stored == null) {
          return Outcome.NOT_FOUND;
        }
        Map<String, Object> current = statusOf(stored);
        Map<String, Object> desired = merge(current, status);
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
        throw new StatusWriteException(ref, "HTTP " + e.getCode() + " " + e.getClass().getSimpleName(), e);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> statusOf(GenericKubernetesResource r) {
    Object s = r.getAdditionalProperties().get("status");
    return s instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
  }

  /** The stored status with the new conditions and parents merged in. */
  Map<String, Object> merge(Map<String, Object> current, ObjectStatus status) {
    Map<String, Object> out = new LinkedHashMap<>(current);
    if (!status.conditions().isEmpty()) {
      out.put("conditions", mergeConditions(list(current.get("conditions")), status.conditions(),
          status.observedGeneration()));
    }
    if (!status.parents().isEmpty()) {
      List<Map<String, Object>> parents = list(current.get("parents"));
      for (ParentStatus p : status.parents()) {
        Map<String, Object> parentRef = new LinkedHashMap<>();
        parentRef.put("group", p.parentGroup());
        parentRef.put("kind", p.parentKind());
        parentRef.put("namespace", p.parentNamespace());
        parentRef.put("name", p.parentName());
        if (!p.sectionName().isEmpty()) {
          parentRef.put("sectionName", p.sectionName());
        }
        int at = -1;
        for (int i = 0; i < parents.size(); i++) {
          Map<String, Object> e = parents.get(i);
          if (p.controllerName().equals(e.get("controllerName")) && sameParent(e.get("parentRef"), parentRef)) {
            at = i;
          }
        }
        List<Map<String, Object>> before = at < 0 ? List.of() : list(parents.get(at).get("conditions"));
        List<Map<String, Object>> merged = mergeConditions(before, p.conditions(), status.observedGeneration());
        if (at >= 0 && merged.equals(before)) {
          continue; // this parent's entry already says this
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("parentRef", parentRef);
        entry.put("controllerName", p.controllerName());
        entry.put("conditions", merged);
        if (at < 0) {
          parents.add(entry);
        } else {
          parents.set(at, entry);
        }
      }
      out.put("parents", parents);
    }
    return out;
  }

  private static boolean sameParent(@Nullable Object stored, Map<String, Object> wanted) {
    if (!(stored instanceof Map<?, ?> m)) {
      return false;
    }
    return Objects.equals(m.get("name"), wanted.get("name"))
        && Objects.equals(or(m.get("namespace"), wanted.get("namespace")), wanted.get("namespace"))
        && Objects.equals(or(m.get("kind"), "Gateway"), wanted.get("kind"))
        && Objects.equals(or(m.get("group"), "gateway.networking.k8s.io"), wanted.get("group"))
        && Objects.equals(or(m.get("sectionName"), ""), or(wanted.get("sectionName"), ""));
  }

  private static @Nullable Object or(@Nullable Object value, @Nullable Object otherwise) {
    return value == null ? otherwise : value;
  }

  private List<Map<String, Object>> mergeConditions(List<Map<String, Object>> before,
      List<StatusCondition> wanted, long generation) {
    List<Map<String, Object>> out = new ArrayList<>(before);
    for (StatusCondition c : wanted) {
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        if (c.type().equals(out.get(i).get("type"))) {
          at = i;
        }
      }
      @Nullable Map<String, Object> old = at < 0 ? null : out.get(at);
      String since = old != null && c.status().equals(old.get("status")) && old.get("lastTransitionTime") != null
          ? String.valueOf(old.get("lastTransitionTime"))
          : Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", c.type());
      m.put("status", c.status());
      m.put("reason", c.reason());
      m.put("message", c.message());
      m.put("observedGeneration", generation);
      m.put("lastTransitionTime", since);
      if (old != null && sameCondition(old, m)) {
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

  /** Equal when every field we write is equal (numbers compared by value: JSON reads ints). */
  private static boolean sameCondition(Map<String, Object> stored, Map<String, Object> wanted) {
    for (Map.Entry<String, Object> e : wanted.entrySet()) {
      Object s = stored.get(e.getKey());
      Object w = e.getValue();
      if (s instanceof Number sn && w instanceof Number wn) {
        if (sn.longValue() != wn.longValue()) {
          return false;
        }
      } else if (!Objects.equals(s, w)) {
        return false;
      }
    }
    return true;
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
