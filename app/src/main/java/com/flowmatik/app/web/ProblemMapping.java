package com.flowmatik.app.web;

import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.Refusal;
import com.flowmatik.api.usage.QuotaDecision;
import com.flowmatik.command.ai.QuotaExceeded;
import com.flowmatik.command.ai.provider.ProviderException;
import com.flowmatik.command.ai.provider.ProviderTimedOut;
import com.flowmatik.command.ai.provider.ProviderUnavailable;
import com.flowmatik.command.payment.checkout.PaymentProviderException;
import com.flowmatik.command.payment.checkout.PaymentProviderUnavailable;
import com.flowmatik.command.refusal.ErrorVocabulary;
import com.flowmatik.command.refusal.ErrorVocabulary.InvalidField;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one place where failures become problems: a stable type, the status, field errors for invalid
 * input, {@code Retry-After} where waiting helps, and no internals (stack traces, SQL) for anything
 * unexpected. HTTP answers ({@link ProblemDetailsAdvice}), streamed chats and WebSockets
 * ({@link ErrorVocabulary}) all use it.
 */
@Component
public class ProblemMapping implements ErrorVocabulary {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapping.class);

    private final Clock clock;

    public ProblemMapping(Clock clock) {
        this.clock = clock;
    }

    @Override
    public DescribedError describe(Throwable failure) {
        ProblemDetail problem = answer(failure).getBody();
        String type = String.valueOf(problem.getType());
        List<InvalidField> errors = new ArrayList<>();
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> fields) {
            fields.stream()
                    .filter(FieldError.class::isInstance)
                    .map(FieldError.class::cast)
                    .forEach(field -> errors.add(new InvalidField(field.field(), field.message())));
        }
        return new DescribedError(
                problem.getStatus(),
                type,
                type.substring(type.lastIndexOf('/') + 1),
                problem.getTitle(),
                problem.getDetail(),
                List.copyOf(errors));
    }

    public ResponseEntity<ProblemDetail> answer(Throwable failure) {
        if (failure instanceof ApiProblem problem) {
            ProblemDetail body = Problems.of(problem.type(), problem.getMessage(), problem.fieldErrors());
            return problem.retryAfter()
                    .map(wait -> answer(body, roundedUp(wait)))
                    .orElseGet(() -> answer(body));
        }
        if (failure instanceof QuotaExceeded refused) {
            return quotaExceeded(refused);
        }
        if (failure instanceof ProviderException provider) {
            ProblemType type = provider instanceof ProviderUnavailable
                    ? ProblemType.PROVIDER_UNAVAILABLE
                    : provider instanceof ProviderTimedOut ? ProblemType.PROVIDER_TIMEOUT : ProblemType.PROVIDER_ERROR;
            return answer(Problems.of(type, provider.getMessage()));
        }
        if (failure instanceof PaymentProviderException payment) {
            ProblemType type = payment instanceof PaymentProviderUnavailable
                    ? ProblemType.PROVIDER_UNAVAILABLE
                    : ProblemType.PROVIDER_ERROR;
            ProblemDetail problem = Problems.of(type, payment.getMessage());
            problem.setProperty("provider", payment.provider().wireName());
            return answer(problem);
        }
        if (failure instanceof HandlerExecutionException crossed) {
            // a refusal that crossed the command bus arrives with its code and field in the details
            Optional<Refusal> refusal = Refusal.of(crossed);
            if (refusal.isPresent()) {
                return answer(refusalProblem(refusal.get(), crossed.getMessage()));
            }
        }
        AggregateNotFoundException unknown = causeOfType(failure, AggregateNotFoundException.class);
        if (unknown != null) {
            // a command for an aggregate that does not exist, such as an operator acting on an unknown user id
            return answer(Problems.of(ProblemType.NOT_FOUND, "No such resource"));
        }
        BusinessRuleViolation refusal = causeOfType(failure, BusinessRuleViolation.class);
        if (refusal != null) {
            return answer(refusalProblem(refusal.refusal(), refusal.getMessage()));
        }
        if (DatabaseBusy.causes(failure)) {
            log.warn("The database did not answer in time: {}", DatabaseBusy.reason(failure));
            return answer(
                    Problems.of(
                            ProblemType.SERVICE_UNAVAILABLE,
                            "The database is busy and did not answer in time; please try again shortly"),
                    DatabaseBusy.RETRY_AFTER_SECONDS);
        }
        log.error("Unexpected failure", failure);
        return answer(
                Problems.of(ProblemType.INTERNAL, "Something went wrong on our side; the request id helps us find it"));
    }

    /** Over the plan's daily limit: when it resets, in the body and as {@code Retry-After}. */
    private ResponseEntity<ProblemDetail> quotaExceeded(QuotaExceeded refused) {
        QuotaDecision decision = refused.decision();
        ProblemDetail problem = Problems.of(ProblemType.QUOTA_EXCEEDED, refused.getMessage());
        problem.setProperty("limit", decision.limit().name().toLowerCase(Locale.ROOT));
        problem.setProperty("limitValue", decision.limitValue());
        problem.setProperty("used", decision.used());
        problem.setProperty("resetsAt", decision.resetsAt());
        return answer(problem, roundedUp(Duration.between(clock.instant(), decision.resetsAt())));
    }

    private static ProblemDetail refusalProblem(Refusal refusal, String message) {
        ProblemType type = switch (refusal.code()) {
            case VALIDATION -> ProblemType.VALIDATION;
            case MALFORMED_REQUEST -> ProblemType.MALFORMED_REQUEST;
            case EMAIL_TAKEN -> ProblemType.EMAIL_TAKEN;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case INVALID_RESET_TOKEN -> ProblemType.INVALID_RESET_TOKEN;
            case ACCOUNT_DEACTIVATED -> ProblemType.ACCOUNT_DEACTIVATED;
            case SUBSCRIPTION_ACTIVE -> ProblemType.SUBSCRIPTION_ACTIVE;
            case NO_ACTIVE_SUBSCRIPTION -> ProblemType.NO_ACTIVE_SUBSCRIPTION;
            case CHECKOUT_PENDING -> ProblemType.CHECKOUT_PENDING;
            case INVALID_SIGNATURE -> ProblemType.INVALID_SIGNATURE;
            case INVALID_PAYLOAD -> ProblemType.INVALID_PAYLOAD;
            case PLAN_REQUIRED -> ProblemType.PLAN_REQUIRED;
        };
        if (refusal.field() != null) {
            return Problems.of(
                    type, "The request has invalid fields", List.of(new FieldError(refusal.field(), message)));
        }
        return Problems.of(type, message);
    }

    static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, long retryAfterSeconds) {
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(problem);
    }

    /** A wait in whole seconds for {@code Retry-After}: past the instant it ends, at least 1. */
    private static long roundedUp(Duration wait) {
        return Math.max(1, wait.toSeconds() + 1);
    }
}
