package io.github.kongtranslator.translator.internal.incremental;

import io.github.kongtranslator.translator.TranslationFailure;
import io.github.kongtranslator.translator.internal.certificates.CertificatePart;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A unit: objects translated together ({@link Partition}), what its last translation read, and what
 * it contributed to the merged configuration ({@link Merge}) and to the certificate step ({@link
 * CertificateStep}). Units compare by id, their creation order.
 */
final class Unit implements Comparable<Unit> {
  final int id;
  final List<Node> members = new ArrayList<>();

  /** Keys of the objects the last translation read besides the members. */
  Set<String> reads = Set.of();

  List<Merge.Placed> placed = List.of();
  List<TranslationFailure> failures = List.of();

  /** The unit's share of the certificate step's inputs; null when it has none. */
  CertificatePart.@Nullable Inputs tls;

  Unit(int id) {
    this.id = id;
  }

  @Override
  public int compareTo(Unit o) {
    return Integer.compare(id, o.id);
  }
}
