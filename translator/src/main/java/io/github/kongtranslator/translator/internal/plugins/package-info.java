/**
 * Plugins stage: KongPlugins and KongClusterPlugins attached to services, routes, consumers and
 * consumer groups, and KongCustomEntities attached through them. Not API.
 */
@NullMarked
package io.github.kongtranslator.translator.internal.plugins;

import org.jspecify.annotations.NullMarked;
