package com.flowmatik.query.conversations;

import com.flowmatik.api.conversation.ConversationSummary;
import com.flowmatik.api.conversation.ConversationTranscript;
import com.flowmatik.api.conversation.FindConversation;
import com.flowmatik.api.conversation.FindConversations;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import java.security.Principal;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ai/conversations}: the caller's own conversations, newest first; and
 * {@code GET /api/ai/conversations/{id}}: one of them with its messages (another user's: 404).
 */
@RestController
class ConversationsController {

    private final QueryGateway queries;

    ConversationsController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/ai/conversations")
    List<ConversationSummary> conversations(Principal caller) {
        return queries.query(
                        new FindConversations(UserId.of(caller.getName())),
                        ResponseTypes.multipleInstancesOf(ConversationSummary.class))
                .join();
    }

    @GetMapping("/api/ai/conversations/{id}")
    ConversationTranscript conversation(Principal caller, @PathVariable String id) {
        return queries.query(
                        new FindConversation(id, UserId.of(caller.getName())),
                        ResponseTypes.optionalInstanceOf(ConversationTranscript.class))
                .join()
                .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.NOT_FOUND, "No such conversation"));
    }
}
