/** Chats: conversations of a user with the AI, their messages and titles. */
package com.flowmatik.api.conversation;
