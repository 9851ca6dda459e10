/**
 * Certificates stage: TLS certificates and SNIs from Ingresses, TCPIngresses and Gateway listeners,
 * client certificates, CA certificates. Not API.
 */
@NullMarked
package io.github.kongtranslator.translator.internal.certificates;

import org.jspecify.annotations.NullMarked;
