package com.flowmatik.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.FlowmatikApplication;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform on a random port, against the database of the mode under test (a fresh H2
 * file database in embedded mode; the {@code DATABASE_URL} database in mysql mode), with a real
 * SMTP server (GreenMail) for account mail and a clock tests can move. Every integration test
 * extends this one class so that they share one application context.
 */
@SpringBootTest(
        classes = FlowmatikApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "flowmatik.jwt.secret=" + TestSecrets.JWT,
            "flowmatik.admin.email=" + TestSecrets.ADMIN_EMAIL,
            "flowmatik.admin.password=" + TestSecrets.ADMIN_PASSWORD,
            "flowmatik.environment=test",
            // Every test talks from 127.0.0.1: limits high enough not to interfere; the rate limit
            // tests start instances of their own with low limits.
            "flowmatik.rate-limit.user-per-minute=100000",
            "flowmatik.rate-limit.ip-per-minute=100000",
            "flowmatik.rate-limit.auth-per-minute=100000",
            // deadlines (cancel at period end) fall due by the real clock, seconds from now: poll often
            "flowmatik.deadlines.polling-interval=1s",
            "flowmatik.payments.stripe.webhook-secret=" + TestSecrets.STRIPE_WEBHOOK_SECRET,
            "flowmatik.payments.stripe.prices.starter=" + TestSecrets.STRIPE_PRICE_STARTER,
            "flowmatik.payments.stripe.prices.pro=" + TestSecrets.STRIPE_PRICE_PRO,
            "flowmatik.payments.stripe.prices.business=" + TestSecrets.STRIPE_PRICE_BUSINESS,
            "flowmatik.payments.lemonsqueezy.webhook-secret=" + TestSecrets.LEMONSQUEEZY_WEBHOOK_SECRET,
            "flowmatik.payments.lemonsqueezy.store-id=" + TestSecrets.LEMONSQUEEZY_STORE_ID,
            "flowmatik.payments.lemonsqueezy.variants.starter=" + TestSecrets.LEMONSQUEEZY_VARIANT_STARTER,
            "flowmatik.payments.lemonsqueezy.variants.pro=" + TestSecrets.LEMONSQUEEZY_VARIANT_PRO,
            "flowmatik.payments.lemonsqueezy.variants.business=" + TestSecrets.LEMONSQUEEZY_VARIANT_BUSINESS,
            "LOG_FORMAT=",
            "logging.level.root=WARN",
            "logging.level.com.flowmatik=INFO"
        })
@Import(IntegrationTest.TestClockConfiguration.class)
public abstract class IntegrationTest {

    private static final Path DATA_DIR = createDataDir();
    protected static final GreenMail MAIL = startMailServer();
    protected static final MutableClock CLOCK = new MutableClock();
    /** The AI provider of every integration test: a local server speaking the OpenAI wire format. */
    protected static final OpenAiStandIn AI = OpenAiStandIn.start();
    /** The payment providers of every integration test: local servers speaking their APIs. */
    protected static final StripeStandIn STRIPE = StripeStandIn.start();

    protected static final LemonSqueezyStandIn LEMONSQUEEZY = LemonSqueezyStandIn.start();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStore events;

    protected Api api;

    @DynamicPropertySource
    static void embeddedDataDir(DynamicPropertyRegistry registry) {
        runtimeSettings().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The settings known only once the stand-ins run: where the database, mail and providers are. */
    private static Map<String, Object> runtimeSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (TestMode.current() == TestMode.EMBEDDED) {
            settings.put("FLOWMATIK_DATA_DIR", DATA_DIR.toString());
        }
        settings.put("flowmatik.mail.smtp-host", "127.0.0.1");
        settings.put("flowmatik.mail.smtp-port", MAIL.getSmtp().getPort());
        settings.put("flowmatik.ai.base-url", AI.baseUrl());
        settings.put("flowmatik.ai.api-key", OpenAiStandIn.API_KEY);
        settings.put("flowmatik.ai.read-timeout", "2s");
        settings.put("flowmatik.payments.stripe.api-base", STRIPE.apiBase());
        settings.put("flowmatik.payments.stripe.secret-key", TestSecrets.STRIPE_SECRET_KEY);
        settings.put("flowmatik.payments.lemonsqueezy.api-url", LEMONSQUEEZY.apiUrl());
        settings.put("flowmatik.payments.lemonsqueezy.api-key", TestSecrets.LEMONSQUEEZY_API_KEY);
        return settings;
    }

    /**
     * Another instance of the platform on the same database, stand-ins and settings as the shared
     * test context (with the system clock), as a second process behind a load balancer would be.
     */
    protected static ConfigurableApplicationContext startAnotherInstance() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        for (String property :
                IntegrationTest.class.getAnnotation(SpringBootTest.class).properties()) {
            arguments.add("--" + property);
        }
        runtimeSettings().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(FlowmatikApplication.class).run(arguments.toArray(String[]::new));
    }

    /** The HTTP port of an instance {@link #startAnotherInstance() started} by a test. */
    protected static int portOf(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @AfterEach
    void resetClockAndProvider() {
        CLOCK.reset();
        AI.reset();
        STRIPE.reset();
        LEMONSQUEEZY.reset();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {

        @Bean
        @Primary
        Clock mutableClock() {
            return CLOCK;
        }
    }

    private static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    /** A token of the admin the platform creates at start ({@link TestSecrets#ADMIN_EMAIL}). */
    protected String adminToken() {
        Api.Response login = api.post(
                "/api/auth/login",
                java.util.Map.of("email", TestSecrets.ADMIN_EMAIL, "password", TestSecrets.ADMIN_PASSWORD),
                null);
        if (login.status() != 200) {
            throw new IllegalStateException("the admin's login answered " + login.status() + ": " + login.body());
        }
        return login.json().path("token").asString();
    }

    /**
     * Waits until every event processor of this instance has handled every event stored so far
     * (and any stored while it waits), so that what a test reads next is not still catching up with
     * earlier tests' events.
     */
    protected void awaitReadModelsCaughtUp() {
        awaitProcessorsAtHead(false);
    }

    /**
     * As {@link #awaitReadModelsCaughtUp()}, and every processor holds its segments: for a test
     * that restarted them (a replay) on this instance alone, where a processor that holds none has
     * not started again rather than caught up. Not with {@link #startAnotherInstance() another
     * instance}, which may hold them.
     */
    protected void awaitEveryProcessorRunningAndCaughtUp() {
        awaitProcessorsAtHead(true);
    }

    private void awaitProcessorsAtHead(boolean holdingSegments) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    long head = eventStreamHead();
                    processing.eventProcessors().forEach((name, processor) -> {
                        if (processor instanceof StreamingEventProcessor streaming) {
                            if (holdingSegments) {
                                assertThat(streaming.processingStatus())
                                        .as(name)
                                        .isNotEmpty();
                            }
                            // not "not replaying": a segment stays in replay mode until an event after
                            // its reset arrives
                            streaming
                                    .processingStatus()
                                    .values()
                                    .forEach(status -> assertThat(
                                                    status.getCurrentPosition().orElse(-1))
                                            .as(name)
                                            .isGreaterThanOrEqualTo(head));
                        }
                    });
                });
    }

    /** The position of the last event stored, -1 before the first. */
    protected long eventStreamHead() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** The types of an aggregate's events as stored, in their order. */
    protected java.util.List<String> eventTypesOf(String aggregateId) {
        return jdbc.queryForList(
                "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                String.class,
                aggregateId);
    }

    /** An address no other test uses, so tests stay independent on a shared MySQL database. */
    protected static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("flowmatik-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
