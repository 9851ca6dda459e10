/**
 * Core of kong-translator: the base exception type shared by every module.
 *
 * <p>Sub-packages hold the typed Kubernetes model ({@code core.model}), manifest loading ({@code
 * core.manifest}) and the cache stores and snapshots ({@code core.cache}).
 */
@NullMarked
package io.github.kongtranslator.core;

import org.jspecify.annotations.NullMarked;
