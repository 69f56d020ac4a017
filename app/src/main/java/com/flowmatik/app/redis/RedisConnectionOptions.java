package com.flowmatik.app.redis;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.SocketOptions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Redis is a cache here, never a dependency: while it is unreachable a command fails at once
 * instead of queueing until the timeout, so that a cache lookup or a broadcast costs nothing on the
 * request path; Lettuce keeps reconnecting in the background and everything resumes when it answers.
 */
@Configuration(proxyBeanMethods = false)
@Profile("mysql")
class RedisConnectionOptions {

    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected(
            @Value("${spring.data.redis.timeout:2s}") Duration timeout) {
        return options -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build());
    }
}
