/** YAML emission and location-tracking tree readers behind the config I/O; not API. */
@NullMarked
package io.github.kongtranslator.kongmodel.io.internal;

import org.jspecify.annotations.NullMarked;
