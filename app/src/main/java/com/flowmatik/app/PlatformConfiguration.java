package com.flowmatik.app;

import com.flowmatik.app.ids.RandomUuids;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;

/** The one clock and the one id source of the platform; tests replace them to pin time and ids. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdGenerator idGenerator() {
        return new RandomUuids();
    }
}
