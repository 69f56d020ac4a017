package com.flowmatik.api.conversation;

/** One message of a conversation as a model reads it: who said it ({@code user} or {@code assistant}) and what. */
public record ChatMessage(String role, String content) {}
