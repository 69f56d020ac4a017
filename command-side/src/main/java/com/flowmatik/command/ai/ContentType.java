package com.flowmatik.command.ai;

import java.util.Locale;

/**
 * What {@code POST /api/ai/generate-content} can make. Long texts are written in three metered
 * steps — outline, draft, polish — each a request of its own linked to the generation's id.
 */
public enum ContentType {
    BLOG_POST(Agent.WRITER, true),
    SEO_ARTICLE(Agent.SEO, true),
    SOCIAL_POST(Agent.SOCIAL, false),
    PRODUCT_DESCRIPTION(Agent.WRITER, false),
    EMAIL(Agent.WRITER, false),
    IMAGE(null, false);

    private final Agent agent;
    private final boolean multiStep;

    ContentType(Agent agent, boolean multiStep) {
        this.agent = agent;
        this.multiStep = multiStep;
    }

    Agent agent() {
        return agent;
    }

    boolean multiStepByDefault() {
        return multiStep;
    }

    /** The name the API uses, e.g. {@code blog-post}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The type of that name, or null. */
    static ContentType named(String name) {
        for (ContentType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
