package com.flowmatik.app.mcp;

import com.flowmatik.command.ai.provider.ModelCatalogue;
import com.flowmatik.command.payment.plans.PlanCatalogue;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What an agent may read before it acts: the plans on sale with their daily limits, and the models
 * it may name in {@code chat} with their prices, from the same catalogues as
 * {@code GET /api/payments/plans} and {@code GET /api/ai/models}.
 */
@Component
class McpResources {

    static final String PLANS = "flowmatik://plans";
    static final String MODELS = "flowmatik://models";

    private final PlanCatalogue plans;
    private final ModelCatalogue models;

    McpResources(PlanCatalogue plans, ModelCatalogue models) {
        this.plans = plans;
        this.models = models;
    }

    List<SyncResourceSpecification> specifications(McpJsonMapper json) {
        return List.of(
                resource(
                        json,
                        PLANS,
                        "plans",
                        "The plans on sale: price, daily request and token limits (null =" + " unlimited) and features",
                        plans::offers),
                resource(
                        json,
                        MODELS,
                        "models",
                        "The AI models a chat may name, with their prices per million" + " tokens in micro-dollars",
                        models::models));
    }

    private static SyncResourceSpecification resource(
            McpJsonMapper json, String uri, String name, String description, Supplier<Object> content) {
        McpSchema.Resource resource = McpSchema.Resource.builder()
                .uri(uri)
                .name(name)
                .description(description)
                .mimeType("application/json")
                .build();
        return new SyncResourceSpecification(resource, (context, request) -> {
            try {
                return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(
                        uri, "application/json", json.writeValueAsString(content.get()))));
            } catch (IOException unwritable) {
                throw new UncheckedIOException(unwritable);
            }
        });
    }
}
