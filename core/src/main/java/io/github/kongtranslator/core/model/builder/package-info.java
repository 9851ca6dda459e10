/**
 * Builders for the Kubernetes model types users build in code (tests, controllers): start at {@link
 * io.github.kongtranslator.core.model.builder.K8sBuilders}. Each {@code build()} checks that the
 * {@code apiVersion} serves the kind and that the fields the API server requires are present, and
 * throws an {@link io.github.kongtranslator.core.model.builder.ObjectBuildException} naming the
 * object otherwise.
 */
@NullMarked
package io.github.kongtranslator.core.model.builder;

import org.jspecify.annotations.NullMarked;
