package com.flowmatik.command.ai.images;

import java.security.Principal;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/ai/images/{id}}: a kept image, to its owner only (anyone else gets 404). */
@RestController
class ImagesController {

    private final StoredImages images;

    ImagesController(StoredImages images) {
        this.images = images;
    }

    @GetMapping("/api/ai/images/{id}")
    ResponseEntity<byte[]> image(Principal caller, @PathVariable String id) {
        StoredImage image = images.findById(id)
                .filter(found -> found.userId().equals(caller.getName()))
                .orElseThrow(() ->
                        new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "No such image"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(image.data());
    }
}
