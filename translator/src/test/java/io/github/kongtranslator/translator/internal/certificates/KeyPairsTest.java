package io.github.kongtranslator.translator.internal.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Key pair checks. Every key below was generated for this test only and protects nothing. */
class KeyPairsTest {
  private static final String CA_CRT =
      """
      -----BEGIN CERTIFICATE-----
      MIIBejCCAR+gAwIBAgIUYrot4IXXC6qTEeDw7Aa2bQtqpcgwCgYIKoZIzj0EAwIw
      EjEQMA4GA1UEAwwHdGVzdC1jYTAeFw0yNjExMjMyMTQxNDhaFw0zNjExMjAyMTQx
      NDhaMBIxEDAOBgNVBAMMB3Rlc3QtY2EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC
      AATOEzT0uGMdRa6g2g76x8Dwc4imCBMb0taT/j/0yAQLLZyMrvx0KP5tH2PswFUh
      6GEziSxT728NUvbdyJButg3Ho1MwUTAdBgNVHQ4EFgQUefESJnN8cu9zlD26il4n
      sc6eoDcwHwYDVR0jBBgwFoAUefESJnN8cu9zlD26il4nsc6eoDcwDwYDVR0TAQH/
      BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEA4mVFFvqGl8OtPNtJsRnd6DLxDbwq
      DAeWDhmKs3Kxex4CIQDer8nbNF1/2q1EICfArmnPagEM35ljzmIP56Y1bJIAEQ==
      -----END CERTIFICATE-----
      """
          .strip();

  private static final String CA_KEY_PKCS8 =
      """
      -----BEGIN PRIVATE KEY-----
      MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgO95zv783v4U08QwW
      s1hhO7sFcGpSEKzrLEsnlTbPIaGhRANCAATOEzT0uGMdRa6g2g76x8Dwc4imCBMb
      0taT/j/0yAQLLZyMrvx0KP5tH2PswFUh6GEziSxT728NUvbdyJButg3H
      -----END PRIVATE KEY-----
      """
          .strip();

  private static final String CA_KEY_SEC1 =
      """
      -----BEGIN EC PRIVATE KEY-----
      MHcCAQEEIDvec7+/N7+FNPEMFrNYYTu7BXBqUhCs6yxLJ5U2zyGhoAoGCCqGSM49
      AwEHoUQDQgAEzhM09LhjHUWuoNoO+sfA8HOIpggTG9LWk/4/9MgECy2cjK78dCj+
      bR9j7MBVIehhM4ksU+9vDVL23ciQbrYNxw==
      -----END EC PRIVATE KEY-----
      """
          .strip();

  private static final String LEAF_CRT =
      """
      -----BEGIN CERTIFICATE-----
      MIIBcDCCARagAwIBAgIUSNCu8o4X7FNahNxhl5w2g737PLMwCgYIKoZIzj0EAwIw
      DzENMAsGA1UEAwwEbGVhZjAeFw0yNjExMjMyMTQxNDhaFw0zNjExMjAyMTQxNDha
      MA8xDTALBgNVBAMMBGxlYWYwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATYIsJy
      He0sQzYjqzxmxC/orGPiUSg9RKNaC+OkTlflQWgT54weaay3LAMYHAPpRtyRvY1q
      jZPgpPsXv+oX6Ib4o1AwTjAdBgNVHQ4EFgQUnIogOmD5moPXNmfrHqO+AJ8CJs4w
      HwYDVR0jBBgwFoAUnIogOmD5moPXNmfrHqO+AJ8CJs4wDAYDVR0TAQH/BAIwADAK
      BggqhkjOPQQDAgNIADBFAiEAssN2WNOG9ayv+PSiGiSZiS/3BE4PI/lC9TrrC8AB
      xswCID7a1kCxR1j0aRs57GdjZSXXHcDlSbBZNZ76dCpbbEPj
      -----END CERTIFICATE-----
      """
          .strip();

