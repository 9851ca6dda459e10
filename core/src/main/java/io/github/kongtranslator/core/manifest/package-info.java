/**
 * Loading Kubernetes manifests (multi-document YAML or JSON, files, directories, streams, strings,
 * object trees, {@code kind: List} and typed lists) into the typed model, admitting each object as
 * the Kubernetes API server would ({@link io.github.kongtranslator.core.manifest.ManifestOptions}:
 * namespace, uid, defaults, validation), with bounded resources and errors that name the source,
 * document, line and field. Start at {@link io.github.kongtranslator.core.manifest.Manifests}.
 */
@NullMarked
package io.github.kongtranslator.core.manifest;

import org.jspecify.annotations.NullMarked;
