package io.github.kongtranslator.fallback.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void backoff_doubles_fromTheInitialWait_upToTheMaximum() {
    RetryPolicy p = new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(1), d -> {});
    assertThat(IntStream.rangeClosed(1, 5).mapToObj(p::backoff))
        .containsExactly(
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(800),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
  }

  @Test
  void defaults_areFourAttempts_andNoneIsOne() {
    assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(4);
    assertThat(RetryPolicy.defaults().backoff(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }

  @Test
  void invalidValues_areRejected() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, d -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(-1), Duration.ZERO, d -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }
}
