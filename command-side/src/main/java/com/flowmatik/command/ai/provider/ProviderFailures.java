package com.flowmatik.command.ai.provider;

import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * What the OpenAI client's exceptions mean for the platform: an error status is {@link
 * ProviderFailed} with that status, a timeout (connect, read, or the whole call) is {@link
 * ProviderTimedOut}, a provider that cannot be reached is {@link ProviderUnavailable}, and anything
 * else the client could not make sense of is {@link ProviderFailed} with status 0.
 */
final class ProviderFailures {

    private ProviderFailures() {}

    /**
     * @param usage what the provider reported before failing, or {@code null}
     */
    static ProviderException translate(String provider, OpenAIException failure, TokenUsage usage) {
        if (failure instanceof OpenAIServiceException answered) {
            return new ProviderFailed(
                    provider + " answered " + answered.statusCode() + ": " + failure.getMessage(),
                    answered.statusCode(),
                    usage,
                    failure);
        }
        if (failure instanceof OpenAIIoException) {
            if (causedBy(failure, InterruptedIOException.class)) {
                return new ProviderTimedOut(provider + " did not answer in time", usage, failure);
            }
            if (usage == null && unreachable(failure)) {
                return new ProviderUnavailable(provider + " cannot be reached: " + rootMessage(failure), failure);
            }
            return new ProviderFailed(provider + "'s answer broke off: " + rootMessage(failure), 0, usage, failure);
        }
        return new ProviderFailed(provider + " gave an unusable answer: " + failure.getMessage(), 0, usage, failure);
    }

    static boolean unreachable(Throwable failure) {
        return causedBy(failure, ConnectException.class)
                || causedBy(failure, UnknownHostException.class)
                || causedBy(failure, NoRouteToHostException.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
