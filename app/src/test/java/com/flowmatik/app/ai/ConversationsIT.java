package com.flowmatik.app.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A chat front end reloads, renames and deletes its conversations (API.md): the owner's only,
 * another user's is not found, and a deleted one is gone while what it cost stays charged.
 */
class ConversationsIT extends IntegrationTest {

    @Test
    void aConversationReloadsWithEveryMessageInOrder() {
        String ada = signUp("reload");
        AI.reply("First answer", 5, 2);
        JsonNode first = chat(ada, Map.of("message", "First question")).json();
        String id = first.path("conversationId").asString();
        AI.reply("Second answer", 9, 2);
        JsonNode second = chat(ada, Map.of("message", "Second question", "conversationId", id))
                .json();

        JsonNode conversation = awaitMessages(ada, id, 4);

        assertThat(conversation.path("id").asString()).isEqualTo(id);
        assertThat(conversation.path("title").asString()).isEqualTo("First question");
        assertThat(conversation.path("createdAt").asString()).isNotBlank();
        assertThat(conversation.path("updatedAt").asString()).isNotBlank();
        JsonNode messages = conversation.path("messages");
        assertThat(messages.valueStream()
                        .map(message -> message.path("role").asString())
                        .toList())
                .containsExactly("user", "assistant", "user", "assistant");
        assertThat(messages.valueStream()
                        .map(message -> message.path("content").asString())
                        .toList())
                .containsExactly("First question", "First answer", "Second question", "Second answer");
        assertThat(messages.get(0).path("requestId").asString())
                .isEqualTo(first.path("requestId").asString());
        assertThat(messages.get(3).path("requestId").asString())
                .isEqualTo(second.path("requestId").asString());
        assertThat(messages.get(0).path("at").asString()).isNotBlank();
    }

    @Test
    void theOwnerRenamesIt() {
        String ada = signUp("rename");
        String id = chat(ada, Map.of("message", "Untitled thoughts"))
                .json()
                .path("conversationId")
                .asString();

        Response renamed = api.patch("/api/ai/conversations/" + id, Map.of("title", "Bakery taglines"), ada);

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("id").asString()).isEqualTo(id);
        assertThat(renamed.json().path("title").asString()).isEqualTo("Bakery taglines");
        assertThat(renamed.json().path("messageCount").asInt()).isEqualTo(2);
        assertThat(renamed.json().path("updatedAt").asString()).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            assertThat(api.get("/api/ai/conversations/" + id, ada)
                            .json()
                            .path("title")
                            .asString())
                    .isEqualTo("Bakery taglines");
            assertThat(api.get("/api/ai/conversations", ada)
                            .json()
                            .get(0)
                            .path("title")
                            .asString())
                    .isEqualTo("Bakery taglines");
        });
        assertThat(eventTypesOf(id)).contains("com.flowmatik.api.conversation.ConversationRenamed");
    }

    @Test
    void aTitleMustNotBeBlank() {
        String ada = signUp("blank-title");
        String id = chat(ada, Map.of("message", "Hello"))
                .json()
                .path("conversationId")
                .asString();

        Response refused = api.patch("/api/ai/conversations/" + id, Map.of("title", " "), ada);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).endsWith("/validation");
    }

    @Test
    void anotherUsersConversationIsNotFoundWhateverTheyTry() {
        String ada = signUp("owner");
        String eve = signUp("intruder");
        String id = chat(ada, Map.of("message", "Private matters"))
                .json()
                .path("conversationId")
                .asString();
        awaitMessages(ada, id, 2);

        assertThat(api.get("/api/ai/conversations/" + id, eve).status()).isEqualTo(404);
        assertThat(api.patch("/api/ai/conversations/" + id, Map.of("title", "Mine"), eve)
                        .status())
                .isEqualTo(404);
        assertThat(api.delete("/api/ai/conversations/" + id, eve).status()).isEqualTo(404);
        assertThat(api.get("/api/ai/conversations/no-such-conversation", ada).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/ai/conversations/no-such-conversation", ada).status())
                .isEqualTo(404);
        assertThat(api.get("/api/ai/conversations/" + id, ada).status()).isEqualTo(200);
    }

    @Test
    void aDeletedConversationIsGoneButWhatItCostStaysCharged() {
        String ada = signUp("delete");
        String userId = api.get("/api/auth/me", ada).json().path("id").asString();
        AI.reply("An answer", 12, 6);
        String id = chat(ada, Map.of("message", "Forget me"))
                .json()
                .path("conversationId")
                .asString();
        awaitMessages(ada, id, 2);

        Response deleted = api.delete("/api/ai/conversations/" + id, ada);

        assertThat(deleted.status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            assertThat(api.get("/api/ai/conversations/" + id, ada).status()).isEqualTo(404);
            assertThat(api.get("/api/ai/conversations", ada).json().size()).isZero();
        });
        assertThat(api.delete("/api/ai/conversations/" + id, ada).status()).isEqualTo(404);
        assertThat(chat(ada, Map.of("message", "Back again", "conversationId", id))
                        .status())
                .isEqualTo(404);
        assertThat(eventTypesOf("usage:" + userId)).contains("com.flowmatik.api.usage.TokensCharged");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode today = api.get("/api/ai/usage", ada).json().path("today");
            assertThat(today.path("requests").asLong()).isEqualTo(1);
            assertThat(today.path("tokens").asLong()).isEqualTo(18);
        });
    }

    private JsonNode awaitMessages(String token, String id, int count) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            Response answer = api.get("/api/ai/conversations/" + id, token);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().path("messages").size()).isEqualTo(count);
            found[0] = answer.json();
        });
        return found[0];
    }

    private String signUp(String name) {
        return api.register(uniqueEmail(name), "chat-password", name);
    }

    private Response chat(String token, Map<String, Object> body) {
        return api.post("/api/ai/chat", body, token);
    }
}
