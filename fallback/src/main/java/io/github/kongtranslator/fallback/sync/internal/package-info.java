/** Implementation of the update loop; not API, may change in any release. */
@NullMarked
package io.github.kongtranslator.fallback.sync.internal;

import org.jspecify.annotations.NullMarked;
