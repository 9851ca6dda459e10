/**
 * The informer bridge: {@link io.github.kongtranslator.fabric8.informer.InformerBridge} keeps an
 * {@link io.github.kongtranslator.core.cache.ObjectCache} in step with fabric8 {@code
 * SharedIndexInformer}s.
 */
@NullMarked
package io.github.kongtranslator.fabric8.informer;

import org.jspecify.annotations.NullMarked;
