package com.flowmatik.command.ai.provider;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingResult;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * Counts tokens the way OpenAI's chat models do (cl100k_base), for when a provider reports none:
 * the offline provider's usage, estimated charges, and fitting a conversation into a context window.
 * Text is encoded as ordinary text, so a user who types a special token such as
 * {@code <|endoftext|>} is counted, not refused.
 */
public final class TokenCounter {

    /** OpenAI's chat format wraps every message in three tokens of its own. */
    static final int TOKENS_PER_MESSAGE = 3;

    /** …and primes the reply with three more. */
    static final int TOKENS_PER_REPLY = 3;

    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    /** Tokens of a piece of text. */
    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    /**
     * Tokens of a chat prompt as the provider reads it: each message's role and content, plus the
     * chat format's own.
     */
    public long countPrompt(List<ChatMessage> messages) {
        long tokens = TOKENS_PER_REPLY;
        for (ChatMessage message : messages) {
            tokens += TOKENS_PER_MESSAGE + count(message.role()) + count(message.content());
        }
        return tokens;
    }

    /** The text cut to at most {@code maxTokens} tokens, on a token boundary. */
    public String truncate(String text, int maxTokens) {
        EncodingResult encoded = encoding.encodeOrdinary(text, maxTokens);
        return encoded.isTruncated() ? encoding.decode(encoded.getTokens()) : text;
    }
}
