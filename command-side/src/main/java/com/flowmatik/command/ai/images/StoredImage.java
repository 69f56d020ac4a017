package com.flowmatik.command.ai.images;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** One kept image and whose it is. */
@Entity
@Table(name = "stored_image")
class StoredImage {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    @Column(name = "request_id", nullable = false, length = 64)
    private String requestId;

    @Column(name = "content_type", nullable = false, length = 64)
    private String contentType;

    @Lob
    @Column(name = "data", nullable = false, length = Integer.MAX_VALUE)
    private byte[] data;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredImage() {}

    StoredImage(String id, String userId, String requestId, String contentType, byte[] data, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.requestId = requestId;
        this.contentType = contentType;
        this.data = data;
        this.createdAt = createdAt;
    }

    String userId() {
        return userId;
    }

    String contentType() {
        return contentType;
    }

    byte[] data() {
        return data;
    }
}
