package com.flowmatik.command.ai;

import com.flowmatik.command.ai.provider.AiModel;
import com.flowmatik.command.ai.provider.ChatMessage;
import com.flowmatik.command.ai.provider.TokenCounter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Builds the prompt of a chat turn within the model's context window: the agent's system prompt,
 * then as many of the latest earlier messages as fit, then the new message. A share of the window
 * is kept free for the answer.
 */
@Component
public class ContextWindow {

    /** Tokens kept free for the answer, unless the window is small, then a quarter of it. */
    static final int ANSWER_RESERVE = 4096;

    private final TokenCounter tokens;

    public ContextWindow(TokenCounter tokens) {
        this.tokens = tokens;
    }

    public List<ChatMessage> prompt(
            AiModel model, Agent agent, List<com.flowmatik.api.conversation.ChatMessage> history, String message) {
        ChatMessage system = ChatMessage.system(agent.systemPrompt());
        ChatMessage user = ChatMessage.user(message);
        long budget = budget(model) - tokens.countPrompt(List.of(system, user));
        List<ChatMessage> kept = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            var earlier = history.get(i);
            ChatMessage candidate = new ChatMessage(earlier.role(), earlier.content());
            long cost = tokens.countPrompt(List.of(candidate));
            if (cost > budget) {
                break;
            }
            budget -= cost;
            kept.add(candidate);
        }
        Collections.reverse(kept);
        List<ChatMessage> prompt = new ArrayList<>();
        prompt.add(system);
        prompt.addAll(kept);
        prompt.add(user);
        return prompt;
    }

    private static long budget(AiModel model) {
        int window = model.contextWindow();
        if (window <= 0) {
            return Long.MAX_VALUE / 2;
        }
        return window - Math.min(ANSWER_RESERVE, window / 4);
    }
}
