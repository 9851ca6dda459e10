package io.github.kongtranslator.translator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.Gateway;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ReferenceGrant;
import io.github.kongtranslator.core.model.Service;
import io.github.kongtranslator.translator.internal.Entities.Backend;
import io.github.kongtranslator.translator.internal.Entities.KService;
import io.github.kongtranslator.translator.internal.Entities.PortDef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Helpers shared by the Gateway API route parts: backendRef resolution and ReferenceGrants,
 * Gateway listener lookups, the Kong service skeleton and route tags (gateway-api-spec §1.5,
 * §2).
 */
final class GatewayCommon {
  static final String NO_BACKEND_MESSAGE = "no existing backendRef provided";
  static final String NAMED_RULE_TAG = "k8s-named-route-rule:";

  private final Context ctx;

  GatewayCommon(Context ctx) {
    this.ctx = ctx;
  }

  /** Resolves a rule's backendRefs (§2.1); unresolvable refs are skipped silently. */
  List<Backend> backends(K8sObject route, List<GatewayApi.BackendRef> refs) {
    List<Backend> out = new ArrayList<>();
    String routeNs = route.metadata().namespace();
    for (GatewayApi.BackendRef ref : refs) {
      String ns = Strs.isEmpty(ref.namespace()) ? routeNs : ref.namespace();
      if (!"Service".equals(ref.kind()) || Strs.isEmpty(ref.name())) {
        continue;
      }
      if (ctx.stores.get(Kind.SERVICE, ns, ref.name(), Service.class).isEmpty()) {
        continue;
      }
      String group = Strs.nz(ref.group());
      if (!group.isEmpty() && !group.equals("core")) {
        continue;
      }
      if (!permitted(route, ns, "", "Service", ref.name())) {
        continue;
      }
      int port = ref.port() == null ? -1 : ref.port();
      out.add(new Backend(ns, ref.name(), PortDef.ofNumber(port), false, ref.weight()));
    }
    return out;
  }

  /** Whether {@code from} may reference the object {@code toNs/toName} (§2.2). */
  boolean permitted(K8sObject from, String toNs, String toGroup, String toKind, String toName) {
    String fromNs = from.metadata().namespace();
    if (toNs.isEmpty() || toNs.equals(fromNs)) {
      return true;
    }
    for (ReferenceGrant g : ctx.stores.list(Kind.REFERENCE_GRANT, ReferenceGrant.class)) {
      if (!g.metadata().namespace().equals(toNs)) {
        continue;
      }
      boolean fromOk = g.spec().from().stream().anyMatch(f ->
          Strs.nz(f.group()).equals(from.kind().group())
              && Strs.nz(f.kind()).equals(from.kind().kindName())
              && Strs.nz(f.namespace()).equals(fromNs));
      boolean toOk = g.spec().to().stream().anyMatch(t ->
          Strs.nz(t.group()).equals(toGroup) && Strs.nz(t.kind()).equals(toKind)
              && (Strs.isEmpty(t.name()) || toName.equals(t.name())));
      if (fromOk && toOk) {
        return true;
      }
    }
    return false;
  }

  /** The Kong service skeleton of §2.3: no port until a backend port resolves. */
  static KService service(K8sObject parent, String name, String protocol) {
    KService svc = new KService(parent);
    svc.name = name;
    svc.host = name;
    svc.port = null;
    svc.protocol = protocol;
    svc.connectTimeout = 60000;
    svc.readTimeout = 60000;
    svc.writeTimeout = 60000;
    svc.retries = 5;
    return svc;
  }

  /** The service-level plugin for a rule whose backendRefs all failed to resolve (§2.4). */
  static ObjectNode noBackendPlugin() {
    ObjectNode p = Entities.JSON.objectNode();
    ObjectNode cfg = p.putObject("config");
    cfg.put("message", NO_BACKEND_MESSAGE);
    cfg.put("status_code", 500);
    p.put("name", "request-termination");
    return p;
  }

