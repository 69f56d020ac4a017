package com.flowmatik.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Run by the build after every other test (its own Surefire execution): the logs the whole run
 * wrote ({@link SuiteLogs}) hold none of the secrets it used: no bearer token, no reset token, no
 * API key or webhook secret, no {@code Authorization} header, no reset link with its token.
 */
class SuiteLogsAudit {

    /** Runs of characters a token, key or secret is made of. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.~+-]{12,}");

    private static final Pattern SHAPES = Pattern.compile(
            "eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}" // a JWT
                    + "|(?i:bearer)\\s+[A-Za-z0-9_.-]{12,}" // an Authorization header's value
                    + "|reset-password\\?token=[A-Za-z0-9_-]{8,}"); // a working reset link
    private static final List<String> CONFIGURED = List.of(
            TestSecrets.JWT,
            TestSecrets.ADMIN_PASSWORD,
            TestSecrets.STRIPE_WEBHOOK_SECRET,
            TestSecrets.LEMONSQUEEZY_WEBHOOK_SECRET,
            TestSecrets.STRIPE_SECRET_KEY,
            TestSecrets.LEMONSQUEEZY_API_KEY,
            OpenAiStandIn.API_KEY);

    @Test
    void noLogLineOfTheRunHoldsASecretItUsed() throws IOException {
        String folder = System.getProperty("flowmatik.suite-logs.audit");
        Assumptions.assumeTrue(folder != null, "run by the build after the suite");
        Path log = Path.of(folder, SuiteLogs.LOG_FILE);
        Path secretsFile = Path.of(folder, SuiteLogs.SECRETS_FILE);
        Assumptions.assumeTrue(Files.exists(log) && Files.exists(secretsFile), "the suite ran no test");
        Set<String> used = new HashSet<>(Files.readAllLines(secretsFile, StandardCharsets.UTF_8));
        String chosen = System.getProperty("flowmatik.suite-logs.chosen", "");
        boolean someTestsOnly = !chosen.isBlank() && !chosen.startsWith("${");
        Assumptions.assumeFalse(someTestsOnly && used.isEmpty(), "the chosen tests (" + chosen + ") used no secret");
        assertThat(used).as("the tests noted the secrets they used").isNotEmpty();

        List<String> leaks = new ArrayList<>();
        long lines;
        try (Stream<String> logLines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines = logLines.peek(line -> leaks.addAll(leaksIn(line, used))).count();
        }

        assertThat(lines).as("log lines captured").isPositive();
        assertThat(leaks).as("secrets in the logs of the run").isEmpty();
    }

    private static List<String> leaksIn(String line, Set<String> used) {
        List<String> found = new ArrayList<>();
        Matcher words = WORD.matcher(line);
        while (words.find()) {
            if (used.contains(words.group())) {
                found.add("a secret a test used: " + line);
            }
        }
        CONFIGURED.stream().filter(line::contains).forEach(secret -> found.add("a configured secret: " + line));
        Matcher shapes = SHAPES.matcher(line);
        if (shapes.find()) {
            found.add("something shaped like a secret (" + shapes.group() + "): " + line);
        }
        return found;
    }
}
