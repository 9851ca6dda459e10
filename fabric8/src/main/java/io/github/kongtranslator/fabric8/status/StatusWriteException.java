package io.github.kongtranslator.fabric8.status;

import io.github.kongtranslator.core.KongTranslatorException;
import io.github.kongtranslator.core.model.ObjectRef;
import org.jspecify.annotations.Nullable;

/** The API server refused or failed a status write. The message names the object. */
public final class StatusWriteException extends KongTranslatorException {
  private static final long serialVersionUID = 1L;

  private final transient ObjectRef ref;

  StatusWriteException(ObjectRef ref, String problem, @Nullable Throwable cause) {
    super("cannot write status of " + ref + ": " + problem, cause);
    this.ref = ref;
  }

  /** {@return the object whose status was not written} */
  public ObjectRef ref() {
    return ref;
  }
}
