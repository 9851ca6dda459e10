/** Implementation of manifest loading; not API, may change in any release. */
@NullMarked
package io.github.kongtranslator.core.manifest.internal;

import org.jspecify.annotations.NullMarked;
