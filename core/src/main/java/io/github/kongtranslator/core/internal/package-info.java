/** Implementation details of {@code core}; not API, may change in any release. */
@NullMarked
package io.github.kongtranslator.core.internal;

import org.jspecify.annotations.NullMarked;
