package com.flowmatik.command.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/ai/conversations/{id}}: the title the owner chose. */
record ConversationTitle(
        @NotBlank @Size(max = Conversation.MAX_TITLE_LENGTH) String title) {}
