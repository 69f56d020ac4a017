package com.flowmatik.query.webhooks;

import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.webhook.WebhookStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WebhookDeliveryRows extends JpaRepository<WebhookDeliveryRow, String> {

    @Query(
            "select r.deliveryId from WebhookDeliveryRow r where r.status = :status order by r.lastFailedAt, r.deliveryId")
    List<String> findDeliveryIdsByStatus(WebhookStatus status);

    @Query("select r.provider as provider, r.eventType as eventType, r.status as status, count(r) as count"
            + " from WebhookDeliveryRow r group by r.provider, r.eventType, r.status"
            + " order by r.provider, r.eventType, r.status")
    List<Count> countByProviderTypeAndStatus();

    Optional<WebhookDeliveryRow> findFirstByLastErrorIsNotNullOrderByLastFailedAtDesc();

    List<WebhookDeliveryRow> findByStatusOrderByLastFailedAtDesc(WebhookStatus status, Pageable page);

    /** How many deliveries of one provider and type are in one status. */
    interface Count {
        PaymentProvider getProvider();

        String getEventType();

        WebhookStatus getStatus();

        long getCount();
    }
}
