/** Consumers stage: KongConsumers with their credentials, and KongConsumerGroups. Not API. */
@NullMarked
package io.github.kongtranslator.translator.internal.consumers;

import org.jspecify.annotations.NullMarked;
