/**
 * Implementation of the Kong Admin API client (HTTP calls, DB-mode entity sync); not API, may
 * change in any release.
 */
@NullMarked
package io.github.kongtranslator.fallback.gateway.internal;

import org.jspecify.annotations.NullMarked;
