package com.flowmatik.app.live;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserView;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.app.auth.UserDirectory;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An operator's message to an audience. It goes to the other instances first (through the relay),
 * then to the audience's sessions on this one; each instance picks its own sessions of a plan
 * audience by asking the users read model for each connected user's current plan.
 */
@Component
class Broadcasts {

    private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);

    private final LiveSessions sessions;
    private final UserDirectory users;
    private final BroadcastRelay relay;
    private final Clock clock;

    Broadcasts(LiveSessions sessions, UserDirectory users, BroadcastRelay relay, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.relay = relay;
        this.clock = clock;
    }

    /** Answers to how many sessions of this instance it went. */
    int send(Audience audience, String title, String message, UserId operator) {
        Notification notification = Notification.of(
                Notification.BROADCAST, title, message, Map.of("audience", audience.wireName()), clock.instant());
        relay.publish(audience, notification);
        int delivered = deliverHere(audience, notification);
        log.info(
                "Broadcast \"{}\" by {} to {}: {} session(s) on this instance",
                title,
                operator,
                audience.wireName(),
                delivered);
        return delivered;
    }

    /** Delivers to the audience's sessions on this instance; answers to how many it went. */
    int deliverHere(Audience audience, Notification notification) {
        if (audience instanceof Audience.OneUser one) {
            return sessions.toUser(one.userId(), notification);
        }
        if (audience instanceof Audience.OnPlan onPlan) {
            Map<UserId, Optional<Plan>> plans = new HashMap<>();
            return sessions.toSessions(
                    session -> plans.computeIfAbsent(session.userId(), this::currentPlan)
                            .filter(onPlan.plan()::equals)
                            .isPresent(),
                    notification);
        }
        return sessions.toSessions(session -> true, notification);
    }

    private Optional<Plan> currentPlan(UserId userId) {
        return users.find(userId).filter(UserView::active).map(UserView::plan);
    }
}
