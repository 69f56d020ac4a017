package com.flowmatik.app.live;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.DailyQuotaExceeded;
import com.flowmatik.api.usage.FindUsage;
import com.flowmatik.api.usage.QuotaLimit;
import com.flowmatik.api.usage.TokensCharged;
import com.flowmatik.api.usage.UsageRecorded;
import com.flowmatik.api.usage.UsageReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Tells a user when they reach 80% ({@code quota-warning}) and 100% ({@code quota-reached}) of a
 * daily limit, once a day per limit and threshold, from today's usage that {@link TodayUsage} counts
 * and the limits the usage read model holds (asked once, then followed through
 * {@code DailyLimitsChanged}). Usage recorded through the ingest counts as the platform's own
 * requests do. A refused request ({@code DailyQuotaExceeded}) is a reached limit too.
 */
@Component
@ProcessingGroup(LiveProcessing.GROUP)
class QuotaNotices {

    private final TodayUsage usage;
    private final UserNotices notices;
    private final QueryGateway queries;

    QuotaNotices(TodayUsage usage, UserNotices notices, QueryGateway queries) {
        this.usage = usage;
        this.notices = notices;
        this.queries = queries;
    }

    @EventHandler
    @DisallowReplay
    void on(AiRequestStarted event, @MessageIdentifier String eventId) {
        if (notices.isListening(event.userId())) {
            announce(event.userId(), usage.count(event, eventId), event.startedAt());
        }
    }

    @EventHandler
    @DisallowReplay
    void on(TokensCharged event, @MessageIdentifier String eventId) {
        if (notices.isListening(event.userId())) {
            announce(event.userId(), usage.count(event, eventId), event.chargedAt());
        }
    }

    /** Usage recorded from elsewhere counts towards the same limits as the platform's own requests. */
    @EventHandler
    @DisallowReplay
    void on(UsageRecorded event, @MessageIdentifier String eventId) {
        if (notices.isListening(event.userId())) {
            usage.count(event, eventId).ifPresent(counted -> announce(event.userId(), counted.day(), counted.at()));
        }
    }

    @EventHandler
    @DisallowReplay
    void on(DailyQuotaExceeded event) {
        UserDay day = usage.day(event.userId(), event.refusedAt());
        if (notices.isListening(event.userId()) && day.reached(event.limit(), event.limitValue())) {
            notices.send(
                    event.userId(),
                    reached(
                            new UserDay.Crossing(
                                    event.limit(), UserDay.REACHED_PERCENT, event.used(), event.limitValue()),
                            event.refusedAt()));
        }
    }

    private void announce(UserId userId, UserDay day, Instant at) {
        if (day.limits() == null) {
            LocalDate date = day.date();
            UsageReport report = queries.query(new FindUsage(userId, date, date, date), UsageReport.class)
                    .join();
            day.limits(report.limits());
        }
        for (UserDay.Crossing crossing : day.newCrossings()) {
            notices.send(
                    userId,
                    crossing.percent() >= UserDay.REACHED_PERCENT ? reached(crossing, at) : warning(crossing, at));
        }
    }

    private static Notification warning(UserDay.Crossing crossing, Instant at) {
        String what = noun(crossing.limit());
        return Notification.of(
                Notification.QUOTA_WARNING,
                crossing.percent() + "% of today's " + what + " used",
                "You have used " + crossing.used() + " of your " + crossing.limitValue() + " " + what
                        + " today. The limit resets at midnight UTC.",
                data(crossing, at),
                at);
    }

    private static Notification reached(UserDay.Crossing crossing, Instant at) {
        String what = noun(crossing.limit());
        return Notification.of(
                Notification.QUOTA_REACHED,
                "Daily " + what + " limit reached",
                "You have used all " + crossing.limitValue() + " " + what
                        + " of today; AI requests are refused until midnight UTC. A bigger plan raises the limit.",
                data(crossing, at),
                at);
    }

    private static Map<String, Object> data(UserDay.Crossing crossing, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("limit", crossing.limit().name().toLowerCase(Locale.ROOT));
        data.put("percent", crossing.percent());
        data.put("used", crossing.used());
        data.put("limitValue", crossing.limitValue());
        data.put(
                "resetsAt",
                LocalDate.ofInstant(at, ZoneOffset.UTC)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
        return data;
    }

    private static String noun(QuotaLimit limit) {
        return limit == QuotaLimit.REQUESTS ? "requests" : "tokens";
    }
}
