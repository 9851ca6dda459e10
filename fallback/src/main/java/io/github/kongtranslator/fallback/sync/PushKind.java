package io.github.kongtranslator.fallback.sync;

/** Which configuration a push carries. */
public enum PushKind {
  /** The translation of the tick's snapshot. */
  DESIRED,
  /** The translation of the fallback snapshot (broken objects and their dependents excluded). */
  FALLBACK,
  /** The last configuration every gateway accepted. */
  LAST_VALID
}
