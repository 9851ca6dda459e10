/**
 * Implementation of the translator (not API), one sub-package per concept: the stages ({@code
 * ingress}, {@code gatewayapi}, {@code backends}, {@code consumers}, {@code vaults}, {@code
 * plugins}, {@code certificates}), the pipeline composing them in order and the document assembly
 * ({@code assembly.TranslationRun}, {@code assembly.DeckGenerator}), shared building blocks ({@code
 * entities}, {@code routes}, {@code support}, {@code text}) and the incremental engine ({@code
 * incremental}). See DEVELOPERS.md, "Translator internals".
 */
@NullMarked
package io.github.kongtranslator.translator.internal;

import org.jspecify.annotations.NullMarked;
