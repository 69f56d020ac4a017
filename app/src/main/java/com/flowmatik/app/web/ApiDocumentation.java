package com.flowmatik.app.web;

import com.flowmatik.app.security.ApiKeyScope;
import com.flowmatik.app.security.SecurityConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document as a person uses it (springdoc builds it from the controllers): a title,
 * version and description; the bearer scheme, so that Swagger UI has an Authorize button; tags by
 * capability instead of controller names; a summary on every operation; and the problem details
 * each operation can answer with, as {@code application/problem+json}. Done here, at the edge, so
 * that the sides' controllers stay free of documentation annotations.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";
    static final String API_KEY = "apiKey";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Capabilities by path prefix, most specific first; their order is the document's. */
    static final Map<String, String> TAGS = tags(
            "/api/auth/", "Accounts: sign-up, sign-in, profile and password",
            "/api/ai/", "AI: chat, content generation, models, usage and conversations",
            "/api/usage/", "Usage: metering from elsewhere",
            "/api/payments/", "Payments: plans, subscriptions, invoices",
            "/api/webhooks/", "Webhooks: Stripe and LemonSqueezy",
            "/api/admin/", "Operations: dashboard, users, audit, replay, health",
            "/", "Platform: health");

    @Bean
    OpenApiCustomizer flowmatikDocument(ObjectProvider<BuildProperties> build) {
        return openApi -> {
            openApi.info(new Info()
                    .title("Flowmatik API")
                    .version(build.stream()
                            .map(BuildProperties::getVersion)
                            .findFirst()
                            .orElse("development"))
                    .description("""
                            The backend of an AI content SaaS: accounts, metered AI chat and content generation, \
                            plans paid through Stripe or LemonSqueezy, and operations. Every change is an event; \
                            reads come from projections. Sign up or sign in (`/api/auth/register`, `/api/auth/login`), \
                            then use **Authorize** with the token. Errors are RFC 9457 problem details whose `type` \
                            ends in a stable slug. Money is in minor units, AI cost in micro-dollars."""));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components
                    .addSecuritySchemes(
                            BEARER,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description(
                                            "The token from /api/auth/register or /api/auth/login, or an API key (fmk_…)"))
                    .addSecuritySchemes(
                            API_KEY,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.APIKEY)
                                    .in(SecurityScheme.In.HEADER)
                                    .name(ApiKeyScope.HEADER)
                                    .description("An API key from POST /api/auth/api-keys (paid plans): AI, usage, "
                                            + "conversations, MCP and GET /api/auth/me; refused elsewhere"))
                    .addSchemas(PROBLEM, problemSchema()));
            openApi.tags(
                    TAGS.values().stream().map(name -> new Tag().name(name)).toList());
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach(ApiDocumentation::describe);
            }
        };
    }

    private static void describe(String path, PathItem item) {
        item.readOperationsMap().forEach((method, operation) -> {
            operation.setTags(List.of(tagOf(path)));
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                operation.setSummary(summaryOf(operation.getOperationId()));
            }
            boolean open = isPublic(method, path);
            if (!open) {
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
                if (ApiKeyScope.accepts(method.name(), path)) {
                    operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
                }
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            problem(
                    responses,
                    "400",
                    "Malformed or invalid input (`validation`, `malformed-request`)",
                    operation.getRequestBody() != null || operation.getParameters() != null);
            problem(responses, "401", "No, invalid, expired or revoked token (`unauthorized`)", !open);
            boolean operators = path.startsWith("/api/admin/") || path.startsWith("/api/webhooks/") && !open;
            problem(responses, "403", "The role does not allow it (`forbidden`)", operators);
            problem(responses, "404", "Not found, also for another user's resource (`not-found`)", path.contains("{"));
            problem(responses, "429", "Rate or quota limit (`rate-limited`, `quota-exceeded`), with Retry-After", true);
        });
    }

    private static void problem(ApiResponses responses, String status, String description, boolean applies) {
        if (applies && !responses.containsKey(status)) {
            responses.addApiResponse(
                    status,
                    new ApiResponse()
                            .description(description)
                            .content(new Content()
                                    .addMediaType(
                                            PROBLEM_JSON,
                                            new MediaType()
                                                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    private static boolean isPublic(PathItem.HttpMethod method, String path) {
        return switch (method) {
            case POST ->
                Arrays.asList(SecurityConfiguration.PUBLIC_POSTS).contains(path)
                        || path.startsWith("/api/webhooks/") && !path.equals("/api/webhooks/retry");
            case GET -> path.equals("/api/payments/plans") || path.equals("/health");
            default -> false;
        };
    }

    static String tagOf(String path) {
        return TAGS.entrySet().stream()
                .filter(tag -> path.startsWith(tag.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
    }

    /** {@code subscribeWithStripe_1} → "Subscribe with stripe". */
    static String summaryOf(String operationId) {
        if (operationId == null || operationId.isBlank()) {
            return "";
        }
        String words = operationId
                .replaceAll("_\\d+$", "")
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem detail")
                .addProperty("type", new StringSchema().description("ends in a stable slug clients switch on"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("requestId", new StringSchema())
                .addProperty(
                        "errors",
                        new io.swagger.v3.oas.models.media.ArraySchema()
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema())));
    }

    private static Map<String, String> tags(String... prefixesAndNames) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < prefixesAndNames.length; i += 2) {
            tags.put(prefixesAndNames[i], prefixesAndNames[i + 1]);
        }
        return tags;
    }
}
