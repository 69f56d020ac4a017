package com.flowmatik.command.usage;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.DailyLimits;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.api.usage.AbandonAiRequest;
import com.flowmatik.api.usage.AiRequestCompleted;
import com.flowmatik.api.usage.AiRequestFailed;
import com.flowmatik.api.usage.AiRequestNotServed;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.ChangeDailyLimits;
import com.flowmatik.api.usage.CompleteAiRequest;
import com.flowmatik.api.usage.DailyLimitsChanged;
import com.flowmatik.api.usage.DailyQuotaExceeded;
import com.flowmatik.api.usage.FailAiRequest;
import com.flowmatik.api.usage.QuotaDecision;
import com.flowmatik.api.usage.QuotaLimit;
import com.flowmatik.api.usage.RecordUsage;
import com.flowmatik.api.usage.RecordedUsage;
import com.flowmatik.api.usage.StartAiRequest;
import com.flowmatik.api.usage.TokensCharged;
import com.flowmatik.api.usage.UsageAccountIds;
import com.flowmatik.api.usage.UsageRecorded;
import com.flowmatik.api.usage.UsageToRecord;
import com.flowmatik.command.AggregateCache;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's AI usage of the current UTC day against their plan's limits. A request is counted when it
 * starts, so concurrent requests at the boundary cannot pass the request limit (the aggregate handles
 * one command at a time). Tokens are counted when charged; a request that starts under the token
 * limit may end above it, since no one knows its size in advance. A user without an account yet is
 * on the free plan's limits.
 *
 * <p>Usage recorded from elsewhere ({@link RecordUsage}) is never refused, since it happened: an item
 * counted when the day was already at a limit is marked over quota, and the platform's own requests
 * are refused from then on. It counts on the day it occurred when that is the current day or later;
 * an earlier day's counters are gone, so it is not marked there.
 */
