package com.flowmatik.command.usage;

import com.flowmatik.api.usage.UsageToRecord;
import com.flowmatik.command.ai.provider.AiModel;
import com.flowmatik.command.ai.provider.ModelCatalogue;
import com.flowmatik.command.ai.provider.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules one usage event must pass to be recorded, each with the reason its receipt names, and
 * the fingerprint that tells a retry of the event from another body under the same id.
 */
final class UsageEventCheck {

    static final int MAX_ID_LENGTH = 128;
    static final int MAX_METADATA_BYTES = 1024;
    /** Clocks differ: usage up to this far ahead of ours is taken as now-ish, beyond it as a mistake. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static final String INVALID_ID = "invalid-id";
    static final String UNKNOWN_MODEL = "unknown-model";
    static final String INVALID_TOKENS = "invalid-tokens";
    static final String INVALID_TIME = "invalid-time";
    static final String FUTURE_TIME = "future-time";
    static final String METADATA_TOO_LARGE = "metadata-too-large";
    static final String ID_REUSED = "id-reused";

    /** Sorted keys, so that a map's order does not make a retry look like another body. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final ModelCatalogue catalogue;

    UsageEventCheck(ModelCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** An event that passed, priced and fingerprinted, still without the platform's request id. */
    record Passed(
            String id,
            String bodyHash,
            AiModel model,
            long promptTokens,
            long completionTokens,
            long costMicros,
            Instant occurredAt) {

        UsageToRecord toRecord(String requestId) {
            return new UsageToRecord(
                    id, bodyHash, requestId, model.id(), promptTokens, completionTokens, costMicros, occurredAt);
        }
    }

    /** The outcome of the check of the event with this {@code id}: {@code passed}, or the {@code reason} it was rejected. */
    record Outcome(String id, Passed passed, String reason) {}

    Outcome check(UsageEventsBody.Event event, Instant arrivedAt) {
        if (event == null) {
            return new Outcome(null, null, INVALID_ID);
        }
        if (event.id() == null
                || event.id().isEmpty()
                || event.id().codePointCount(0, event.id().length()) > MAX_ID_LENGTH) {
            return rejected(event, INVALID_ID);
        }
        Optional<AiModel> model = catalogue.find(event.model());
        if (model.isEmpty()) {
            return rejected(event, UNKNOWN_MODEL);
        }
        if (event.promptTokens() == null
                || event.completionTokens() == null
                || event.promptTokens() < 0
                || event.completionTokens() < 0) {
            return rejected(event, INVALID_TOKENS);
        }
        Instant occurredAt;
        try {
            occurredAt = event.occurredAt() == null ? arrivedAt : Instant.parse(event.occurredAt());
        } catch (DateTimeParseException unreadable) {
            return rejected(event, INVALID_TIME);
        }
        if (occurredAt.isAfter(arrivedAt.plus(CLOCK_SKEW))) {
            return rejected(event, FUTURE_TIME);
        }
        String metadata = event.metadata() == null ? "" : CANONICAL.writeValueAsString(event.metadata());
        if (metadata.length() > MAX_METADATA_BYTES) {
            return rejected(event, METADATA_TOO_LARGE);
        }
        long cost;
        try {
            cost = catalogue.cost(model.get(), new TokenUsage(event.promptTokens(), event.completionTokens(), 0));
        } catch (ArithmeticException tooMany) {
            return rejected(event, INVALID_TOKENS);
        }
        String body = String.join(
                "\n",
                event.model(),
                event.promptTokens().toString(),
                event.completionTokens().toString(),
                event.occurredAt() == null
                        ? ""
                        : Instant.parse(event.occurredAt()).toString(),
                metadata);
        return new Outcome(
                event.id(),
                new Passed(
                        event.id(),
                        HexFormat.of().formatHex(UsageReceipts.sha256(body)),
                        model.get(),
                        event.promptTokens(),
                        event.completionTokens(),
                        cost,
                        occurredAt),
                null);
    }

    private static Outcome rejected(UsageEventsBody.Event event, String reason) {
        return new Outcome(event.id(), null, reason);
    }
}
