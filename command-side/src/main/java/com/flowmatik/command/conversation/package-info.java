/** Conversations: the {@code Conversation} aggregate keeps a chat's messages and who it belongs to. */
package com.flowmatik.command.conversation;
