/**
 * Seeded, reproducible synthetic clusters of realistic object mixes, for benchmarks and load tests.
 */
@NullMarked
package io.github.kongtranslator.testkit.cluster;

import org.jspecify.annotations.NullMarked;
