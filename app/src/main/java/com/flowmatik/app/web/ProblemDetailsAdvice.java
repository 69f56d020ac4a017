package com.flowmatik.app.web;

import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.api.usage.QuotaDecision;
import com.flowmatik.command.ai.QuotaExceeded;
import com.flowmatik.command.ai.provider.ProviderException;
import com.flowmatik.command.ai.provider.ProviderTimedOut;
import com.flowmatik.command.ai.provider.ProviderUnavailable;
import com.flowmatik.command.payment.checkout.PaymentProviderException;
import com.flowmatik.command.payment.checkout.PaymentProviderUnavailable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where failures become HTTP answers: RFC 9457 problem details with a stable type,
 * field errors for invalid input, and no internals (stack traces, SQL) for anything unexpected.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Clock clock;

    public ProblemDetailsAdvice(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return answer(Problems.of(problem.type(), problem.getMessage(), problem.fieldErrors()));
    }

    /** Over the plan's daily limit: when it resets, in the body and as {@code Retry-After}. */
    @ExceptionHandler(QuotaExceeded.class)
    ResponseEntity<ProblemDetail> quotaExceeded(QuotaExceeded refused) {
        QuotaDecision decision = refused.decision();
        ProblemDetail problem = Problems.of(ProblemType.QUOTA_EXCEEDED, refused.getMessage());
        problem.setProperty("limit", decision.limit().name().toLowerCase(java.util.Locale.ROOT));
        problem.setProperty("limitValue", decision.limitValue());
        problem.setProperty("used", decision.used());
        problem.setProperty("resetsAt", decision.resetsAt());
        long seconds = Math.max(1, java.time.Duration.between(clock.instant(), decision.resetsAt()).toSeconds() + 1);
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }

    @ExceptionHandler(ProviderException.class)
    ResponseEntity<ProblemDetail> providerFailure(ProviderException failure) {
        ProblemType type = failure instanceof ProviderUnavailable
                ? ProblemType.PROVIDER_UNAVAILABLE
                : failure instanceof ProviderTimedOut ? ProblemType.PROVIDER_TIMEOUT : ProblemType.PROVIDER_ERROR;
        return answer(Problems.of(type, failure.getMessage()));
    }

    /** Stripe or LemonSqueezy is not configured, cannot be reached, or refused the call: the problem names it. */
    @ExceptionHandler(PaymentProviderException.class)
    ResponseEntity<ProblemDetail> paymentProviderFailure(PaymentProviderException failure) {
        ProblemType type = failure instanceof PaymentProviderUnavailable
                ? ProblemType.PROVIDER_UNAVAILABLE
                : ProblemType.PROVIDER_ERROR;
        ProblemDetail problem = Problems.of(type, failure.getMessage());
        problem.setProperty("provider", failure.provider().wireName());
        return answer(problem);
    }

    @ExceptionHandler(BusinessRuleViolation.class)
    ResponseEntity<ProblemDetail> refusal(BusinessRuleViolation refusal) {
        return answer(refusalProblem(refusal.code(), refusal.getMessage()));
    }

    /** A refusal that crossed the command bus arrives with its error code in the details. */
    @ExceptionHandler(HandlerExecutionException.class)
    ResponseEntity<ProblemDetail> handlerFailure(HandlerExecutionException failure) {
        Optional<ErrorCode> code = failure.getDetails().flatMap(ProblemDetailsAdvice::errorCode);
        if (code.isPresent()) {
            return answer(refusalProblem(code.get(), failure.getMessage()));
        }
        return unexpected(failure);
    }

    /** A command for an aggregate that does not exist, such as an operator acting on an unknown user id. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownAggregate(AggregateNotFoundException unknown) {
        return answer(Problems.of(ProblemType.NOT_FOUND, "No such resource"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        AggregateNotFoundException unknown = causeOfType(failure, AggregateNotFoundException.class);
        if (unknown != null) {
            return unknownAggregate(unknown);
        }
        BusinessRuleViolation refusal = causeOfType(failure, BusinessRuleViolation.class);
        if (refusal != null) {
            return refusal(refusal);
        }
        log.error("Unexpected failure", failure);
        return answer(Problems.of(ProblemType.INTERNAL, "Something went wrong on our side; the request id helps us find it"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = Problems.of(ProblemType.VALIDATION, "The request has invalid fields", errors);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = causeOfType(unreadable, BodySizeLimitFilter.BodyTooLargeException.class) != null
                ? Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is too large")
                : Problems.of(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON for this endpoint");
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Everything else the framework answers (404, 405, 415, …) gets a stable type and the request id. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemType type = ProblemType.forStatus(status.value());
        String detail = body instanceof ProblemDetail framework && framework.getDetail() != null
                ? framework.getDetail()
                : type.title();
        return ResponseEntity.status(status).headers(headers).body(Problems.of(type, detail));
    }

    private static ProblemDetail refusalProblem(ErrorCode code, String message) {
        ProblemType type = switch (code) {
            case VALIDATION -> ProblemType.VALIDATION;
            case EMAIL_TAKEN -> ProblemType.EMAIL_TAKEN;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case INVALID_RESET_TOKEN -> ProblemType.INVALID_RESET_TOKEN;
            case ACCOUNT_DEACTIVATED -> ProblemType.ACCOUNT_DEACTIVATED;
            case SUBSCRIPTION_ACTIVE -> ProblemType.SUBSCRIPTION_ACTIVE;
            case NO_ACTIVE_SUBSCRIPTION -> ProblemType.NO_ACTIVE_SUBSCRIPTION;
            case INVALID_SIGNATURE -> ProblemType.INVALID_SIGNATURE;
        };
        if (type == ProblemType.VALIDATION && message != null && message.contains(": ")) {
            String field = message.substring(0, message.indexOf(": "));
            String reason = message.substring(message.indexOf(": ") + 2);
            return Problems.of(type, "The request has invalid fields", List.of(new FieldError(field, reason)));
        }
        return Problems.of(type, message);
    }

    private static Optional<ErrorCode> errorCode(Object details) {
        try {
            return Optional.of(ErrorCode.valueOf(String.valueOf(details)));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
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
}
