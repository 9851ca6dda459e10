/** Implementation of the Kong schema checks (host and path syntax); not API. */
@NullMarked
package io.github.kongtranslator.kongmodel.validation.internal;

import org.jspecify.annotations.NullMarked;
