/**
 * Gateway API attachment and status, as KIC's Gateway controllers compute them: which listener of
 * which managed Gateway accepts which route ({@link
 * io.github.kongtranslator.translator.gatewayapi.GatewayAttachment}), the route parent conditions
 * {@code Accepted} and {@code ResolvedRefs}, and each Gateway's conditions and listener status
 * ({@code supportedKinds}, {@code attachedRoutes}, {@code Accepted}, {@code Programmed}, {@code
 * ResolvedRefs}, {@code Conflicted}).
 *
 * <p>This is the one implementation of listener/route attachment in the library: status reporting
 * uses it, and {@link
 * io.github.kongtranslator.translator.gatewayapi.GatewayAttachment#acceptedRoutesOnly()} gives the
 * snapshot a running KIC would translate (only accepted routes, HTTPRoute hostnames narrowed to the
 * listeners'). The {@link io.github.kongtranslator.translator.Translator} itself never filters
 * (gateway-api-spec §1.3); the golden corpus depends on that.
 *
 * <p>Everything here is a pure function of the snapshot and the {@link
 * io.github.kongtranslator.translator.gatewayapi.AttachmentOptions}: inputs are read as the API
 * server stores them (CRD defaults applied: parentRef group/kind, {@code
 * allowedRoutes.namespaces.from: Same}, listener TLS mode {@code Terminate}, backendRef kind {@code
 * Service}).
 */
@NullMarked
package io.github.kongtranslator.translator.gatewayapi;

import org.jspecify.annotations.NullMarked;
