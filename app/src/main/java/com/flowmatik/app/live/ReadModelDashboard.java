package com.flowmatik.app.live;

import com.flowmatik.query.admin.Dashboard;
import com.flowmatik.query.admin.FindDashboard;
import java.time.Clock;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live dashboard shows what {@code GET /api/admin/dashboard} shows: the admin-metrics read model
 * (users, active users, MRR, revenue, today's AI use), pushed as events arrive, with the sessions
 * connected to this instance. While the read model cannot answer (a query side that is down), the
 * figures this instance counts itself stand in, marked {@code "source":"live-events"}.
 */
@Primary
@Component
class ReadModelDashboard implements DashboardSnapshots {

    private static final Logger log = LoggerFactory.getLogger(ReadModelDashboard.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final QueryGateway queries;
    private final TodayCounters counted;
    private final LiveSessions sessions;
    private final Clock clock;

    ReadModelDashboard(QueryGateway queries, TodayCounters counted, LiveSessions sessions, Clock clock) {
        this.queries = queries;
        this.counted = counted;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Object current() {
        try {
            Dashboard dashboard = queries.query(new FindDashboard(clock.instant()), ResponseTypes.instanceOf(Dashboard.class))
                    .join();
            @SuppressWarnings("unchecked")
            Map<String, Object> data = JSON.convertValue(dashboard, Map.class);
            data.put("liveSessions", sessions.size());
            data.put("source", "read-model");
            return data;
        } catch (RuntimeException unavailable) {
            log.warn("The dashboard read model did not answer; pushing this instance's own counts: {}",
                    unavailable.toString());
            return counted.current();
        }
    }
}
