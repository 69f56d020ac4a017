package com.flowmatik.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitPropertiesTest {

    @Test
    void refusesALimitThatIsNotPositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RateLimitProperties(120, 0, 10, null))
                .withMessageContaining("RATE_LIMIT_IP_PER_MINUTE");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RateLimitProperties(-1, 300, 10, null))
                .withMessageContaining("RATE_LIMIT_USER_PER_MINUTE");
    }

    @Test
    void instancesShareTheirCountsFiveTimesASecondUnlessToldOtherwise() {
        assertThat(new RateLimitProperties(120, 300, 10, null).syncInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(new RateLimitProperties(120, 300, 10, Duration.ofSeconds(1)).syncInterval())
                .isEqualTo(Duration.ofSeconds(1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RateLimitProperties(120, 300, 10, Duration.ZERO))
                .withMessageContaining("RATE_LIMIT_SYNC_INTERVAL");
    }
}
