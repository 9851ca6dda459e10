/**
 * Fallback configuration: what a gateway is given when it rejects the configuration translated from
 * the whole cluster.
 *
 * <p>Vocabulary, used the same way in every sub-package:
 *
 * <ul>
 *   <li><b>dependency / dependent</b>: if translating object {@code o} reads object {@code d}, then
 *       {@code d} is a dependency of {@code o} and {@code o} a dependent of {@code d} ({@link
 *       io.github.kongtranslator.fallback.graph.ConfigGraph} has an edge {@code o → d});
 *   <li><b>broken object</b>: an object the gateway blamed for a rejection;
 *   <li><b>excluded object</b>: a broken object or anything that transitively depends on one; it is
 *       left out of the fallback snapshot, with the dependency path that excluded it ({@link
 *       io.github.kongtranslator.fallback.exclusion.Exclusion});
 *   <li><b>fallback snapshot / configuration</b>: the snapshot without the excluded objects, and
 *       its translation;
 *   <li><b>backfill</b>: replacing excluded objects by their version from the last snapshot the
 *       gateways accepted, when that is consistent ({@link
 *       io.github.kongtranslator.fallback.backfill.Backfill}).
 * </ul>
 *
 * <p>Entry point: {@link io.github.kongtranslator.fallback.FallbackGenerator} (exclude, optionally
 * backfill, translate) returning a {@link io.github.kongtranslator.fallback.FallbackResult}.
 *
 * <p>Exclusion <em>fails closed</em>: an object never survives the exclusion of something it needs
 * for its security (an authentication plugin, a certificate, a consumer group, a CA).
 */
@NullMarked
package io.github.kongtranslator.fallback;

import org.jspecify.annotations.NullMarked;
