/**
 * Ingress stage: Ingresses, TCPIngresses and UDPIngresses to Kong services and routes
 * (translator-spec §2). Not API.
 */
@NullMarked
package io.github.kongtranslator.translator.internal.ingress;

import org.jspecify.annotations.NullMarked;
