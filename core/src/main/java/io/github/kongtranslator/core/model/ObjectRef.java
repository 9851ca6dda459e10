package io.github.kongtranslator.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Identity of a Kubernetes object: group, version, kind, namespace, name and uid.
 *
 * <p>Every failure, exclusion and error in the library points at objects through an {@code
 * ObjectRef}. The namespace is empty for cluster-scoped objects, the group is empty for the core
 * group, and the uid and version may be empty (objects loaded from files often have no uid). {@link
 * #toString()} renders {@code Kind namespace/name} (or {@code Kind name}), the form used in every
 * message.
 *
 * @param group API group, empty for the core group
 * @param version API version, e.g. {@code v1}; may be empty when unknown
 * @param kind Kubernetes kind, e.g. {@code KongPlugin}; never empty
 * @param namespace namespace, empty for cluster-scoped objects
 * @param name object name; never empty
 * @param uid the object's uid, empty when it has none
 */
public record ObjectRef(
    String group, String version, String kind, String namespace, String name, String uid) {

  /**
   * Validates that kind and name are present and no component is null.
   *
   * @param group API group, empty for the core group
   * @param version API version, e.g. {@code v1}; may be empty when unknown
   * @param kind Kubernetes kind, e.g. {@code KongPlugin}; never empty
   * @param namespace namespace, empty for cluster-scoped objects
   * @param name object name; never empty
   * @param uid the object's uid, empty when it has none
   */
  public ObjectRef {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uid, "uid");
    if (kind.isEmpty()) {
      throw new IllegalArgumentException("ObjectRef needs a kind (name " + name + ")");
    }
    if (name.isEmpty()) {
      throw new IllegalArgumentException("ObjectRef needs a name (kind " + kind + ")");
    }
  }

  /**
   * Reference to an object of a known kind, in the kind's preferred version, without uid.
   *
   * @param kind the kind
   * @param namespace namespace, empty for cluster-scoped kinds
   * @param name the name
   * @return the reference
   */
  public static ObjectRef of(Kind kind, String namespace, String name) {
    return new ObjectRef(
        kind.group(),
        kind.versions().get(0),
        kind.kindName(),
        kind.namespaced() ? namespace : "",
        name,
        "");
  }

  /**
   * {@return the known kind of this reference, or empty when it names a kind this library does not
   * read}
   */
  public Optional<Kind> knownKind() {
    return Kind.find(group, kind);
  }

  /**
   * This reference without version and uid: two refs naming the same object in different versions,
   * or one with and one without uid, have equal {@code withoutVersionAndUid()}.
   *
   * @return the reference with empty version and uid
   */
  public ObjectRef withoutVersionAndUid() {
    return version.isEmpty() && uid.isEmpty()
        ? this
        : new ObjectRef(group, "", kind, namespace, name, "");
  }

  /** Renders {@code Kind namespace/name}, or {@code Kind name} for cluster-scoped objects. */
  @Override
  public String toString() {
    return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
  }
}
