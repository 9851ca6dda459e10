package io.github.kongtranslator.translator.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that a PEM certificate and private key form a key pair, like Go's {@code tls.X509KeyPair}. */
final class KeyPairs {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

  private KeyPairs() {}

  static boolean valid(String certPem, String keyPem) {
    try {
      byte[] certDer = first(certPem, "CERTIFICATE");
      if (certDer == null) {
        return false;
      }
      X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(certDer));
      PublicKey pub = cert.getPublicKey();
      Matcher m = BLOCK.matcher(keyPem);
      while (m.find()) {
        String type = m.group(1);
        if (!type.endsWith("PRIVATE KEY")) {
          continue;
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        return switch (type) {
          case "PRIVATE KEY" -> matches(pub, pkcs8(der, pub.getAlgorithm()));
          case "RSA PRIVATE KEY" -> matches(pub, pkcs1(der));
          case "EC PRIVATE KEY" -> pub.getAlgorithm().equals("EC");
          default -> false;
        };
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  private static byte[] first(String pem, String type) {
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      if (m.group(1).equals(type)) {
        return Base64.getMimeDecoder().decode(m.group(2));
      }
    }
    return null;
  }

  private static PrivateKey pkcs8(byte[] der, String algorithm) throws Exception {
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  private static boolean matches(PublicKey pub, PrivateKey key) {
    if (pub instanceof RSAPublicKey rp) {
      return key instanceof RSAPrivateCrtKey rk && rk.getModulus().equals(rp.getModulus())
          && rk.getPublicExponent().equals(rp.getPublicExponent());
    }
    return pub.getAlgorithm().equals(key.getAlgorithm());
  }

  /** Parses a PKCS#1 RSAPrivateKey DER sequence. */
  private static PrivateKey pkcs1(byte[] der) throws Exception {
    Der d = new Der(der);
    d.expect(0x30);
    d.length();
    List<BigInteger> ints = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      d.expect(0x02);
      int len = d.length();
      ints.add(new BigInteger(d.bytes(len)));
    }
    return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(ints.get(1),
        ints.get(2), ints.get(3), ints.get(4), ints.get(5), ints.get(6), ints.get(7), ints.get(8)));
  }

  /** A tiny DER reader. */
  private static final class Der {
    private final byte[] b;
    private int pos;

    Der(byte[] b) {
      this.b = b;
    }

    void expect(int tag) {
      if ((b[pos++] & 0xff) != tag) {
        throw new IllegalArgumentException("unexpected DER tag");
      }
    }

    int length() {
      int first = b[pos++] & 0xff;
      if (first < 0x80) {
        return first;
      }
      int n = first & 0x7f;
      int len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (b[pos++] & 0xff);
      }
      return len;
    }

    byte[] bytes(int len) {
      byte[] out = new byte[len];
      System.arraycopy(b, pos, out, 0, len);
      pos += len;
      return out;
    }
  }
}