  private static final String RSA_CRT =
      """
      -----BEGIN CERTIFICATE-----
      MIIC/TCCAeWgAwIBAgIUen0Cv6DDBB0EHsRvbPXvPLLfWYkwDQYJKoZIhvcNAQEL
      BQAwDjEMMAoGA1UEAwwDcnNhMB4XDTI2MTEyMzIxNDMwNloXDTM2MTEyMDIxNDMw
      NlowDjEMMAoGA1UEAwwDcnNhMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC
      AQEAl6TYaRuMD7WOyY3rt6D/j7X7tQhqpMa72sd0xZZDtiYtc4XaLoCn8U350tDf
      Vb3laDRyQwmsBXoIiBYE2ThVcOKbLQy0fYumF3SQzCgWtFbOmcHm67w7Nww+5ggp
      n6U2xnQmXNdIIxZov+rhGnzmqR8RcsDqYuIexbRaupA61GK5/ff+3hJ5ry9Vg5aL
      IQXiaYSBDwxHCwe8pfa0KQJ45tACODbusfqSlgWstUZuMb9COPwHoDESwwtv3Cx+
      3zZCaNAOLK0DbPXSQe0RooVCeWCCf+UfYQhDiChV8YMe/a3lyUQ8uSwgieXTIn1D
      u7tuPIX9IKaW1ZnoDyRPQE96sQIDAQABo1MwUTAdBgNVHQ4EFgQU2fs9OZmRMB5F
      1nqu5X9xJ3bPzpcwHwYDVR0jBBgwFoAU2fs9OZmRMB5F1nqu5X9xJ3bPzpcwDwYD
      VR0TAQH/BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOCAQEAMbyiQJiwGbWq2qRRThMB
      5+c2d7AqOehIXnmyfb1KCAojogTH10yXs+gY6zDoIZ5CkMeqDUYpUHesSPmgN/aQ
      /9sVN/8jxVBA97+BQBfphGV/LGXA7odsLaSLVacuKLtSBISNzIQq2oGn2NPnI/81
      43FE6NZwC5EgCniprqpWqKyzdwtCy4Q4GG4rGNvFYxvtDzi4xZzfDpvpID6YFzMA
      VPcXNbktmAXOiw0E5scj9eahdySSN0kXKky50acLRvGqx3IC1I8FeFOwxrtMFsQP
      lJKfzFFxBe0fkZ77wXiXnm7MUNMR75F0ArOMgISxKlQMmgZXG6K9NEZyMwzgkdlE
      Rg==
      -----END CERTIFICATE-----
      """
          .strip();

