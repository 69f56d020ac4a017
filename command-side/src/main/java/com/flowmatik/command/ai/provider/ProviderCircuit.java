package com.flowmatik.command.ai.provider;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The circuit breaker in front of a provider: when too large a share of the recent calls failed,
 * calls are refused at once as {@link ProviderUnavailable} instead of waiting on a provider that is
 * down. Only failures that say something about the provider count: timeouts, unreachability, 5xx,
 * 401/403/408/429 and unusable answers; a request the provider rightly refused (other 4xx) and a
 * stream the listener cancelled do not.
 */
final class ProviderCircuit {

    private final String provider;
    private final CircuitBreaker breaker;

    ProviderCircuit(String provider, AiProperties.CircuitBreaker settings) {
        this.provider = provider;
        this.breaker = CircuitBreaker.of(
                provider,
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.slidingWindowSize())
                        .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                        .failureRateThreshold(settings.failureRateThreshold())
                        .waitDurationInOpenState(settings.waitInOpenState())
                        .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                        .recordException(ProviderCircuit::saysTheProviderIsUnwell)
                        .build());
    }

    /** Runs the call if the circuit lets it through, and records how it went. */
    <T> T call(Supplier<T> call) {
        if (!breaker.tryAcquirePermission()) {
            throw new ProviderUnavailable(
                    "the " + provider + " circuit is open after recent failures; calls resume after a pause", null);
        }
        long started = System.nanoTime();
        try {
            T result = call.get();
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return result;
        } catch (RuntimeException failure) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failure);
            throw failure;
        }
    }

    CircuitState state() {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            case CLOSED, DISABLED, METRICS_ONLY -> CircuitState.CLOSED;
        };
    }

    private static boolean saysTheProviderIsUnwell(Throwable failure) {
        if (failure instanceof ProviderFailed failed) {
            return !failed.requestAtFault();
        }
        return failure instanceof ProviderTimedOut || failure instanceof ProviderUnavailable;
    }
}
