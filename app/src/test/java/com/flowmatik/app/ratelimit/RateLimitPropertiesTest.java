package com.flowmatik.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
    void keysStartWithTheFlowmatikPrefixUnlessToldOtherwise() {
        assertThat(new RateLimitProperties(120, 300, 10, null).keyPrefix()).isEqualTo("flowmatik:rate:");
        assertThat(new RateLimitProperties(120, 300, 10, "run-1:").keyPrefix()).isEqualTo("run-1:");
    }
}
