package com.flowmatik.command.payment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.flowmatik.api.identity.ChangePlan;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.ExpireSubscription;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.SubscriptionCanceled;
import com.flowmatik.api.payment.SubscriptionCancellationScheduled;
import com.flowmatik.api.payment.SubscriptionPlanChanged;
import com.flowmatik.api.payment.SubscriptionResumed;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.api.refusal.Refusal;
import java.time.Instant;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One paid subscription from its start to its end. Its plan becomes the user's plan
 * ({@link ChangePlan}: the account decides the role and limits that follow); when a cancellation is scheduled, a deadline at the end of the paid
 * period ends the subscription, unless the provider reports the end first or the cancellation is
 * withdrawn; at the end the user is back on the free plan.
 *
 * <p>The deadline is kept in the database (db-scheduler), so a restart does not lose it. The
 * commands it sends are idempotent: when a handler fails the processor retries the event. The saga
 * is stored as JSON (its fields; the Spring resources are injected again when it is loaded).
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class SubscriptionSaga {

    static final String PERIOD_END = "subscription-period-end";

    private static final Logger log = LoggerFactory.getLogger(SubscriptionSaga.class);

    private UserId userId;
    /** {@code null} in a saga stored before it kept its provider. */
    private PaymentProvider provider;

    private String periodEndDeadline;

    @Autowired
    private transient CommandGateway commands;

    @Autowired
    private transient DeadlineManager deadlines;

    @StartSaga
    @SagaEventHandler(associationProperty = "userId")
    void on(SubscriptionStarted event) {
        userId = event.userId();
        provider = event.provider();
        entitle(event.plan(), event.startedAt());
        if (event.cancelAtPeriodEnd()) {
            expireAt(event.currentPeriodEnd());
        }
    }

    @SagaEventHandler(associationProperty = "userId")
    void on(SubscriptionPlanChanged event) {
        entitle(event.plan(), event.changedAt());
    }

    @SagaEventHandler(associationProperty = "userId")
    void on(SubscriptionCancellationScheduled event) {
        expireAt(event.endsAt());
    }

    @SagaEventHandler(associationProperty = "userId")
    void on(SubscriptionResumed event) {
        cancelDeadline();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "userId")
    void on(SubscriptionCanceled event) {
        cancelDeadline();
        entitle(Plan.FREE, event.canceledAt());
    }

    @DeadlineHandler(deadlineName = PERIOD_END)
    void on(PeriodEnd periodEnd) {
        commands.sendAndWait(new ExpireSubscription(periodEnd.userId(), periodEnd.endsAt(), periodEnd.endsAt()));
    }

    private void entitle(Plan plan, Instant at) {
        try {
            commands.sendAndWait(new ChangePlan(userId, plan, provider, null, at));
        } catch (CommandExecutionException refused) {
            if (!Refusal.is(refused, ErrorCode.NOT_FOUND)) {
                throw refused;
            }
            log.warn("Subscription of {} who has no account: no plan to change", userId);
        }
    }

    private void expireAt(Instant endsAt) {
        if (endsAt == null) {
            return; // no known period end: the provider's own end report will end it
        }
        cancelDeadline();
        periodEndDeadline = deadlines.schedule(endsAt, PERIOD_END, new PeriodEnd(userId, endsAt));
    }

    private void cancelDeadline() {
        if (periodEndDeadline != null) {
            deadlines.cancelSchedule(PERIOD_END, periodEndDeadline);
            periodEndDeadline = null;
        }
    }

    /** What the period-end deadline carries. */
    public record PeriodEnd(UserId userId, Instant endsAt) {}
}
