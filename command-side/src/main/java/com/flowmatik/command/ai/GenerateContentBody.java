package com.flowmatik.command.ai;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/ai/generate-content}: a text type ({@code blog-post}, {@code seo-article},
 * {@code social-post}, {@code product-description}, {@code email}) or {@code image}, and the prompt.
 */
public record GenerateContentBody(
        @NotBlank @Pattern(
                regexp = "blog-post|seo-article|social-post|product-description|email|image",
                message = "must be blog-post, seo-article, social-post, product-description, email or image")
        String type,

        @NotBlank @Size(max = 8_000) String prompt,
        @Size(max = 128) String model,
        Boolean multiStep,
        @Min(1) @Max(4) Integer count,

        @Pattern(regexp = "\\d{2,4}x\\d{2,4}", message = "must be WIDTHxHEIGHT, e.g. 1024x1024") String size) {}