  private static final String RSA_KEY_PKCS1 =
      """
      -----BEGIN RSA PRIVATE KEY-----
      MIIEpAIBAAKCAQEAl6TYaRuMD7WOyY3rt6D/j7X7tQhqpMa72sd0xZZDtiYtc4Xa
      LoCn8U350tDfVb3laDRyQwmsBXoIiBYE2ThVcOKbLQy0fYumF3SQzCgWtFbOmcHm
      67w7Nww+5ggpn6U2xnQmXNdIIxZov+rhGnzmqR8RcsDqYuIexbRaupA61GK5/ff+
      3hJ5ry9Vg5aLIQXiaYSBDwxHCwe8pfa0KQJ45tACODbusfqSlgWstUZuMb9COPwH
      oDESwwtv3Cx+3zZCaNAOLK0DbPXSQe0RooVCeWCCf+UfYQhDiChV8YMe/a3lyUQ8
      uSwgieXTIn1Du7tuPIX9IKaW1ZnoDyRPQE96sQIDAQABAoIBACIufbt/gpw95BAp
      peLv7vtBXZnqakN3Knv/rqIlI2EpDOC34LzPsktxtKjg/R6SHeZVwBW9VeGsJsUq
      FXCzQoseATVv4jVUZ51s4ICsXqXK1WoSK4+ij8RyRbFLULqUHpswLj+KJVAHapgs
      BQ6X7dRcVO4Fby/X4XDWHQdloGUj/Q5ljYK45ydcErXJjNc46BUwlFcYGFZVRgMT
      o6wqv1Q5X3EQs9Duf3Q7kcEnS58PR0mO+LO3IGLbmArt/R20y2186TqGCS0d61dp
      yXgIaP3Qaa7chZrruV9Q6XQHhAwx8xoTJeU/Cs4g76cAkHKTuwYlyl10Fn01l0Zf
      LaTqX+MCgYEAxVtaEUM+6dghW56J7JFqHFFWglrCcxn/9PacoDx2TERzXZiyLXDJ
      BoyIH7MbgdW+Nx84o3OQOTG/OirUStpS4g2jMXwrrBHCG0qW8EmDOrUbZvLawreX
      kW7FM2EQAqQan9Ojc2zwDBwDgK9g6dKPcZ2zo3jg9aamoivd6zMgpacCgYEAxLQt
      r8S0Y2Td2dZrLymIkUOJBrmMjDLaxPMSqtUndJQAOwtSqEoI6UzpEmg2KB0vtt+Z
      2RWkymMfo9awZqBjJzLVwGirfeT4SK8juIZRaF23NIArdj2/v277OzmjWJedbFgJ
      t4lxjJAhsyhxXt+PPV/J8ff/7VL1p/TAqKhIF+cCgYBYNA267Vzu0iOGeQKXch4E
      be3F8J47JwGYD6fMjXkpeOY+jIIFgQS3IpOr5zaB/m8234NGud1ZUnxumLmsgorM
      cN/gu+ggzQb9f4aZ+aDm2g5XIm7W24qn+uOzpMutAn7Ls6C3c5aNMu/10Wv01KA7
      XQnuI5YW89ZBYG2cMouCvQKBgQCBOdnV4oWb0tVI2mvaNRAKVvL7nwStym8c+o/l
      +VkNZnnsUFkCRHksRCHOvPXvTpVdL/LTwjtb1tkfetiy42Wgh+4TlPAtKjLPFXiD
      LoLm7MKCVD25VYHWUyPr2cbtWdXLKt9fW4VkkgABwm0QphBlgruaIpJZKKpIqCu1
      4bBTOwKBgQC+UbLrcEelnLzaHcr3P5PBC7ZwBILbgpU/VhXFwtw75FSfc3KaDP2B
      Ir6OTIhWOxF3b9B9rtDqJhoikMdkF/LHXOsqzhs7Vo0NDWkCCkvhNGPoTLMndQjj
      JJUaPSYBvC3pXL4ZT6Q+BMnp3NGF+1uz4IYsBc1hYvfGhE43TfkWgg==
      -----END RSA PRIVATE KEY-----
      """
          .strip();

  @Test
  void ecCertificate_matchesItsPkcs8AndSec1Keys() {
    assertThat(KeyPairs.valid(CA_CRT, CA_KEY_PKCS8)).isTrue();
    assertThat(KeyPairs.valid(CA_CRT, CA_KEY_SEC1)).isTrue();
  }

  @Test
  void ecCertificate_doesNotMatchAnotherKey() {
    assertThat(KeyPairs.valid(LEAF_CRT, CA_KEY_PKCS8)).isFalse();
    assertThat(KeyPairs.valid(LEAF_CRT, CA_KEY_SEC1)).isFalse();
  }

  @Test
  void rsaCertificate_matchesItsPkcs1Key_only() {
    assertThat(KeyPairs.valid(RSA_CRT, RSA_KEY_PKCS1)).isTrue();
    assertThat(KeyPairs.valid(CA_CRT, RSA_KEY_PKCS1)).isFalse();
    assertThat(KeyPairs.valid(RSA_CRT, CA_KEY_PKCS8)).isFalse();
  }

  @Test
  void garbage_isNotAKeyPair() {
    assertThat(KeyPairs.valid("garbage", "garbage")).isFalse();
    assertThat(KeyPairs.valid(CA_CRT, "")).isFalse();
  }
}
