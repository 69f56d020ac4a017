package com.flowmatik.app.bench;

import com.flowmatik.app.support.OpenAiStandIn;
import com.flowmatik.app.support.ProviderEvents;
import com.flowmatik.app.support.TestSecrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook intake under load: signed Stripe {@code customer.subscription.updated} deliveries for
 * many users, a share of them delivered twice, sent concurrently. Prints deliveries per second and
 * latency, then checks exactly-once in the event store: one {@code WebhookReceived} per distinct
 * event, every repeat answered as a duplicate. Settings: {@code -Dbench.users} (50),
 * {@code -Dbench.webhooks} (2,000 distinct events), {@code -Dbench.duplicates} (percent delivered
 * twice, 10), {@code -Dbench.concurrency} (16). Fails (after printing) when a delivery went wrong.
 */
public final class WebhookBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookBenchmark() {}

    public static void main(String[] args) throws Exception {
        int users = Integer.getInteger("bench.users", 50);
        int events = Integer.getInteger("bench.webhooks", 2_000);
        int duplicatePercent = Integer.getInteger("bench.duplicates", 10);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        try (OpenAiStandIn provider = OpenAiStandIn.start();
                BenchPlatform platform = BenchPlatform.start(
                        provider,
                        "--flowmatik.payments.stripe.webhook-secret=" + TestSecrets.STRIPE_WEBHOOK_SECRET,
                        "--flowmatik.payments.stripe.prices.starter=" + TestSecrets.STRIPE_PRICE_STARTER,
                        "--flowmatik.payments.stripe.prices.pro=" + TestSecrets.STRIPE_PRICE_PRO)) {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = platform.baseUrl();
            System.err.printf("[bench] signing up %d users%n", users);
            List<String> userIds = new ArrayList<>();
            for (int user = 0; user < users; user++) {
                userIds.add(signUp(http, base, "webhook-bench-" + UUID.randomUUID() + "@example.test"));
            }
            List<String> bodies = deliveries(userIds, events, duplicatePercent);
            System.err.printf(
                    "[bench] delivering %d (%d distinct) at concurrency %d%n", bodies.size(), events, concurrency);
            Result result = deliver(http, base, bodies, concurrency);
            long recorded = platform.jdbc()
                    .queryForObject(
                            "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = 'com.flowmatik.api.webhook.WebhookReceived'",
                            Long.class);
            print(platform.description(), bodies.size(), events, concurrency, result, recorded);
            if (!result.errors.isEmpty() || recorded != events || result.duplicates.get() != bodies.size() - events) {
                throw new IllegalStateException("deliveries went wrong or were not exactly once: see the report above");
            }
        }
    }

    /** Each user's subscription, updated again and again (plan and period moving on); some bodies twice. */
    private static List<String> deliveries(List<String> userIds, int events, int duplicatePercent) {
        List<String> bodies = new ArrayList<>();
        Instant start = Instant.now().minusSeconds(60);
        for (int event = 0; event < events; event++) {
            String user = userIds.get(event % userIds.size());
            int round = event / userIds.size();
            String body = ProviderEvents.stripeSubscription(
                    "evt_" + UUID.randomUUID().toString().replace("-", ""),
                    round == 0 ? "customer.subscription.created" : "customer.subscription.updated",
                    start.plusMillis(round * 10L),
                    user,
                    "sub_" + user.substring(0, 8),
                    "cus_" + user.substring(0, 8),
                    round % 2 == 0 ? TestSecrets.STRIPE_PRICE_STARTER : TestSecrets.STRIPE_PRICE_PRO,
                    "active",
                    start.plus(Duration.ofDays(30 + round)),
                    false);
            bodies.add(body);
            if (event % 100 < duplicatePercent) {
                bodies.add(body);
            }
        }
        Collections.shuffle(bodies.subList(0, bodies.size()), new java.util.Random(42));
        return bodies;
    }

    private record Result(
            long[] latenciesNanos, long wallNanos, AtomicInteger duplicates, Map<String, Integer> errors) {}

    private static Result deliver(HttpClient http, String base, List<String> bodies, int concurrency) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        long[] latencies = new long[bodies.size()];
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < concurrency; worker++) {
            workers.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    String body = bodies.get(i);
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> answer = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/webhooks/stripe"))
                                        .header("Content-Type", "application/json")
                                        .header(
                                                "Stripe-Signature",
                                                ProviderEvents.stripeSignature(
                                                        body, Instant.now(), TestSecrets.STRIPE_WEBHOOK_SECRET))
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        latencies[i] = System.nanoTime() - sent;
                        JsonNode json = JSON.readTree(answer.body());
                        if (answer.statusCode() != 200) {
                            errors.merge("HTTP " + answer.statusCode(), 1, Integer::sum);
                        } else if (json.path("duplicate").asBoolean()) {
                            duplicates.incrementAndGet();
                        } else if (!json.path("status").asString().equals("processed")) {
                            errors.merge("status " + json.path("status").asString(), 1, Integer::sum);
                        }
                    } catch (Exception failed) {
                        latencies[i] = System.nanoTime() - sent;
                        errors.merge(failed.getClass().getSimpleName(), 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long wall = System.nanoTime() - started;
        threads.shutdown();
        Arrays.sort(latencies);
        return new Result(latencies, wall, duplicates, errors);
    }

    private static String signUp(HttpClient http, String base, String email) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/auth/register"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                                Map.of("email", email, "password", "bench-password", "name", "Bench"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("sign-up answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).path("user").path("id").asString();
    }

    private static void print(String platform, int sent, int distinct, int concurrency, Result result, long recorded) {
        long[] l = result.latenciesNanos();
        System.out.printf("%nWebhook intake benchmark — %s%n", platform);
        System.out.printf(
                "deliveries %d (%d distinct, %d repeats), concurrency %d%n",
                sent, distinct, sent - distinct, concurrency);
        System.out.printf(
                "throughput      %.1f deliveries/s (%.1f s)%n",
                sent / (result.wallNanos() / 1e9), result.wallNanos() / 1e9);
        System.out.printf(
                "latency ms      p50 %.0f  p90 %.0f  p99 %.0f  max %.0f%n",
                ms(l, 0.50), ms(l, 0.90), ms(l, 0.99), l[l.length - 1] / 1e6);
        System.out.printf(
                "duplicates      %d answered as duplicates%n",
                result.duplicates().get());
        System.out.printf("event store     %d WebhookReceived for %d distinct events%n", recorded, distinct);
        System.out.printf("errors          %s%n", result.errors().isEmpty() ? "none" : result.errors());
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))] / 1e6;
    }
}
