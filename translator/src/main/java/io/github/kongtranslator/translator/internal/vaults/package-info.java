/** Vaults stage: KongVaults. Not API. */
@NullMarked
package io.github.kongtranslator.translator.internal.vaults;

import org.jspecify.annotations.NullMarked;
