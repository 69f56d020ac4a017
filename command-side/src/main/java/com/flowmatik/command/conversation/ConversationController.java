package com.flowmatik.command.conversation;

import com.flowmatik.api.conversation.ConversationSummary;
import com.flowmatik.api.conversation.DeleteConversation;
import com.flowmatik.api.conversation.RenameConversation;
import com.flowmatik.api.identity.UserId;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PATCH} and {@code DELETE /api/ai/conversations/{id}}: the owner renames or deletes a
 * conversation; another user's is not found (404).
 */
@RestController
class ConversationController {

    private final CommandGateway commands;
    private final Clock clock;

    ConversationController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PatchMapping("/api/ai/conversations/{id}")
    ConversationSummary rename(Principal caller, @PathVariable String id, @Valid @RequestBody ConversationTitle body) {
        return commands.sendAndWait(
                new RenameConversation(id, UserId.of(caller.getName()), body.title(), clock.instant()));
    }

    @DeleteMapping("/api/ai/conversations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Principal caller, @PathVariable String id) {
        commands.sendAndWait(new DeleteConversation(id, UserId.of(caller.getName()), clock.instant()));
    }
}
