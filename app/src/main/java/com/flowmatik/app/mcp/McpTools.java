package com.flowmatik.app.mcp;

import com.flowmatik.api.conversation.ConversationSummary;
import com.flowmatik.api.conversation.ConversationTranscript;
import com.flowmatik.api.conversation.FindConversation;
import com.flowmatik.api.conversation.FindConversations;
import com.flowmatik.api.payment.FindSubscription;
import com.flowmatik.api.payment.SubscriptionView;
import com.flowmatik.api.refusal.BusinessRuleViolation;
import com.flowmatik.api.refusal.ErrorCode;
import com.flowmatik.api.usage.FindUsage;
import com.flowmatik.api.usage.UsageReport;
import com.flowmatik.app.security.AuthenticatedUser;
import com.flowmatik.app.web.ApiProblem;
import com.flowmatik.app.web.ProblemType;
import com.flowmatik.command.ai.ChatBody;
import com.flowmatik.command.ai.ContentGenerator;
import com.flowmatik.command.ai.GenerateContentBody;
import com.flowmatik.command.ai.MeteredChat;
import com.flowmatik.query.payments.FindInvoices;
import com.flowmatik.query.payments.InvoiceView;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The tools an agent calls. Each one is what its REST endpoint does, through the same service or
 * query: {@code chat} is {@code POST /api/ai/chat} (metered, limited, recorded in the conversation),
 * {@code generate_content} is {@code POST /api/ai/generate-content}, and the rest read the caller's
 * own usage, conversations, invoices and subscription. Inputs are checked by the same Bean
 * Validation constraints as the REST bodies.
 */
@Component
class McpTools {

    static final int MAX_HISTORY_DAYS = 366;

    private final MeteredChat chat;
    private final ContentGenerator generator;
    private final QueryGateway queries;
    private final ToolDoors doors;
    private final Clock clock;

    McpTools(MeteredChat chat, ContentGenerator generator, QueryGateway queries, ToolDoors doors, Clock clock) {
        this.chat = chat;
        this.generator = generator;
        this.queries = queries;
        this.doors = doors;
        this.clock = clock;
    }

    List<SyncToolSpecification> specifications(io.modelcontextprotocol.json.McpJsonMapper json) {
        return List.of(
                doors.tool(
                        json,
                        "chat",
                        "Send a message to the AI and get its answer. Counts as one request"
                                + " against your plan's daily limits, like a chat in the app; refused with"
                                + " quota-exceeded once they are reached.",
                        ToolDoors.schema(
                                List.of("message"),
                                ToolDoors.string("message", "What to say to the AI (up to 32,000 characters)"),
                                ToolDoors.string(
                                        "conversationId", "Continue this conversation; omit to start a new one"),
                                ToolDoors.string("model", "A model id from the models resource; omit for the default"),
                                ToolDoors.string(
                                        "agent", "An agent persona, such as 'writer' or 'coder'; omit for none")),
                        this::chat),
                doors.tool(
                        json,
                        "generate_content",
                        "Generate a piece of content (blog-post, seo-article,"
                                + " social-post, product-description, email, or image) from a prompt. Metered"
                                + " like chat.",
                        ToolDoors.schema(
                                List.of("type", "prompt"),
                                ToolDoors.string(
                                        "type",
                                        "blog-post, seo-article, social-post, product-description,"
                                                + " email or image"),
                                ToolDoors.string("prompt", "What the content is about (up to 8,000 characters)"),
                                ToolDoors.string("model", "A model id; omit for the default")),
                        this::generateContent),
                doors.tool(
                        json,
                        "usage_today",
                        "Your plan, today's requests and tokens, and your daily limits" + " (null = unlimited).",
                        ToolDoors.schema(List.of()),
                        (caller, arguments) -> usage(caller, today(), today())),
                doors.tool(
                        json,
                        "usage_history",
                        "Your usage per UTC day between two dates (at most 366 days).",
                        ToolDoors.schema(
                                List.of("from", "to"),
                                ToolDoors.string("from", "First day, YYYY-MM-DD"),
                                ToolDoors.string("to", "Last day, YYYY-MM-DD, on or after from")),
                        (caller, arguments) -> usage(caller, date(arguments, "from"), date(arguments, "to"))),
                doors.tool(
                        json,
                        "list_conversations",
                        "Your conversations, most recently updated first.",
                        ToolDoors.schema(List.of()),
                        (caller, arguments) -> queries.query(
                                        new FindConversations(caller.userId()),
                                        ResponseTypes.multipleInstancesOf(ConversationSummary.class))
                                .join()),
                doors.tool(
                        json,
                        "get_conversation",
                        "One of your conversations with all its messages.",
                        ToolDoors.schema(List.of("id"), ToolDoors.string("id", "The conversation's id")),
                        this::conversation),
                doors.tool(
                        json,
                        "list_invoices",
                        "Your invoices, with their status and lines.",
                        ToolDoors.schema(List.of()),
                        (caller, arguments) -> queries.query(
                                        new FindInvoices(caller.userId()),
                                        ResponseTypes.multipleInstancesOf(InvoiceView.class))
                                .join()),
                doors.tool(
                        json,
                        "subscription",
                        "Your plan and subscription: status, provider and period end.",
                        ToolDoors.schema(List.of()),
                        (caller, arguments) -> queries.query(
                                        new FindSubscription(caller.userId()),
                                        ResponseTypes.instanceOf(SubscriptionView.class))
                                .join()));
    }

    private Object chat(AuthenticatedUser caller, Map<String, Object> arguments) {
        ChatBody body = doors.valid(new ChatBody(
                ToolDoors.text(arguments, "message"),
                ToolDoors.text(arguments, "conversationId"),
                ToolDoors.text(arguments, "model"),
                ToolDoors.text(arguments, "agent"),
                false));
        return chat.begin(new MeteredChat.Input(
                        caller.userId(), body.message(), body.conversationId(), body.model(), body.agent()))
                .run(null);
    }

    private Object generateContent(AuthenticatedUser caller, Map<String, Object> arguments) {
        GenerateContentBody body = doors.valid(new GenerateContentBody(
                ToolDoors.text(arguments, "type"),
                ToolDoors.text(arguments, "prompt"),
                ToolDoors.text(arguments, "model"),
                null,
                null,
                null));
        return generator.generate(caller.userId(), body);
    }

    private Object conversation(AuthenticatedUser caller, Map<String, Object> arguments) {
        String id = ToolDoors.text(arguments, "id");
        if (id == null || id.isBlank()) {
            throw ApiProblem.invalidField("id", "must not be blank");
        }
        return queries.query(
                        new FindConversation(id, caller.userId()),
                        ResponseTypes.optionalInstanceOf(ConversationTranscript.class))
                .join()
                .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.NOT_FOUND, "No such conversation"));
    }

    private UsageReport usage(AuthenticatedUser caller, LocalDate from, LocalDate to) {
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_HISTORY_DAYS) {
            throw new ApiProblem(ProblemType.VALIDATION, "from must be on or before to, at most 366 days apart");
        }
        return queries.query(
                        new FindUsage(caller.userId(), from, to, today()), ResponseTypes.instanceOf(UsageReport.class))
                .join();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static LocalDate date(Map<String, Object> arguments, String name) {
        String value = ToolDoors.text(arguments, name);
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException notADate) {
            throw ApiProblem.invalidField(name, "must be a date, YYYY-MM-DD");
        }
    }
}
