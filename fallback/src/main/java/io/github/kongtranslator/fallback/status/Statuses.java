package io.github.kongtranslator.fallback.status;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fallback.exclusion.ExclusionReason;
import io.github.kongtranslator.fallback.sync.GatewayReport;
import io.github.kongtranslator.fallback.sync.SyncOutcome;
import io.github.kongtranslator.fallback.sync.SyncResult;
import io.github.kongtranslator.fallback.sync.internal.SyncLoop;
import io.github.kongtranslator.kongmodel.config.KongConfig;
import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.TranslationResult;
import io.github.kongtranslator.translator.gatewayapi.AttachmentOptions;
import io.github.kongtranslator.translator.gatewayapi.Condition;
import io.github.kongtranslator.translator.gatewayapi.GatewayAttachment;
import io.github.kongtranslator.translator.gatewayapi.GatewayStatus;
import io.github.kongtranslator.translator.gatewayapi.ParentStatus;
import io.github.kongtranslator.translator.gatewayapi.RouteStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the status of every object of a snapshot, as a pure function of the snapshot and the
 * last sync result (or of a translation alone, when there is no gateway). Objects are matched by
 * kind, namespace and name; the order of the snapshot's objects never matters.
 *
 * <p>Which configuration status an object gets (KIC: {@code internal/dataplane/kong_client.go}
 * {@code triggerKubernetesObjectReport}, {@code internal/util/kubernetes/object/set.go}), first
 * rule that applies:
 *
 * <ol>
 *   <li>a translation failure names it: {@code FAILED}, reason {@code TranslationError} (KIC:
 *       "objects with translation failures are reported failed");
 *   <li>a gateway rejected it: {@code FAILED}, {@code Rejected}; the fallback excluded it: {@code
 *       FAILED}, {@code Excluded}, with the dependency path (KIC leaves these unknown);
 *   <li>the sync result is for another snapshot, has no gateway, or some gateway runs an unknown or
 *       earlier configuration, or the gateways run the last valid configuration: {@code UNKNOWN},
 *       {@code Pending};
 *   <li>it has entities in the configuration every gateway runs: {@code SUCCEEDED}, {@code
 *       Programmed}; otherwise {@code UNKNOWN}, {@code Pending} ("produced nothing").
 * </ol>
 *
 * <p>The {@code Programmed} condition (KIC {@code internal/controllers/utils/conditions.go} {@code
 * EnsureProgrammedCondition}) is given to the kinds KIC writes it on: KongConsumer,
 * KongConsumerGroup, KongServiceFacade, KongVault, KongCustomEntity. Gateway API routes get
 * per-parent {@code Accepted} and {@code ResolvedRefs} from {@link GatewayAttachment} and {@code
 * Programmed} as KIC's route controllers set it ({@code ConfiguredInGateway}, {@code
 * TranslationError}, {@code Unknown}; {@code Unknown} whenever no parent accepts the route);
 * managed Gateways get their conditions and listener status.
 */
public final class Statuses {
  private Statuses() {}

  /** KIC's kinds with a {@code Programmed} condition (zz_generated.controllers.go). */
  static final Set<Kind> PROGRAMMED_KINDS =
      Set.of(
          Kind.KONG_CONSUMER,
          Kind.KONG_CONSUMER_GROUP,
          Kind.KONG_SERVICE_FACADE,
          Kind.KONG_VAULT,
          Kind.KONG_CUSTOM_ENTITY);

  static final Set<Kind> ROUTE_KINDS =
      Set.of(Kind.HTTP_ROUTE, Kind.GRPC_ROUTE, Kind.TCP_ROUTE, Kind.UDP_ROUTE, Kind.TLS_ROUTE);

  /** KIC internal/controllers/utils/conditions.go messages. */
  static final String MSG_TRUE = "Object was successfully configured in Kong.";

  static final String MSG_INVALID =
      "Object failed to be configured in Kong - see its attached Events for more information.";
  static final String MSG_PENDING = "Object is pending configuration in Kong.";
  static final String MSG_FACADE_UNKNOWN =
      "Found no references to this resource in Ingress or similar resources.";

