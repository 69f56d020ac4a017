package com.flowmatik.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.SuiteLogs;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server driven by the SDK's own client over real HTTP: the tools and resources it lists,
 * each tool answering through the same services as REST (metered, limited, owned), refusals as tool
 * errors with the REST problem type, and no access without credentials or with a revoked key.
 */
class McpIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void listsEveryToolAndBothResources() {
        try (McpSyncClient client =
                client("Authorization", "Bearer " + api.register(uniqueEmail("mcp-list"), "mcp-list-pw", "Li"))) {
            List<String> tools = client.listTools().tools().stream()
                    .map(McpSchema.Tool::name)
                    .toList();
            List<String> resources = client.listResources().resources().stream()
                    .map(McpSchema.Resource::uri)
                    .toList();

            assertThat(tools)
                    .containsExactlyInAnyOrder(
                            "chat",
                            "generate_content",
                            "usage_today",
                            "usage_history",
                            "list_conversations",
                            "get_conversation",
                            "list_invoices",
                            "subscription");
            assertThat(client.listTools().tools())
                    .allSatisfy(tool -> assertThat(tool.description()).isNotBlank());
            assertThat(resources).containsExactlyInAnyOrder("flowmatik://plans", "flowmatik://models");
            String plans = ((McpSchema.TextResourceContents)
                            client.readResource(new McpSchema.ReadResourceRequest("flowmatik://plans"))
                                    .contents()
                                    .get(0))
                    .text();
            assertThat(JSON.readTree(plans)).hasSize(4);
        }
    }

    @Test
    void everyToolAnswersForAKeysOwnerAsTheRestEndpointWould() {
        String token = api.register(uniqueEmail("mcp-tools"), "mcp-tools-pw", "Tia");
        String id = api.get("/api/auth/me", token).json().path("id").asString();
        upgrade(id);
        String key = key(token);
        AI.reply("Hello from MCP", 12, 6);

        try (McpSyncClient client = client("X-API-Key", key)) {
            JsonNode answer = ok(client, "chat", Map.of("message", "Hello"));
            assertThat(answer.path("content").asString()).isEqualTo("Hello from MCP");
            String conversation = answer.path("conversationId").asString();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
                JsonNode today = ok(client, "usage_today", Map.of()).path("today");
                assertThat(today.path("requests").asLong()).isEqualTo(1);
                assertThat(today.path("promptTokens").asLong()
                                + today.path("completionTokens").asLong())
                        .isEqualTo(18);
                assertThat(ok(client, "list_conversations", Map.of())
                                .valueStream()
                                .map(summary -> summary.path("id").asString()))
                        .contains(conversation);
                assertThat(ok(client, "get_conversation", Map.of("id", conversation))
                                .path("messages"))
                        .hasSize(2);
            });
            assertThat(api.get("/api/ai/usage", token)
                            .json()
                            .path("today")
                            .path("requests")
                            .asLong())
                    .isEqualTo(1);
            AI.reply("A short post", 20, 10);
            assertThat(ok(client, "generate_content", Map.of("type", "social-post", "prompt", "Cats"))
                            .has("requestId"))
                    .isTrue();
            assertThat(ok(client, "usage_history", Map.of("from", "2026-01-01", "to", "2026-01-31"))
                            .path("daily"))
                    .isEmpty();
            assertThat(ok(client, "list_invoices", Map.of())).isEmpty();
            assertThat(ok(client, "subscription", Map.of()).has("plan")).isTrue();
        }
    }

    @Test
    void aRefusalIsAToolErrorWithTheRestProblemType() {
        String ada = api.register(uniqueEmail("mcp-ada"), "mcp-ada-pw", "Ada");
        String eve = api.register(uniqueEmail("mcp-eve"), "mcp-eve-pw", "Eve");
        AI.reply("Ada's secret", 3, 3);
        String adasConversation = api.post("/api/ai/chat", Map.of("message", "secret"), ada)
                .json()
                .path("conversationId")
                .asString();

        try (McpSyncClient client = client("Authorization", "Bearer " + eve)) {
            McpSchema.CallToolResult notHers = call(client, "get_conversation", Map.of("id", adasConversation));
            McpSchema.CallToolResult invalid = call(client, "chat", Map.of("message", " "));
            McpSchema.CallToolResult badDate =
                    call(client, "usage_history", Map.of("from", "yesterday", "to", "2026-01-01"));

            assertThat(notHers.isError()).isTrue();
            assertThat(text(notHers).path("type").asString()).endsWith("/not-found");
            assertThat(text(notHers).path("detail").asString()).doesNotContain("secret");
            assertThat(text(invalid).path("type").asString()).endsWith("/validation");
            assertThat(text(badDate).path("type").asString()).endsWith("/validation");
        }
    }

    @Test
    void aFreeUsersHundredAndFirstChatThroughMcpIsRefusedWithoutCallingTheProvider() {
        String token = api.register(uniqueEmail("mcp-limit"), "mcp-limit-pw", "Lim");
        for (int i = 0; i < 100; i++) {
            assertThat(api.post("/api/ai/chat", Map.of("message", "n" + i), token)
                            .status())
                    .isEqualTo(200);
        }
        int callsBefore = AI.chatCalls();

        try (McpSyncClient client = client("Authorization", "Bearer " + token)) {
            McpSchema.CallToolResult refused = call(client, "chat", Map.of("message", "one more"));

            assertThat(refused.isError()).isTrue();
            assertThat(text(refused).path("type").asString()).endsWith("/quota-exceeded");
            assertThat(text(refused).path("status").asInt()).isEqualTo(429);
        }
        assertThat(AI.chatCalls()).isEqualTo(callsBefore);
    }

    @Test
    void withoutCredentialsOrWithARevokedKeyMcpAnswers401() {
        String token = api.register(uniqueEmail("mcp-revoked"), "mcp-revoked-pw", "Rev");
        upgrade(api.get("/api/auth/me", token).json().path("id").asString());
        Response made = api.post("/api/auth/api-keys", Map.of("name", "agent"), token);
        String key = key(made);
        assertThat(initialize(null).status()).isEqualTo(401);
        assertThat(initialize(key).status()).isEqualTo(200);

        api.delete("/api/auth/api-keys/" + made.json().path("id").asString(), token);

        assertThat(initialize(key).status()).isEqualTo(401);
    }

    private McpSyncClient client(String header, String value) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        "http://localhost:" + port)
                .endpoint("/mcp")
                .jsonMapper(new JacksonMcpJsonMapper(JSON))
                .requestBuilder(HttpRequest.newBuilder().header(header, value))
                .build();
        McpSyncClient client =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    /** A raw JSON-RPC initialize over HTTP, as any client would send it first. */
    private Response initialize(String key) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
        HttpRequest.Builder request = api.request("/mcp", null)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return api.send(request);
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    private static JsonNode ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(client, tool, arguments);
        assertThat(result.isError())
                .as("%s answered %s", tool, result.content())
                .isNotEqualTo(Boolean.TRUE);
        return text(result);
    }

    private static JsonNode text(McpSchema.CallToolResult result) {
        return JSON.readTree(((McpSchema.TextContent) result.content().get(0)).text());
    }

    private void upgrade(String userId) {
        Response upgraded = api.send(api.request("/api/admin/users/" + userId + "/plan", adminToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"plan\":\"starter\"}")));
        assertThat(upgraded.status()).isEqualTo(200);
    }

    private String key(String token) {
        return key(api.post("/api/auth/api-keys", Map.of("name", "mcp"), token));
    }

    private static String key(Response made) {
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String key = made.json().path("key").asString();
        SuiteLogs.secretUsed(key);
        return key;
    }
}
