/**
 * Gateways for tests of update loops: a simulated Kong gateway in memory ({@code SimulatedGateway}:
 * atomic or partial application, rejections with Kong's flattened-errors body, injected faults,
 * restarts, an exact view of the entities it serves), and Kong 3.9's Admin API in process over HTTP
 * ({@code KongAdminFake} on a {@code KongDatabase}: DB mode or DB-less, OSS or Enterprise, with
 * {@code HttpFault}s), for tests of real clients such as {@code KongAdminClient}.
 */
@NullMarked
package io.github.kongtranslator.testkit.gateway;

import org.jspecify.annotations.NullMarked;
