package io.github.kongtranslator.translator.internal.entities;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.K8sObject;
import io.github.kongtranslator.core.model.ObjectMeta;
import io.github.kongtranslator.translator.internal.text.Strs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The {@code k8s-*} tags of an object plus its {@code konghq.com/tags} (translator-spec §13). */
public final class Tags {
  static final String USER_TAGS = "konghq.com/tags";

  /** Tags of a Kong service whose k8s Service could not be resolved (§5.1). */
  public static final ImmutableList<String> PLACEHOLDER =
      ImmutableList.of(
          "k8s-name:UNKNOWN",
          "k8s-namespace:UNKNOWN",
          "k8s-kind:Service",
          "k8s-uid:00000000-0000-0000-0000-000000000000",
          "k8s-group:core",
          "k8s-version:v1");

  private Tags() {}

  public static ImmutableList<String> of(K8sObject o) {
    return of(o, o.metadata());
  }

  static ImmutableList<String> of(K8sObject o, ObjectMeta annotationsFrom) {
    return of(o, annotationsFrom, List.of());
  }

  /** Object tags, then {@code extra} (e.g. named route rules), then user tags. */
  public static ImmutableList<String> of(K8sObject o, List<String> extra) {
    return of(o, o.metadata(), extra);
  }

  static ImmutableList<String> of(K8sObject o, ObjectMeta annotationsFrom, List<String> extra) {
    List<String> tags = new ArrayList<>();
    ObjectMeta m = o.metadata();
    add(tags, "k8s-name:", m.name());
    add(tags, "k8s-namespace:", m.namespace());
    add(tags, "k8s-kind:", o.kind().kindName());
    add(tags, "k8s-uid:", m.uid());
    add(tags, "k8s-group:", o.kind().group());
    String av = o.apiVersion() == null ? "" : o.apiVersion();
    add(tags, "k8s-version:", av.substring(av.lastIndexOf('/') + 1));
    tags.addAll(extra);
    tags.addAll(new LinkedHashSet<>(Strs.list(annotationsFrom.annotation(USER_TAGS))));
    return ImmutableList.copyOf(tags);
  }

  private static void add(List<String> tags, String prefix, String value) {
    if (!value.isEmpty()) {
      tags.add(prefix + value);
    }
  }
}