@Aggregate(snapshotTriggerDefinition = UsageAccount.SNAPSHOTS, cache = AggregateCache.USAGE_ACCOUNTS)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class UsageAccount {

    public static final String SNAPSHOTS = "usageAccountSnapshots";
    /** The failure reason of a request closed because it had no outcome for too long. */
    public static final String ABANDONED = "abandoned";

    @AggregateIdentifier
    private String id;

    private UserId userId;
    private Plan plan = Plan.FREE;
    private DailyLimits limits = Plan.FREE.dailyLimits();
    private LocalDate day;
    private long requestsToday;
    private long tokensToday;
    private Set<String> openRequests = new HashSet<>();

    protected UsageAccount() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    QuotaDecision handle(StartAiRequest command) {
        LocalDate today = utcDay(command.startedAt());
        long requests = today.equals(day) ? requestsToday : 0;
        long tokens = today.equals(day) ? tokensToday : 0;
        Instant resetsAt = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (limits.requestsPerDay() != null && requests >= limits.requestsPerDay()) {
            return refuse(command, QuotaLimit.REQUESTS, limits.requestsPerDay(), requests, resetsAt);
        }
        if (limits.tokensPerDay() != null && tokens >= limits.tokensPerDay()) {
            return refuse(command, QuotaLimit.TOKENS, limits.tokensPerDay(), tokens, resetsAt);
        }
        apply(new AiRequestStarted(
                command.userId(),
                command.requestId(),
                command.parentRequestId(),
                command.kind(),
                command.model(),
                command.startedAt()));
        return QuotaDecision.allow();
    }

    private QuotaDecision refuse(StartAiRequest command, QuotaLimit limit, long value, long used, Instant resetsAt) {
        apply(new DailyQuotaExceeded(
                command.userId(),
                command.requestId(),
                command.model(),
                limit,
                value,
                used,
                command.startedAt(),
                resetsAt));
        return QuotaDecision.refuse(limit, value, used, resetsAt);
    }

    @CommandHandler
    public void handle(CompleteAiRequest command) {
        requireOpen(command.requestId());
        apply(new AiRequestCompleted(
                command.userId(),
                command.requestId(),
                command.model(),
                command.promptTokens(),
                command.completionTokens(),
                command.reasoningTokens(),
                command.estimated(),
                command.completedAt()));
        apply(new TokensCharged(
                command.userId(),
                command.requestId(),
                command.model(),
                command.promptTokens(),
                command.completionTokens(),
                command.costMicros(),
                command.estimated(),
                command.completedAt()));
    }

    @CommandHandler
    void handle(FailAiRequest command) {
        requireOpen(command.requestId());
        apply(new AiRequestFailed(
                command.userId(), command.requestId(), command.model(), command.reason(), command.failedAt()));
        if (command.promptTokens() + command.completionTokens() > 0) {
            apply(new TokensCharged(
                    command.userId(),
                    command.requestId(),
                    command.model(),
                    command.promptTokens(),
                    command.completionTokens(),
                    command.costMicros(),
                    false,
                    command.failedAt()));
        }
        if (!command.served()) {
            apply(new AiRequestNotServed(
                    command.userId(), command.requestId(), command.model(), command.startedAt(), command.failedAt()));
        }
    }

    /** Closes a request left without an outcome; answers whether it was still open. */
    @CommandHandler
    boolean handle(AbandonAiRequest command) {
        if (!openRequests.contains(command.requestId())) {
            return false;
        }
        apply(new AiRequestFailed(
                command.userId(), command.requestId(), command.model(), ABANDONED, command.abandonedAt()));
        apply(new AiRequestNotServed(
                command.userId(), command.requestId(), command.model(), command.startedAt(), command.abandonedAt()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<RecordedUsage> handle(RecordUsage command) {
        if (command.items().isEmpty()) {
            throw BusinessRuleViolation.invalidField("items", "nothing to record");
        }
        DayCount count = new DayCount(day, requestsToday, tokensToday);
        List<RecordedUsage> recorded = new ArrayList<>(command.items().size());
        for (UsageToRecord item : command.items()) {
            boolean overQuota =
                    count.add(utcDay(item.occurredAt()), item.promptTokens() + item.completionTokens(), limits);
            recorded.add(new RecordedUsage(
                    item.eventId(),
                    item.bodyHash(),
                    item.requestId(),
                    item.model(),
                    item.promptTokens(),
                    item.completionTokens(),
                    item.costMicros(),
                    item.occurredAt(),
                    overQuota));
        }
        apply(new UsageRecorded(command.userId(), recorded, command.recordedAt()));
        return recorded;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(ChangeDailyLimits command) {
        if (command.plan() == plan && command.limits().equals(limits) && id != null) {
            return false;
        }
        apply(new DailyLimitsChanged(command.userId(), command.plan(), command.limits(), command.changedAt()));
        return true;
    }

    private void requireOpen(String requestId) {
        if (!openRequests.contains(requestId)) {
            throw new BusinessRuleViolation(ErrorCode.NOT_FOUND, "requestId: no open AI request " + requestId);
        }
    }

    private static LocalDate utcDay(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private void identify(UserId user) {
        if (id == null) {
            id = UsageAccountIds.of(user);
            userId = user;
        }
    }

    private void rollTo(Instant at) {
        LocalDate today = utcDay(at);
        if (!today.equals(day)) {
            day = today;
            requestsToday = 0;
            tokensToday = 0;
        }
    }

    @EventSourcingHandler
    void on(AiRequestStarted event) {
        identify(event.userId());
        rollTo(event.startedAt());
        requestsToday++;
        openRequests.add(event.requestId());
    }

    @EventSourcingHandler
    void on(DailyQuotaExceeded event) {
        identify(event.userId());
    }

    @EventSourcingHandler
    void on(AiRequestCompleted event) {
        openRequests.remove(event.requestId());
    }

    @EventSourcingHandler
    void on(AiRequestFailed event) {
        openRequests.remove(event.requestId());
    }

    @EventSourcingHandler
    void on(AiRequestNotServed event) {
        if (utcDay(event.startedAt()).equals(day) && requestsToday > 0) {
            requestsToday--;
        }
    }

    @EventSourcingHandler
    void on(TokensCharged event) {
        rollTo(event.chargedAt());
        tokensToday += event.promptTokens() + event.completionTokens();
    }

    @EventSourcingHandler
    void on(UsageRecorded event) {
        identify(event.userId());
        DayCount count = new DayCount(day, requestsToday, tokensToday);
        for (RecordedUsage item : event.items()) {
            count.add(utcDay(item.occurredAt()), item.tokens(), limits);
        }
        day = count.day;
        requestsToday = count.requests;
        tokensToday = count.tokens;
    }

    @EventSourcingHandler
    void on(DailyLimitsChanged event) {
        identify(event.userId());
        plan = event.plan();
        limits = event.limits();
    }

    /**
     * The counters of one day while a batch of recorded usage is counted, item by item, so that the
     * command and the event sourcing handler count it the same way.
     */
    private static final class DayCount {

        private LocalDate day;
        private long requests;
        private long tokens;

        private DayCount(LocalDate day, long requests, long tokens) {
            this.day = day;
            this.requests = requests;
            this.tokens = tokens;
        }

        /** Counts usage of {@code itemDay}, answering whether that day was already at a limit. */
        private boolean add(LocalDate itemDay, long itemTokens, DailyLimits limits) {
            if (day == null || itemDay.isAfter(day)) {
                day = itemDay;
                requests = 0;
                tokens = 0;
            }
            if (!itemDay.equals(day)) {
                return false;
            }
            boolean overQuota = (limits.requestsPerDay() != null && requests >= limits.requestsPerDay())
                    || (limits.tokensPerDay() != null && tokens >= limits.tokensPerDay());
            requests++;
            tokens += itemTokens;
            return overQuota;
        }
    }
}
