package com.flowmatik.app.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flowmatik.FlowmatikApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A start that fails on a setting prints what a person needs — the setting, what is wrong, what to
 * do — and no stack trace. Command-line arguments override CI's own DATABASE_URL and profile.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

    @Test
    void theMysqlModeWithoutADatabaseUrlSaysSoInOneLine(CapturedOutput output) {
        start("--spring.profiles.active=mysql", "--DATABASE_URL=");

        assertThat(output.getOut() + output.getErr())
                .contains("DATABASE_URL is not set: the mysql and axonserver modes keep their data in MySQL or MariaDB")
                .contains("Set DATABASE_URL=mysql://user:pass@host:3306/flowmatik")
                .doesNotContain("\tat ");
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutATrace(CapturedOutput output) {
        start(
                "--spring.profiles.active=mysql",
                "--DATABASE_URL=mysql://flowmatik@127.0.0.1:1/flowmatik",
                "--DATABASE_SERVER=mariadb");

        assertThat(output.getOut() + output.getErr())
                .contains("DATABASE_URL names 127.0.0.1:1, where no database answers")
                .doesNotContain("\tat ");
    }

    @Test
    void aWeakJwtSecretIsNamedWithoutATrace(CapturedOutput output) {
        start("--spring.profiles.active=embedded", "--DATABASE_URL=", "--JWT_SECRET=short");

        assertThat(output.getOut() + output.getErr())
                .contains("JWT_SECRET is 40 bits long: tokens need a key of at least 256 bits (32 bytes)")
                .contains("openssl rand -base64 48")
                .doesNotContain("\tat ");
    }

    private static void start(String... arguments) {
        SpringApplication application = new SpringApplication(FlowmatikApplication.class);
        assertThatThrownBy(() -> application.run(arguments)).isInstanceOf(SettingRefused.class);
    }
}
