package com.flowmatik.app.live;

import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.payment.PaymentFailed;
import com.flowmatik.api.payment.PaymentSucceeded;
import com.flowmatik.api.payment.SubscriptionCanceled;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.usage.AiRequestFailed;
import com.flowmatik.api.usage.AiRequestStarted;
import com.flowmatik.api.usage.DailyQuotaExceeded;
import com.flowmatik.api.usage.TokensCharged;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * The default live dashboard: the figures of the current UTC day, counted by this instance from
 * the day's first event (the live processor starts there on every start), each event on the day its
 * own time says: {@code requestsToday}, {@code tokensToday}, {@code aiCostTodayMicros},
 * {@code refusedRequestsToday} (over a daily limit), {@code failedRequestsToday},
 * {@code signupsToday}, {@code subscriptionsStartedToday}, {@code subscriptionsCanceledToday},
 * {@code paymentsFailedToday}, {@code revenueToday} (minor units by currency), and
 * {@code liveSessions} (connected to this instance).
 */
@Component
@ProcessingGroup(LiveProcessing.GROUP)
class TodayCounters implements DashboardSnapshots {

    private static final String[] FIGURES = {
        "requestsToday", "tokensToday", "aiCostTodayMicros", "refusedRequestsToday", "failedRequestsToday",
        "signupsToday", "subscriptionsStartedToday", "subscriptionsCanceledToday", "paymentsFailedToday"
    };

    private final Map<LocalDate, Figures> days = new ConcurrentHashMap<>();
    private final LiveSessions sessions;
    private final Clock clock;

    TodayCounters(LiveSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @EventHandler
    void on(AiRequestStarted event) {
        day(event.startedAt()).add("requestsToday", 1);
    }

    @EventHandler
    void on(TokensCharged event) {
        Figures day = day(event.chargedAt());
        day.add("tokensToday", event.promptTokens() + event.completionTokens());
        day.add("aiCostTodayMicros", event.costMicros());
    }

    @EventHandler
    void on(DailyQuotaExceeded event) {
        day(event.refusedAt()).add("refusedRequestsToday", 1);
    }

    @EventHandler
    void on(AiRequestFailed event) {
        day(event.failedAt()).add("failedRequestsToday", 1);
    }

    @EventHandler
    void on(UserRegistered event) {
        day(event.registeredAt()).add("signupsToday", 1);
    }

    @EventHandler
    void on(SubscriptionStarted event) {
        day(event.startedAt()).add("subscriptionsStartedToday", 1);
    }

    @EventHandler
    void on(SubscriptionCanceled event) {
        day(event.canceledAt()).add("subscriptionsCanceledToday", 1);
    }

    @EventHandler
    void on(PaymentSucceeded event) {
        if (event.amount() != null) {
            day(event.paidAt()).addRevenue(event.amount().currency(), event.amount().amount());
        }
    }

    @EventHandler
    void on(PaymentFailed event) {
        day(event.failedAt()).add("paymentsFailedToday", 1);
    }

    @ResetHandler
    void reset() {
        days.clear();
    }

    @Override
    public Map<String, Object> current() {
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> data = days.getOrDefault(today, new Figures()).snapshot();
        data.put("day", today);
        data.put("liveSessions", sessions.size());
        data.put("source", "live-events");
        return data;
    }

    private Figures day(Instant at) {
        LocalDate date = LocalDate.ofInstant(at, ZoneOffset.UTC);
        days.keySet().removeIf(known -> known.isBefore(date.minusDays(1)));
        return days.computeIfAbsent(date, unused -> new Figures());
    }

    /** One day's figures. */
    private static final class Figures {

        private final Map<String, Long> counts = new LinkedHashMap<>();
        private final Map<String, Long> revenue = new TreeMap<>();

        Figures() {
            for (String figure : FIGURES) {
                counts.put(figure, 0L);
            }
        }

        synchronized void add(String figure, long amount) {
            counts.merge(figure, amount, Long::sum);
        }

        synchronized void addRevenue(String currency, long amount) {
            revenue.merge(currency, amount, Long::sum);
        }

        synchronized Map<String, Object> snapshot() {
            Map<String, Object> data = new LinkedHashMap<>(counts);
            data.put("revenueToday", new TreeMap<>(revenue));
            return data;
        }
    }
}
