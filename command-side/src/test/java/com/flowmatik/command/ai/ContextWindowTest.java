package com.flowmatik.command.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.api.conversation.ChatMessage;
import com.flowmatik.command.ai.provider.AiModel;
import com.flowmatik.command.ai.provider.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prompt of a turn fits the model's window: the oldest messages go first. */
class ContextWindowTest {

    private final TokenCounter tokens = new TokenCounter();
    private final ContextWindow context = new ContextWindow(tokens);

    @Test
    void aShortConversationIsSentWholeAfterTheAgentsSystemPrompt() {
        List<com.flowmatik.command.ai.provider.ChatMessage> prompt = context.prompt(
                model(65_536),
                Agent.WRITER,
                List.of(new ChatMessage("user", "Hi"), new ChatMessage("assistant", "Hello")),
                "Write a haiku");

        assertThat(prompt)
                .extracting(com.flowmatik.command.ai.provider.ChatMessage::role)
                .containsExactly("system", "user", "assistant", "user");
        assertThat(prompt.get(0).content()).isEqualTo(Agent.WRITER.systemPrompt());
        assertThat(prompt.get(3).content()).isEqualTo("Write a haiku");
    }

    @Test
    void theOldestMessagesAreLeftOutWhenTheWindowIsFull() {
        List<ChatMessage> history = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            history.add(new ChatMessage(
                    i % 2 == 0 ? "user" : "assistant", "message number " + i + " " + "word ".repeat(20)));
        }
        AiModel small = model(2_000);

        List<com.flowmatik.command.ai.provider.ChatMessage> prompt =
                context.prompt(small, Agent.ASSISTANT, history, "Now?");

        assertThat(tokens.countPrompt(prompt)).isLessThanOrEqualTo(small.contextWindow() - small.contextWindow() / 4);
        assertThat(prompt.get(prompt.size() - 2).content()).startsWith("message number 199 ");
        assertThat(prompt).noneMatch(message -> message.content().startsWith("message number 0 "));
        assertThat(prompt.get(prompt.size() - 1).content()).isEqualTo("Now?");
    }

    private static AiModel model(int window) {
        return new AiModel("m", "test", AiModel.CHAT, window, 0, 0);
    }
}
