/**
 * Embedding kong-translator in a Java controller built on the fabric8 kubernetes-client.
 */
@NullMarked
package io.github.kongtranslator.fabric8;

import org.jspecify.annotations.NullMarked;
