package com.flowmatik.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.api.identity.PlanChanged;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.payment.Money;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.SubscriptionPlanChanged;
import com.flowmatik.api.payment.SubscriptionPriceUpcasters;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.payment.SubscriptionStatus;
import com.flowmatik.api.plan.Plan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The stored JSON of events, pinned in {@code stored-events/<Event>-<revision>.json}: what the current
 * revision writes, and that every older revision still loads, through its upcaster, as the event it
 * meant. A field renamed or added without a new revision and an upcaster fails here.
 */
class StoredEventsTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final UserId BABBAGE = UserId.of("2f0a6c1e-9a55-4f0e-8f3f-1b7a6b2d3c4e");
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00.123456Z");
    private static final Instant PERIOD_END = Instant.parse("2026-04-01T09:30:00Z");

    private final Jackson3Serializer serializer = Jackson3Serializer.builder()
            .revisionResolver(new AnnotationRevisionResolver())
            .build();

    @Test
    void userRegisteredIsStoredAsRevisionOneAndLoadsBack() {
        pinned(
                new UserRegistered(
                        ADA,
                        "ada@example.com",
                        "Ada Lovelace",
                        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
                        Role.USER,
                        AT),
                "1");
    }

    @Test
    void planChangedIsStoredAsRevisionOneAndLoadsBack() {
        pinned(
                new PlanChanged(ADA, Plan.FREE, Plan.PRO, Plan.PRO.dailyLimits(), PaymentProvider.MANUAL, BABBAGE, AT),
                "1");
    }

    @Test
    void subscriptionStartedIsStoredWithItsPriceAsRevisionTwo() {
        pinned(started(new Money(2100, "usd")), "2");
    }

    @Test
    void subscriptionPlanChangedIsStoredWithItsPriceAsRevisionTwo() {
        pinned(new SubscriptionPlanChanged(ADA, Plan.STARTER, Plan.PRO, new Money(4200, "usd"), AT), "2");
    }

    @Test
    void aRevisionOneSubscriptionStartedLoadsAtThePriceOfItsTime() {
        assertThat(loadThroughUpcasters(SubscriptionStarted.class, "1")).isEqualTo(started(Money.usd(1900)));
    }

    @Test
    void aRevisionOneSubscriptionPlanChangedLoadsAtThePriceOfItsTime() {
        assertThat(loadThroughUpcasters(SubscriptionPlanChanged.class, "1"))
                .isEqualTo(new SubscriptionPlanChanged(ADA, Plan.STARTER, Plan.PRO, Money.usd(3900), AT));
    }

    @Test
    void theCurrentRevisionPassesTheUpcastersUnchanged() {
        assertThat(loadThroughUpcasters(SubscriptionStarted.class, "2")).isEqualTo(started(new Money(2100, "usd")));
    }

    private static SubscriptionStarted started(Money price) {
        return new SubscriptionStarted(
                ADA,
                PaymentProvider.STRIPE,
                "sub_1",
                "cus_1",
                Plan.STARTER,
                price,
                SubscriptionStatus.ACTIVE,
                PERIOD_END,
                false,
                AT);
    }

    /** The event is written as its pinned JSON under its class name and revision, and that JSON loads as the event. */
    private void pinned(Object event, String revision) {
        SerializedObject<String> written = serializer.serialize(event, String.class);

        assertThat(written.getType().getName()).isEqualTo(event.getClass().getName());
        assertThat(written.getType().getRevision()).isEqualTo(revision);
        assertThat(json(written.getData())).isEqualTo(json(stored(event.getClass(), revision)));
        assertThat(loadThroughUpcasters(event.getClass(), revision)).isEqualTo(event);
    }

    /** As the event store loads a stored event: through the upcasters the app registers, then the serializer. */
    private Object loadThroughUpcasters(Class<?> type, String revision) {
        GenericDomainEventEntry<String> entry = new GenericDomainEventEntry<>(
                "Aggregate", "aggregate-1", 0, "event-1", AT, type.getName(), revision, stored(type, revision), "{}");
        IntermediateEventRepresentation upcast = new EventUpcasterChain(SubscriptionPriceUpcasters.all())
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
                .findFirst()
                .orElseThrow();
        return serializer.deserialize(upcast.getData());
    }

    private static String stored(Class<?> type, String revision) {
        String name = "/stored-events/" + type.getSimpleName() + "-" + revision + ".json";
        try (InputStream in = StoredEventsTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private JsonNode json(String text) {
        return serializer.getObjectMapper().readTree(text);
    }
}
