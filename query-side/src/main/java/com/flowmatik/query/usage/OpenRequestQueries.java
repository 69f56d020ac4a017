package com.flowmatik.query.usage;

import com.flowmatik.api.usage.FindOpenAiRequests;
import com.flowmatik.api.usage.OpenAiRequest;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Answers {@link FindOpenAiRequests} from the request log: the candidates for closing as abandoned. */
@Component
class OpenRequestQueries {

    private final AiRequestRows requests;

    OpenRequestQueries(AiRequestRows requests) {
        this.requests = requests;
    }

    @QueryHandler
    List<OpenAiRequest> handle(FindOpenAiRequests query) {
        return requests
                .findByStatusAndStartedAtBeforeOrderByStartedAt(
                        AiRequestRow.Status.STARTED, query.startedBefore(), PageRequest.of(0, query.limit()))
                .stream()
                .map(AiRequestRow::toOpenRequest)
                .toList();
    }
}
