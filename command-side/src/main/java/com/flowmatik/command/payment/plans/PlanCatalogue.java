package com.flowmatik.command.payment.plans;

import com.flowmatik.api.payment.Money;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.plan.DailyLimits;
import com.flowmatik.api.plan.Plan;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The plans on sale, and the way between a plan and a provider's price (Stripe) or variant
 * (LemonSqueezy). The limits are the domain's ({@link Plan}); price, name and features come from
 * configuration.
 */
@Component
public class PlanCatalogue {

    private final PaymentProperties properties;
    private final Map<Plan, PaymentProperties.PlanOffer> offers;

    public PlanCatalogue(PaymentProperties properties) {
        this.properties = properties;
        this.offers = properties.plans().stream()
                .collect(Collectors.toMap(offer -> Plan.fromWireName(offer.id()), offer -> offer));
        List<Plan> missing = Arrays.stream(Plan.values())
                .filter(plan -> !offers.containsKey(plan))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("flowmatik.payments.plans has no offer for " + missing);
        }
    }

    /** A plan on sale: what it is called, costs, allows and offers. */
    public record Offer(Plan plan, String name, Money price, DailyLimits limits, List<String> features) {}

    public List<Offer> offers() {
        return Arrays.stream(Plan.values()).map(this::offer).toList();
    }

    public Offer offer(Plan plan) {
        PaymentProperties.PlanOffer offer = offers.get(plan);
        return new Offer(
                plan,
                offer.name(),
                new Money(offer.priceCents(), offer.currency()),
                plan.dailyLimits(),
                offer.features());
    }

    /** The provider's id for a paid plan (a Stripe price, a LemonSqueezy variant), if one is configured. */
    public Optional<String> providerPlanId(PaymentProvider provider, Plan plan) {
        return Optional.ofNullable(ids(provider).get(plan.wireName()));
    }

    /** The plan a provider's price or variant sells, if it is one of ours. */
    public Optional<Plan> planFor(PaymentProvider provider, String providerPlanId) {
        if (providerPlanId == null) {
            return Optional.empty();
        }
        return ids(provider).entrySet().stream()
                .filter(entry -> entry.getValue().equals(providerPlanId))
                .map(entry -> Plan.fromWireName(entry.getKey()))
                .findFirst();
    }

    private Map<String, String> ids(PaymentProvider provider) {
        return switch (provider) {
            case STRIPE -> properties.stripe().prices();
            case LEMONSQUEEZY -> properties.lemonsqueezy().variants();
            case MANUAL -> Map.of(); // an operator's plan is sold by no one
        };
    }
}
