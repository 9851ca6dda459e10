/**
 * Implementation of the translator, one class per part (Ingress, L4 ingresses, services and
 * upstreams, plugins, consumers, certificates, custom entities, deck generation). Not API.
 */
@NullMarked
package io.github.kongtranslator.translator.internal;

import org.jspecify.annotations.NullMarked;
