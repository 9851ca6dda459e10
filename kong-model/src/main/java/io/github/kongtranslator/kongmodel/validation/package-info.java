/**
 * Kong's own validation of a declarative configuration, offline: {@link
 * io.github.kongtranslator.kongmodel.validation.KongValidator} checks every entity against the
 * schema rules of Kong 3.9.1 ({@code kong/db/schema/...}) before a push.
 */
@NullMarked
package io.github.kongtranslator.kongmodel.validation;

import org.jspecify.annotations.NullMarked;
