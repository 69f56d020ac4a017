package com.flowmatik.app.health;

import com.flowmatik.command.ai.provider.AiProvider;
import com.flowmatik.command.ai.provider.CircuitState;
import com.flowmatik.command.payment.plans.PaymentProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/health}: every component for operators. The database, Redis and the event
 * processors are Actuator's contributors; the event store is what the processors' contributor
 * learnt asking it for its head; the AI provider is its circuit breaker's state; the payment
 * providers are only whether they are configured (they are never called from here). {@code status}
 * is {@code DOWN} when the database, the event store or a processor is unwell, {@code DEGRADED}
 * when only the AI provider or Redis (a cache: everything still serves without it) is, {@code UP}
 * otherwise.
 */
@RestController
class AdminHealthController {

    static final String NOT_USED = "not used";
    static final String NOT_ON_THIS_INSTANCE = "not on this instance";

    private final ContributedHealth contributed;
    private final ProcessorsHealth processors;
    private final EventStore eventStore;
    private final ObjectProvider<AiProvider> aiProvider;
    private final ObjectProvider<PaymentProperties> payments;

    AdminHealthController(
            ContributedHealth contributed,
            ProcessorsHealth processors,
            EventStore eventStore,
            ObjectProvider<AiProvider> aiProvider,
            ObjectProvider<PaymentProperties> payments) {
        this.contributed = contributed;
        this.processors = processors;
        this.eventStore = eventStore;
        this.aiProvider = aiProvider;
        this.payments = payments;
    }

    @GetMapping("/api/admin/health")
    Map<String, Object> health() {
        Health processorHealth = contributed
                .of(ProcessorsHealth.CONTRIBUTOR)
                .orElseGet(() -> Health.unknown().build());
        List<Map<String, Object>> processorList = processors.list(processorHealth);

        Map<String, Object> components = new LinkedHashMap<>();
        components.put(
                "database",
                component(contributed.of("db").orElseGet(() -> Health.unknown().build())));
        components.put("eventStore", eventStore(processorHealth));
        components.put(
                "redis",
                contributed
                        .of("redis")
                        .<Object>map(AdminHealthController::component)
                        .orElse(NOT_USED));
        components.put("aiProvider", aiProvider());
        PaymentProperties settings = payments.getIfAvailable();
        components.put("stripe", settings == null ? NOT_ON_THIS_INSTANCE : stripe(settings.stripe()));
        components.put("lemonSqueezy", settings == null ? NOT_ON_THIS_INSTANCE : lemonSqueezy(settings.lemonsqueezy()));
        components.put("eventProcessors", processorList);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", overall(components, processorList));
        body.put("components", components);
        return body;
    }

    private static String overall(Map<String, Object> components, List<Map<String, Object>> processorList) {
        boolean essentialsUp = isUp(components.get("database"))
                && isUp(components.get("eventStore"))
                && processorList.stream()
                        .allMatch(processor -> Boolean.TRUE.equals(processor.get("running"))
                                && !Boolean.TRUE.equals(processor.get("error")));
        if (!essentialsUp) {
            return Status.DOWN.getCode();
        }
        Object ai = components.get("aiProvider");
        Object redis = components.get("redis");
        boolean degraded = ai instanceof Map<?, ?> && !isUp(ai) || redis instanceof Map<?, ?> && !isUp(redis);
        return degraded ? "DEGRADED" : Status.UP.getCode();
    }

    private static boolean isUp(Object component) {
        return component instanceof Map<?, ?> map && Status.UP.getCode().equals(map.get("status"));
    }

    private static Map<String, Object> component(Health health) {
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("status", health.getStatus().getCode());
        if (!health.getDetails().isEmpty()) {
            component.put("details", health.getDetails());
        }
        return component;
    }

    /** The processors' contributor asked the event store for its head: if it answered, the store is up. */
    private Map<String, Object> eventStore(Health processorHealth) {
        Map<String, Object> component = new LinkedHashMap<>();
        Object head = processorHealth.getDetails().get(ProcessorsHealth.HEAD_POSITION);
        component.put("status", head instanceof Number ? Status.UP.getCode() : Status.DOWN.getCode());
        component.put("store", eventStore.getClass().getSimpleName());
        if (head instanceof Number) {
            component.put("headPosition", head);
        } else if (processorHealth.getDetails().get("error") != null) {
            component.put("error", processorHealth.getDetails().get("error"));
        }
        return component;
    }

    private Object aiProvider() {
        AiProvider provider = aiProvider.getIfAvailable();
        if (provider == null) {
            return NOT_ON_THIS_INSTANCE;
        }
        CircuitState circuit = provider.status();
        Map<String, Object> component = new LinkedHashMap<>();
        component.put(
                "status",
                switch (circuit) {
                    case CLOSED -> Status.UP.getCode();
                    case OPEN -> Status.DOWN.getCode();
                    case HALF_OPEN -> "RECOVERING";
                });
        component.put("provider", provider.name());
        component.put("circuitBreaker", circuit.name());
        return component;
    }

    private static Map<String, Object> stripe(PaymentProperties.Stripe stripe) {
        return provider(
                stripe.secretKey() != null,
                stripe.webhookSecret() != null,
                stripe.prices().size());
    }

    private static Map<String, Object> lemonSqueezy(PaymentProperties.LemonSqueezy lemonSqueezy) {
        return provider(
                lemonSqueezy.apiKey() != null && lemonSqueezy.storeId() != null,
                lemonSqueezy.webhookSecret() != null,
                lemonSqueezy.variants().size());
    }

    /** Configured means it can take subscriptions (its API key is set); nothing is sent to the provider. */
    private static Map<String, Object> provider(boolean checkout, boolean webhooks, int paidPlans) {
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("status", checkout ? "configured" : "not configured");
        component.put("checkout", checkout);
        component.put("webhooks", webhooks);
        component.put("paidPlans", paidPlans);
        return component;
    }
}
