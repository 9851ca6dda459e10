/**
 * Several controller replicas, one writer: {@link
 * io.github.kongtranslator.fabric8.leader.LeaderElection} (fabric8's {@code LeaderElector} on a
 * Kubernetes {@code Lease}) and {@link io.github.kongtranslator.fabric8.leader.LeaderGatedSync},
 * which pushes to Kong and writes status only while leading.
 */
@NullMarked
package io.github.kongtranslator.fabric8.leader;

import org.jspecify.annotations.NullMarked;
