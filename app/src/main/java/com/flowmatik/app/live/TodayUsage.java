package com.flowmatik.app.live;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.usage.AiRequestNotServed;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.DailyLimitsChanged;
import com.flowmatik.api.usage.RecordedUsage;
import com.flowmatik.api.usage.TokensCharged;
import com.flowmatik.api.usage.UsageRecorded;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Every user's AI usage of the current UTC day, counted by this instance from the day's first
 * event (the live processor starts there), as the usage account counts it: requests on the day they
 * started, tokens on the day they were charged. Days before the newest one are dropped.
 */
@Component
@ProcessingGroup(LiveProcessing.GROUP)
class TodayUsage {

    private final Map<UserId, UserDay> days = new ConcurrentHashMap<>();
    private volatile LocalDate newest = LocalDate.MIN;

    @EventHandler
    void on(AiRequestStarted event, @MessageIdentifier String eventId) {
        count(event, eventId);
    }

    @EventHandler
    void on(TokensCharged event, @MessageIdentifier String eventId) {
        count(event, eventId);
    }

    /** Usage recorded from elsewhere counts its requests and tokens on the days they occurred. */
    @EventHandler
    void on(UsageRecorded event, @MessageIdentifier String eventId) {
        count(event, eventId);
    }

    /** A request the provider never served gives its place back on the day it started. */
    @EventHandler
    void on(AiRequestNotServed event, @MessageIdentifier String eventId) {
        day(event.userId(), event.startedAt()).count(eventId, -1, 0);
    }

    @EventHandler
    void on(DailyLimitsChanged event) {
        day(event.userId(), event.changedAt()).limits(event.limits());
    }

    /** Counts the request (once, whoever asks first) and answers the user's day with it. */
    UserDay count(AiRequestStarted event, String eventId) {
        UserDay day = day(event.userId(), event.startedAt());
        day.count(eventId, 1, 0);
        return day;
    }

    /** Counts the tokens (once, whoever asks first) and answers the user's day with them. */
    UserDay count(TokensCharged event, String eventId) {
        UserDay day = day(event.userId(), event.chargedAt());
        day.count(eventId, 0, event.promptTokens() + event.completionTokens());
        return day;
    }

    /**
     * Counts the batch on the days its items occurred (once, whoever asks first) and answers the
     * user's day it counted on that this instance follows, if any, with its latest item's time.
     */
    Optional<Counted> count(UsageRecorded event, String eventId) {
        Map<LocalDate, List<RecordedUsage>> byDay = event.items().stream()
                .collect(Collectors.groupingBy(
                        item -> LocalDate.ofInstant(item.occurredAt(), ZoneOffset.UTC),
                        TreeMap::new,
                        Collectors.toList()));
        Counted followed = null;
        for (List<RecordedUsage> items : byDay.values()) {
            Instant latest = items.stream()
                    .map(RecordedUsage::occurredAt)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            UserDay day = day(event.userId(), latest);
            day.count(
                    eventId,
                    items.size(),
                    items.stream().mapToLong(RecordedUsage::tokens).sum());
            if (days.get(event.userId()) == day) {
                followed = new Counted(day, latest);
            }
        }
        return Optional.ofNullable(followed);
    }

    /** A user's day that a batch counted on, and when the last of its items there occurred. */
    record Counted(UserDay day, Instant at) {}

    /** The user's day that {@code at} falls on; a new day keeps the limits known on the day before. */
    UserDay day(UserId userId, Instant at) {
        LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
        if (date.isAfter(newest)) {
            newest = date;
            days.values().removeIf(day -> day.date().isBefore(date));
        }
        UserDay current = days.compute(userId, (id, known) -> {
            if (known == null || known.date().isBefore(date)) {
                return new UserDay(date, known == null ? null : known.limits());
            }
            return known;
        });
        // an event of a day before the user's newest counts for nothing that is still watched
        return current.date().equals(date) ? current : new UserDay(date, null);
    }
}
