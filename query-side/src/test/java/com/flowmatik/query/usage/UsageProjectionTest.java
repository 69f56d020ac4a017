package com.flowmatik.query.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.usage.AiRequestCompleted;
import com.flowmatik.api.usage.AiRequestFailed;
import com.flowmatik.api.usage.AiRequestNotServed;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.RequestKind;
import com.flowmatik.api.usage.TokensCharged;
import com.flowmatik.query.Deliveries;
import com.flowmatik.query.ProjectionTest;
import com.flowmatik.query.Tables;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cache.CacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.context.annotation.Bean;

/** The usage tables: a day's counts and the request log, each event of the usage account taken in once. */
@ProjectionTest({UsageProjection.class, JdbcUsageRows.class})
class UsageProjectionTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String MODEL = "deepseek-ai/DeepSeek-V3";

    @TestConfiguration
    static class Today {
        @Bean
        Clock clock() {
            return Clock.fixed(T0, ZoneOffset.UTC);
        }

        /** The embedded platform has no query cache either. */
        @Bean
        CacheManager cacheManager() {
            return new NoOpCacheManager();
        }
    }

    @Autowired
    UsageProjection projection;

    @Autowired
    Deliveries deliveries;

    @Autowired
    Tables tables;

    private Deliveries.Aggregate usage;

    @BeforeEach
    void setUp() {
        usage = deliveries.of("UsageAccount", "usage:" + ADA.value());
    }

    @Test
    void aServedRequestIsCountedOnItsDayAndLoggedWithItsTokensAndCost() {
        deliveries.deliver(projection, started("r1"));
        deliveries.deliver(projection, completed("r1"), charged("r1"));

        Map<String, Object> day = tables.rows("daily_usage").get(0);
        assertThat(day).containsEntry("requests", 1L).containsEntry("cost_micros", 420L);
        Map<String, Object> request = tables.rows("ai_request_log").get(0);
        assertThat(request)
                .containsEntry("request_id", "r1")
                .containsEntry("status", "COMPLETED")
                .containsEntry("prompt_tokens", 30L)
                .containsEntry("cost_micros", 420L);
    }

    @Test
    void aStartDeliveredAgainIsNeitherCountedNorLoggedTwice() {
        TrackedEventMessage<?> start = started("r1");
        deliveries.deliverTwice(projection, start);
        deliveries.deliver(projection, start);

        assertThat(tables.rows("daily_usage").get(0)).containsEntry("requests", 1L);
        assertThat(tables.count("ai_request_log")).isEqualTo(1);
    }

    @Test
    void twoRequestsStartedInOneBatchAreBothLogged() {
        deliveries.deliver(projection, started("r1"), started("r2"));

        assertThat(tables.rows("daily_usage").get(0)).containsEntry("requests", 2L);
        assertThat(tables.count("ai_request_log")).isEqualTo(2);
    }

    @Test
    void laterBatchesUpdateTheStoredDayAndRequest() {
        deliveries.deliver(projection, started("r1"));
        deliveries.deliver(projection, completed("r1"));
        deliveries.deliver(projection, charged("r1"), started("r2"));
        deliveries.deliver(projection, failed("r2"), notServed("r2"));

        Map<String, Object> day = tables.rows("daily_usage").get(0);
        assertThat(day)
                .containsEntry("requests", 1L)
                .containsEntry("prompt_tokens", 30L)
                .containsEntry("completion_tokens", 12L)
                .containsEntry("cost_micros", 420L);
        assertThat(tables.rows("ai_request_log"))
                .extracting(row -> row.get("request_id") + " " + row.get("status") + " " + row.get("cost_micros"))
                .containsExactlyInAnyOrder("r1 COMPLETED 420", "r2 FAILED 0");
    }

    @Test
    void aChargeDeliveredAgainInALaterBatchIsNotCountedTwice() {
        TrackedEventMessage<?> start = started("r1");
        TrackedEventMessage<?> completion = completed("r1");
        TrackedEventMessage<?> charge = charged("r1");
        deliveries.deliver(projection, start, completion, charge);
        deliveries.deliver(projection, charge);

        assertThat(tables.rows("daily_usage").get(0))
                .containsEntry("requests", 1L)
                .containsEntry("cost_micros", 420L);
        assertThat(tables.rows("ai_request_log").get(0)).containsEntry("cost_micros", 420L);
    }

    private TrackedEventMessage<?> failed(String requestId) {
        return usage.next(new AiRequestFailed(ADA, requestId, MODEL, "provider-unavailable", T0.plusSeconds(3)));
    }

    private TrackedEventMessage<?> notServed(String requestId) {
        return usage.next(new AiRequestNotServed(ADA, requestId, MODEL, T0, T0.plusSeconds(3)));
    }

    private TrackedEventMessage<?> started(String requestId) {
        return usage.next(new AiRequestStarted(ADA, requestId, null, RequestKind.CHAT, MODEL, T0));
    }

    private TrackedEventMessage<?> completed(String requestId) {
        return usage.next(new AiRequestCompleted(ADA, requestId, MODEL, 30, 12, 0, false, T0.plusSeconds(2)));
    }

    private TrackedEventMessage<?> charged(String requestId) {
        return usage.next(new TokensCharged(ADA, requestId, MODEL, 30, 12, 420, false, T0.plusSeconds(2)));
    }
}
