package com.flowmatik.query.conversations;

import com.flowmatik.api.conversation.ConversationSummary;
import com.flowmatik.api.conversation.FindConversations;
import com.flowmatik.api.identity.UserId;
import java.security.Principal;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ai/conversations}: the caller's own conversations, newest first. */
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
}
