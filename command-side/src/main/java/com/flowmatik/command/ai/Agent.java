package com.flowmatik.command.ai;

import java.util.Locale;

/**
 * Named system prompts a chat can run with ({@code agent} in the request): what the model is asked
 * to be before it reads the conversation.
 */
public enum Agent {
    ASSISTANT("You are Flowmatik's helpful assistant. Answer clearly and briefly."),
    WRITER("You are a professional writer. Write engaging, well-structured prose in the user's language."),
    SEO("You are an SEO specialist. Optimise for search intent, keywords and headings; explain briefly why."),
    SOCIAL("You write social media posts: short, punchy, with a hook and at most three hashtags.");

    private final String systemPrompt;

    Agent(String systemPrompt) {
        this.systemPrompt = systemPrompt;
    }

    public String systemPrompt() {
        return systemPrompt;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The agent named, or the assistant when none is; null for an unknown name. */
    public static Agent named(String name) {
        if (name == null || name.isBlank()) {
            return ASSISTANT;
        }
        for (Agent agent : values()) {
            if (agent.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return agent;
            }
        }
        return null;
    }
}
