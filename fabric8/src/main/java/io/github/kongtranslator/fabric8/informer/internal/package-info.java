/** Implementation of the informer bridge (which fabric8 resource serves each kind). Not API. */
@NullMarked
package io.github.kongtranslator.fabric8.informer.internal;

import org.jspecify.annotations.NullMarked;
