package com.flowmatik.app.live;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/admin/notifications}: what to tell, and to whom ({@link Audience}). */
record BroadcastRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 2000) String message,
        @NotBlank String audience) {}
