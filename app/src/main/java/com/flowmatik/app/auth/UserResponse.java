package com.flowmatik.app.auth;

import com.flowmatik.api.identity.UserView;
import java.time.Instant;

/** The {@code user} object of the API; {@code status} is {@code active} or {@code deactivated}. */
public record UserResponse(
        String id, String email, String name, String role, String plan, String status, Instant createdAt) {

    public static UserResponse from(UserView user) {
        return new UserResponse(
                user.id().value(),
                user.email(),
                user.name(),
                user.role().wireName(),
                user.plan().wireName(),
                user.active() ? "active" : "deactivated",
                user.createdAt());
    }
}
