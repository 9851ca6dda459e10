/**
 * CRD schemas bundled as resources, and what the Kubernetes API server does with them before a
 * controller sees an object: structural-schema defaulting and validation. Not API.
 */
@NullMarked
package io.github.kongtranslator.core.manifest.internal.schema;

import org.jspecify.annotations.NullMarked;
