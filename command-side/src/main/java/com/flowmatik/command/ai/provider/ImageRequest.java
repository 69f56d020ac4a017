package com.flowmatik.command.ai.provider;

import java.util.Objects;

/**
 * A prompt for images.
 *
 * @param model the image model id
 * @param prompt what to draw
 * @param count how many images
 * @param size {@code WIDTHxHEIGHT}, e.g. {@code 1024x1024}
 */
public record ImageRequest(String model, String prompt, int count, String size) {

    public ImageRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(size, "size");
        if (count < 1) {
            throw new IllegalArgumentException("at least one image, not " + count);
        }
    }
}
