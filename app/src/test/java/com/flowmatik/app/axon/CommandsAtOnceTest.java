package com.flowmatik.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How many commands are handled at once, by configuration and by the cores of the machine. */
class CommandsAtOnceTest {

    @Test
    void eightPerCoreByDefault() {
        assertThat(AxonConfiguration.commandsAtOnce(0, 2)).isEqualTo(16);
        assertThat(AxonConfiguration.commandsAtOnce(0, 8)).isEqualTo(64);
    }

    @Test
    void aMachineReportingNoCoresStillGetsTurns() {
        assertThat(AxonConfiguration.commandsAtOnce(0, 0)).isEqualTo(AxonConfiguration.COMMANDS_PER_CORE);
    }

    @Test
    void aConfiguredBoundHoldsWhateverTheCores() {
        assertThat(AxonConfiguration.commandsAtOnce(5, 2)).isEqualTo(5);
        assertThat(AxonConfiguration.commandsAtOnce(5, 64)).isEqualTo(5);
    }

    @Test
    void aNegativeBoundIsRefusedAtStart() {
        assertThatThrownBy(() -> AxonConfiguration.commandsAtOnce(-1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flowmatik.commands.concurrency");
    }
}
