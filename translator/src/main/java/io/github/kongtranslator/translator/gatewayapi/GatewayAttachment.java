package io.github.kongtranslator.translator.gatewayapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.kongtranslator.core.cache.CacheStores;
import io.github.kongtranslator.core.model.Gateway;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.GatewayClass;
import io.github.kongtranslator.core.model.GrpcRoute;
import io.github.kongtranslator.core.model.HttpRoute;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.core.model.ReferenceGrant;
import io.github.kongtranslator.core.model.Secret;
import io.github.kongtranslator.core.model.SecretValue;
import io.github.kongtranslator.core.model.Service;
import io.github.kongtranslator.core.model.TcpRoute;
import io.github.kongtranslator.core.model.TlsRoute;
import io.github.kongtranslator.core.model.UdpRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which listener of which managed Gateway accepts which route, and the resulting Gateway API
 * status, computed as KIC's Gateway controllers compute it ({@code
 * internal/controllers/gateway/route_utils.go}: {@code getSupportedGatewayForRoute}, {@code
 * routeMatchesListenerAllowedRoutes}, {@code routeTypeMatchesListenerType}, {@code
 * filterHostnames}; {@code gateway_utils.go}: {@code getListenerStatus}, {@code
 * getListenerSupportedRouteKinds}, {@code getAttachedRoutesForListener}; {@code
 * httproute_controller.go}: {@code getHTTPRouteRuleReason}; KIC commit 1fa68f86). Immutable and
 * thread-safe; a pure function of the snapshot and the options.
 *
 * <p>Where KIC reads the status it wrote earlier (listener {@code supportedKinds} and {@code
 * Programmed}, the Gateway's {@code Accepted}), this class uses the status it computes from the
 * same snapshot, so the result does not depend on what a status writer did before. Other
 * differences from KIC, each a choice where KIC is inconsistent or incomplete: a parentRef that is
 * not a Gateway is reported ({@code Accepted=False}, {@code UnsupportedValue}) instead of failing
 * the whole route; a parentRef to a Gateway that does not exist is reported ({@code
 * NoMatchingParent}) instead of being skipped; {@code GRPCRoute} is a valid {@code
 * allowedRoutes.kinds} entry (KIC lists it among a listener's default kinds but refuses it there);
 * {@code attachedRoutes} counts every route kind (KIC counts HTTPRoutes only); {@code ResolvedRefs}
 * is computed for every route kind (KIC: HTTPRoute only), with {@code UnsupportedProtocol} for a
 * backend Service port whose {@code appProtocol} Kong cannot serve.
 *
 * <p>Use {@link #acceptedRoutesOnly()} to get the snapshot a running KIC would hand to its
 * translator: routes that no listener accepts are removed and HTTPRoute hostnames are narrowed to
 * the listeners' hostnames. The {@link io.github.kongtranslator.translator.Translator} never
 * filters by itself (gateway-api-spec §1.3).
 */
public final class GatewayAttachment {
  /** The Gateway API group. */
  public static final String GROUP = GatewayApi.GROUP;

  /** The route kinds a listener may allow, in KIC's order (GRPCRoute added; see class doc). */
  static final ImmutableList<String> SUPPORTED_KINDS =
      ImmutableList.of("HTTPRoute", "TCPRoute", "UDPRoute", "TLSRoute", "GRPCRoute");

  /** Service {@code appProtocol} values Kong can serve a route on (besides none). */
  static final Set<String> APP_PROTOCOLS =
      Set.of(
          "http",
          "https",
          "grpc",
          "grpcs",
          "tcp",
          "tls",
          "udp",
          "ws",
          "wss",
          "kubernetes.io/ws",
          "kubernetes.io/wss");

  private static final List<Kind> ROUTE_KINDS =
      List.of(Kind.HTTP_ROUTE, Kind.GRPC_ROUTE, Kind.TCP_ROUTE, Kind.UDP_ROUTE, Kind.TLS_ROUTE);

  private final CacheStores snapshot;
  private final AttachmentOptions options;
  private final ImmutableMap<ObjectRef, GatewayStatus> gateways;
  private final ImmutableMap<ObjectRef, RouteStatus> routes;

  /** Per route, the resolved parents (managed gateways, rejected ones included) for narrowing. */
  private final ImmutableMap<ObjectRef, ImmutableList<Resolved>> resolved;

  /** A parentRef resolved to a managed Gateway, with the listener name it names (or ""). */
  private record Resolved(Gateway gateway, String listenerName, boolean accepted) {}

  /** A route of any kind, seen uniformly. */
  private record Route(
      K8sObject object,
      ObjectRef ref,
      String kind,
      List<GatewayApi.ParentReference> parentRefs,
      List<String> hostnames,
      boolean hasHostnames,
      List<GatewayApi.BackendRef> backendRefs) {
    String namespace() {
      return object.metadata().namespace();
    }

    long generation() {
      return object.metadata().generation();
    }
  }

  /** A managed Gateway with its listener status (before attached routes are counted). */
  private record Managed(Gateway gateway, ObjectRef ref, List<ListenerStatus> listeners) {}

  private GatewayAttachment(CacheStores snapshot, AttachmentOptions options) {
    this.snapshot = snapshot;
    this.options = options;
    Map<String, Managed> managed = new LinkedHashMap<>();
    for (Gateway g : snapshot.list(Kind.GATEWAY, Gateway.class)) {
      if (isManaged(g)) {
        managed.put(
            key(g.metadata().namespace(), g.metadata().name()),
            new Managed(g, refOf(g), listenerStatuses(g)));
      }
    }
    // attached routes per gateway key and listener index
    Map<String, int[]> attached = new HashMap<>();
    for (Managed m : managed.values()) {
      attached.put(
          key(m.gateway().metadata().namespace(), m.gateway().metadata().name()),
          new int[m.gateway().spec().listeners().size()]);
    }
    ImmutableMap.Builder<ObjectRef, RouteStatus> rs = ImmutableMap.builder();
    ImmutableMap.Builder<ObjectRef, ImmutableList<Resolved>> rv = ImmutableMap.builder();
    for (Route r : routes(snapshot)) {
      Condition resolvedRefs = resolvedRefs(r);
      List<ParentStatus> parents = new ArrayList<>();
      List<Resolved> res = new ArrayList<>();
      Map<String, Set<Integer>> counted = new HashMap<>();
      for (GatewayApi.ParentReference p : r.parentRefs()) {
        String group = p.group() == null ? GROUP : p.group();
        String kind = p.kind() == null ? "Gateway" : p.kind();
        GatewayApi.ParentReference filled =
            new GatewayApi.ParentReference(
                group, kind, p.namespace(), p.name(), p.sectionName(), p.port());
        if (!group.equals(GROUP) || !kind.equals("Gateway")) {
          parents.add(
              new ParentStatus(
                  filled,
                  options.controllerName(),
                  null,
                  ImmutableList.of(),
                  ImmutableList.of(
                      Condition.of(
                          "Accepted",
                          false,
                          "UnsupportedValue",
                          "unsupported parent kind " + group + "/" + kind,
                          r.generation()),
                      resolvedRefs)));
          continue;
        }
        String ns =
            p.namespace() == null || p.namespace().isEmpty() ? r.namespace() : p.namespace();
        String name = p.name() == null ? "" : p.name();
        Optional<Gateway> gw =
            name.isEmpty() ? Optional.empty() : snapshot.get(Kind.GATEWAY, ns, name, Gateway.class);
        if (gw.isEmpty()) {
          parents.add(
              new ParentStatus(
                  filled,
                  options.controllerName(),
                  null,
                  ImmutableList.of(),
                  ImmutableList.of(
                      Condition.of(
                          "Accepted",
                          false,
                          "NoMatchingParent",
                          "Gateway " + ns + "/" + name + " not found",
                          r.generation()),
                      resolvedRefs)));
          continue;
        }
        Managed m = managed.get(key(ns, name));
        if (m == null) {
          continue; // a Gateway of another controller: not ours to report
        }
        Match match = match(r, p, m);
        String section = p.sectionName() == null ? "" : p.sectionName();
        res.add(new Resolved(m.gateway(), section, match.accepted()));
        List<String> names = new ArrayList<>();
        for (int i : match.accepting()) {
          names.add(listenerName(m.gateway().spec().listeners().get(i)));
        }
        for (int i : match.attaching()) {
          if (counted.computeIfAbsent(key(ns, name), k -> new HashSet<>()).add(i)) {
            Objects.requireNonNull(attached.get(key(ns, name)), "managed gateway")[i]++;
          }
        }
        parents.add(
            new ParentStatus(
                filled,
                options.controllerName(),
                m.ref(),
                ImmutableList.copyOf(names),
                ImmutableList.of(
                    Condition.of("Accepted", match.accepted(), match.reason(), "", r.generation()),
                    resolvedRefs)));
      }
      rs.put(r.ref(), new RouteStatus(r.ref(), ImmutableList.copyOf(parents)));
      rv.put(r.ref(), ImmutableList.copyOf(res));
    }
    this.routes = rs.buildKeepingLast();
    this.resolved = rv.buildKeepingLast();
    ImmutableMap.Builder<ObjectRef, GatewayStatus> gs = ImmutableMap.builder();
    for (Managed m : managed.values()) {
      int[] counts =
          Objects.requireNonNull(
              attached.get(key(m.gateway().metadata().namespace(), m.gateway().metadata().name())));
      List<ListenerStatus> ls = new ArrayList<>();
      for (int i = 0; i < m.listeners().size(); i++) {
        ListenerStatus l = m.listeners().get(i);
        ls.add(new ListenerStatus(l.name(), l.supportedKinds(), counts[i], l.conditions()));
      }
      long gen = m.gateway().metadata().generation();
      // gateway_controller.go reconcileUnmanagedGateway / updateAddressesAndListenersStatus
      gs.put(
          m.ref(),
          new GatewayStatus(
              m.ref(),
              ImmutableList.of(
                  Condition.of(
                      "Accepted",
                      true,
                      "Accepted",
                      "this unmanaged gateway has been picked up by the controller and will be processed",
                      gen),
                  Condition.of("Programmed", true, "Programmed", "", gen)),
              ImmutableList.copyOf(ls)));
    }
    this.gateways = gs.buildKeepingLast();
  }

  /**
   * Computes attachment and status for a snapshot.
   *
   * @param snapshot the snapshot
   * @param options the controller name and what else attachment needs
   * @return the attachment
   */
  public static GatewayAttachment compute(CacheStores snapshot, AttachmentOptions options) {
    return new GatewayAttachment(
        Objects.requireNonNull(snapshot, "snapshot"), Objects.requireNonNull(options, "options"));
  }

  /**
   * The snapshot restricted to the routes some listener of a Gateway managed by {@code
   * controllerName} accepts, HTTPRoute hostnames narrowed to the listeners' hostnames, as KIC's
   * route controllers fill the translator's store. For tools that must serve what a running
   * controller would serve, e.g. an offline router: translate the returned snapshot. Equivalent to
   * {@code compute(snapshot, AttachmentOptions.of(controllerName)).acceptedRoutesOnly()}.
   *
   * @param snapshot the snapshot
   * @param controllerName the Gateway controller name
   * @return the restricted snapshot (objects of other kinds unchanged)
   */
  public static CacheStores restrictToAcceptedRoutes(CacheStores snapshot, String controllerName) {
    return compute(snapshot, AttachmentOptions.of(controllerName)).acceptedRoutesOnly();
  }

  /**
   * The options.
   *
   * @return the options
   */
  public AttachmentOptions options() {
    return options;
  }

  /**
   * The status of every managed Gateway, in snapshot order.
   *
   * @return Gateway statuses by Gateway (without version and uid)
   */
  public ImmutableMap<ObjectRef, GatewayStatus> gateways() {
    return gateways;
  }

  /**
   * The status of every route of the snapshot (HTTPRoute, GRPCRoute, TCPRoute, UDPRoute, TLSRoute),
   * in snapshot order; a route without parents of ours has an empty parent list.
   *
   * @return route statuses by route (without version and uid)
   */
  public ImmutableMap<ObjectRef, RouteStatus> routes() {
    return routes;
  }

  /**
   * The routes that no listener of a managed Gateway accepts (their parents all say {@code
   * Accepted=False}, or they name no parent of ours): a running KIC does not translate them.
   *
   * @return the routes (without version and uid), in snapshot order
   */
  public ImmutableList<ObjectRef> unacceptedRoutes() {
    return routes.values().stream()
        .filter(r -> !r.accepted())
        .map(RouteStatus::route)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The status of one route.
   *
   * @param route the route
   * @return its status, empty when it is not a route of the snapshot
   */
  public Optional<RouteStatus> route(ObjectRef route) {
    return Optional.ofNullable(routes.get(route.withoutVersionAndUid()));
  }

  /**
   * The status of one Gateway.
   *
   * @param gateway the Gateway
   * @return its status, empty when it is not managed by the controller
   */
  public Optional<GatewayStatus> gateway(ObjectRef gateway) {
    return Optional.ofNullable(gateways.get(gateway.withoutVersionAndUid()));
  }

  /**
   * The snapshot a running KIC would translate: routes that no parent accepts are removed, and
   * HTTPRoute {@code spec.hostnames} are narrowed to the hostnames of the listeners (KIC's {@code
   * filterHostnames}; a route left without a matching hostname is removed). Other objects are
   * unchanged. See {@link #restrictToAcceptedRoutes}.
   *
   * @return the restricted snapshot
   */
  public CacheStores acceptedRoutesOnly() {
    CacheStores.Builder b = snapshot.toBuilder();
    for (Kind k : ROUTE_KINDS) {
      for (K8sObject o : snapshot.list(k)) {
        ObjectRef ref = refOf(o);
        RouteStatus st = routes.get(ref);
        if (st == null || !st.accepted()) {
          b.remove(o);
          continue;
        }
        if (o instanceof HttpRoute h) {
          // resolved has an entry for every route in routes
          Optional<List<String>> narrowed =
              filterHostnames(Objects.requireNonNull(resolved.get(ref)), h.spec().hostnames());
          if (narrowed.isEmpty()) {
            b.remove(o);
          } else if (!narrowed.get().equals(h.spec().hostnames())) {
            b.put(
                new HttpRoute(
                    h.apiVersion(),
                    h.metadata(),
                    new HttpRoute.Spec(h.spec().parentRefs(), narrowed.get(), h.spec().rules())));
          }
        }
      }
    }
    return b.build();
  }

  // ---- listener matching (route_utils.go getSupportedGatewayForRoute) ----------------------

  /** The outcome of matching one parentRef against one Gateway's listeners. */
  private record Match(
      boolean accepted, String reason, List<Integer> accepting, List<Integer> attaching) {}

  private Match match(Route r, GatewayApi.ParentReference p, Managed m) {
    Gateway g = m.gateway();
    boolean matched = false;
    Boolean matchingHostname = null;
    boolean portMatched = false;
    boolean byAllowedRoutes = false;
    boolean bySupportedKinds = false;
    boolean byListenerName = false;
    boolean ready = false;
    List<Integer> accepting = new ArrayList<>();
    List<Integer> attaching = new ArrayList<>();
    List<Gateway.Listener> listeners = g.spec().listeners();
    for (int i = 0; i < listeners.size(); i++) {
      Gateway.Listener l = listeners.get(i);
      ListenerStatus ls = m.listeners().get(i);
      boolean allowed = allowedRoutesMatch(r, l, g, p);
      boolean kindOk = ls.supportedKinds().contains(new RouteGroupKind(GROUP, r.kind()));
      boolean nameOk =
          p.sectionName() == null
              || p.sectionName().isEmpty()
              || p.sectionName().equals(listenerName(l));
      boolean portOk = p.port() == null || p.port() == l.port();
      boolean typeOk = typeMatches(r, l);
      boolean hostOk = hostnamesIntersect(r, l);
      // getAttachedRoutesForListener / isRouteAcceptedByListener: no Programmed check
      if (allowed && kindOk && nameOk && portOk && typeOk && hostOk) {
        attaching.add(i);
      }
      if (!allowed) {
        continue;
      }
      byAllowedRoutes = true;
      if (!kindOk) {
        continue;
      }
      bySupportedKinds = true;
      if (!ls.programmed()) {
        continue;
      }
      ready = true;
      if (p.sectionName() != null) {
        if (!nameOk) {
          continue;
        }
        byListenerName = true;
      }
      if (p.port() != null) {
        if (!portOk) {
          continue;
        }
        portMatched = true;
      }
      if (!typeOk) {
        continue;
      }
      if (hostOk) {
        matchingHostname = Boolean.TRUE;
      } else {
        matchingHostname = Boolean.FALSE;
        continue;
      }
      matched = true;
      accepting.add(i);
    }
    if (matched) {
      return new Match(true, "Accepted", accepting, attaching);
    }
    String reason = "NoMatchingParent";
    if (Boolean.FALSE.equals(matchingHostname)) {
      reason = "NoMatchingListenerHostname";
    } else if (p.sectionName() != null && !byListenerName) {
      reason = "NoMatchingParent";
    } else if (!ready) {
      reason = "NotAllowedByListeners";
    } else if (p.port() != null && !portMatched) {
      reason = "NoMatchingParent";
    } else if (!byAllowedRoutes || !bySupportedKinds) {
      reason = "NotAllowedByListeners";
    }
    return new Match(false, reason, List.of(), attaching);
  }

  /** route_utils.go routeMatchesListenerAllowedRoutes, with the CRD default {@code from: Same}. */
  private boolean allowedRoutesMatch(
      Route r, Gateway.Listener l, Gateway g, GatewayApi.ParentReference p) {
    JsonNode allowed =
        l.allowedRoutes() == null || l.allowedRoutes().isNull() ? null : l.allowedRoutes().toNode();
    if (allowed != null && allowed.path("kinds").isArray() && allowed.path("kinds").size() > 0) {
      boolean found = false;
      for (JsonNode k : allowed.path("kinds")) {
        String group = k.path("group").isTextual() ? k.path("group").asText() : GROUP;
        if (group.equals(GROUP) && k.path("kind").asText("").equals(r.kind())) {
          found = true;
        }
      }
      if (!found) {
        return false;
      }
    }
    String from = allowed == null ? "Same" : allowed.path("namespaces").path("from").asText("Same");
    return switch (from) {
      case "All" -> true;
      case "Same" ->
          p.namespace() == null
              ? g.metadata().namespace().equals(r.namespace())
              : r.namespace().equals(p.namespace());
      case "Selector" ->
          allowed != null // from is "Same" when allowed is absent
              && LabelSelectors.matches(
                  allowed.path("namespaces").path("selector"), namespaceLabels(r.namespace()));
      default -> false; // KIC: an error, the route is not reconciled
    };
  }

  private Map<String, String> namespaceLabels(String namespace) {
    Map<String, String> labels = new HashMap<>();
    ImmutableMap<String, String> given = options.namespaceLabels().get(namespace);
    if (given != null) {
      labels.putAll(given);
    }
    labels.put("kubernetes.io/metadata.name", namespace);
    return labels;
  }

  /**
   * route_utils.go routeTypeMatchesListenerType, with the CRD default TLS mode {@code Terminate}.
   */
  private static boolean typeMatches(Route r, Gateway.Listener l) {
    String protocol = l.protocol() == null ? "" : l.protocol();
    String mode = l.tls() == null ? null : (l.tls().mode() == null ? "Terminate" : l.tls().mode());
    return switch (r.kind()) {
      case "HTTPRoute" ->
          (protocol.equals("HTTP") || protocol.equals("HTTPS"))
              && (mode == null || mode.equals("Terminate"));
      case "TCPRoute" -> protocol.equals("TCP") && (mode == null || mode.equals("Terminate"));
      case "UDPRoute" -> protocol.equals("UDP") && l.tls() == null;
      case "TLSRoute" -> protocol.equals("TLS") && (mode == null || mode.equals("Passthrough"));
      case "GRPCRoute" -> protocol.equals("HTTP") || protocol.equals("HTTPS");
      default -> false;
    };
  }

  /** route_utils.go listenerHostnameIntersectWithRouteHostnames. */
  private static boolean hostnamesIntersect(Route r, Gateway.Listener l) {
    if (!r.hasHostnames() || r.hostnames().isEmpty()) {
      return true;
    }
    if (l.hostname() == null || l.hostname().isEmpty()) {
      return true;
    }
    for (String h : r.hostnames()) {
      if (Hostnames.intersect(l.hostname(), h)) {
        return true;
      }
    }
    return false;
  }

  // ---- hostname narrowing (route_utils.go filterHostnames) ---------------------------------

  private static Optional<List<String>> filterHostnames(
      List<Resolved> parents, List<String> hostnames) {
    List<String> out = new ArrayList<>();
    if (hostnames.isEmpty()) {
      for (Resolved p : parents) {
        if (!p.listenerName().isEmpty()) {
          Gateway.Listener l = listener(p.gateway(), p.listenerName());
          if (l != null) {
            if (l.hostname() == null) {
              return Optional.of(hostnames);
            }
            out.add(l.hostname());
          }
        } else {
          for (Gateway.Listener l : p.gateway().spec().listeners()) {
            String protocol = l.protocol() == null ? "" : l.protocol();
            if (protocol.equals("HTTP") || protocol.equals("HTTPS") || protocol.equals("TLS")) {
              if (l.hostname() == null) {
                return Optional.of(hostnames);
              }
              out.add(l.hostname());
            }
          }
        }
      }
      return Optional.of(out);
    }
    for (String h : hostnames) {
      String m = minimumIntersection(parents, h);
      if (!m.isEmpty()) {
        out.add(m);
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  private static String minimumIntersection(List<Resolved> parents, String hostname) {
    for (Resolved p : parents) {
      for (Gateway.Listener l : p.gateway().spec().listeners()) {
        if (p.listenerName().isEmpty() || p.listenerName().equals(listenerName(l))) {
          if (l.hostname() == null || l.hostname().isEmpty()) {
            return hostname;
          }
          if (Hostnames.matches(l.hostname(), hostname)) {
            return hostname;
          }
          if (Hostnames.matches(hostname, l.hostname())) {
            return l.hostname();
          }
        }
      }
    }
    return "";
  }

  private static Gateway.@Nullable Listener listener(Gateway g, String name) {
    for (Gateway.Listener l : g.spec().listeners()) {
      if (name.equals(listenerName(l))) {
        return l;
      }
    }
    return null;
  }

  // ---- listener status (gateway_utils.go getListenerStatus) --------------------------------

  private List<ListenerStatus> listenerStatuses(Gateway g) {
    long gen = g.metadata().generation();
    String gwNs = g.metadata().namespace();
    List<Gateway.Listener> listeners = g.spec().listeners();
    Map<Integer, String> portToProtocol = new HashMap<>();
    Map<Integer, Set<String>> portToHostname = new HashMap<>();
    Set<Integer> conflictedPorts = new HashSet<>();
    Map<Integer, Set<String>> conflictedHostnames = new HashMap<>();
    for (Gateway.Listener l : listeners) {
      portToHostname.put(l.port(), new HashSet<>());
    }
    List<String> names = new ArrayList<>();
    List<List<RouteGroupKind>> kinds = new ArrayList<>();
    List<List<Condition>> conds = new ArrayList<>();
    for (Gateway.Listener l : listeners) {
      String protocol = l.protocol() == null ? "" : l.protocol();
      String hostname = l.hostname() == null ? "" : l.hostname();
      List<RouteGroupKind> supported = new ArrayList<>();
      String resolvedReason = supportedKinds(l, supported);
      if (l.tls() != null) {
        String tlsReason = "ResolvedRefs";
        for (GatewayApi.ObjectReference cert : l.tls().certificateRefs()) {
          if (cert.namespace() != null && !cert.namespace().equals(gwNs)) {
            tlsReason = grantedCertificate(gwNs, cert);
            if (!tlsReason.equals("ResolvedRefs")) {
              break;
            }
          }
          if ((cert.group() != null && !cert.group().equals("core") && !cert.group().isEmpty())
              || (cert.kind() != null && !cert.kind().equals("Secret"))) {
            tlsReason = "InvalidCertificateRef";
            break;
          }
          String secretNs = cert.namespace() == null ? gwNs : cert.namespace();
          Optional<Secret> secret =
              cert.name() == null
                  ? Optional.empty()
                  : snapshot.get(Kind.SECRET, secretNs, cert.name(), Secret.class);
          if (secret.isEmpty()) {
            tlsReason = "InvalidCertificateRef";
            break;
          }
          if (!validTlsSecret(secret.get())) {
            tlsReason = "InvalidCertificateRef";
          }
        }
        if (!tlsReason.equals("ResolvedRefs")) {
          resolvedReason = tlsReason;
        }
      }
      List<Condition> c = new ArrayList<>();
      if (!resolvedReason.equals("ResolvedRefs")) {
        c.add(Condition.of("ResolvedRefs", false, resolvedReason, "", gen));
      }
      if (!portToProtocol.containsKey(l.port())) {
        portToProtocol.put(l.port(), protocol);
        Objects.requireNonNull(portToHostname.get(l.port())).add(hostname); // one set per port
      } else if (!canSharePort(protocol, portToProtocol.get(l.port()))) {
        c.add(new Condition("Conflicted", Condition.TRUE, "ProtocolConflict", "", gen));
        conflictedPorts.add(l.port());
      } else {
        conflictedHostnames.computeIfAbsent(l.port(), k -> new HashSet<>());
        if (Objects.requireNonNull(portToHostname.get(l.port())).add(hostname)) {
          // unique hostname on this port
        } else {
          c.add(new Condition("Conflicted", Condition.TRUE, "HostnameConflict", "", gen));
          conflictedHostnames.get(l.port()).add(hostname);
        }
      }
      options
          .listens()
          .ifPresent(
              listens -> {
                boolean anyProtocol = listens.stream().anyMatch(k -> k.protocol().equals(protocol));
                if (!anyProtocol) {
                  c.add(
                      Condition.of(
                          "Accepted",
                          false,
                          "UnsupportedProtocol",
                          "no Kong listen with the requested protocol is configured",
                          gen));
                } else if (listens.stream()
                    .noneMatch(k -> k.protocol().equals(protocol) && k.port() == l.port())) {
                  c.add(
                      Condition.of(
                          "Accepted",
                          false,
                          "PortUnavailable",
                          "no Kong listen with the requested protocol is configured for the requested port",
                          gen));
                }
              });
      if (c.isEmpty()) {
        c.add(Condition.of("Conflicted", false, "NoConflicts", "", gen));
        c.add(Condition.of("ResolvedRefs", true, "ResolvedRefs", "", gen));
        c.add(Condition.of("Programmed", true, "Programmed", "", gen));
      } else {
        c.add(Condition.of("Programmed", false, "Invalid", "", gen));
      }
      if (c.stream().noneMatch(x -> x.type().equals("Accepted"))) {
        c.add(Condition.of("Accepted", true, "Accepted", "", gen));
      }
      names.add(listenerName(l));
      kinds.add(supported);
      conds.add(sorted(c));
    }
    // any conflict applies to every listener sharing the conflicted port or hostname
    List<ListenerStatus> out = new ArrayList<>();
    for (int i = 0; i < listeners.size(); i++) {
      Gateway.Listener l = listeners.get(i);
      String hostname = l.hostname() == null ? "" : l.hostname();
      String conflict = "";
      if (conflictedHostnames.getOrDefault(l.port(), Set.of()).contains(hostname)) {
        conflict = "HostnameConflict";
      }
      if (conflictedPorts.contains(l.port())) {
        conflict = "ProtocolConflict";
      }
      List<Condition> c = conds.get(i);
      if (!conflict.isEmpty()) {
        List<Condition> n = new ArrayList<>();
        for (Condition x : c) {
          if (!x.type().equals("Programmed") && !x.type().equals("Conflicted")) {
            n.add(x);
          }
        }
        n.add(new Condition("Conflicted", Condition.TRUE, conflict, "", gen));
        n.add(Condition.of("Programmed", false, "Invalid", "", gen));
        c = sorted(n);
      }
      out.add(ListenerStatus.of(names.get(i), kinds.get(i), 0, c));
    }
    return out;
  }

  private static List<Condition> sorted(List<Condition> c) {
    List<Condition> s = new ArrayList<>(c);
    s.sort(Comparator.comparing(x -> x.type() + x.status() + x.reason() + x.message()));
    return s;
  }

  /** gateway_utils.go getListenerSupportedRouteKinds; returns the ResolvedRefs reason. */
  private static String supportedKinds(Gateway.Listener l, List<RouteGroupKind> out) {
    JsonNode allowed =
        l.allowedRoutes() == null || l.allowedRoutes().isNull() ? null : l.allowedRoutes().toNode();
    JsonNode kinds = allowed == null ? null : allowed.path("kinds");
    if (kinds == null || !kinds.isArray() || kinds.isEmpty()) {
      String protocol = l.protocol() == null ? "" : l.protocol();
      switch (protocol) {
        case "HTTP", "HTTPS" -> {
          out.add(new RouteGroupKind(GROUP, "HTTPRoute"));
          out.add(new RouteGroupKind(GROUP, "GRPCRoute"));
        }
        case "TCP" -> out.add(new RouteGroupKind(GROUP, "TCPRoute"));
        case "UDP" -> out.add(new RouteGroupKind(GROUP, "UDPRoute"));
        case "TLS" -> out.add(new RouteGroupKind(GROUP, "TLSRoute"));
        default -> {
          // no kinds for other protocols
        }
      }
      return "ResolvedRefs";
    }
    String reason = "ResolvedRefs";
    for (JsonNode k : kinds) {
      String group = k.path("group").isTextual() ? k.path("group").asText() : GROUP;
      String kind = k.path("kind").asText("");
      if (group.equals(GROUP) && SUPPORTED_KINDS.contains(kind)) {
        out.add(new RouteGroupKind(group, kind));
      } else {
        reason = "InvalidRouteKinds";
      }
    }
    return reason;
  }

  /** gateway_utils.go canSharePort. */
  private static boolean canSharePort(String requested, String existing) {
    return switch (requested) {
      case "HTTPS", "TLS" -> existing.equals("HTTPS") || existing.equals("TLS");
      case "HTTP" -> existing.equals("HTTP");
      default -> false;
    };
  }

  /** gateway_utils.go getReferenceGrantConditionReason. */
  private String grantedCertificate(String gwNs, GatewayApi.ObjectReference cert) {
    for (ReferenceGrant grant : snapshot.list(Kind.REFERENCE_GRANT, ReferenceGrant.class)) {
      if (!grant.metadata().namespace().equals(cert.namespace())) {
        continue;
      }
      for (ReferenceGrant.From from : grant.spec().from()) {
        if (!GROUP.equals(from.group())
            || !"Gateway".equals(from.kind())
            || !gwNs.equals(from.namespace())) {
          continue;
        }
        for (ReferenceGrant.To to : grant.spec().to()) {
          String group = to.group() == null ? "" : to.group();
          if ((!group.isEmpty() && !group.equals("core")) || !"Secret".equals(to.kind())) {
            continue;
          }
          if (to.name() == null || to.name().equals(cert.name())) {
            return "ResolvedRefs";
          }
        }
      }
    }
    return "RefNotPermitted";
  }

  /** gateway_utils.go isTLSSecretValid: both keys present, each holding a PEM block. */
  private static boolean validTlsSecret(Secret s) {
    return s.value("tls.crt").map(GatewayAttachment::pem).orElse(false)
        && s.value("tls.key").map(GatewayAttachment::pem).orElse(false);
  }

  private static boolean pem(SecretValue v) {
    String text = v.utf8();
    int begin = text.indexOf("-----BEGIN ");
    return begin >= 0 && text.indexOf("-----END ", begin) > begin;
  }

  // ---- ResolvedRefs (httproute_controller.go getHTTPRouteRuleReason) -----------------------

  private Condition resolvedRefs(Route r) {
    for (GatewayApi.BackendRef b : r.backendRefs()) {
      String ns = b.namespace() == null || b.namespace().isEmpty() ? r.namespace() : b.namespace();
      String kind = b.kind() == null ? "Service" : b.kind();
      String group = b.group() == null ? "" : b.group();
      String gk = group.isEmpty() ? kind : group + "/" + kind;
      String target = ns + "/" + (b.name() == null ? "" : b.name());
      if (!((group.isEmpty() || group.equals("core")) && kind.equals("Service"))) {
        return Condition.of(
            "ResolvedRefs",
            false,
            "InvalidKind",
            "target " + target + " has unsupported type " + gk,
            r.generation());
      }
      Optional<Service> svc =
          b.name() == null
              ? Optional.empty()
              : snapshot.get(Kind.SERVICE, ns, b.name(), Service.class);
      if (svc.isEmpty()) {
        return Condition.of(
            "ResolvedRefs",
            false,
            "BackendNotFound",
            "target " + target + " of type " + gk + " does not exist",
            r.generation());
      }
      if (!ns.equals(r.namespace()) && !backendGranted(r, b, ns, group, kind)) {
        return Condition.of(
            "ResolvedRefs",
            false,
            "RefNotPermitted",
            target
                + " is in a different namespace than the "
                + r.kind()
                + " (namespace "
                + r.namespace()
                + ") and no ReferenceGrant allowing reference is configured",
            r.generation());
      }
      for (Service.ServicePort port : svc.get().spec().ports()) {
        if (b.port() != null
            && port.port() == b.port()
            && port.appProtocol() != null
            && !APP_PROTOCOLS.contains(port.appProtocol())) {
          return Condition.of(
              "ResolvedRefs",
              false,
              "UnsupportedProtocol",
              "target "
                  + target
                  + " port "
                  + port.port()
                  + " has unsupported appProtocol "
                  + port.appProtocol(),
              r.generation());
        }
      }
    }
    return Condition.of("ResolvedRefs", true, "ResolvedRefs", "", r.generation());
  }

  /** route_utils.go isHTTPReferenceGranted, for the route's own kind. */
  private boolean backendGranted(
      Route r, GatewayApi.BackendRef b, String ns, String group, String kind) {
    for (ReferenceGrant grant : snapshot.list(Kind.REFERENCE_GRANT, ReferenceGrant.class)) {
      if (!grant.metadata().namespace().equals(ns)) {
        continue;
      }
      for (ReferenceGrant.From from : grant.spec().from()) {
        if (!GROUP.equals(from.group())
            || !r.kind().equals(from.kind())
            || !r.namespace().equals(from.namespace())) {
          continue;
        }
        for (ReferenceGrant.To to : grant.spec().to()) {
          String tg = to.group() == null ? "" : to.group();
          if (tg.equals(group)
              && kind.equals(to.kind())
              && (to.name() == null || to.name().equals(b.name()))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  // ---- helpers -----------------------------------------------------------------------------

  private boolean isManaged(Gateway g) {
    String className = g.spec().gatewayClassName();
    if (className == null || className.isEmpty() || options.controllerName().isEmpty()) {
      return false;
    }
    return snapshot
        .get(Kind.GATEWAY_CLASS, "", className, GatewayClass.class)
        .map(c -> options.controllerName().equals(c.spec().controllerName()))
        .orElse(false);
  }

  private static List<Route> routes(CacheStores s) {
    List<Route> out = new ArrayList<>();
    for (HttpRoute r : s.list(Kind.HTTP_ROUTE, HttpRoute.class)) {
      List<GatewayApi.BackendRef> b = new ArrayList<>();
      r.spec().rules().forEach(rule -> b.addAll(rule.backendRefs()));
      out.add(
          new Route(
              r, refOf(r), "HTTPRoute", r.spec().parentRefs(), r.spec().hostnames(), true, b));
    }
    for (GrpcRoute r : s.list(Kind.GRPC_ROUTE, GrpcRoute.class)) {
      List<GatewayApi.BackendRef> b = new ArrayList<>();
      r.spec().rules().forEach(rule -> b.addAll(rule.backendRefs()));
      out.add(
          new Route(
              r, refOf(r), "GRPCRoute", r.spec().parentRefs(), r.spec().hostnames(), true, b));
    }
    for (TcpRoute r : s.list(Kind.TCP_ROUTE, TcpRoute.class)) {
      List<GatewayApi.BackendRef> b = new ArrayList<>();
      r.spec().rules().forEach(rule -> b.addAll(rule.backendRefs()));
      out.add(new Route(r, refOf(r), "TCPRoute", r.spec().parentRefs(), List.of(), false, b));
    }
    for (UdpRoute r : s.list(Kind.UDP_ROUTE, UdpRoute.class)) {
      List<GatewayApi.BackendRef> b = new ArrayList<>();
      r.spec().rules().forEach(rule -> b.addAll(rule.backendRefs()));
      out.add(new Route(r, refOf(r), "UDPRoute", r.spec().parentRefs(), List.of(), false, b));
    }
    for (TlsRoute r : s.list(Kind.TLS_ROUTE, TlsRoute.class)) {
      List<GatewayApi.BackendRef> b = new ArrayList<>();
      r.spec().rules().forEach(rule -> b.addAll(rule.backendRefs()));
      out.add(
          new Route(r, refOf(r), "TLSRoute", r.spec().parentRefs(), r.spec().hostnames(), true, b));
    }
    return out;
  }

  private static ObjectRef refOf(K8sObject o) {
    return o.ref().withoutVersionAndUid();
  }

  private static String listenerName(Gateway.Listener l) {
    return l.name() == null ? "" : l.name();
  }

  private static String key(String ns, String name) {
    return ns + "/" + name;
  }
}
