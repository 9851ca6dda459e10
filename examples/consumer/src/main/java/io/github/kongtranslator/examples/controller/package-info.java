/**
 * A runnable example controller: fabric8 informers feed an ObjectCache, the leader pushes its
 * snapshots to Kong with a ConfigSynchronizer and writes Programmed conditions back.
 */
@NullMarked
package io.github.kongtranslator.examples.controller;

import org.jspecify.annotations.NullMarked;
