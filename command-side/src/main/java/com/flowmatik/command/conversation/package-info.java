/**
 * Conversations: the {@code Conversation} aggregate keeps a chat's messages and who it belongs to;
 * its owner renames or deletes it here.
 */
package com.flowmatik.command.conversation;
