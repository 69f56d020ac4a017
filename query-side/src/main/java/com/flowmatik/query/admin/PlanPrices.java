package com.flowmatik.query.admin;

import com.flowmatik.api.plan.Plan;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plans on sale ({@code flowmatik.payments.plans}, the list the command side sells from), read
 * here for the one currency revenue and MRR are reported in. The MRR itself counts the prices the
 * subscription events recorded, never these. Every plan must have a price, all in one currency:
 * checked at start.
 */
@ConfigurationProperties("flowmatik.payments")
public record PlanPrices(List<PlanPrice> plans) {

    public PlanPrices {
        plans = plans == null ? List.of() : List.copyOf(plans);
        Set<String> priced = plans.stream().map(PlanPrice::id).collect(Collectors.toSet());
        for (Plan plan : Plan.values()) {
            if (!priced.contains(plan.wireName())) {
                throw new IllegalStateException("flowmatik.payments.plans has no price for " + plan.wireName());
            }
        }
        if (plans.stream().map(PlanPrice::currency).distinct().count() > 1) {
            throw new IllegalStateException("flowmatik.payments.plans are priced in more than one currency");
        }
    }

    /** The currency the plans are sold in: the one revenue and MRR are reported in. */
    public String currency() {
        return plans.isEmpty() ? "usd" : plans.get(0).currency();
    }

    /**
     * One plan's price; the name and features of the offer are the command side's business.
     *
     * @param id the plan's wire name
     * @param priceCents the monthly price in the minor unit of {@code currency}
     */
    public record PlanPrice(String id, long priceCents, String currency) {

        public PlanPrice {
            id = id == null ? null : id.trim().toLowerCase(Locale.ROOT);
            currency = currency == null || currency.isBlank()
                    ? "usd"
                    : currency.trim().toLowerCase(Locale.ROOT);
            if (!isPlan(id)) {
                throw new IllegalStateException("flowmatik.payments.plans: no plan is called " + id);
            }
            if (priceCents < 0) {
                throw new IllegalStateException("flowmatik.payments.plans: negative price for " + id);
            }
        }

        private static boolean isPlan(String id) {
            for (Plan plan : Plan.values()) {
                if (plan.wireName().equals(id)) {
                    return true;
                }
            }
            return false;
        }
    }
}
