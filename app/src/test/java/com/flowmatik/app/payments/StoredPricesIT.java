package com.flowmatik.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.Money;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.command.payment.LiveSubscription;
import com.flowmatik.command.payment.Subscriptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A subscription event stored before events carried their price (revision 1) still loads, through
 * the upcaster the app registers, at the price of its time: for the aggregate, for the projections
 * and so for the MRR.
 */
class StoredPricesIT extends IntegrationTest {

    @Autowired
    EventStore events;

    @Autowired
    Subscriptions subscriptions;

    @Test
    void aRevisionOneSubscriptionStartedLoadsEverywhereAtThePriceOfItsTime() {
        String admin = adminToken();
        long mrrBefore = api.get("/api/admin/dashboard", admin)
                .json()
                .path("mrr")
                .path("amount")
                .asLong();
        UserId user =
                UserId.of(api.get("/api/auth/me", api.register(uniqueEmail("stored-price"), "stored-price-pw", "Old"))
                        .json()
                        .path("id")
                        .asString());
        Instant startedAt = CLOCK.instant().minusSeconds(60);
        String revisionOne = """
                {"userId": "%s", "provider": "STRIPE", "providerSubscriptionId": "sub_old", "providerCustomerId": "cus_old",
                 "plan": "PRO", "status": "ACTIVE", "currentPeriodEnd": "%s", "cancelAtPeriodEnd": false,
                 "startedAt": "%s"}
                """.formatted(user.value(), startedAt.plus(Duration.ofDays(30)), startedAt);
        jdbc.update(
                "INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,"
                        + " time_stamp, aggregate_identifier, sequence_number, type) VALUES (?, ?, ?, '1', ?, ?, ?, 0, ?)",
                UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8),
                revisionOne.getBytes(StandardCharsets.UTF_8),
                SubscriptionStarted.class.getName(),
                startedAt.toString(),
                "subscription:" + user.value(),
                "Subscription");

        Object loaded = events.readEvents("subscription:" + user.value()).next().getPayload();

        assertThat(loaded)
                .isInstanceOfSatisfying(
                        SubscriptionStarted.class,
                        started -> assertThat(started.price()).isEqualTo(Money.usd(3900)));
        assertThat(subscriptions.liveOf(user)).map(LiveSubscription::plan).contains(Plan.PRO);
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(api.get("/api/admin/dashboard", admin)
                                        .json()
                                        .path("mrr")
                                        .path("amount")
                                        .asLong()
                                - mrrBefore)
                        .isEqualTo(3900));
    }
}
