package com.flowmatik.app.live;

import com.flowmatik.app.security.AuthenticatedUser;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' broadcasts: 202 once sent, with the number of sessions of this instance it went to
 * (other instances deliver to theirs as the message reaches them).
 */
@RestController
class NotificationsController {

    private final Broadcasts broadcasts;

    NotificationsController(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    record Sent(int delivered, String audience) {}

    @PostMapping("/api/admin/notifications")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Sent broadcast(@AuthenticationPrincipal AuthenticatedUser operator, @Valid @RequestBody BroadcastRequest request) {
        Audience audience = Audience.parse(request.audience());
        int delivered = broadcasts.send(audience, request.title(), request.message(), operator.userId());
        return new Sent(delivered, audience.wireName());
    }
}
