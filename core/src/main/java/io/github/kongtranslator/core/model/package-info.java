/**
 * The typed, immutable Kubernetes model: one value type per kind the translator and the fallback
 * read, the {@link io.github.kongtranslator.core.model.Kind} registry in store order, {@link
 * io.github.kongtranslator.core.model.ObjectRef} identities and common metadata.
 *
 * <p>Every value is deeply immutable: collections are Guava immutable collections (never null,
 * empty when absent) and free-form parts are {@link io.github.kongtranslator.core.model.JsonValue}
 * trees. Optional scalar fields are {@code @Nullable}. Secret data is redacted from {@code
 * toString()}.
 */
@NullMarked
package io.github.kongtranslator.core.model;

import org.jspecify.annotations.NullMarked;
