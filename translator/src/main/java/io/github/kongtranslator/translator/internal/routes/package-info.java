/**
 * Kong route helpers shared by the Ingress and Gateway API stages: ATC expressions, route
 * priorities and the route annotations ({@code konghq.com/*}) applied to every route. Not API.
 */
@NullMarked
package io.github.kongtranslator.translator.internal.routes;

import org.jspecify.annotations.NullMarked;