  /**
   * The listeners selected by a route's parentRefs, in parentRef order then listener order;
   * empty when {@code requireAll} and some Gateway is missing (§1.5).
   *
   * @param gatewayKindOnly skip parentRefs whose kind is set to something other than Gateway
   */
  Optional<List<Gateway.Listener>> listeners(K8sObject route,
      List<GatewayApi.ParentReference> refs, boolean gatewayKindOnly, boolean requireAll) {
    List<Gateway.Listener> out = new ArrayList<>();
    for (GatewayApi.ParentReference ref : refs) {
      if (gatewayKindOnly && ref.kind() != null && !"Gateway".equals(ref.kind())) {
        continue;
      }
      String ns = Strs.isEmpty(ref.namespace()) ? route.metadata().namespace() : ref.namespace();
      Optional<Gateway> gw = ctx.stores.get(Kind.GATEWAY, ns, Strs.nz(ref.name()), Gateway.class);
      if (gw.isEmpty()) {
        if (requireAll) {
          return Optional.empty();
        }
        continue;
      }
      for (Gateway.Listener l : gw.get().spec().listeners()) {
        if (ref.sectionName() == null || ref.sectionName().equals(l.name())) {
          out.add(l);
        }
      }
    }
    return Optional.of(out);
  }

  /** Kong route protocols from HTTP/HTTPS listeners, sorted; null when none (§1.5). */
  @Nullable List<String> httpProtocols(K8sObject route, List<GatewayApi.ParentReference> refs) {
    LinkedHashSet<String> set = new LinkedHashSet<>();
    for (Gateway.Listener l : listeners(route, refs, false, false).orElse(List.of())) {
      if ("HTTP".equals(l.protocol())) {
        set.add("http");
      } else if ("HTTPS".equals(l.protocol())) {
        set.add("https");
      }
    }
    if (set.isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>(set);
    out.sort(Strs.BYTES);
    return out;
  }

  /** Route tags: object tags, then one tag per named rule, then user tags (§3.7). */
  static List<String> routeTags(K8sObject o, List<@Nullable String> ruleNames) {
    List<String> all = Tags.of(o);
    int user = new LinkedHashSet<>(Strs.list(o.metadata().annotation(Tags.USER_TAGS))).size();
    List<String> out = new ArrayList<>(all.subList(0, all.size() - user));
    for (String n : ruleNames) {
      if (n != null && !n.isBlank()) {
        out.add(NAMED_RULE_TAG + n);
      }
    }
    out.addAll(all.subList(all.size() - user, all.size()));
    return out;
  }

  /** Whether two lists hold the same elements with the same counts. */
  static <T> boolean sameMultiset(List<T> a, List<T> b) {
    if (a.size() != b.size()) {
      return false;
    }
    List<T> rest = new ArrayList<>(b);
    for (T x : a) {
      int i = indexOf(rest, x);
      if (i < 0) {
        return false;
      }
      rest.remove(i);
    }
    return true;
  }

  private static <T> int indexOf(List<T> l, T x) {
    for (int i = 0; i < l.size(); i++) {
      if (Objects.equals(l.get(i), x)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Gateway API duration ({@code 1h2m3s4ms} style) in milliseconds; null when invalid.
   */
  static @Nullable Long durationMillis(@Nullable String d) {
    if (d == null || d.isEmpty()) {
      return null;
    }
    long total = 0;
    int i = 0;
    while (i < d.length()) {
      int j = i;
      while (j < d.length() && Character.isDigit(d.charAt(j))) {
        j++;
      }
      if (j == i) {
        return null;
      }
      long n = Long.parseLong(d.substring(i, Math.min(j, i + 12)));
      String unit;
      if (d.startsWith("ms", j)) {
        unit = "ms";
      } else if (j < d.length() && "hms".indexOf(d.charAt(j)) >= 0) {
        unit = d.substring(j, j + 1);
      } else {
        return null;
      }
      total += switch (unit) {
        case "h" -> n * 3_600_000L;
        case "m" -> n * 60_000L;
        case "s" -> n * 1000L;
        default -> n;
      };
      i = j + unit.length();
    }
    return total;
  }
}
