package com.flowmatik.command.ai.provider;

import java.util.List;

/**
 * Images a provider generated. Provider URLs expire (SiliconFlow's after an hour), so whoever must
 * keep an image stores it rather than the URL.
 *
 * @param urls image URLs, in the provider's order (may be {@code data:} URLs)
 * @param b64 base64-encoded images, where the provider sent data instead of URLs
 * @param usage the usage the provider reported, or {@code null} when it reported none
 */
public record ImageGeneration(List<String> urls, List<String> b64, TokenUsage usage) {

    public ImageGeneration {
        urls = List.copyOf(urls);
        b64 = List.copyOf(b64);
    }
}
