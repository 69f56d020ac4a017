package com.flowmatik.app.live;

import com.flowmatik.query.admin.Dashboard;
import com.flowmatik.query.admin.FindDashboard;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the live dashboard shows: what {@code GET /api/admin/dashboard} shows, the admin-metrics
 * read model (users, active users, MRR, revenue, today's AI use), with the sessions connected to
 * this instance. Empty while the read model cannot answer (a query side that is down): then nothing
 * is pushed rather than figures from elsewhere.
 */
@Component
class ReadModelDashboard {

    private static final Logger log = LoggerFactory.getLogger(ReadModelDashboard.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final QueryGateway queries;
    private final LiveSessions sessions;
    private final Clock clock;

    ReadModelDashboard(QueryGateway queries, LiveSessions sessions, Clock clock) {
        this.queries = queries;
        this.sessions = sessions;
        this.clock = clock;
    }

    Optional<Map<String, Object>> current() {
        try {
            Dashboard dashboard = queries.query(
                            new FindDashboard(clock.instant()), ResponseTypes.instanceOf(Dashboard.class))
                    .join();
            @SuppressWarnings("unchecked")
            Map<String, Object> data = JSON.convertValue(dashboard, Map.class);
            data.put("liveSessions", sessions.size());
            return Optional.of(data);
        } catch (RuntimeException unavailable) {
            log.warn("The dashboard read model did not answer; nothing pushed: {}", unavailable.toString());
            return Optional.empty();
        }
    }
}
