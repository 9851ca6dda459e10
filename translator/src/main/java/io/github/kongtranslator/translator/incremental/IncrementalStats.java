package io.github.kongtranslator.translator.incremental;

/**
 * What the last incremental translation did.
 *
 * @param objects objects in the snapshot
 * @param units groups of objects translated together (objects whose output merges, such as an
 *     Ingress, its Services and their EndpointSlices)
 * @param unitsTranslated units translated again for this snapshot
 * @param objectsTranslated objects fed to the translator for this snapshot (the units with the
 *     objects they read)
 * @param rebuilt whether every unit was translated again (the first snapshot, or a change to a kind
 *     nearly every object reads: IngressClass, IngressClassParameters, GatewayClass,
 *     ReferenceGrant, KongVault, BackendTLSPolicy, KongClusterPlugin)
 * @param fullTranslation whether two units disagreed about an entity, so a full translation was
 *     returned instead (the result is the same; only slower)
 */
public record IncrementalStats(
    int objects,
    int units,
    int unitsTranslated,
    int objectsTranslated,
    boolean rebuilt,
    boolean fullTranslation) {}
