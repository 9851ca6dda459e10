/**
 * Backends stage: resolves the services' backends to targets and upstreams and applies the Service
 * annotations and upstream policies. Not API.
 */
@NullMarked
package io.github.kongtranslator.translator.internal.backends;

import org.jspecify.annotations.NullMarked;
