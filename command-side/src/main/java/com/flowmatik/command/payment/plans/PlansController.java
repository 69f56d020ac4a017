package com.flowmatik.command.payment.plans;

import com.flowmatik.api.payment.Money;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/payments/plans}: the plans on sale, their prices and daily limits. */
@RestController
class PlansController {

    private final PlanCatalogue catalogue;

    PlansController(PlanCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/payments/plans")
    List<PlanResponse> plans() {
        return catalogue.offers().stream().map(PlanResponse::from).toList();
    }

    /** A plan as the pricing page shows it; a {@code null} limit is unlimited. */
    record PlanResponse(
            String id, String name, Money price, Long requestsPerDay, Long tokensPerDay, List<String> features) {

        static PlanResponse from(PlanCatalogue.Offer offer) {
            return new PlanResponse(
                    offer.plan().wireName(),
                    offer.name(),
                    offer.price(),
                    offer.limits().requestsPerDay(),
                    offer.limits().tokensPerDay(),
                    offer.features());
        }
    }
}
