package io.github.kongtranslator.router;

/**
 * Another route that matched the request but lost to the chosen one.
 *
 * @param route its name (or id when it has no name)
 * @param priority its ATC priority, an unsigned 64-bit value ({@link Long#toUnsignedString(long)})
 * @param why why it lost, e.g. {@code lower priority} or {@code same priority, smaller id}
 */
public record Candidate(String route, long priority, String why) {}
