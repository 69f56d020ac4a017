package com.flowmatik.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How many commands are handled at once, by configuration and by the threads requests run on. */
class CommandsAtOnceTest {

    @Test
    void virtualThreadsAreBoundedByDefault() {
        assertThat(AxonConfiguration.commandsAtOnce(0, true)).isEqualTo(AxonConfiguration.VIRTUAL_THREAD_COMMANDS);
    }

    @Test
    void platformThreadsAreNotBoundedByDefault() {
        assertThat(AxonConfiguration.commandsAtOnce(0, false)).isZero();
    }

    @Test
    void aConfiguredBoundHoldsOnEitherKindOfThread() {
        assertThat(AxonConfiguration.commandsAtOnce(8, true)).isEqualTo(8);
        assertThat(AxonConfiguration.commandsAtOnce(8, false)).isEqualTo(8);
    }

    @Test
    void aNegativeBoundIsRefusedAtStart() {
        assertThatThrownBy(() -> AxonConfiguration.commandsAtOnce(-1, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flowmatik.commands.concurrency");
    }
}
