/**
 * Loading Kubernetes manifests (multi-document YAML or JSON, files, directories, streams,
 * strings, {@code kind: List}) into the typed model, with bounded resources and errors that
 * name the source, document, line and field. Start at {@link
 * io.github.kongtranslator.core.manifest.Manifests}.
 */
@NullMarked
package io.github.kongtranslator.core.manifest;

import org.jspecify.annotations.NullMarked;
