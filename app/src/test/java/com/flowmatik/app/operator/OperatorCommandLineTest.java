package com.flowmatik.app.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.FlowmatikApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code java -jar flowmatik.jar --help} lists the operator's commands without starting anything. */
class OperatorCommandLineTest {

    @Test
    void helpListsEveryOperatorCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = OperatorCommandLine.run(
                FlowmatikApplication.class,
                new String[] {"--help"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("create-admin --email=E", "reset-password --email=E", "replay PROJECTION", "demo-data");
    }

    @Test
    void operatorCommandsAreToldApartFromThePlatformsOwnArguments() {
        assertThat(OperatorCommandLine.isOperatorCommand(new String[] {"demo-data"}))
                .isTrue();
        assertThat(OperatorCommandLine.isOperatorCommand(new String[] {"--help"}))
                .isTrue();
        assertThat(OperatorCommandLine.isOperatorCommand(new String[] {"--server.port=9090"}))
                .isFalse();
        assertThat(OperatorCommandLine.isOperatorCommand(new String[] {})).isFalse();
    }
}
