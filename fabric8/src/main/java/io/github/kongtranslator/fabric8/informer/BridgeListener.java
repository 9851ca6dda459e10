package io.github.kongtranslator.fabric8.informer;

import io.github.kongtranslator.core.model.ObjectRef;
import io.github.kongtranslator.fabric8.convert.ConversionException;

/**
 * What the bridge tells its controller. Called on an informer's event thread: keep it short (e.g.
 * schedule a sync), never block.
 */
public interface BridgeListener {
  /** Listens to nothing. */
  BridgeListener NONE = new BridgeListener() {};

  /**
   * The cache changed: an object was added, replaced by a different one, or removed.
   *
   * @param ref the object that changed
   */
  default void changed(ObjectRef ref) {}

  /**
   * An object could not be read into the model. The cache keeps the object's previous version, if
   * any (the last one that could be read), so a bad update never removes a working object.
   *
   * @param error names the object and the field, never a value
   */
  default void conversionFailed(ConversionException error) {}
}
