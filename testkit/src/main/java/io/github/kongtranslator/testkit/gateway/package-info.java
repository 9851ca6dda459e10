/**
 * A simulated Kong gateway for tests of update loops: atomic (DB-less) or partial (database)
 * application, rejections with Kong's flattened-errors body, injected faults, restarts, and an
 * exact view of the entities it serves.
 */
@NullMarked
package io.github.kongtranslator.testkit.gateway;

import org.jspecify.annotations.NullMarked;
