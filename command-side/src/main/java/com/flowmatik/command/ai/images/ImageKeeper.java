package com.flowmatik.command.ai.images;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.command.ai.provider.ProviderFailed;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * Keeps the images a provider generated: fetches each URL (or decodes each {@code data:} URL) right
 * away, stores the bytes, and answers the platform's own URLs for them. An image that cannot be
 * fetched fails the generation as a provider error rather than hand the user a link that dies.
 */
@Component
public class ImageKeeper {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(20);

    private final StoredImages images;
    private final Clock clock;
    private final IdGenerator ids;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    ImageKeeper(StoredImages images, Clock clock, IdGenerator ids) {
        this.images = images;
        this.clock = clock;
        this.ids = ids;
    }

    /** Stores every image and answers their {@code /api/ai/images/{id}} paths, in the same order. */
    public List<String> keep(UserId owner, String requestId, List<String> urls) {
        List<String> kept = new ArrayList<>();
        for (String url : urls) {
            Fetched image = url.startsWith("data:") ? decode(url) : fetch(url);
            String id = ids.generateId().toString();
            images.save(
                    new StoredImage(id, owner.value(), requestId, image.contentType(), image.bytes(), clock.instant()));
            kept.add("/api/ai/images/" + id);
        }
        return kept;
    }

    private record Fetched(String contentType, byte[] bytes) {}

    private Fetched fetch(String url) {
        URI uri = URI.create(url);
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new ProviderFailed("The provider answered an image URL that is not http(s)", 0, null, null);
        }
        try {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new ProviderFailed(
                            "The provider's image could not be fetched", response.statusCode(), null, null);
                }
                byte[] bytes = body.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new ProviderFailed("The provider's image is larger than 10 MB", 0, null, null);
                }
                String type = response.headers().firstValue("Content-Type").orElse("image/png");
                return new Fetched(type, bytes);
            }
        } catch (IOException unreachable) {
            throw new ProviderFailed("The provider's image could not be fetched", 0, null, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ProviderFailed("Interrupted while fetching the provider's image", 0, null, interrupted);
        }
    }

    private static Fetched decode(String dataUrl) {
        int comma = dataUrl.indexOf(',');
        String header = dataUrl.substring("data:".length(), comma);
        String type = header.split(";")[0];
        byte[] bytes = header.endsWith(";base64")
                ? Base64.getDecoder().decode(dataUrl.substring(comma + 1))
                : dataUrl.substring(comma + 1).getBytes(StandardCharsets.UTF_8);
        return new Fetched(type.isEmpty() ? "application/octet-stream" : type, bytes);
    }
}
