package com.flowmatik.app.live;

import com.flowmatik.query.admin.Dashboard;
import com.flowmatik.query.admin.FindDashboard;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pushes the dashboard to the admins following it: when they subscribe, and after each change of
 * the read model, at most once per {@link #INTERVAL} however many arrive. A change is an update of
 * the {@link FindDashboard} subscription query, which the admin-metrics projection emits once its
 * rows have committed, so every push shows what the read model holds. None is pushed while nobody
 * follows.
 */
@Component
class DashboardFeed implements DisposableBean {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);

    /** {@code {"type":"dashboard", data}}. */
    record Message(String type, Object data) {
        Message(Object data) {
            this("dashboard", data);
        }
    }

    private final LiveSessions sessions;
    private final ReadModelDashboard dashboard;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "live-dashboard");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastPush = System.nanoTime() - INTERVAL.toNanos();

    private final QueryGateway queries;
    private volatile SubscriptionQueryResult<Dashboard, Instant> readModelChanges;

    DashboardFeed(LiveSessions sessions, ReadModelDashboard dashboard, QueryGateway queries) {
        this.sessions = sessions;
        this.dashboard = dashboard;
        this.queries = queries;
    }

    /** Follows the read model's changes once the platform is up. */
    @EventListener(ApplicationReadyEvent.class)
    void followReadModel() {
        try {
            readModelChanges = queries.subscriptionQuery(
                    new FindDashboard(Instant.now()),
                    ResponseTypes.instanceOf(Dashboard.class),
                    ResponseTypes.instanceOf(Instant.class));
            readModelChanges
                    .updates()
                    .subscribe(
                            changedAt -> changed(),
                            failure -> log.warn(
                                    "Stopped following the dashboard read model; only subscribers get it now",
                                    failure));
        } catch (RuntimeException unavailable) {
            log.warn("Cannot follow the dashboard read model; only subscribers get it: {}", unavailable.toString());
        }
    }

    /** The dashboard may have changed: push it soon, unless a push is already due. */
    void changed() {
        if (sessions.anyFollowDashboard() && pending.compareAndSet(false, true)) {
            long wait = Math.max(0, lastPush + INTERVAL.toNanos() - System.nanoTime());
            timer.schedule(this::push, wait, TimeUnit.NANOSECONDS);
        }
    }

    /** The dashboard at once, for an admin who has just subscribed. */
    void sendNow(LiveSession session) {
        dashboard.current().ifPresent(data -> sessions.toSession(session, new Message(data)));
    }

    private void push() {
        pending.set(false);
        lastPush = System.nanoTime();
        try {
            dashboard
                    .current()
                    .ifPresent(data -> sessions.toSessions(LiveSession::followsDashboard, new Message(data)));
        } catch (RuntimeException failure) {
            log.warn("The live dashboard could not be pushed; the next event tries again", failure);
        }
    }

    @Override
    public void destroy() {
        if (readModelChanges != null) {
            readModelChanges.close();
        }
        timer.shutdownNow();
    }
}
