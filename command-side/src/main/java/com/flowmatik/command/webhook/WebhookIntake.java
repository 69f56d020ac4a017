package com.flowmatik.command.webhook;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.api.webhook.ReceiveWebhook;
import com.flowmatik.api.webhook.RecordWebhookOutcome;
import com.flowmatik.api.webhook.RetryWebhook;
import com.flowmatik.api.webhook.WebhookStatus;
import com.flowmatik.api.webhook.WebhookToProcess;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

/**
 * From a provider's request to its effect, exactly once: verify the signature, record the delivery
 * (a repeated event fails to be recorded again and changes nothing), send the commands it means,
 * and record how that ended. A failure is recorded with its error and waits for a retry: by an
 * operator, or by the provider delivering the event again.
 */
@Service
public class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final Map<PaymentProvider, ProviderWebhooks> providers = new EnumMap<>(PaymentProvider.class);
    private final CommandGateway commands;
    private final Clock clock;

    WebhookIntake(List<ProviderWebhooks> providers, CommandGateway commands, Clock clock) {
        providers.forEach(provider -> this.providers.put(provider.provider(), provider));
        this.commands = commands;
        this.clock = clock;
    }

    /** What became of a delivery. */
    public record Outcome(
            String deliveryId,
            boolean duplicate,
            WebhookStatus status,
            String error,
            BusinessRuleViolation invalidPayload) {

        Outcome(String deliveryId, boolean duplicate, WebhookStatus status, String error) {
            this(deliveryId, duplicate, status, error, null);
        }

        /** The outcome as the webhook and retry endpoints answer it. */
        public Map<String, Object> answer() {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("received", true);
            answer.put("deliveryId", deliveryId);
            answer.put("duplicate", duplicate);
            answer.put("status", status == null ? null : status.wireName());
            if (error != null) {
                answer.put("error", error);
            }
            return answer;
        }
    }

    /**
     * Takes one request from a provider. Recording comes first: the event store's unique key on the
     * delivery's first event tells a repeat apart in one write, for repeats one after the other and
     * at once alike (the database logs the refused insert at WARN). Asking whether it is known first
     * would add a read to every first delivery, which are nearly all of them.
     */
    public Outcome receive(PaymentProvider provider, byte[] body, HttpHeaders headers) {
        ProviderWebhooks webhooks = providers.get(provider);
        ProviderWebhooks.VerifiedDelivery delivery = webhooks.verify(body, headers);
        WebhookToProcess received;
        try {
            received = commands.sendAndWait(new ReceiveWebhook(
                    delivery.deliveryId(), provider, delivery.eventType(), delivery.payload(), clock.instant()));
        } catch (RuntimeException notCreated) {
            return refuseIfInvalid(receivedAgain(delivery.deliveryId(), notCreated));
        }
        return refuseIfInvalid(process(received));
    }

    /**
     * A signed delivery whose event lacks what it must carry (an amount, a currency) is recorded as
     * failed, and the provider is told so (400 {@code invalid-payload}) rather than that all went well.
     */
    private static Outcome refuseIfInvalid(Outcome outcome) {
        if (outcome.invalidPayload() != null) {
            throw outcome.invalidPayload();
        }
        return outcome;
    }

    /**
     * The delivery is recorded already. If it had failed (or its processing was abandoned), this
     * delivery is its retry; otherwise it changes nothing.
     */
    private Outcome receivedAgain(String deliveryId, RuntimeException notCreated) {
        WebhookToProcess retry;
        try {
            retry = commands.sendAndWait(new RetryWebhook(deliveryId, null, clock.instant()));
        } catch (RuntimeException unknown) {
            unknown.addSuppressed(notCreated);
            throw unknown; // not a duplicate: recording failed, the provider will deliver again
        }
        if (retry == null) {
            log.info("Webhook {} delivered again: already recorded, nothing changes", deliveryId);
            return new Outcome(deliveryId, true, null, null);
        }
        Outcome retried = process(retry);
        return new Outcome(deliveryId, true, retried.status(), retried.error(), retried.invalidPayload());
    }

    /** Processes a failed delivery again, at an operator's request; {@code null} when it has not failed. */
    public Outcome retry(String deliveryId, UserId operator) {
        WebhookToProcess retry = commands.sendAndWait(new RetryWebhook(deliveryId, operator, clock.instant()));
        return retry == null ? null : process(retry);
    }

    private Outcome process(WebhookToProcess delivery) {
        UserId user = null;
        try {
            Translation translation =
                    providers.get(delivery.provider()).translate(delivery.eventType(), delivery.payload());
            user = translation.userId();
            for (Object command : translation.commands()) {
                commands.sendAndWait(command);
            }
            WebhookStatus status = translation.handled() ? WebhookStatus.PROCESSED : WebhookStatus.IGNORED;
            commands.sendAndWait(new RecordWebhookOutcome(delivery.deliveryId(), status, user, null, clock.instant()));
            return new Outcome(delivery.deliveryId(), false, status, null);
        } catch (RuntimeException failure) {
            String error = describe(failure);
            log.warn("Webhook {} ({}) failed: {}", delivery.deliveryId(), delivery.eventType(), error);
            commands.sendAndWait(new RecordWebhookOutcome(
                    delivery.deliveryId(), WebhookStatus.FAILED, user, error, clock.instant()));
            return new Outcome(delivery.deliveryId(), false, WebhookStatus.FAILED, error, invalidPayload(failure));
        }
    }

    private static BusinessRuleViolation invalidPayload(RuntimeException failure) {
        return failure instanceof BusinessRuleViolation refusal && refusal.code() == ErrorCode.INVALID_PAYLOAD
                ? refusal
                : null;
    }

    private static String describe(RuntimeException failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
