package io.github.kongtranslator.kongmodel.errors;

import com.google.common.collect.ImmutableList;
import io.github.kongtranslator.core.model.ObjectRef;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The objects KIC would blame for a rejection, for differential tests (test code only; the library
 * blames with {@link GatewayRejection#targetBrokenObjects()}).
 */
final class KicBlame {
  private KicBlame() {}

  /**
   * For each entry that has problems and whose tags identify an object under KIC's rules ({@link
   * FlattenedError#compatRef()}), its object; deduplicated, in first-occurrence order.
   *
   * @param rejection the parsed body
   * @return the blamed objects
   */
  static ImmutableList<ObjectRef> brokenObjects(GatewayRejection rejection) {
    Set<ObjectRef> out = new LinkedHashSet<>();
    for (FlattenedError e : rejection.entries()) {
      if (!e.problems().isEmpty()) {
        e.compatRef().ifPresent(out::add);
      }
    }
    return ImmutableList.copyOf(out);
  }
}
