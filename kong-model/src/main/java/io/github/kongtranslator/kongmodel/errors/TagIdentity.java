package io.github.kongtranslator.kongmodel.errors;

import io.github.kongtranslator.core.model.Kind;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes identity written into an entity's tags ({@code k8s-name:}, {@code k8s-namespace:},
 * {@code k8s-kind:}, {@code k8s-group:}, {@code k8s-version:}, {@code k8s-uid:}), as scanned per
 * fallback-spec §4.5: in order, later tags overriding earlier ones, other tags ignored. Absent
 * attributes are empty strings.
 *
 * @param name the name
 * @param namespace the namespace
 * @param kind the kind
 * @param group the API group
 * @param version the API version
 * @param uid the uid
 */
public record TagIdentity(
    String name, String namespace, String kind, String group, String version, String uid) {

  /** Why KIC drops an entry (fallback-spec §4.5, checked in this order). */
  public enum DropReason {
    /** No {@code k8s-name} (or an empty one). */
    MISSING_NAME,
    /** No namespace, and the kind is not one of KIC's three cluster-scoped kinds. */
    MISSING_NAMESPACE,
    /** No {@code k8s-kind}. */
    MISSING_KIND,
    /** No {@code k8s-uid}. */
    MISSING_UID
  }

  /**
   * Scans tags.
   *
   * @param tags the entity's tags, in order
   * @return the identity
   */
  public static TagIdentity fromTags(List<String> tags) {
    String name = "";
    String namespace = "";
    String kind = "";
    String group = "";
    String version = "";
    String uid = "";
    for (String t : tags) {
      if (t.startsWith("k8s-name:")) {
        name = t.substring(9);
      } else if (t.startsWith("k8s-namespace:")) {
        namespace = t.substring(14);
      } else if (t.startsWith("k8s-kind:")) {
        kind = t.substring(9);
      } else if (t.startsWith("k8s-group:")) {
        group = t.substring(10);
      } else if (t.startsWith("k8s-version:")) {
        version = t.substring(12);
      } else if (t.startsWith("k8s-uid:")) {
        uid = t.substring(8);
      }
    }
    return new TagIdentity(name, namespace, kind, group, version, uid);
  }

  /**
   * {@code group/version}, or {@code version} for the core group.
   *
   * @return the apiVersion
   */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /**
   * Why KIC would drop this identity, if it would.
   *
   * @return the first failing rule of fallback-spec §4.5, empty when the identity is usable
   */
  public Optional<DropReason> compatDropReason() {
    if (name.isEmpty()) {
      return Optional.of(DropReason.MISSING_NAME);
    }
    if (namespace.isEmpty() && !kicClusterScoped()) {
      return Optional.of(DropReason.MISSING_NAMESPACE);
    }
    if (kind.isEmpty()) {
      return Optional.of(DropReason.MISSING_KIND);
    }
    if (uid.isEmpty()) {
      return Optional.of(DropReason.MISSING_UID);
    }
    return Optional.empty();
  }

  private boolean kicClusterScoped() {
    return group.equals(Kind.KONG_GROUP)
        && ((version.equals("v1")
                && (kind.equals("KongClusterPlugin") || kind.equals("KongLicense")))
            || (version.equals("v1alpha1") && kind.equals("KongVault")));
  }

  /**
   * The object KIC identifies (fallback-spec §4.5).
   *
   * @return the reference, empty when {@link #compatDropReason()} is present
   */
  public Optional<ObjectRef> compatRef() {
    if (compatDropReason().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new ObjectRef(group, version, kind, namespace, name, uid));
  }

  /**
   * The object identified under the target rules (fallback-spec §4.10): name and kind are required;
   * cluster scope comes from the {@link Kind} registry, and for a cluster-scoped kind the namespace
   * tag is ignored; a namespaced known kind needs a namespace; the uid is optional (empty when
   * absent).
   *
   * @return the reference, empty when name or kind is missing or a namespaced kind has no namespace
   */
  public Optional<ObjectRef> targetRef() {
    if (name.isEmpty() || kind.isEmpty()) {
      return Optional.empty();
    }
    Optional<Kind> known = Kind.find(group, kind);
    String ns = namespace;
    if (known.isPresent()) {
      if (!known.get().namespaced()) {
        ns = "";
      } else if (ns.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(new ObjectRef(group, version, kind, ns, name, uid));
  }
}
