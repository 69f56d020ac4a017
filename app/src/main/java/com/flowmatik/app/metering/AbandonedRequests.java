package com.flowmatik.app.metering;

import com.flowmatik.api.usage.AbandonAiRequest;
import com.flowmatik.api.usage.FindOpenAiRequests;
import com.flowmatik.api.usage.OpenAiRequest;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No request stays open: one that has had no outcome for {@code flowmatik.ai.abandon-after}
 * (default 10 minutes; its instance died mid-call) is closed as {@code abandoned} and gives its place
 * in the day's limit back, since nothing was reported for it. A recurring task of the persistent
 * scheduler runs every minute on one instance: the request log names the candidates, and each usage
 * account decides, from its own state, whether the request is still open.
 */
@Configuration(proxyBeanMethods = false)
public class AbandonedRequests {

    private static final Logger log = LoggerFactory.getLogger(AbandonedRequests.class);
    static final int BATCH = 500;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration abandonAfter;

    AbandonedRequests(
            QueryGateway queries,
            CommandGateway commands,
            Clock clock,
            @Value("${flowmatik.ai.abandon-after:10m}") Duration abandonAfter) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        this.abandonAfter = abandonAfter;
    }

    @Bean
    RecurringTask<Void> closeAbandonedRequestsTask() {
        return Tasks.recurring("close-abandoned-ai-requests", FixedDelay.of(Duration.ofMinutes(1)))
                .execute((instance, context) -> closeAbandoned());
    }

    /** Closes every request older than the limit that has no outcome; answers how many it closed. */
    public int closeAbandoned() {
        Instant now = clock.instant();
        List<OpenAiRequest> open = queries.query(
                        new FindOpenAiRequests(now.minus(abandonAfter), BATCH),
                        ResponseTypes.multipleInstancesOf(OpenAiRequest.class))
                .join();
        int closed = 0;
        for (OpenAiRequest request : open) {
            Boolean wasOpen = commands.sendAndWait(new AbandonAiRequest(
                    request.userId(), request.requestId(), request.model(), request.startedAt(), now));
            if (Boolean.TRUE.equals(wasOpen)) {
                closed++;
            }
        }
        if (closed > 0) {
            log.info("Closed {} AI requests left without an outcome for more than {}", closed, abandonAfter);
        }
        return closed;
    }
}
