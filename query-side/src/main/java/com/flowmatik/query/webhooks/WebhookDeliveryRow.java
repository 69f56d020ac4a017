package com.flowmatik.query.webhooks;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.webhook.WebhookStatus;
import com.flowmatik.query.EventSequence;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One delivery and where it stands, as its aggregate has it: received, then processed, ignored or
 * failed; a retried failure is received again. {@code attempts} counts the processing attempts that
 * ended; the last error stays after a later success, for the statistics.
 */
@Entity
@Table(name = "webhook_delivery")
class WebhookDeliveryRow {

    static final int MAX_ERROR = 1023;

    @Id
    @Column(name = "delivery_id")
    private String deliveryId;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider", nullable = false, length = 16)
    private PaymentProvider provider;

    @Column(name = "event_type", nullable = false, length = 128)
    private String eventType;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private WebhookStatus status;

    @Column(name = "user_id", length = 64)
    private String userId;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "last_failed_at")
    private Instant lastFailedAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "processed_at")
    private Instant processedAt;

    /**
     * The delivery's events taken in. A retried batch delivers a failure, its retry and the success
     * again: taken in a second time, the success would count one attempt more.
     */
    @Embedded
    private EventSequence sequence = new EventSequence();

    protected WebhookDeliveryRow() {}

    WebhookDeliveryRow(String deliveryId, PaymentProvider provider, String eventType, Instant receivedAt) {
        this.deliveryId = deliveryId;
        this.provider = provider;
        this.eventType = eventType;
        this.status = WebhookStatus.RECEIVED;
        this.receivedAt = receivedAt;
    }

    /** Takes in the delivery's event number {@code sequence} when it is new to the row, answering whether it was. */
    boolean takesIn(long eventSequence) {
        return sequence.takesIn(eventSequence);
    }

    /** {@code attempt} counts from 1 on the delivery, so a redelivered failure sets the same values. */
    void fail(UserId user, String error, int attempt, Instant at) {
        status = WebhookStatus.FAILED;
        attempts = Math.max(attempts, attempt);
        lastError = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        lastFailedAt = at;
        identify(user);
    }

    void retry() {
        if (status == WebhookStatus.FAILED) {
            status = WebhookStatus.RECEIVED;
        }
    }

    /** An outcome is decided once per attempt: a redelivered one finds it decided and changes nothing. */
    void process(boolean handled, UserId user, Instant at) {
        if (status == WebhookStatus.PROCESSED || status == WebhookStatus.IGNORED) {
            return;
        }
        status = handled ? WebhookStatus.PROCESSED : WebhookStatus.IGNORED;
        attempts++;
        processedAt = at;
        identify(user);
    }

    private void identify(UserId user) {
        if (user != null) {
            userId = user.value();
        }
    }

    String deliveryId() {
        return deliveryId;
    }

    PaymentProvider provider() {
        return provider;
    }

    String eventType() {
        return eventType;
    }

    int attempts() {
        return attempts;
    }

    String lastError() {
        return lastError;
    }

    Instant lastFailedAt() {
        return lastFailedAt;
    }
}
