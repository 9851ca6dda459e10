package io.github.kongtranslator.translator.internal.certificates;

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
import org.jspecify.annotations.Nullable;

/**
 * Checks that a PEM certificate and private key form a key pair, like Go's {@code tls.X509KeyPair}.
 */
final class KeyPairs {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

  /**
   * Verdicts by SHA-256 of (certificate, key): checking a pair signs and verifies, which dominated
   * whole-cluster translation time, and controllers re-translate the same Secrets on every sync.
   * Only digests are kept, never key material. Bounded and thread-safe.
   */
  private static final com.google.common.cache.Cache<String, Boolean> VERDICTS =
      com.google.common.cache.CacheBuilder.newBuilder().maximumSize(50_000).build();

  private KeyPairs() {}

  static boolean valid(String certPem, String keyPem) {
    java.security.MessageDigest d = io.github.kongtranslator.core.json.CanonicalJson.newSha256();
    d.update(certPem.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    d.update((byte) 0);
    d.update(keyPem.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String digest = Base64.getEncoder().encodeToString(d.digest());
    Boolean known = VERDICTS.getIfPresent(digest);
    if (known != null) {
      return known;
    }
    boolean verdict = check(certPem, keyPem);
    VERDICTS.put(digest, verdict);
    return verdict;
  }

  private static boolean check(String certPem, String keyPem) {
    try {
      byte @Nullable [] certDer = first(certPem, "CERTIFICATE");
      if (certDer == null) {
        return false;
      }
      X509Certificate cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
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
          case "EC PRIVATE KEY" -> matches(pub, sec1(der));
          default -> false;
        };
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  private static byte @Nullable [] first(String pem, String type) {
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

  private static boolean matches(PublicKey pub, PrivateKey key) throws Exception {
    if (pub instanceof RSAPublicKey rp) {
      return key instanceof RSAPrivateCrtKey rk
          && rk.getModulus().equals(rp.getModulus())
          && rk.getPublicExponent().equals(rp.getPublicExponent());
    }
    String alg =
        switch (pub.getAlgorithm()) {
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          case "Ed448" -> "Ed448";
          default -> null;
        };
    if (alg == null || !pub.getAlgorithm().equals(key.getAlgorithm())) {
      return false;
    }
    byte[] probe =
        "kong-translator key pair probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    java.security.Signature signer = java.security.Signature.getInstance(alg);
    signer.initSign(key);
    signer.update(probe);
    byte[] sig = signer.sign();
    java.security.Signature verifier = java.security.Signature.getInstance(alg);
    verifier.initVerify(pub);
    verifier.update(probe);
    return verifier.verify(sig);
  }

  /** Parses a SEC1 ECPrivateKey by wrapping it into PKCS#8 with its curve parameters. */
  private static PrivateKey sec1(byte[] der) throws Exception {
    Der d = new Der(der);
    d.expect(0x30);
    d.length();
    d.expect(0x02);
    d.bytes(d.length());
    d.expect(0x04);
    d.bytes(d.length());
    d.expect(0xa0);
    d.length();
    d.expect(0x06);
    byte[] curve = d.bytes(d.length());
    byte[] ecOid = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    byte[] curveTlv = tlv(0x06, curve);
    byte[] algId = tlv(0x30, concat(ecOid, curveTlv));
    byte[] pkcs8 = tlv(0x30, concat(tlv(0x02, new byte[] {0}), algId, tlv(0x04, der)));
    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] tlv(int tag, byte[] value) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(tag);
    int len = value.length;
    if (len < 0x80) {
      out.write(len);
    } else if (len < 0x100) {
      out.write(0x81);
      out.write(len);
    } else {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len & 0xff);
    }
    out.writeBytes(value);
    return out.toByteArray();
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
    return KeyFactory.getInstance("RSA")
        .generatePrivate(
            new RSAPrivateCrtKeySpec(
                ints.get(1),
                ints.get(2),
                ints.get(3),
                ints.get(4),
                ints.get(5),
                ints.get(6),
                ints.get(7),
                ints.get(8)));
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
