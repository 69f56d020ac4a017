package com.flowmatik.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document a person can use: named and versioned, with a bearer scheme (Swagger UI's
 * Authorize button), tags by capability, a summary everywhere and problem+json error answers.
 */
class ApiDocumentationIT extends IntegrationTest {

    @Test
    void theDocumentIsNamedVersionedAndDescribed() {
        JsonNode info = document().path("info");

        assertThat(info.path("title").asString()).isEqualTo("Flowmatik API");
        assertThat(info.path("version").asString()).isNotBlank().isNotEqualTo("v0");
        assertThat(info.path("description").asString()).contains("Authorize");
    }

    @Test
    void signedInOperationsNeedTheBearerSchemeAndPublicOnesDoNot() {
        JsonNode document = document();
        JsonNode scheme = document.path("components").path("securitySchemes").path("bearer");

        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(operation(document, "/api/auth/me", "get")
                        .path("security")
                        .get(0)
                        .has("bearer"))
                .isTrue();
        assertThat(operation(document, "/api/auth/login", "post").has("security"))
                .isFalse();
        assertThat(operation(document, "/api/payments/plans", "get").has("security"))
                .isFalse();
    }

    @Test
    void anApiKeyIsOfferedExactlyWhereAKeyIsAccepted() {
        JsonNode document = document();
        JsonNode scheme = document.path("components").path("securitySchemes").path("apiKey");

        assertThat(scheme.path("type").asString()).isEqualTo("apiKey");
        assertThat(scheme.path("in").asString()).isEqualTo("header");
        assertThat(scheme.path("name").asString()).isEqualTo("X-API-Key");
        assertThat(schemesOf(operation(document, "/api/ai/chat", "post"))).containsExactly("bearer", "apiKey");
        assertThat(schemesOf(operation(document, "/api/usage/events", "post"))).containsExactly("bearer", "apiKey");
        assertThat(schemesOf(operation(document, "/api/auth/me", "get"))).containsExactly("bearer", "apiKey");
        assertThat(schemesOf(operation(document, "/api/auth/api-keys", "post"))).containsExactly("bearer");
        assertThat(schemesOf(operation(document, "/api/payments/subscription", "get")))
                .containsExactly("bearer");
        assertThat(schemesOf(operation(document, "/api/admin/dashboard", "get")))
                .containsExactly("bearer");
    }

    private static List<String> schemesOf(JsonNode operation) {
        List<String> schemes = new ArrayList<>();
        operation
                .path("security")
                .forEach(requirement -> requirement.properties().forEach(entry -> schemes.add(entry.getKey())));
        return schemes;
    }

    @Test
    void everyOperationHasACapabilityTagASummaryAndNoWildcardMediaType() {
        JsonNode document = document();
        List<String> operations = new ArrayList<>();

        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(entry -> {
                    JsonNode operation = entry.getValue();
                    String name = entry.getKey() + " " + path.getKey();
                    operations.add(name);
                    assertThat(operation.path("tags").size()).as(name).isEqualTo(1);
                    assertThat(operation.path("tags").get(0).asString())
                            .as(name)
                            .doesNotEndWith("-controller");
                    assertThat(operation.path("summary").asString()).as(name).isNotBlank();
                    operation
                            .path("responses")
                            .forEach(response -> assertThat(
                                            response.path("content").has("*/*"))
                                    .as(name)
                                    .isFalse());
                }));

        assertThat(operations).hasSizeGreaterThan(30);
        assertThat(operation(document, "/api/auth/login", "post")
                        .path("tags")
                        .get(0)
                        .asString())
                .startsWith("Accounts");
        assertThat(operation(document, "/api/ai/chat", "post")
                        .path("tags")
                        .get(0)
                        .asString())
                .startsWith("AI");
        assertThat(operation(document, "/api/admin/dashboard", "get")
                        .path("tags")
                        .get(0)
                        .asString())
                .startsWith("Operations");
    }

    @Test
    void errorsAreProblemDetails() {
        JsonNode document = document();
        JsonNode me = operation(document, "/api/auth/me", "get").path("responses");
        JsonNode conversation =
                operation(document, "/api/ai/conversations/{id}", "get").path("responses");
        JsonNode dashboard = operation(document, "/api/admin/dashboard", "get").path("responses");

        assertThat(me.path("401").path("content").has("application/problem+json"))
                .isTrue();
        assertThat(conversation
                        .path("404")
                        .path("content")
                        .path("application/problem+json")
                        .path("schema")
                        .path("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(dashboard.has("403")).isTrue();
        assertThat(document.path("components")
                        .path("schemas")
                        .path("Problem")
                        .path("properties")
                        .has("type"))
                .isTrue();
    }

    private JsonNode document() {
        Response answer = api.get("/v3/api-docs", null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode operation(JsonNode document, String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        return operation;
    }
}