  /** What the status of objects is computed from. */
  private record Evidence(
      Map<ObjectRef, List<String>> failures,
      Map<ObjectRef, ExclusionReason> excluded,
      Set<ObjectRef> broken,
      Set<ObjectRef> backfilled,
      Set<ObjectRef> configured,
      String unknownWhy) {}

  /**
   * The status of every object after a sync tick.
   *
   * @param snapshot the tick's snapshot
   * @param last the tick's result
   * @param options the Gateway controller name and attachment options
   * @return the report
   */
  public static StatusReport of(CacheStores snapshot, SyncResult last, AttachmentOptions options) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(last, "last");
    Map<ObjectRef, List<String>> failures = failures(last.translationFailures());
    Map<ObjectRef, ExclusionReason> excluded = new LinkedHashMap<>();
    last.excluded().forEach((k, v) -> excluded.put(k.withoutVersionAndUid(), v));
    Set<ObjectRef> broken = new LinkedHashSet<>();
    last.brokenObjects().forEach(b -> broken.add(b.withoutVersionAndUid()));
    Set<ObjectRef> backfilled = new LinkedHashSet<>();
    last.backfilled().forEach(b -> backfilled.add(b.withoutVersionAndUid()));
    String unknownWhy = "";
    if (!last.snapshotHash().equals(snapshot.hash())) {
      unknownWhy = "the snapshot has not been synced yet";
    } else if (last.gateways().isEmpty()) {
      unknownWhy = "there is no gateway";
    } else if (last.outcome() == SyncOutcome.FAILED
        || last.gateways().stream()
            .map(GatewayReport::running)
            .anyMatch(
                r ->
                    !r.isDesired()
                        && r != io.github.kongtranslator.fallback.sync.RunningConfig.FALLBACK)) {
      unknownWhy =
          last.outcome() == SyncOutcome.LAST_VALID_APPLIED
              ? "the gateways run the last valid configuration"
              : "the configuration of a gateway is unknown";
    }
    Set<ObjectRef> configured = new LinkedHashSet<>(last.configuredObjects());
    return compute(
        snapshot,
        new Evidence(failures, excluded, broken, backfilled, configured, unknownWhy),
        options);
  }

  /**
   * The status of every object from a translation alone (no gateway): objects named by a
   * translation failure are {@code FAILED}, objects with entities in the configuration are {@code
   * SUCCEEDED}, others {@code UNKNOWN}.
   *
   * @param snapshot the snapshot
   * @param translation its translation
   * @param options the Gateway controller name and attachment options
   * @return the report
   */
  public static StatusReport ofTranslation(
      CacheStores snapshot, TranslationResult translation, AttachmentOptions options) {
    Objects.requireNonNull(snapshot, "snapshot");
    return compute(
        snapshot,
        new Evidence(
            failures(translation.failures()),
            Map.of(),
            Set.of(),
            Set.of(),
            objectsOf(translation.config()),
            ""),
        options);
  }

  /**
   * The objects that have entities in a configuration, by their {@code k8s-*} tags.
   *
   * @param config the configuration
   * @return the refs without version and uid
   */
  public static ImmutableSet<ObjectRef> objectsOf(KongConfig config) {
    return SyncLoop.objectsOf(config);
  }

  private static Map<ObjectRef, List<String>> failures(List<TranslationFailure> failures) {
    Map<ObjectRef, List<String>> out = new LinkedHashMap<>();
    for (TranslationFailure f : failures) {
      for (ObjectRef o : f.causingObjects()) {
        List<String> reasons =
            out.computeIfAbsent(o.withoutVersionAndUid(), k -> new ArrayList<>());
        if (!reasons.contains(f.reason())) {
          reasons.add(f.reason());
        }
      }
    }
    out.values().forEach(l -> l.sort(Comparator.naturalOrder()));
    return out;
  }

  private static StatusReport compute(
      CacheStores snapshot, Evidence ev, AttachmentOptions options) {
    GatewayAttachment attachment = GatewayAttachment.compute(snapshot, options);
    TreeMap<String, ObjectStatus> sorted = new TreeMap<>();
    for (K8sObject o : snapshot.all()) {
      ObjectRef ref = o.ref().withoutVersionAndUid();
      long generation = o.metadata().generation();
      ConfigurationStatus cs;
      String reason;
      String message;
      List<String> failed = ev.failures().get(ref);
      ExclusionReason why = ev.excluded().get(ref);
      if (failed != null) {
        cs = ConfigurationStatus.FAILED;
        reason = "TranslationError";
        message = String.join("; ", failed);
      } else if (ev.broken().contains(ref) || (why != null && why.isBroken())) {
        cs = ConfigurationStatus.FAILED;
        reason = "Rejected";
        message = "a gateway rejected its configuration";
      } else if (why != null) {
        cs = ConfigurationStatus.FAILED;
        reason = "Excluded";
        message =
            "excluded from the fallback configuration: "
                + why
                + (ev.backfilled().contains(ref) ? "; its last valid version is served" : "");
      } else if (!ev.unknownWhy().isEmpty()) {
        cs = ConfigurationStatus.UNKNOWN;
        reason = "Pending";
        message = ev.unknownWhy();
      } else if (ev.configured().contains(ref)) {
        cs = ConfigurationStatus.SUCCEEDED;
        reason = "Programmed";
        message = "";
      } else {
        cs = ConfigurationStatus.UNKNOWN;
        reason = "Pending";
        message = "the object produced no entity in the configuration";
      }
      List<Condition> conditions = new ArrayList<>();
      List<ParentStatus> parents = new ArrayList<>();
      ImmutableList<io.github.kongtranslator.translator.gatewayapi.ListenerStatus> listeners =
          ImmutableList.of();
      if (PROGRAMMED_KINDS.contains(o.kind())) {
        conditions.add(programmed(o.kind(), cs, generation));
      }
      if (ROUTE_KINDS.contains(o.kind())) {
        RouteStatus rs = attachment.route(ref).orElse(null);
        if (rs != null) {
          boolean accepted = rs.accepted();
          for (ParentStatus p : rs.parents()) {
            if (p.resolvedGateway().isEmpty()) {
              parents.add(p);
              continue;
            }
            List<Condition> c = new ArrayList<>(p.conditions());
            c.add(routeProgrammed(accepted ? cs : ConfigurationStatus.UNKNOWN, generation));
            parents.add(
                new ParentStatus(
                    p.parentRef(),
                    p.controllerName(),
                    p.gateway(),
                    p.acceptingListeners(),
                    ImmutableList.copyOf(c)));
          }
        }
      }
      if (o.kind() == Kind.GATEWAY) {
        GatewayStatus gs = attachment.gateway(ref).orElse(null);
        if (gs != null) {
          conditions.addAll(gs.conditions());
          listeners = gs.listeners();
        }
      }
      sorted.put(
          o.kind().kindName() + "\u0000" + ref.namespace() + "\u0000" + ref.name(),
          new ObjectStatus(
              ref,
              generation,
              cs,
              reason,
              message,
              ImmutableList.copyOf(conditions),
              ImmutableList.copyOf(parents),
              listeners));
    }
    ImmutableMap.Builder<ObjectRef, ObjectStatus> b = ImmutableMap.builder();
    sorted.values().forEach(s -> b.put(s.object(), s));
    return new StatusReport(b.buildKeepingLast());
  }

  /** KIC EnsureProgrammedCondition. */
  private static Condition programmed(Kind kind, ConfigurationStatus cs, long generation) {
    return switch (cs) {
      case SUCCEEDED ->
          new Condition("Programmed", Condition.TRUE, "Programmed", MSG_TRUE, generation);
      case FAILED ->
          new Condition("Programmed", Condition.FALSE, "Invalid", MSG_INVALID, generation);
      case UNKNOWN ->
          new Condition(
              "Programmed",
              Condition.FALSE,
              "Pending",
              kind == Kind.KONG_SERVICE_FACADE ? MSG_FACADE_UNKNOWN : MSG_PENDING,
              generation);
    };
  }

  /** KIC route controllers: ensureParentsProgrammedCondition / newProgrammedConditionUnknown. */
  private static Condition routeProgrammed(ConfigurationStatus cs, long generation) {
    return switch (cs) {
      case SUCCEEDED ->
          new Condition("Programmed", Condition.TRUE, "ConfiguredInGateway", "", generation);
      case FAILED ->
          new Condition("Programmed", Condition.FALSE, "TranslationError", "", generation);
      case UNKNOWN -> new Condition("Programmed", Condition.UNKNOWN, "Unknown", "", generation);
    };
  }
}
