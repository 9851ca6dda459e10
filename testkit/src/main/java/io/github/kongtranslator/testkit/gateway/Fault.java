package io.github.kongtranslator.testkit.gateway;

/**
 * A fault injected into one push of a {@link SimulatedGateway}.
 *
 * @param type what goes wrong
 * @param appliedOperations for {@link Type#FAIL_AFTER}: how many entity operations succeed before
 *     the connection breaks (partial gateways; an atomic gateway applies nothing)
 */
public record Fault(Type type, int appliedOperations) {

  /** What goes wrong. */
  public enum Type {
    /** Nothing goes wrong: the push is processed normally. */
    NONE,
    /** The request never reaches the gateway: nothing changes, the outcome is TRANSIENT. */
    TIMEOUT_BEFORE_SENDING,
    /** The gateway processes the push fully, but the answer is lost: INDETERMINATE. */
    TIMEOUT_AFTER_APPLYING,
    /** The gateway fails (5xx, connection reset) after applying some operations: INDETERMINATE. */
    FAIL_AFTER
  }

  /**
   * Validates the count.
   *
   * @param type what goes wrong
   * @param appliedOperations for {@link Type#FAIL_AFTER}: how many entity operations succeed before
   *     the connection breaks (partial gateways; an atomic gateway applies nothing)
   */
  public Fault {
    if (appliedOperations < 0) {
      throw new IllegalArgumentException(
          "appliedOperations must be >= 0, was " + appliedOperations);
    }
  }

  /**
   * No fault, to let a push through while later ones are faulty.
   *
   * @return the fault
   */
  public static Fault none() {
    return new Fault(Type.NONE, 0);
  }

  /**
   * The request never reaches the gateway.
   *
   * @return the fault
   */
  public static Fault timeoutBeforeSending() {
    return new Fault(Type.TIMEOUT_BEFORE_SENDING, 0);
  }

  /**
   * The gateway applies the push, the answer is lost.
   *
   * @return the fault
   */
  public static Fault timeoutAfterApplying() {
    return new Fault(Type.TIMEOUT_AFTER_APPLYING, 0);
  }

  /**
   * The gateway fails after {@code k} entity operations.
   *
   * @param k the number of operations applied before the failure
   * @return the fault
   */
  public static Fault failAfter(int k) {
    return new Fault(Type.FAIL_AFTER, k);
  }
}
