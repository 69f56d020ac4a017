package com.flowmatik.app.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The problem types the API answers with. The slug is the stable last segment of {@code type} that
 * clients switch on.
 */
public enum ProblemType {
    VALIDATION(HttpStatus.BAD_REQUEST, "validation", "Invalid request"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required"),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict"),
    EMAIL_TAKEN(HttpStatus.CONFLICT, "email-taken", "E-mail already registered"),
    INVALID_RESET_TOKEN(HttpStatus.BAD_REQUEST, "invalid-reset-token", "Invalid reset link"),
    ACCOUNT_DEACTIVATED(HttpStatus.FORBIDDEN, "account-deactivated", "Account deactivated"),
    PLAN_REQUIRED(HttpStatus.FORBIDDEN, "plan-required", "Paid plan required"),
    SUBSCRIPTION_ACTIVE(HttpStatus.CONFLICT, "subscription-active", "Subscription already active"),
    NO_ACTIVE_SUBSCRIPTION(HttpStatus.CONFLICT, "no-active-subscription", "No active subscription"),
    CHECKOUT_PENDING(HttpStatus.CONFLICT, "checkout-pending", "Checkout already open"),
    INVALID_SIGNATURE(HttpStatus.BAD_REQUEST, "invalid-signature", "Invalid webhook signature"),
    INVALID_PAYLOAD(HttpStatus.BAD_REQUEST, "invalid-payload", "Invalid webhook payload"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    QUOTA_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, "quota-exceeded", "Daily quota reached"),
    PROVIDER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "provider-unavailable", "Provider unavailable"),
    PROVIDER_ERROR(HttpStatus.BAD_GATEWAY, "provider-error", "Provider error"),
    PROVIDER_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "provider-timeout", "Provider timed out"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");

    /** Where the problem types are documented; the slug is appended. */
    public static final String BASE = "https://flowmatik.dev/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /**
     * Whether the type says no more than its status does, so the framework's own answers may use it.
     * Listed here rather than excluded: a new type with a domain reason is never taken for one.
     */
    private boolean isGeneric() {
        return switch (this) {
            case MALFORMED_REQUEST,
                    UNAUTHORIZED,
                    FORBIDDEN,
                    NOT_FOUND,
                    METHOD_NOT_ALLOWED,
                    NOT_ACCEPTABLE,
                    CONFLICT,
                    PAYLOAD_TOO_LARGE,
                    UNSUPPORTED_MEDIA_TYPE,
                    RATE_LIMITED,
                    SERVICE_UNAVAILABLE,
                    INTERNAL -> true;
            default -> false;
        };
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    /** The type that a status answered by the framework itself (no domain reason) stands for. */
    static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status.value() == status && type.isGeneric()) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
