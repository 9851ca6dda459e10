/**
 * Kong's router expression language (ATC, Kong/atc-router 1.6.2, the version Kong 3.9.1 pins):
 * {@link io.github.kongtranslator.kongmodel.atc.AtcParser} parses an expression into the tree of
 * {@link io.github.kongtranslator.kongmodel.atc.Atc} and checks it as atc-router does (syntax,
 * literals, regexes, field types of {@link io.github.kongtranslator.kongmodel.atc.AtcSchema}). The
 * one parser of the library: the validator checks route expressions with it, the router evaluates
 * the trees it builds.
 */
@NullMarked
package io.github.kongtranslator.kongmodel.atc;

import org.jspecify.annotations.NullMarked;
