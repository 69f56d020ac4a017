package com.flowmatik.api.usage;

/** What an AI request produces. */
public enum RequestKind {
    CHAT,
    CONTENT,
    IMAGE
}
