package com.flowmatik.app.live;

import com.flowmatik.app.redis.RedisKeys;
import com.flowmatik.app.web.ApiProblem;
import com.flowmatik.app.web.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Broadcasts between instances in the mysql and axonserver modes: published on one Redis channel,
 * received by every instance, delivered by each to its own sessions. The sender has delivered to its
 * own sessions already (that is the count it answers), so it skips its own message.
 */
@Configuration(proxyBeanMethods = false)
@Profile("mysql")
class RedisBroadcasts {

    /** The channel's name after the platform's Redis prefix. */
    static final String CHANNEL = "live:broadcasts";

    private static final Logger log = LoggerFactory.getLogger(RedisBroadcasts.class);

    /** What travels on the channel. */
    record Relayed(String origin, String audience, Notification notification) {}

    private final String instance = UUID.randomUUID().toString();

    @Bean
    BroadcastRelay redisBroadcastRelay(StringRedisTemplate redis, JsonMapper json, RedisKeys keys) {
        String channel = keys.key(CHANNEL);
        return (audience, notification) -> {
            try {
                redis.convertAndSend(
                        channel, json.writeValueAsString(new Relayed(instance, audience.wireName(), notification)));
            } catch (DataAccessException unreachable) {
                throw new ApiProblem(
                        ProblemType.SERVICE_UNAVAILABLE,
                        "The broadcast cannot reach the other instances: Redis does not answer");
            }
        };
    }

    /**
     * Not started with the context: {@link RedisSubscription} starts it once Redis answers, so that
     * the app starts, and serves, without Redis.
     */
    @Bean
    RedisMessageListenerContainer liveBroadcastListener(
            RedisConnectionFactory connections, Broadcasts broadcasts, JsonMapper json, RedisKeys keys) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setAutoStartup(false);
        container.addMessageListener(
                (message, pattern) -> {
                    Relayed relayed =
                            json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), Relayed.class);
                    if (!instance.equals(relayed.origin())) {
                        int delivered =
                                broadcasts.deliverHere(Audience.parse(relayed.audience()), relayed.notification());
                        log.debug(
                                "Relayed broadcast to {}: {} session(s) on this instance",
                                relayed.audience(),
                                delivered);
                    }
                },
                new ChannelTopic(keys.key(CHANNEL)));
        return container;
    }

    @Bean
    RedisSubscription liveBroadcastSubscription(RedisMessageListenerContainer liveBroadcastListener) {
        return new RedisSubscription(liveBroadcastListener);
    }
}
