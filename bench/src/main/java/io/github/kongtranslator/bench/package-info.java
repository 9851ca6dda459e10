/** JMH benchmarks; not published. Run with {@code ./kong-translator-bench} (see bench/RESULTS.md). */
@NullMarked
package io.github.kongtranslator.bench;

import org.jspecify.annotations.NullMarked;
