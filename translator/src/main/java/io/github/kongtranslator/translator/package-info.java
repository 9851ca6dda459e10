/**
 * The translator: turns an immutable snapshot of Kubernetes objects into Kong declarative
 * configuration plus per-object translation failures; start with {@link
 * io.github.kongtranslator.translator.Translator}.
 */
@NullMarked
package io.github.kongtranslator.translator;

import org.jspecify.annotations.NullMarked;
