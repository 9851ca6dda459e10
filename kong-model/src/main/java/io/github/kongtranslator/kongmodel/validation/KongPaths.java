package io.github.kongtranslator.kongmodel.validation;

import java.nio.charset.StandardCharsets;

/**
 * Kong's path normalisation ({@code kong/tools/uri.lua} {@code normalize} in Kong 3.9.1), the one
 * implementation used by {@link KongValidator} (a route path must already be normalised) and by the
 * offline router (the path a request is matched on).
 */
public final class KongPaths {
  private static final String RESERVED = "!*'();:@&=+$,/?%#[]";

  private KongPaths() {}

  /**
   * {@code uri.lua} {@code normalize}: decodes percent-encoded characters that are not reserved
   * (upper-cases the others), removes dot segments and, when asked, merges slashes.
   *
   * @param uri the path
   * @param mergeSlashes whether {@code //} becomes {@code /}
   * @return the normalised path
   */
  public static String normalize(String uri, boolean mergeSlashes) {
    if (uri.isEmpty() || uri.equals("/")) {
      return uri;
    }
    if (uri.indexOf('%') >= 0) {
      uri = decodeUnreserved(uri);
    }
    if (uri.indexOf('.') < 0 && (!mergeSlashes || !uri.contains("//"))) {
      return uri;
    }
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    while (!uri.isEmpty()) {
      if (uri.equals("/.")) {
        uri = "/";
      } else if (uri.equals("/..")) {
        uri = "/";
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
      } else if (uri.equals(".") || uri.equals("..")) {
        uri = "";
      } else if (uri.startsWith("../")) {
        uri = uri.substring(3);
      } else if (uri.startsWith("./")) {
        uri = uri.substring(2);
      } else if (uri.startsWith("/./")) {
        uri = uri.substring(2);
      } else if (uri.startsWith("/../")) {
        uri = uri.substring(3);
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
      } else if (mergeSlashes && uri.startsWith("//")) {
        uri = uri.substring(1);
      } else {
        int i = uri.indexOf('/', 1);
        if (i >= 0) {
          out.add(uri.substring(0, i));
          uri = uri.substring(i);
        } else {
          out.add(uri);
          uri = "";
        }
      }
    }
    return String.join("", out);
  }

  // "%XX" of a non-reserved character becomes the character; of a reserved one, upper case.
  // Works on bytes like the Lua code, then reads the result as UTF-8.
  private static String decodeUnreserved(String uri) {
    byte[] in = uri.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
        int v = hex(in[i + 1]) * 16 + hex(in[i + 2]);
        if (RESERVED.indexOf(v) >= 0) {
          out.write('%');
          out.write(Character.toUpperCase(in[i + 1]));
          out.write(Character.toUpperCase(in[i + 2]));
        } else {
          out.write(v);
        }
        i += 2;
      } else {
        out.write(in[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit((char) b, 16);
  }
}
