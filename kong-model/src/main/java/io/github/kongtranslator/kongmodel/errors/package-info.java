/**
 * Tolerant parsing of Kong's flattened-errors rejection body ({@code POST
 * /config?flatten_errors=1}) into typed entries mapped to Kubernetes object identities through
 * their {@code k8s-*} tags.
 */
@NullMarked
package io.github.kongtranslator.kongmodel.errors;

import org.jspecify.annotations.NullMarked;
