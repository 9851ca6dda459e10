/**
 * Kong's router offline: {@link io.github.kongtranslator.router.KongRouter} evaluates a Kong
 * declarative configuration for one request, as Kong 3.9's {@code traditional_compatible} or {@code
 * expressions} router would, and says which route, service, targets and plugins serve it and why.
 */
@NullMarked
package io.github.kongtranslator.router;

import org.jspecify.annotations.NullMarked;
