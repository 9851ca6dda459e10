/**
 * Reading and writing Kong declarative configuration as YAML (byte-compatible with the KIC goldens'
 * go-yaml emission) and JSON.
 */
@NullMarked
package io.github.kongtranslator.kongmodel.io;

import org.jspecify.annotations.NullMarked;
