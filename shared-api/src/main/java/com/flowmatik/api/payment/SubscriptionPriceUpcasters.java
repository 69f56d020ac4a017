package com.flowmatik.api.payment;

import com.flowmatik.api.plan.Plan;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 of {@link SubscriptionStarted} and {@link SubscriptionPlanChanged} carried no price. The
 * prices below are the ones the plans were sold at while revision 1 was written (a fixed fact of that
 * time, not today's configuration), so a replay prices old subscriptions the same however the plans
 * are priced later.
 */
public final class SubscriptionPriceUpcasters {

    /** The monthly prices in US cents while revision 1 was written. */
    static final Map<Plan, Long> REVISION_ONE_PRICES =
            Map.of(Plan.FREE, 0L, Plan.STARTER, 1900L, Plan.PRO, 3900L, Plan.BUSINESS, 7900L);

    private SubscriptionPriceUpcasters() {}

    public static EventUpcaster subscriptionStarted() {
        return new AddPrice(SubscriptionStarted.class);
    }

    public static EventUpcaster subscriptionPlanChanged() {
        return new AddPrice(SubscriptionPlanChanged.class);
    }

    /** Every upcaster of the subscription events. */
    public static List<EventUpcaster> all() {
        return List.of(subscriptionStarted(), subscriptionPlanChanged());
    }

    /** Revision 1 to 2 of one event type: {@code price} from the plan it names. */
    static final class AddPrice extends SingleEventUpcaster {

        private final SimpleSerializedType revisionOne;
        private final SimpleSerializedType revisionTwo;

        AddPrice(Class<?> event) {
            this.revisionOne = new SimpleSerializedType(event.getName(), "1");
            this.revisionTwo = new SimpleSerializedType(event.getName(), "2");
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(revisionOne);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(revisionTwo, ObjectNode.class, payload -> {
                Plan plan = Plan.valueOf(payload.path("plan").asString());
                ObjectNode price = payload.putObject("price");
                price.put("amount", REVISION_ONE_PRICES.get(plan));
                price.put("currency", "usd");
                return payload;
            });
        }
    }
}
