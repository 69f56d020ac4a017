package com.flowmatik.command.ai.provider;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The offline provider's picture: a grey placeholder, the same for every prompt, as an SVG {@code data:} URL. */
final class OfflineImage {

    private static final int DEFAULT_SIDE = 1024;
    private static final int LARGEST_SIDE = 4096;

    private OfflineImage() {}

    /** The placeholder at {@code WIDTHxHEIGHT}; a size that is not one gives 1024×1024. */
    static String dataUrl(String size) {
        String[] sides = size.split("x");
        int width = sides.length == 2 ? side(sides[0]) : DEFAULT_SIDE;
        int height = sides.length == 2 ? side(sides[1]) : DEFAULT_SIDE;
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#e5e7eb\"/>"
                + "<text x=\"50%\" y=\"50%\" text-anchor=\"middle\" dominant-baseline=\"middle\""
                + " font-family=\"sans-serif\" font-size=\"24\" fill=\"#374151\">offline image</text></svg>";
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    private static int side(String text) {
        String digits = text.strip();
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(Character::isDigit)) {
            return DEFAULT_SIDE;
        }
        int pixels = Integer.parseInt(digits);
        return pixels > 0 && pixels <= LARGEST_SIDE ? pixels : DEFAULT_SIDE;
    }
}
