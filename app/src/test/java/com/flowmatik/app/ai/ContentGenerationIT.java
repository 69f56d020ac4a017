package com.flowmatik.app.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Content generation over HTTP: every provider call a metered request, multi-step texts linked to their parent. */
class ContentGenerationIT extends IntegrationTest {

    /** ceil((10 * 270,000 + 5 * 1,100,000) / 1,000,000) micro-dollars on DeepSeek-V3. */
    private static final long COST_OF_10_IN_5_OUT = 9;

    @Test
    void aBlogPostIsWrittenInThreeMeteredStepsLinkedToTheGeneration() {
        String token = api.register(uniqueEmail("blogger"), "blog-password", "Blogger");
        AI.reply("Some text", 10, 5);

        Response answer =
                api.post("/api/ai/generate-content", Map.of("type", "blog-post", "prompt", "Event sourcing"), token);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("content").asString()).isEqualTo("Some text");
        List<String> steps = body.path("steps")
                .valueStream()
                .map(step -> step.path("name").asString())
                .toList();
        assertThat(steps).containsExactly("outline", "draft", "polish");
        assertThat(body.path("usage").path("totalTokens").asLong()).isEqualTo(45);
        assertThat(body.path("costMicros").asLong()).isEqualTo(3 * COST_OF_10_IN_5_OUT);
        assertThat(AI.chatCalls()).isEqualTo(3);
        assertThat(AI.received("/v1/chat/completions")
                        .get(1)
                        .body()
                        .path("messages")
                        .get(1)
                        .path("content")
                        .asString())
                .contains("Some text");

        String generationId = body.path("requestId").asString();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM ai_request_log WHERE parent_request_id = ? AND status = 'COMPLETED'",
                                Long.class,
                                generationId))
                        .isEqualTo(3));
    }

    @Test
    void aSocialPostIsOneRequest() {
        String token = api.register(uniqueEmail("social"), "social-password", "Social");
        AI.reply("Short and punchy #events", 8, 6);

        JsonNode body = api.post(
                        "/api/ai/generate-content", Map.of("type", "social-post", "prompt", "Launch day"), token)
                .json();

        assertThat(body.path("steps").size()).isEqualTo(1);
        assertThat(body.path("requestId").asString())
                .isEqualTo(body.path("steps").get(0).path("requestId").asString());
        assertThat(AI.chatCalls()).isEqualTo(1);
    }

    @Test
    void anImageIsGeneratedAndMeteredAsAnImageRequest() {
        String token = api.register(uniqueEmail("painter"), "paint-password", "Painter");
        AI.siliconFlowImages();

        Response answer =
                api.post("/api/ai/generate-content", Map.of("type", "image", "prompt", "A lighthouse"), token);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("images").size()).isPositive();
        assertThat(AI.received("/v1/images/generations")).hasSize(1);
        String kept = answer.json().path("images").get(0).asString();
        assertThat(kept).startsWith("/api/ai/images/");
        Response image = api.get(kept, token);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).isEqualTo("image/png");
        String stranger = api.register(uniqueEmail("stranger"), "stranger-password", "Stranger");
        assertThat(api.get(kept, stranger).status()).isEqualTo(404);
        String requestId = answer.json().path("requestId").asString();
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT kind FROM ai_request_log WHERE request_id = ? AND status = 'COMPLETED'",
                                String.class,
                                requestId))
                        .isEqualTo("IMAGE"));
    }

    @Test
    void everyImageIsChargedAtItsModelsPricePerImageAndShowsInTheUsage() {
        String token = api.register(uniqueEmail("billed"), "billed-password", "Billed");
        AI.siliconFlowImages();

        Response answer = api.post(
                "/api/ai/generate-content", Map.of("type", "image", "prompt", "Two lighthouses", "count", 2), token);

        // FLUX.1-schnell: no price per token, 3,000 micro-dollars an image (application.yml)
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("images").size()).isEqualTo(2);
        assertThat(answer.json().path("costMicros").asLong()).isEqualTo(6_000);
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(api.get("/api/ai/usage", token)
                                .json()
                                .path("today")
                                .path("costMicros")
                                .asLong())
                        .isEqualTo(6_000));
        JsonNode flux = null;
        for (JsonNode model : api.get("/api/ai/models", token).json()) {
            if (model.path("id").asString().equals("black-forest-labs/FLUX.1-schnell")) {
                flux = model;
            }
        }
        assertThat(flux).isNotNull();
        assertThat(flux.path("pricePerImageMicros").asLong()).isEqualTo(3_000);
    }

    @Test
    void anUnknownTypeIsA400AndCallsNoProvider() {
        String token = api.register(uniqueEmail("odd"), "odd-password", "Odd");

        Response answer = api.post("/api/ai/generate-content", Map.of("type", "sonnet", "prompt", "Love"), token);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("type");
        assertThat(AI.received()).isEmpty();
    }
}
