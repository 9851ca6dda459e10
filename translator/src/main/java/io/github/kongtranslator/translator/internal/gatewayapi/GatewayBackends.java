package io.github.kongtranslator.translator.internal.gatewayapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kongtranslator.core.model.Gateway;
import io.github.kongtranslator.core.model.GatewayApi;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ReferenceGrant;
import io.github.kongtranslator.kongmodel.config.Plugin;
import io.github.kongtranslator.translator.internal.entities.Entities;
import io.github.kongtranslator.translator.internal.entities.Entities.Backend;
import io.github.kongtranslator.translator.internal.entities.Entities.KService;
import io.github.kongtranslator.translator.internal.entities.Entities.PortDef;
import io.github.kongtranslator.translator.internal.support.Context;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What all Gateway API route kinds share: backends, grants, listeners (gateway-api-spec §1.5, §2).
 */
public final class GatewayBackends {
  private final Context ctx;

  public GatewayBackends(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * Resolves backendRefs (§2.1). Unresolvable ones are skipped as KIC skips them, and each skip is
   * reported as a translation failure (effect PARTIAL) naming the route and the field ({@code
   * <field>[j]}), so that nothing is dropped silently.
   *
   * @param field the dotted path of the refs, e.g. {@code spec.rules[0].backendRefs}
   */
  List<Backend> resolve(
      K8sObject route, List<GatewayApi.BackendRef> refs, boolean httpRoute, String field) {
    List<Backend> out = new ArrayList<>();
    String routeNs = route.metadata().namespace();
    for (int j = 0; j < refs.size(); j++) {
      GatewayApi.BackendRef ref = refs.get(j);
      String ns = Strs.orElse(ref.namespace(), routeNs);
      String name = Strs.nz(ref.name());
      String why = null;
      String group = Strs.nz(ref.group());
      String kind = ref.kind();
      if (kind == null || !kind.equals("Service")) {
        why =
            kind == null
                ? "it has no kind (the Gateway API CRD defaults it to Service; objects read as stored keep none)"
                : "kind " + kind + " is not supported";
      } else if (ctx.stores.get(Kind.SERVICE, ns, name).isEmpty()) {
        why = "Service " + ns + "/" + name + " does not exist";
      } else if (!(group.isEmpty() || group.equals("core"))) {
        why = "group " + group + " is not the core group";
      } else if (!ns.equals(routeNs) && !granted(route, ns, "", "Service", name)) {
        why = "no ReferenceGrant in namespace " + ns + " allows it";
      }
      if (why != null) {
        ctx.fail(
            route.ref() + ": " + field + "[" + j + "] (" + ns + "/" + name + ") dropped: " + why,
            route);
        continue;
      }
      out.add(
          new Backend(
              ns,
              name,
              PortDef.ofNumber(ref.port() == null ? -1 : ref.port()),
              false,
              ref.weight()));
    }
    return out;
  }

  /** ReferenceGrant check (§2.2) for a reference from {@code from} into namespace {@code ns}. */
  public boolean granted(K8sObject from, String ns, String toGroup, String toKind, String toName) {
    if (ns.isEmpty() || ns.equals(from.metadata().namespace())) {
      return true;
    }
    for (ReferenceGrant g : ctx.stores.list(Kind.REFERENCE_GRANT, ReferenceGrant.class)) {
      if (!g.metadata().namespace().equals(ns)) {
        continue;
      }
      boolean f =
          g.spec().from().stream()
              .anyMatch(
                  x ->
                      Strs.nz(x.group()).equals(from.kind().group())
                          && Strs.nz(x.kind()).equals(from.kind().kindName())
                          && Strs.nz(x.namespace()).equals(from.metadata().namespace()));
      boolean t =
          g.spec().to().stream()
              .anyMatch(
                  x ->
                      Strs.nz(x.group()).equals(toGroup)
                          && Strs.nz(x.kind()).equals(toKind)
                          && (Strs.isEmpty(x.name()) || toName.equals(x.name())));
      if (f && t) {
        return true;
      }
    }
    return false;
  }

  /** The listeners selected by each parentRef whose Gateway exists (§1.5). */
  List<Gateway.Listener> listeners(
      K8sObject route, List<GatewayApi.ParentReference> parents, boolean requireGatewayKind) {
    List<Gateway.Listener> out = new ArrayList<>();
    for (GatewayApi.ParentReference p : parents) {
      if (requireGatewayKind && p.kind() != null && !p.kind().equals("Gateway")) {
        continue;
      }
      Optional<Gateway> gw = gateway(route, p);
      if (gw.isEmpty()) {
        continue;
      }
      for (Gateway.Listener l : gw.get().spec().listeners()) {
        if (p.sectionName() == null || p.sectionName().equals(l.name())) {
          out.add(l);
        }
      }
    }
    return out;
  }

  Optional<Gateway> gateway(K8sObject route, GatewayApi.ParentReference p) {
    String ns = Strs.orElse(p.namespace(), route.metadata().namespace());
    return ctx.stores.get(Kind.GATEWAY, ns, Strs.nz(p.name()), Gateway.class);
  }

  /** A Kong service skeleton (§2.3). */
  static KService skeleton(String name, String protocol, K8sObject parent) {
    KService s = new KService(parent);
    s.name = name;
    s.host = name;
    s.protocol = protocol;
    s.port = null;
    s.path = null;
    s.connectTimeout = 60000;
    s.readTimeout = 60000;
    s.writeTimeout = 60000;
    s.retries = 5;
    return s;
  }

  /** The "no existing backendRef" plugin (§2.4). */
  static Plugin noBackendPlugin() {
    ObjectNode c = Entities.JSON.objectNode();
    c.put("message", "no existing backendRef provided");
    c.put("status_code", 500);
    return Plugin.builder().adoptConfig(c).name("request-termination").build();
  }

  /** Tag of a named route rule. */
  static List<String> namedRule(@org.jspecify.annotations.Nullable String name) {
    return name == null || name.isBlank() ? List.of() : List.of("k8s-named-route-rule:" + name);
  }
}
