package com.flowmatik.app.mcp;

import com.flowmatik.app.security.AuthenticatedUser;
import com.flowmatik.app.web.ApiProblem;
import com.flowmatik.app.web.FieldError;
import com.flowmatik.app.web.ProblemType;
import com.flowmatik.command.refusal.ErrorVocabulary;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What every tool shares: the caller from the transport context, the answer as JSON text, and a
 * refusal as a tool error carrying the same problem (type, status, title, detail) as the REST answer
 * to the same failure, from the one {@link ErrorVocabulary}, rather than a transport error.
 */
@Component
class ToolDoors {

    /** One tool's work for an authenticated caller; what it answers is written as JSON. */
    @FunctionalInterface
    interface Door {
        Object answer(AuthenticatedUser caller, Map<String, Object> arguments);
    }

    private final ErrorVocabulary errors;
    private final Validator validator;

    ToolDoors(ErrorVocabulary errors, Validator validator) {
        this.errors = errors;
        this.validator = validator;
    }

    SyncToolSpecification tool(
            McpJsonMapper json, String name, String description, Map<String, Object> schema, Door door) {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(name)
                .description(description)
                .inputSchema(schema)
                .build();
        return new SyncToolSpecification(
                tool,
                (context, request) ->
                        call(json, door, context, request.arguments() == null ? Map.of() : request.arguments()));
    }

    private CallToolResult call(
            McpJsonMapper json, Door door, McpTransportContext context, Map<String, Object> arguments) {
        Object caller = context.get(McpConfiguration.CALLER);
        try {
            if (!(caller instanceof AuthenticatedUser user)) {
                throw new ApiProblem(ProblemType.UNAUTHORIZED, "This tool needs an API key or a bearer token");
            }
            return CallToolResult.builder()
                    .addTextContent(write(json, door.answer(user, arguments)))
                    .build();
        } catch (RuntimeException failure) {
            ErrorVocabulary.DescribedError problem = errors.describe(failure);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", problem.type());
            body.put("status", problem.status());
            body.put("title", problem.title());
            body.put("detail", problem.detail());
            return CallToolResult.builder()
                    .isError(true)
                    .addTextContent(write(json, body))
                    .build();
        }
    }

    /** The body, if Bean Validation finds nothing wrong with it; otherwise a validation problem naming the fields. */
    <T> T valid(T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            List<FieldError> fields = violations.stream()
                    .map(violation -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                    .toList();
            throw new ApiProblem(ProblemType.VALIDATION, "The request has invalid fields", fields);
        }
        return body;
    }

    static String text(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ApiProblem.invalidField(name, "must be a string");
    }

    /** An object schema with string properties, of which {@code required} must be given. */
    @SafeVarargs
    static Map<String, Object> schema(List<String> required, Map.Entry<String, Object>... properties) {
        Map<String, Object> byName = new LinkedHashMap<>();
        Arrays.stream(properties).forEach(property -> byName.put(property.getKey(), property.getValue()));
        return Map.of("type", "object", "properties", byName, "required", required, "additionalProperties", false);
    }

    static Map.Entry<String, Object> string(String name, String description) {
        return Map.entry(name, Map.of("type", "string", "description", description));
    }

    private static String write(McpJsonMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
