package com.flowmatik.app.sides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

class SideTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Probes.class);

    @Test
    void bothSidesRunWhenNothingIsSaid() {
        assertThat(Side.enabledIn(new MockEnvironment())).containsExactlyInAnyOrder(Side.COMMAND, Side.QUERY);
    }

    @Test
    void aProcessCanRunOneSide() {
        runner.withPropertyValues("flowmatik.sides=command").run(context -> {
            assertThat(context).hasBean("commandProbe").doesNotHaveBean("queryProbe");
        });
        runner.withPropertyValues("flowmatik.sides= Query ").run(context -> {
            assertThat(context).hasBean("queryProbe").doesNotHaveBean("commandProbe");
        });
    }

    @Test
    void anUnknownSideIsAClearStartUpError() {
        MockEnvironment environment = new MockEnvironment().withProperty("flowmatik.sides", "command,reporting");

        assertThatThrownBy(() -> Side.enabledIn(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FLOWMATIK_SIDES")
                .hasMessageContaining("reporting");
    }

    @Configuration(proxyBeanMethods = false)
    static class Probes {

        @Bean
        @ConditionalOnSide(Side.COMMAND)
        String commandProbe() {
            return "command";
        }

        @Bean
        @ConditionalOnSide(Side.QUERY)
        String queryProbe() {
            return "query";
        }
    }
}
