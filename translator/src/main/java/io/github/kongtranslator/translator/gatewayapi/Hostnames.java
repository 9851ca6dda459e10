package io.github.kongtranslator.translator.gatewayapi;

/**
 * Hostname matching with wildcards, as KIC's {@code internal/util/hostname.go} ({@code
 * HostnamesMatch}, {@code HostnamesIntersect}).
 */
public final class Hostnames {
  private Hostnames() {}

  /**
   * Whether {@code a} (possibly a wildcard such as {@code *.example.com}) matches {@code b}.
   *
   * @param a the pattern hostname
   * @param b the hostname
   * @return true when {@code a} matches {@code b}
   */
  public static boolean matches(String a, String b) {
    String[] la = a.split("\\.", -1);
    String[] lb = b.split("\\.", -1);
    int i = 0;
    int j = 0;
    boolean wildcard = false;
    for (; i < la.length && j < lb.length; i++, j++) {
      boolean found = false;
      if (wildcard) {
        for (; j < lb.length; j++) {
          if (la[i].equals(lb[j])) {
            found = true;
            break;
          }
        }
      }
      if (wildcard && !found) {
        return false;
      }
      if (la[i].equals("*")) {
        wildcard = true;
        continue;
      }
      wildcard = false;
      if (!la[i].equals(lb[j])) {
        return false;
      }
    }
    return lb.length - j == la.length - i;
  }

  /**
   * Whether either hostname matches the other.
   *
   * @param a a hostname
   * @param b another hostname
   * @return true when they intersect
   */
  public static boolean intersect(String a, String b) {
    return matches(a, b) || matches(b, a);
  }
}
